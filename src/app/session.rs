//! The session: what was open and how it was viewed, saved as JSON whenever it
//! changes and reopened on the next start. Saves are atomic (a temporary file,
//! then a rename), so a crash or a kill at any moment leaves the last good
//! session; a session file that cannot be read is kept aside as a copy and the
//! app starts fresh, saying so.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::state::ViewState;

/// 2: sources and corrections are keyed by the article's file or URL, not its load order.
pub const VERSION: u32 = 2;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub version: u32,
    /// Files and folders that were open.
    pub paths: Vec<PathBuf>,
    /// Version 1 kept hidden sources by load order; read to migrate, never written.
    #[serde(default, skip_serializing)]
    pub hidden_sources: Vec<usize>,
    /// How the window was viewed: its fields sit at the top level of the file, as
    /// they always have.
    #[serde(flatten)]
    pub state: ViewState,
    /// What was opened before, newest first (File ▸ Open recent).
    #[serde(default)]
    pub recent: Vec<Vec<PathBuf>>,
}

/// Corrections the user made, keyed so they survive a reload and other files
/// opening beside them: an event by its first mention's article key and offset
/// (`feeds/bbc.xml#3@1204`), an article by its key.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Edits {
    #[serde(default)]
    pub hidden_events: Vec<String>,
    #[serde(default)]
    pub titles: Vec<(String, String)>,
    #[serde(default)]
    pub dates: Vec<(String, chrono::NaiveDate, chrono::NaiveDate)>,
    #[serde(default)]
    pub article_dates: Vec<(String, chrono::NaiveDate)>,
}

/// What names each article of a timeline whatever else is open: its file and its
/// place among that file's articles (`sample_data/a.txt#0`, `feeds/bbc.xml#3`), else
/// its URL, else its title. Load order (the `a3` ids) changes when another file
/// opens and sorts before it; these do not.
#[derive(Debug, Clone, Default)]
pub struct ArticleKeys {
    keys: Vec<String>,
    by_id: std::collections::HashMap<String, usize>,
    by_key: std::collections::HashMap<String, usize>,
}

impl ArticleKeys {
    pub fn of(tl: &crate::timeline::Timeline) -> Self {
        let mut in_file: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        let keys: Vec<String> = tl
            .articles
            .iter()
            .map(|a| match (&a.path, &a.url) {
                (Some(p), _) => {
                    let n = in_file.entry(p.as_str()).or_default();
                    *n += 1;
                    format!("{p}#{}", *n - 1)
                }
                (None, Some(u)) => u.clone(),
                (None, None) => format!("title:{}", a.title),
            })
            .collect();
        let by_id = tl.articles.iter().enumerate().map(|(i, a)| (a.id.clone(), i)).collect();
        let by_key = keys.iter().enumerate().map(|(i, k)| (k.clone(), i)).collect();
        ArticleKeys { keys, by_id, by_key }
    }

    /// The key of the article at `index` in the timeline.
    pub fn key(&self, index: usize) -> Option<&str> {
        self.keys.get(index).map(String::as_str)
    }

    /// The key of the article whose id (`a3`) is `id`.
    pub fn of_id(&self, id: &str) -> Option<&str> {
        self.by_id.get(id).and_then(|&i| self.key(i))
    }

