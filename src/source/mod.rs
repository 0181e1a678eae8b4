//! Reading articles: files and folders in, [`Article`]s out.
//!
//! Each format has its own reader; this module walks paths, picks the reader,
//! and turns every failure into a [`LoadError`] that names the file, so one bad
//! file never stops the rest.

pub mod dates;
pub mod encoding;
pub mod feed;
pub mod html;
pub mod records;
pub mod text;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rayon::prelude::*;

/// One article, as read from its source.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    pub title: String,
    pub published: Option<NaiveDate>,
    pub url: Option<String>,
    pub path: Option<PathBuf>,
    /// The text that mention offsets point into (Contract 2).
    pub text: String,
    /// Where the story starts in `text`: after front matter, which is metadata, not story.
    pub body_start: usize,
    /// The source holds no story (a web page whose text is a listing, a shop's grid
    /// or menus): its text is read, but it reports no events.
    pub no_story: bool,
    pub warnings: Vec<String>,
}

/// The warning on an article with no publication date.
pub const NO_DATE: &str = "no publication date found; relative dates stay unresolved";

impl Article {
    /// An article from metadata fields (a feed item, a news record): the text is
    /// the title, a blank line, then the body, as the article view shows it.
    pub fn from_parts(title: String, body: &str, published: Option<NaiveDate>, url: Option<String>) -> Article {
        let mut text = String::with_capacity(title.len() + body.len() + 2);
        if !title.is_empty() && !body.starts_with(&title) {
            text.push_str(&title);
            text.push_str("\n\n");
        }
        text.push_str(body);
        let warnings = if published.is_none() { vec![NO_DATE.to_string()] } else { Vec::new() };
        Article { title, published, url, path: None, text, body_start: 0, no_story: false, warnings }
    }

    /// Gives the article its publication date; the "no date" warning goes with it.
    pub fn set_published(&mut self, date: NaiveDate) {
        self.published = Some(date);
        self.warnings.retain(|w| w != NO_DATE);
    }

    /// Gives an undated article the date the user named (`--dct`), saying so in its
    /// warnings; an article with a date of its own keeps it.
    pub fn date_by_default(&mut self, date: NaiveDate) {
        if self.published.is_none() {
            self.set_published(date);
            self.warnings.push(format!("publication date {date} given by --dct"));
        }
    }

    /// The story's body: the text without its front matter and its title line.
    pub fn story(&self) -> &str {
        let body = self.text.get(self.body_start..).unwrap_or("").trim_start();
        match body.strip_prefix(self.title.as_str()) {
            Some(rest) if !self.title.is_empty() && (rest.is_empty() || rest.starts_with('\n')) => rest.trim_start(),
            _ => body,
        }
    }
}

/// The host of a web address, without "www.": "en.wikinews.org". Parsed by the
/// `url` crate, the one place a host is read from a link.
pub fn url_host(u: &str) -> Option<String> {
    let url = url::Url::parse(u.trim()).ok()?;
    let host = url.host_str()?;
    Some(host.strip_prefix("www.").unwrap_or(host).to_string())
}

/// Keeps a link only if it is a web address: a `file:` or `javascript:` URL from
/// untrusted metadata must never be opened or written back out. The readers and
/// the model (for saved timelines) share this rule.
pub fn web_url(u: &str) -> Option<String> {
    let u = u.trim();
    (u.starts_with("http://") || u.starts_with("https://")).then(|| u.to_string())
}

/// A file that could not be read, or a part of one, and why.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}: {reason}", path.display())]
pub struct LoadError {
    pub path: PathBuf,
    pub reason: String,
}

impl LoadError {
    pub fn new(path: &Path, reason: impl Into<String>) -> Self {
        LoadError { path: path.to_path_buf(), reason: reason.into() }
    }
}

