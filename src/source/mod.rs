//! Reading articles: files and folders in, [`Article`]s out.
//!
//! Each format has its own reader; this module walks paths, picks the reader,
//! and turns every failure into a [`LoadError`] that names the file, so one bad
//! file never stops the rest.

pub mod text;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

/// One article, as read from its source.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    pub title: String,
    pub published: Option<NaiveDate>,
    pub url: Option<String>,
    pub path: Option<PathBuf>,
    /// The text that mention offsets point into (Contract 2).
    pub text: String,
    pub warnings: Vec<String>,
}

/// A file that could not be read, and why.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}: {reason}", path.display())]
pub struct LoadError {
    pub path: PathBuf,
    pub reason: String,
}

impl LoadError {
    fn new(path: &Path, reason: impl Into<String>) -> Self {
        LoadError { path: path.to_path_buf(), reason: reason.into() }
    }
}

/// File names in a folder that document the folder rather than hold an article.
fn is_documentation(path: &Path) -> bool {
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("").to_ascii_uppercase();
    matches!(stem.as_str(), "README" | "MANIFEST" | "LICENSE" | "LICENCE" | "COPYING" | "NOTICE" | "ATTRIBUTION")
}

/// Extensions read as articles when a folder is walked.
fn is_article_file(path: &Path) -> bool {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    matches!(ext.as_str(), "txt" | "text" | "md" | "markdown") && !is_documentation(path)
}

/// Lists the article files under the given paths: files as given, folders walked
/// recursively in name order. Unreadable folders are reported, not fatal.
pub fn collect_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<LoadError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if p.is_dir() {
            walk(p, &mut files, &mut errors, 0);
        } else if p.exists() {
            files.push(p.clone());
        } else {
            errors.push(LoadError::new(p, "no such file or folder"));
        }
    }
    (files, errors)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<LoadError>, depth: usize) {
    // Deep trees are almost always symlink loops.
    if depth > 32 {
        errors.push(LoadError::new(dir, "folder nesting deeper than 32 levels (a symlink loop?); skipped"));
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            errors.push(LoadError::new(dir, format!("cannot read folder: {e}")));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            walk(&p, files, errors, depth + 1);
        } else if is_article_file(&p) {
            files.push(p);
        }
    }
}

/// Reads one file into its articles.
pub fn load_file(path: &Path) -> Result<Vec<Article>, LoadError> {
    let bytes = std::fs::read(path).map_err(|e| LoadError::new(path, format!("cannot read: {e}")))?;
    let text = decode(&bytes).map_err(|reason| LoadError::new(path, reason))?;
    let mut article = text::read(&text);
    article.path = Some(path.to_path_buf());
    Ok(vec![article])
}

/// Bytes to text: UTF-8, with a byte-order mark removed.
fn decode(bytes: &[u8]) -> Result<String, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.contains(&0) {
        return Err("binary file (contains NUL bytes), not text".into());
    }
    String::from_utf8(bytes.to_vec()).map_err(|e| format!("not valid UTF-8 text (at byte {})", e.utf8_error().valid_up_to()))
}

/// Reads every article under the given paths. Files that fail are reported and skipped.
pub fn load_paths(paths: &[PathBuf]) -> (Vec<Article>, Vec<LoadError>) {
    let (files, mut errors) = collect_files(paths);
    let mut articles = Vec::new();
    for f in files {
        match load_file(&f) {
            Ok(a) => articles.extend(a),
            Err(e) => errors.push(e),
        }
    }
    (articles, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_and_invalid_text_are_errors() {
        assert!(decode(b"\x89PNG\r\n\x1a\n\0\0").is_err());
        assert!(decode(b"caf\xe9").is_err());
        assert_eq!(decode(b"\xEF\xBB\xBFhello").unwrap(), "hello");
    }

    #[test]
    fn documentation_files_are_not_articles() {
        assert!(!is_article_file(Path::new("sample_data/MANIFEST.md")));
        assert!(is_article_file(Path::new("sample_data/story.txt")));
        assert!(!is_article_file(Path::new("sample_data/picture.png")));
    }
}