    /// Where the article whose id (`a3`) is `id` is in the timeline.
    pub fn index_of_id(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// Where the article with `key` is in the timeline.
    pub fn index_of(&self, key: &str) -> Option<usize> {
        self.by_key.get(key).copied()
    }
}

/// The stable key of an event for [`Edits`]: its first mention's article key and offset.
pub fn event_key(e: &crate::timeline::Event, articles: &ArticleKeys) -> String {
    e.mentions.first().and_then(|m| Some(format!("{}@{}", articles.of_id(&m.article)?, m.anchor()?))).unwrap_or_else(|| e.id.clone())
}

/// Rewrites a version 1 session's keys (load-order ids, `a3@1204`, source positions)
/// as article keys, read against the timeline its own files just gave: the same
/// files in the same order, so `a3` is the same article it was.
pub fn migrate(s: &mut Session, articles: &ArticleKeys) {
    if s.version >= 2 {
        return;
    }
    let event = |k: &mut String| {
        if let Some((id, at)) = k.split_once('@')
            && let Some(key) = articles.of_id(id)
        {
            *k = format!("{key}@{at}");
        }
    };
    s.state.edits.hidden_events.iter_mut().for_each(event);
    s.state.edits.titles.iter_mut().for_each(|(k, _)| event(k));
    s.state.edits.dates.iter_mut().for_each(|(k, _, _)| event(k));
    for (k, _) in &mut s.state.edits.article_dates {
        if let Some(key) = articles.of_id(k) {
            *k = key.to_string();
        }
    }
    let hidden = std::mem::take(&mut s.hidden_sources).into_iter().filter_map(|i| articles.key(i).map(str::to_string));
    s.state.hidden_articles.extend(hidden);
    s.state.hidden_articles.sort_unstable();
    s.state.hidden_articles.dedup();
    s.version = VERSION;
}

impl Default for Session {
    fn default() -> Self {
        Session { version: VERSION, paths: Vec::new(), hidden_sources: Vec::new(), state: ViewState::default(), recent: Vec::new() }
    }
}

/// What reading the session file gave.
#[derive(Debug)]
pub enum Restored {
    /// No session yet: a first run.
    Fresh,
    Session(Box<Session>),
    /// The file was unreadable; it was copied to `backup` and the app starts fresh.
    Corrupt {
        reason: String,
        backup: Option<PathBuf>,
    },
}

/// Where the session lives: `$NEWSLINE_SESSION`, else the platform's config
/// folder (from the `directories` crate: `~/.config/newsline` on Linux, Application
/// Support on macOS, AppData on Windows).
pub fn default_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("NEWSLINE_SESSION") {
        return Some(PathBuf::from(p));
    }
    let dirs = directories::ProjectDirs::from("", "", "newsline")?;
    Some(dirs.config_dir().join("session.json"))
}

pub fn save(path: &Path, session: &Session) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let json = serde_json::to_vec_pretty(session).map_err(std::io::Error::other)?;
    crate::files::write_atomic(path, &json)
}

pub fn load(path: &Path) -> Restored {
    remove_stale_temporaries(path);
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Restored::Fresh,
        Err(e) => return Restored::Corrupt { reason: format!("cannot read {}: {e}", path.display()), backup: None },
    };
    match serde_json::from_slice::<Session>(&bytes) {
        // An older session is read and migrated once its files are open (`migrate`).
        Ok(s) if (1..=VERSION).contains(&s.version) => Restored::Session(Box::new(s)),
        Ok(s) => keep_aside(path, format!("session version {} is not {VERSION}", s.version)),
        Err(e) => keep_aside(path, format!("not a readable session: {e}")),
    }
}