/// Why a file's bytes could not be read as news.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ReadError {
    #[error("empty file")]
    Empty,
    #[error("binary file (contains NUL bytes), not text")]
    Binary,
    #[error("not a readable RSS/Atom/JSON feed: {0}")]
    Feed(String),
    #[error("no news records could be read ({0})")]
    NoRecords(String),
}

/// What one file held: articles, or a saved timeline, and the parts that could
/// not be read (a broken line in a JSON Lines dump).
#[derive(Debug, Default)]
pub struct FileContents {
    pub articles: Vec<Article>,
    pub timeline: Option<SavedTimeline>,
    pub problems: Vec<LoadError>,
}

/// A saved Newsline timeline (Contract 2) among the inputs. The readers only
/// recognise it; the model reads it (`Timeline::read_saved`), as untrusted input.
#[derive(Debug, Clone, PartialEq)]
pub enum SavedTimeline {
    /// A file that opens as a timeline, read as a stream (it may be hundreds of MB).
    File(PathBuf),
    /// A timeline found as a JSON value inside the file `from` (empty for bytes
    /// read without a file).
    Json { from: PathBuf, value: serde_json::Value },
}

/// Everything read from a set of paths.
#[derive(Debug, Default)]
pub struct Loaded {
    pub articles: Vec<Article>,
    pub timelines: Vec<SavedTimeline>,
    pub errors: Vec<LoadError>,
}

/// Files larger than this are refused rather than read into memory (saved
/// timelines are streamed and have no limit).
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// A text or web page larger than this is read only this far.
pub const MAX_ARTICLE_BYTES: u64 = 16 * 1024 * 1024;

/// The first `limit` bytes of a file, cut back to the end of a line so that no
/// character or word is split.
fn read_head(path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut bytes = Vec::with_capacity(limit as usize);
    std::fs::File::open(path)?.take(limit).read_to_end(&mut bytes)?;
    if let Some(nl) = bytes.iter().rposition(|&b| b == b'\n') {
        bytes.truncate(nl + 1);
    } else if let Err(e) = std::str::from_utf8(&bytes)
        && e.error_len().is_none()
    {
        // One long line: at least do not split a UTF-8 character.
        bytes.truncate(e.valid_up_to());
    }
    Ok(bytes)
}

/// File names in a folder that document the folder rather than hold an article.
fn is_documentation(path: &Path) -> bool {
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("").to_ascii_uppercase();
    matches!(stem.as_str(), "README" | "MANIFEST" | "LICENSE" | "LICENCE" | "COPYING" | "NOTICE" | "ATTRIBUTION")
}

/// The formats Newsline reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Html,
    Feed,
    Json,
}

fn format_from_extension(path: &Path) -> Option<Format> {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    EXTENSIONS.iter().find(|(e, _)| *e == ext).map(|&(_, f)| f)
}

/// Every file extension the readers take, and the format it suggests. The open
/// dialog lists these, so the window and the readers agree.
pub const EXTENSIONS: &[(&str, Format)] = &[
    ("txt", Format::Text),
    ("text", Format::Text),
    ("md", Format::Text),
    ("markdown", Format::Text),
    ("html", Format::Html),
    ("htm", Format::Html),
    ("xhtml", Format::Html),
    ("shtml", Format::Html),
    ("rss", Format::Feed),
    ("atom", Format::Feed),
    ("xml", Format::Feed),
    ("feed", Format::Feed),
    ("json", Format::Json),
    ("jsonl", Format::Json),
    ("ndjson", Format::Json),
];

/// The format a file's first bytes show, which beats a misleading extension
/// (a feed saved as `.txt`, a page saved without one).
fn sniff(text: &str) -> Option<Format> {
    let head: String = text.trim_start().chars().take(512).collect::<String>().to_ascii_lowercase();
    if head.starts_with("<?xml") || head.starts_with("<rss") || head.starts_with("<feed") || head.starts_with("<rdf") {
        return Some(if head.contains("<html") { Format::Html } else { Format::Feed });
    }
    if head.starts_with("<!doctype html") || head.starts_with("<html") || head.starts_with("<head") {
        return Some(Format::Html);
    }
    if head.starts_with('{') || head.starts_with('[') {
        // A JSON Feed names its version in its first lines.
        return Some(if head.contains("jsonfeed.org/version") { Format::Feed } else { Format::Json });
    }
    None
}

