//! The `newsline` command: opens the app, or extracts timelines and tags corpora
//! headless (Contract 1 in DESIGN.md).

use std::io::{BufRead, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};

use newsline::{events, source, temporal};

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
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Extract { format, dct, paths }) => extract(format, dct, &paths),
        Some(Command::Timex { corpus }) => timex(&corpus),
        None => open_app(cli.paths),
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

fn open_app(paths: Vec<PathBuf>) -> Result<()> {
    let paths = if paths.is_empty() { default_paths() } else { paths };
    newsline::app::run(paths).map_err(|e| anyhow::anyhow!("cannot open the window: {e}"))
}

fn extract(format: Format, dct: Option<NaiveDate>, paths: &[PathBuf]) -> Result<()> {
    let (mut articles, errors) = source::load_paths(paths);
    for e in &errors {
        eprintln!("newsline: skipped {e}");
    }
    if articles.is_empty() {
        bail!("no readable article in {}", paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", "));
    }
    if let Some(d) = dct {
        for a in articles.iter_mut().filter(|a| a.published.is_none()) {
            a.published = Some(d);
            a.warnings.retain(|w| !w.starts_with("no publication date"));
            a.warnings.push(format!("publication date {d} given by --dct"));
        }
    }
    let timeline = events::extract(&articles);
    let mut out = BufWriter::new(std::io::stdout().lock());
    match format {
        Format::Json => writeln!(out, "{}", timeline.to_json())?,
        Format::Jsonl => {
            for e in &timeline.events {
                writeln!(out, "{}", serde_json::to_string(e)?)?;
            }
        }
        Format::Csv => write!(out, "{}", newsline::export::csv::to_csv(&timeline))?,
        Format::Timelinejs => {
            let title = match timeline.articles.as_slice() {
                [one] => one.title.clone(),
                many => format!("{} articles", many.len()),
            };
            writeln!(out, "{}", serde_json::to_string_pretty(&newsline::export::timelinejs::to_timelinejs(&timeline, &title))?)?
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
