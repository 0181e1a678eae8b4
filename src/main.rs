//! The `newsline` command: opens the app, or extracts timelines and tags corpora
//! headless (Contract 1 in DESIGN.md).

use std::io::{BufRead, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};

use newsline::{events, source, temporal};

/// Reading articles allocates many small strings and vectors; mimalloc serves them
/// faster than the system allocator (`cargo bench --bench pipeline`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(name = "newsline", version, about = "Find the dated events in news articles and lay them out on a timeline.")]
#[command(args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Files or folders to open in the app (default: the sample data).
    paths: Vec<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Print the timeline of the given articles.
    Extract {
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Publication date for articles that have none (YYYY-MM-DD).
        #[arg(long, value_parser = parse_date)]
        dct: Option<NaiveDate>,
        /// Only events whose date is written in the text, none inferred from the story or the publication date.
        #[arg(long)]
        explicit_only: bool,
        /// The map step for archives: one JSON line per article, its own events and
        /// mentions, not merged across articles (with --format jsonl; "-" reads JSON
        /// Lines news records from stdin). `newsline merge` is the reduce step.
        #[arg(long)]
        per_article: bool,
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Merge per-article lines (`extract --per-article`) into one timeline: the same
    /// timeline `extract` gives for all those articles at once.
    Merge {
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// The merge spread over machines (the README's Archives section), step 1: the
        /// reach of these lines' mentions, "BUCKET<TAB>REACH" lines.
        #[arg(long, conflicts_with_all = ["links", "plan", "split", "events", "join"])]
        reach: bool,
        /// Step 2: from step 1's lines (every line of a bucket together), the links
        /// between units that may meet, "AT ROOT AT ROOT" lines.
        #[arg(long, conflicts_with_all = ["plan", "split", "events", "join"])]
        links: bool,
        /// Step 3: from the links of all buckets, the plan: each linked unit and its
        /// part, "AT ROOT PART_AT PART_ROOT" lines.
        #[arg(long, conflicts_with_all = ["split", "events", "join"])]
        plan: bool,
        /// Step 4: cut each line by the parts of this plan (step 3's lines): prints
        /// "PART<TAB>LINE" for each part the article has mentions in, and "-<TAB>LINE"
        /// once with the article alone.
        #[arg(long, value_name = "PLAN", conflicts_with_all = ["events", "join"])]
        split: Option<PathBuf>,
        /// Step 5: from step 4's "PART<TAB>LINE" lines (every line of a part together),
        /// each part merged alone; prints the events as JSON lines, each naming its
        /// articles by their place in the run (`at`).
        #[arg(long, conflicts_with = "join")]
        events: bool,
        /// Step 6: the timeline of the articles read from PARTS (the "-" lines of step 4)
        /// with the events in this file (step 5's lines of every part).
        #[arg(long, value_name = "EVENTS")]
        join: Option<PathBuf>,
        /// With --reach or --split: pack the records by the shard their key hashes to,
        /// "SHARD<TAB>RECORD\x1eRECORD…" lines, so a shuffle moves a few long lines;
        /// --links and --events read records packed or not.
        #[arg(long, value_name = "N")]
        shards: Option<usize>,
        /// Files of per-article lines, or "-" for stdin.
        #[arg(required = true)]
        parts: Vec<PathBuf>,
    },
    /// Draw the timeline of the given articles as an SVG or PNG picture, without a window.
    Export {
        /// Output file: .svg or .png.
        #[arg(short, long)]
        output: PathBuf,
        #[arg(long, default_value_t = 1600)]
        width: u32,
        #[arg(long, default_value_t = 900)]
        height: u32,
        /// First date shown (YYYY-MM-DD); default: fit every event.
        #[arg(long, value_parser = parse_date)]
        from: Option<NaiveDate>,
        /// Last date shown (YYYY-MM-DD).
        #[arg(long, value_parser = parse_date)]
        to: Option<NaiveDate>,
        #[arg(long, value_enum, default_value_t = ThemeArg::Light)]
        theme: ThemeArg,
        /// Title of the picture; default: the article's title.
        #[arg(long)]
        title: Option<String>,
        /// Pixel density of a PNG (2 for HiDPI).
        #[arg(long, default_value_t = 1.0)]
        scale: f32,
        /// Publication date for articles that have none (YYYY-MM-DD).
        #[arg(long, value_parser = parse_date)]
        dct: Option<NaiveDate>,
        /// Only events whose date is written in the text, none inferred from the story or the publication date.
        #[arg(long)]
        explicit_only: bool,
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Print the articles as read, before any event: one JSON object per line,
    /// {"path","title","published","url","text","warnings"}.
    Read {
        #[arg(long, value_enum, default_value_t = ReadFormat::Jsonl)]
        format: ReadFormat,
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Tag a corpus of JSON Lines documents {"id","dct","text"} with TIMEX3 expressions.
    Timex {
        #[arg(long)]
        corpus: PathBuf,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum ThemeArg {
    Light,
    Dark,
}

#[derive(Clone, Copy, ValueEnum)]
enum ReadFormat {
    Jsonl,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Jsonl,
    Csv,
    Timelinejs,
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| format!("expected YYYY-MM-DD: {e}"))
}

fn main() -> ExitCode {
    let started = std::time::Instant::now();
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Extract { format, dct, explicit_only, per_article: true, paths }) => map(format, dct, explicit_only, &paths),
        Some(Command::Extract { format, dct, explicit_only, per_article: false, paths }) => extract(format, dct, explicit_only, &paths),
        Some(Command::Merge { format, reach, links, plan, split, events, join, shards, parts }) => {
            let step = match (reach, links, plan, split, events, join) {
                (true, ..) => MergeStep::Reach,
                (_, true, ..) => MergeStep::Links,
                (_, _, true, ..) => MergeStep::Plan,
                (.., Some(file), _, _) => MergeStep::Split(file),
                (.., true, _) => MergeStep::Events,
                (.., Some(file)) => MergeStep::Join(file),
                _ => MergeStep::All,
            };
            if shards.is_some() && !matches!(step, MergeStep::Reach | MergeStep::Split(_)) {
                Err(anyhow::anyhow!("--shards packs the records of --reach or --split"))
            } else {
                merge(format, step, shards, &parts)
            }
        }
        Some(Command::Export { output, width, height, from, to, theme, title, scale, dct, explicit_only, paths }) => {
            let theme = match theme {
                ThemeArg::Light => newsline::export::Theme::Light,
                ThemeArg::Dark => newsline::export::Theme::Dark,
            };
            export(&output, ExportArgs { width, height, from, to, theme, title, scale }, dct, explicit_only, &paths)
        }
        Some(Command::Read { format: ReadFormat::Jsonl, paths }) => read(&paths),
        Some(Command::Timex { corpus }) => timex(&corpus),
        None => open_app(cli.paths, started),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("newsline: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn default_paths() -> Vec<PathBuf> {
    let local = PathBuf::from("sample_data");
    if local.is_dir() {
        return vec![local];
    }
    vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_data")]
}

fn open_app(paths: Vec<PathBuf>, started: std::time::Instant) -> Result<()> {
    newsline::app::run(paths, default_paths(), started).map_err(|e| anyhow::anyhow!("cannot open the window: {e}"))
}

/// `newsline read`: each article as read (Contract 1), skipped files on stderr.
fn read(paths: &[PathBuf]) -> Result<()> {
    let source::Loaded { articles, timelines: _, errors } = source::load_paths(paths);
    for e in &errors {
        eprintln!("newsline: skipped {e}");
    }
    if articles.is_empty() && errors.is_empty() {
        bail!("no article in {}", paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", "));
    }
    let mut out = BufWriter::new(std::io::stdout().lock());
    for a in &articles {
        let line = serde_json::json!({
            "path": a.path.as_ref().map(|p| p.display().to_string()),
            "title": a.title,
            "published": a.published.map(|d| d.to_string()),
            "url": a.url,
            "text": a.story(),
            "warnings": a.warnings,
        });
        serde_json::to_writer(&mut out, &line)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(())
}

/// Reads the paths into one timeline, reporting skipped files on stderr.
fn load_timeline(dct: Option<NaiveDate>, explicit_only: bool, paths: &[PathBuf]) -> Result<newsline::timeline::Timeline> {
    let source::Loaded { mut articles, timelines, errors } = source::load_paths(paths);
    for e in &errors {
        eprintln!("newsline: skipped {e}");
    }
    if articles.is_empty() && timelines.is_empty() {
        bail!("no readable article in {}", paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", "));
    }
    if let Some(d) = dct {
        articles.iter_mut().for_each(|a| a.date_by_default(d));
    }
    let mut timeline = events::extract(&articles);
    for e in timeline.append_saved(timelines) {
        eprintln!("newsline: skipped {e}");
    }
    if explicit_only {
        timeline.keep_explicit();
    }
    Ok(timeline)
}

struct ExportArgs {
    width: u32,
    height: u32,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    theme: newsline::export::Theme,
    title: Option<String>,
    scale: f32,
}

fn export(output: &Path, args: ExportArgs, dct: Option<NaiveDate>, explicit_only: bool, paths: &[PathBuf]) -> Result<()> {
    use newsline::export::{self, ImageSpec};
    use newsline::layout::x_from_date;
    let ext = output.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    if !matches!(ext.as_str(), "svg" | "png") {
        bail!("cannot tell the image format of {}: name it .svg or .png", output.display());
    }
    if !(64..=16384).contains(&args.width) || !(64..=16384).contains(&args.height) {
        bail!("--width and --height must be between 64 and 16384 pixels");
    }
    if !(0.25..=8.0).contains(&args.scale) {
        bail!("--scale must be between 0.25 and 8");
    }
    let timeline = load_timeline(dct, explicit_only, paths)?;
    let fit = export::fit_range(&timeline);
    let range = match (args.from, args.to) {
        (None, None) => None,
        (from, to) => {
            let a = from.map_or(fit.0, x_from_date);
            let b = to.map_or(fit.1, |d| x_from_date(d) + 1.0);
            if b <= a {
                bail!("--from must come before --to");
            }
            Some((a, b))
        }
    };
    let spec = ImageSpec { width: args.width, height: args.height, range, theme: args.theme, title: args.title, scale: args.scale };
    let bytes = export::render_image(&timeline, &spec, output).map_err(|e| anyhow::anyhow!(e))?;
    newsline::files::write_atomic(output, &bytes).with_context(|| format!("cannot write {}", output.display()))?;
    Ok(())
}

fn extract(format: Format, dct: Option<NaiveDate>, explicit_only: bool, paths: &[PathBuf]) -> Result<()> {
    let timeline = load_timeline(dct, explicit_only, paths)?;
    write_timeline(&timeline, format)
}

fn write_timeline(timeline: &newsline::timeline::Timeline, format: Format) -> Result<()> {
    use newsline::export;
    let format = match format {
        Format::Json => export::DataFormat::Json,
        Format::Jsonl => export::DataFormat::Jsonl,
        Format::Csv => export::DataFormat::Csv,
        Format::Timelinejs => export::DataFormat::TimelineJs,
    };
    let mut out = BufWriter::new(std::io::stdout().lock());
    out.write_all(export::render_data(timeline, format).as_bytes())?;
    out.flush()?;
    Ok(())
}

/// `extract --per-article`: the map step, streamed to stdout.
fn map(format: Format, dct: Option<NaiveDate>, explicit_only: bool, paths: &[PathBuf]) -> Result<()> {
    if !matches!(format, Format::Jsonl) {
        bail!("--per-article writes one JSON line per article: add --format jsonl");
    }
    if explicit_only {
        bail!("--per-article writes every mention for the reduce step; filter with `newsline merge` output instead of --explicit-only");
    }
    let mut out = BufWriter::new(std::io::stdout().lock());
    let report = if paths.len() == 1 && paths[0].as_os_str() == "-" {
        newsline::archive::map_stream(std::io::stdin().lock(), dct, &mut out)?
    } else {
        newsline::archive::map_paths(paths, dct, &mut out)?
    };
    out.flush()?;
    for e in &report.skipped {
        eprintln!("newsline: skipped {e}");
    }
    if report.articles == 0 && !report.skipped.is_empty() {
        bail!("no readable article");
    }
    Ok(())
}

/// What `newsline merge` does with its lines: all of the reduce step, or one step of
/// the reduce spread over machines (see the README's Archives section).
enum MergeStep {
    All,
    Reach,
    Links,
    Plan,
    Split(PathBuf),
    Events,
    Join(PathBuf),
}

/// Reads per-article lines from files or stdin; what cannot be read is reported.
fn read_lines(parts: &[PathBuf]) -> Result<Vec<events::ArticleMentions>> {
    let mut lines = Vec::new();
    let mut skipped = Vec::new();
    for p in parts {
        if p.as_os_str() == "-" {
            newsline::archive::read_parts(std::io::stdin().lock(), "-", &mut lines, &mut skipped)?;
            continue;
        }
        match std::fs::File::open(p) {
            Ok(f) => newsline::archive::read_parts(std::io::BufReader::new(f), &p.display().to_string(), &mut lines, &mut skipped)?,
            Err(e) => skipped.push(source::LoadError::new(p, format!("cannot read: {e}"))),
        }
    }
    for e in &skipped {
        eprintln!("newsline: skipped {e}");
    }
    Ok(lines)
}

/// The text of files or stdin, one after another: the input of the steps whose lines
/// are not per-article lines.
fn read_text(parts: &[PathBuf]) -> Result<String> {
    let mut text = String::new();
    for p in parts {
        if p.as_os_str() == "-" {
            std::io::Read::read_to_string(&mut std::io::stdin().lock(), &mut text)?;
        } else {
            text.push_str(&std::fs::read_to_string(p).with_context(|| format!("cannot read {}", p.display()))?);
        }
        if !text.ends_with('\n') {
            text.push('\n');
        }
    }
    Ok(text)
}

/// `newsline merge`: the reduce step, or one step of it spread over machines.
fn merge(format: Format, step: MergeStep, shards: Option<usize>, parts: &[PathBuf]) -> Result<()> {
    use newsline::archive;
    let mut out = BufWriter::new(std::io::stdout().lock());
    match step {
        MergeStep::Links => {
            archive::links(&read_text(parts)?, &mut out)?.map_err(|e| anyhow::anyhow!("merge --links: {e}"))?;
        }
        MergeStep::Plan => {
            for ((a, b), (c, d)) in archive::plan(&read_text(parts)?).map_err(|e| anyhow::anyhow!("merge --plan: {e}"))? {
                writeln!(out, "{a} {b} {c} {d}")?;
            }
        }
        MergeStep::Events => {
            let (pieces, skipped) = archive::read_keyed_parts(&read_text(parts)?);
            for e in &skipped {
                eprintln!("newsline: skipped {e}");
            }
            for e in pieces.into_values().flat_map(archive::merge_part_by_place) {
                writeln!(out, "{}", serde_json::to_string(&e)?)?;
            }
        }
        step => {
            let lines = read_lines(parts)?;
            match step {
                MergeStep::All | MergeStep::Join(_) if lines.is_empty() => {
                    bail!("no per-article line in {}", parts.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", "))
                }
                MergeStep::All => return write_timeline(&archive::merge(lines), format),
                MergeStep::Reach => {
                    let mut records = archive::Records::new(&mut out, shards);
                    for line in &lines {
                        archive::reach_lines(line, &mut records)?;
                    }
                    records.finish()?;
                }
                MergeStep::Split(file) => {
                    let text = std::fs::read_to_string(&file).with_context(|| format!("cannot read {}", file.display()))?;
                    let plan = archive::read_plan(&text).map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
                    let mut records = archive::Records::new(&mut out, shards);
                    for line in &lines {
                        records.line(&format!("-\t{}", serde_json::to_string(&line.head())?))?;
                        for ((at, root), piece) in archive::split_by_plan(line, &plan) {
                            records.record(&format!("{at}.{root}"), &serde_json::to_string(&piece)?)?;
                        }
                    }
                    records.finish()?;
                }
                MergeStep::Join(file) => {
                    let text = std::fs::read_to_string(&file).with_context(|| format!("cannot read {}", file.display()))?;
                    let mut events = Vec::new();
                    for (n, l) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
                        events
                            .push(serde_json::from_str(l).with_context(|| format!("{}: line {} is not an event", file.display(), n + 1))?);
                    }
                    let timeline = archive::join(lines, events).map_err(|e| anyhow::anyhow!(e))?;
                    return write_timeline(&timeline, format);
                }
                MergeStep::Links | MergeStep::Plan | MergeStep::Events => unreachable!("handled above"),
            }
        }
    }
    out.flush()?;
    Ok(())
}

#[derive(serde::Deserialize)]
struct CorpusDoc {
    id: String,
    dct: Option<String>,
    text: String,
}

fn timex(corpus: &Path) -> Result<()> {
    let file = std::fs::File::open(corpus).with_context(|| format!("cannot open corpus {}", corpus.display()))?;
    let mut tagger = temporal::Tagger::new();
    let mut out = BufWriter::new(std::io::stdout().lock());
    for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.with_context(|| format!("{}: cannot read line {}", corpus.display(), n + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        let doc: CorpusDoc = match serde_json::from_str(&line) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("newsline: {}:{}: skipped, not a corpus document: {e}", corpus.display(), n + 1);
                continue;
            }
        };
        let dct = doc.dct.as_deref().and_then(|d| parse_date(d.get(..10).unwrap_or(d)).ok());
        let found = tagger.tag(&doc.text, dct);
        let timex: Vec<serde_json::Value> = found
            .iter()
            .map(|t| serde_json::json!({"start": t.start, "end": t.end, "type": t.kind, "value": t.value.to_string()}))
            .collect();
        writeln!(out, "{}", serde_json::json!({"id": doc.id, "timex": timex}))?;
    }
    out.flush()?;
    Ok(())
}