/// Extensions read as articles when a folder is walked.
fn is_article_file(path: &Path) -> bool {
    format_from_extension(path).is_some() && !is_documentation(path)
}

/// Lists the article files under the given paths: files as given, folders walked
/// recursively in name order. Unreadable folders are reported, not fatal.
pub fn collect_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<LoadError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if p.is_dir() {
            walk(p, &mut files, &mut errors);
        } else if p.exists() {
            files.push(p.clone());
        } else {
            errors.push(LoadError::new(p, "no such file or folder"));
        }
    }
    (files, errors)
}

/// Walks a folder tree without recursion, visiting each real folder once, so
/// symlink loops end.
fn walk(root: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<LoadError>) {
    let mut seen = std::collections::HashSet::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let real = std::fs::canonicalize(&dir).unwrap_or_else(|_| dir.clone());
        if !seen.insert(real) {
            errors.push(LoadError::new(&dir, "folder already visited (a symlink loop?); skipped"));
            continue;
        }
        let entries = match std::fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) => {
                errors.push(LoadError::new(&dir, format!("cannot read folder: {e}")));
                continue;
            }
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        let mut subdirs = Vec::new();
        for p in paths {
            if p.is_dir() {
                subdirs.push(p);
            } else if is_article_file(&p) {
                files.push(p);
            }
        }
        // Reversed so that the stack yields folders in name order.
        stack.extend(subdirs.into_iter().rev());
    }
}

/// Whether a file's first bytes open a Newsline timeline (Contract 2), which
/// is read as a stream: a year of a wire service is a file of hundreds of MB.
fn looks_like_timeline(head: &[u8]) -> bool {
    let head = String::from_utf8_lossy(head);
    let t = head.trim_start_matches('\u{feff}').trim_start();
    // `"version": 1`, a number: a JSON Feed's version is a URL.
    let Some(rest) = t.strip_prefix('{').map(str::trim_start).and_then(|r| r.strip_prefix("\"version\"")) else { return false };
    rest.trim_start().strip_prefix(':').is_some_and(|r| r.trim_start().starts_with(|c: char| c.is_ascii_digit()))
}

/// Reads one file.
pub fn load_file(path: &Path) -> Result<FileContents, LoadError> {
    {
        use std::io::Read;
        let mut file = std::fs::File::open(path).map_err(|e| LoadError::new(path, format!("cannot read: {e}")))?;
        let mut head = [0u8; 64];
        let n = file.read(&mut head).map_err(|e| LoadError::new(path, format!("cannot read: {e}")))?;
        if looks_like_timeline(&head[..n]) {
            return Ok(FileContents { timeline: Some(SavedTimeline::File(path.to_path_buf())), ..Default::default() });
        }
    }
    let size = std::fs::metadata(path).map_err(|e| LoadError::new(path, format!("cannot read: {e}")))?.len();
    let hint = format_from_extension(path);
    // One article is rarely over a few hundred KB: a huge text or page is read in
    // part, so memory stays bounded, and the article says so.
    let cut = matches!(hint, Some(Format::Text | Format::Html) | None) && size > MAX_ARTICLE_BYTES;
    if !cut && size > MAX_FILE_BYTES {
        return Err(LoadError::new(path, format!("file is {} MB, over the {} MB limit", size >> 20, MAX_FILE_BYTES >> 20)));
    }
    let bytes = if cut { read_head(path, MAX_ARTICLE_BYTES) } else { std::fs::read(path) }
        .map_err(|e| LoadError::new(path, format!("cannot read: {e}")))?;
    let mut contents = read_bytes(&bytes, hint).map_err(|e| LoadError::new(path, e.to_string()))?;
    if cut {
        for a in &mut contents.articles {
            a.warnings.push(format!("only the first {} MB of this {} MB file were read", MAX_ARTICLE_BYTES >> 20, size >> 20));
        }
    }
    for a in &mut contents.articles {
        a.path = Some(path.to_path_buf());
    }
    for p in &mut contents.problems {
        p.path = path.to_path_buf();
    }
    if let Some(SavedTimeline::Json { from, .. }) = &mut contents.timeline {
        *from = path.to_path_buf();
    }
    Ok(contents)
}