/// A save killed half-way leaves its temporary file (`.session.json.<pid>.tmp`,
/// see `files::write_atomic`); the next start removes those over a minute old.
fn remove_stale_temporaries(path: &Path) {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name().and_then(|n| n.to_str())) else { return };
    let prefix = format!(".{name}.");
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let n = e.file_name();
        let n = n.to_string_lossy();
        // Only old ones: a save in progress (another window) keeps its file.
        let old = e.metadata().and_then(|m| m.modified()).ok().and_then(|t| t.elapsed().ok()).is_some_and(|age| age.as_secs() >= 60);
        if n.starts_with(&prefix) && n.ends_with(".tmp") && old {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// Copies a bad session file beside itself, so nothing the user had is lost.
fn keep_aside(path: &Path, reason: String) -> Restored {
    let stamp = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let backup = path.with_extension(format!("json.bad-{stamp}"));
    let backup = std::fs::copy(path, &backup).ok().map(|_| backup);
    Restored::Corrupt { reason, backup }
}

/// Saves sessions on a thread of its own, so the window never waits on the disk.
/// Only the newest pending session is written.
pub struct Saver {
    tx: std::sync::mpsc::Sender<Session>,
}

impl Saver {
    pub fn new(path: PathBuf) -> Saver {
        let (tx, rx) = std::sync::mpsc::channel::<Session>();
        std::thread::Builder::new()
            .name("newsline-session".into())
            .spawn(move || {
                while let Ok(mut s) = rx.recv() {
                    while let Ok(newer) = rx.try_recv() {
                        s = newer;
                    }
                    if let Err(e) = save(&path, &s) {
                        eprintln!("newsline: cannot save the session to {}: {e}", path.display());
                    }
                }
            })
            .expect("spawning a thread");
        Saver { tx }
    }

    pub fn save(&self, session: Session) {
        let _ = self.tx.send(session);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("newsline-session-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d.join("session.json")
    }

    #[test]
    fn a_saved_session_reads_back() {
        let path = scratch("roundtrip");
        let s = Session {
            paths: vec!["sample_data".into()],
            state: ViewState {
                hidden_articles: vec!["sample_data/a.txt#0".into()],
                search: "Sydney".into(),
                view: Some((1.0, 2.0)),
                ..Default::default()
            },
            ..Default::default()
        };
        save(&path, &s).unwrap();
        assert!(matches!(load(&path), Restored::Session(t) if *t == s));
        assert!(matches!(load(&path.with_file_name("none.json")), Restored::Fresh));
    }

    #[test]
    fn a_corrupt_session_is_kept_aside_and_the_start_is_clean() {
        let path = scratch("corrupt");
        std::fs::write(&path, b"{\"version\": 1, \"paths\": [\"half").unwrap();
        let Restored::Corrupt { reason, backup } = load(&path) else { panic!("a corrupt file must not load") };
        assert!(reason.contains("not a readable session"), "{reason}");
        let backup = backup.expect("a backup copy");
        assert_eq!(std::fs::read(&backup).unwrap(), b"{\"version\": 1, \"paths\": [\"half");
    }

    fn timeline(articles: &[(&str, Option<&str>, Option<&str>)]) -> crate::timeline::Timeline {
        let mut tl = crate::timeline::Timeline::default();
        for (i, (title, path, url)) in articles.iter().enumerate() {
            tl.articles.push(crate::timeline::ArticleMeta {
                id: format!("a{i}"),
                title: title.to_string(),
                path: path.map(str::to_string),
                url: url.map(str::to_string),
                published: None,
                warnings: Vec::new(),
            });
        }
        tl
    }

    #[test]
    fn articles_are_named_by_file_and_place_then_url_then_title() {
        let tl = timeline(&[
            ("One", Some("feeds/bbc.xml"), Some("https://bbc.example/1")),
            ("Two", Some("feeds/bbc.xml"), Some("https://bbc.example/2")),
            ("Three", None, Some("https://example.com/3")),
            ("Four", None, None),
            ("Five", Some("a.txt"), None),
        ]);
        let keys = ArticleKeys::of(&tl);
        let all: Vec<&str> = (0..5).filter_map(|i| keys.key(i)).collect();
        assert_eq!(all, ["feeds/bbc.xml#0", "feeds/bbc.xml#1", "https://example.com/3", "title:Four", "a.txt#0"]);
        assert_eq!(keys.of_id("a4"), Some("a.txt#0"));
        assert_eq!(keys.index_of("feeds/bbc.xml#1"), Some(1));
    }

    #[test]
    fn a_version_1_session_is_keyed_again_by_article() {
        let tl = timeline(&[("One", Some("b.txt"), None), ("Two", Some("a.txt"), None)]);
        let keys = ArticleKeys::of(&tl);
        let day = chrono::NaiveDate::from_ymd_opt(2018, 12, 5).unwrap();
        let mut s: Session = serde_json::from_str(
            r#"{"version": 1, "paths": ["b.txt", "a.txt"], "hidden_sources": [1],
                "edits": {"hidden_events": ["a0@12"], "titles": [["a1@40", "BT to strip Huawei kit"]],
                          "dates": [["a1@40", "2018-12-05", "2018-12-05"]], "article_dates": [["a0", "2018-12-05"]]}}"#,
        )
        .unwrap();
        migrate(&mut s, &keys);
        assert_eq!(s.version, VERSION);
        assert_eq!(s.state.hidden_articles, ["a.txt#0"]);
        assert!(s.hidden_sources.is_empty());
        assert_eq!(s.state.edits.hidden_events, ["b.txt#0@12"]);
        assert_eq!(s.state.edits.titles, [("a.txt#0@40".to_string(), "BT to strip Huawei kit".to_string())]);
        assert_eq!(s.state.edits.dates, [("a.txt#0@40".to_string(), day, day)]);
        assert_eq!(s.state.edits.article_dates, [("b.txt#0".to_string(), day)]);
        // A current session is left as it is.
        let before = s.clone();
        migrate(&mut s, &keys);
        assert_eq!(s, before);
    }
}