/// Reads bytes of a known or unknown format. Problems inside the file carry an empty path.
pub fn read_bytes(bytes: &[u8], hint: Option<Format>) -> Result<FileContents, ReadError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ReadError::Empty);
    }
    let declared = encoding::declared_charset(bytes);
    let decoded = encoding::decode(bytes, declared.as_deref())?;
    let text = decoded.text.strip_prefix('\u{feff}').unwrap_or(&decoded.text);
    let format = sniff(text).or(hint).unwrap_or(Format::Text);
    let mut out = FileContents::default();
    match format {
        Format::Text => out.articles.push(text::read(text)),
        Format::Html => out.articles.push(html::read(text)),
        // feed-rs reads bytes; give it the decoded text so the encoding is already right.
        Format::Feed => out.articles = feed::read(text.as_bytes())?,
        Format::Json => {
            let r = records::read(text);
            if r.articles.is_empty() && r.timeline.is_none() {
                let why = r.problems.first().cloned().unwrap_or_else(|| "no records".into());
                return Err(ReadError::NoRecords(why));
            }
            out.articles = r.articles;
            out.timeline = r.timeline;
            out.problems = r.problems.into_iter().map(|reason| LoadError { path: PathBuf::new(), reason }).collect();
        }
    }
    if let Some(note) = decoded.note {
        for a in &mut out.articles {
            a.warnings.push(note.clone());
        }
    }
    Ok(out)
}

/// Reads every article under the given paths, files in parallel. Files that
/// fail are reported and skipped; the order of the result follows the paths.
pub fn load_paths(paths: &[PathBuf]) -> Loaded {
    let (files, errors) = collect_files(paths);
    let results: Vec<Result<FileContents, LoadError>> = files.par_iter().map(|f| load_file(f)).collect();
    let mut loaded = Loaded { errors, ..Default::default() };
    for r in results {
        match r {
            Ok(c) => {
                loaded.articles.extend(c.articles);
                loaded.timelines.extend(c.timeline);
                loaded.errors.extend(c.problems);
            }
            Err(e) => loaded.errors.push(e),
        }
    }
    loaded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_and_empty_files_are_errors() {
        assert!(read_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", None).is_err());
        assert!(read_bytes(b"  \n ", None).is_err());
    }

    #[test]
    fn timelines_are_told_from_json_feeds() {
        assert!(looks_like_timeline(b"{\n  \"version\": 1,\n  \"articles\": ["));
        assert!(!looks_like_timeline(b"{\"version\": \"https://jsonfeed.org/version/1.1\""));
        assert!(!looks_like_timeline(b"[{\"version\": 1}]"));
    }

    #[test]
    fn content_beats_extension() {
        assert_eq!(sniff("<?xml version=\"1.0\"?><rss>"), Some(Format::Feed));
        assert_eq!(sniff("  <!DOCTYPE html><html>"), Some(Format::Html));
        assert_eq!(sniff("{\"title\": 1}"), Some(Format::Json));
        assert_eq!(sniff("{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}"), Some(Format::Feed));
        assert_eq!(sniff("Plain story"), None);
    }

    #[test]
    fn documentation_files_are_not_articles() {
        assert!(!is_article_file(Path::new("sample_data/MANIFEST.md")));
        assert!(is_article_file(Path::new("sample_data/story.txt")));
        assert!(!is_article_file(Path::new("sample_data/picture.png")));
    }
}
