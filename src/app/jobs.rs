//! Background loading: files are read and events extracted on a worker thread,
//! which reports progress through a channel and stops when cancelled, so the
//! window keeps drawing whatever the files hold.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use crate::events;
use crate::source::{self, Article, LoadError};
use crate::timeline::Timeline;

pub enum LoadMsg {
    Progress { done: usize, total: usize },
    Finished(Box<Loaded>),
}

pub struct Loaded {
    pub articles: Vec<Article>,
    /// Each article's file as an absolute path, where it still exists: worked out here,
    /// off the UI thread, so the details panel's "Open file" costs no file-system call a frame.
    pub file_links: Vec<Option<PathBuf>>,
    pub timeline: Timeline,
    pub errors: Vec<LoadError>,
    pub cancelled: bool,
}

pub struct LoadJob {
    rx: Receiver<LoadMsg>,
    cancel: Arc<AtomicBool>,
    pub done: usize,
    pub total: usize,
}

impl LoadJob {
    /// Starts loading `paths`; `repaint` is called after every message so the UI wakes up.
    pub fn spawn(paths: Vec<PathBuf>, repaint: impl Fn() + Send + 'static) -> LoadJob {
        let (tx, rx) = channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let stop = cancel.clone();
        std::thread::Builder::new()
            .name("newsline-load".into())
            .spawn(move || {
                let (files, mut errors) = source::collect_files(&paths);
                let total = files.len();
                let mut articles = Vec::new();
                let mut saved = Vec::new();
                let mut cancelled = false;
                for (i, f) in files.iter().enumerate() {
                    if stop.load(Ordering::Relaxed) {
                        cancelled = true;
                        break;
                    }
                    match source::load_file(f) {
                        Ok(c) => {
                            articles.extend(c.articles);
                            saved.extend(c.timeline);
                            errors.extend(c.problems);
                        }
                        Err(e) => errors.push(e),
                    }
                    let _ = tx.send(LoadMsg::Progress { done: i + 1, total });
                    repaint();
                }
                let mut timeline = events::extract(&articles);
                for t in saved {
                    timeline.append(t);
                }
                let file_links = articles.iter().map(|a| a.path.as_deref().and_then(|p| std::fs::canonicalize(p).ok())).collect();
                let _ = tx.send(LoadMsg::Finished(Box::new(Loaded { articles, file_links, timeline, errors, cancelled })));
                repaint();
            })
            .expect("spawning a thread");
        LoadJob { rx, cancel, done: 0, total: 0 }
    }

    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// Drains the channel; returns the result once the worker has finished.
    pub fn poll(&mut self) -> Option<Loaded> {
        loop {
            match self.rx.try_recv() {
                Ok(LoadMsg::Progress { done, total }) => {
                    self.done = done;
                    self.total = total;
                }
                Ok(LoadMsg::Finished(l)) => return Some(*l),
                Err(TryRecvError::Empty) => return None,
                Err(TryRecvError::Disconnected) => {
                    return Some(Loaded {
                        articles: Vec::new(),
                        file_links: Vec::new(),
                        timeline: Timeline::default(),
                        errors: vec![LoadError { path: PathBuf::new(), reason: "the loading thread stopped unexpectedly".into() }],
                        cancelled: true,
                    });
                }
            }
        }
    }
}

/// A task's cancel switch, shared by the window and the worker.
#[derive(Clone, Default)]
pub struct Cancel(Arc<AtomicBool>);

impl Cancel {
    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

/// How a task ended, when it did not succeed.
#[derive(Debug, PartialEq)]
pub enum TaskError {
    /// The user cancelled it: nothing was written.
    Cancelled,
    Failed(String),
}

/// A one-shot background task (an export): runs a closure on a worker thread
/// and hands back its message. The closure gets the task's [`Cancel`] and writes
/// through [`save`], which writes nothing once the task is cancelled.
pub struct Task {
    rx: Receiver<Result<String, String>>,
    cancel: Cancel,
    pub what: String,
}

impl Task {
    pub fn spawn(
        what: String,
        work: impl FnOnce(&Cancel) -> Result<String, String> + Send + 'static,
        repaint: impl Fn() + Send + 'static,
    ) -> Task {
        let (tx, rx) = channel();
        let cancel = Cancel::default();
        let stop = cancel.clone();
        std::thread::Builder::new()
            .name("newsline-task".into())
            .spawn(move || {
                let _ = tx.send(work(&stop));
                repaint();
            })
            .expect("spawning a thread");
        Task { rx, cancel, what }
    }

    pub fn cancel(&self) {
        self.cancel.0.store(true, Ordering::Relaxed);
    }

    /// The task's result once it has finished; None while it runs. A cancelled
    /// task reports that at once, whatever its worker is still doing.
    pub fn poll(&mut self) -> Option<Result<String, TaskError>> {
        if self.cancel.is_cancelled() {
            return Some(Err(TaskError::Cancelled));
        }
        match self.rx.try_recv() {
            Ok(r) => Some(r.map_err(TaskError::Failed)),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Err(TaskError::Failed("the task stopped unexpectedly".into()))),
        }
    }
}

/// Writes an export atomically, unless the task was cancelled by the time the
/// file would appear.
pub fn save(path: &std::path::Path, bytes: &[u8], cancel: &Cancel) -> Result<String, String> {
    crate::export::write_atomic_unless(path, bytes, || cancel.is_cancelled())
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    if cancel.is_cancelled() {
        return Err("cancelled".into());
    }
    Ok(format!("Saved {}", path.display()))
}

/// Extraction again, off the UI thread, after an edit changed an article (its
/// publication date): the relative dates resolve anew.
pub struct ExtractJob {
    rx: Receiver<Timeline>,
}

impl ExtractJob {
    pub fn spawn(articles: Vec<Article>, repaint: impl Fn() + Send + 'static) -> ExtractJob {
        let (tx, rx) = channel();
        std::thread::Builder::new()
            .name("newsline-extract".into())
            .spawn(move || {
                let _ = tx.send(events::extract(&articles));
                repaint();
            })
            .expect("spawning a thread");
        ExtractJob { rx }
    }

    /// The new timeline once it is ready.
    pub fn poll(&mut self) -> Option<Timeline> {
        self.rx.try_recv().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    /// Cancel an export while it renders: no file is written, and the task says
    /// it was cancelled, not that it failed (issue 18, defect 5).
    #[test]
    fn a_cancelled_export_writes_nothing() {
        let dir = std::env::temp_dir().join(format!("newsline-cancel-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("timeline.svg");
        let (started_tx, started_rx) = channel();
        let target = path.clone();
        let mut task = Task::spawn(
            "Exporting".into(),
            move |cancel| {
                started_tx.send(()).unwrap();
                std::thread::sleep(Duration::from_millis(200)); // rendering
                save(&target, b"<svg/>", cancel)
            },
            || {},
        );
        started_rx.recv().unwrap();
        task.cancel();
        assert_eq!(task.poll(), Some(Err(TaskError::Cancelled)));
        // Give the worker time to finish its rendering and reach the write.
        let start = Instant::now();
        while start.elapsed() < Duration::from_millis(600) {
            std::thread::sleep(Duration::from_millis(20));
        }
        assert!(!path.exists(), "the cancelled export wrote its file");
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0, "a temporary file was left");
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn an_export_left_alone_writes_its_file() {
        let dir = std::env::temp_dir().join(format!("newsline-nocancel-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("timeline.svg");
        let target = path.clone();
        let mut task = Task::spawn("Exporting".into(), move |cancel| save(&target, b"<svg/>", cancel), || {});
        let start = Instant::now();
        let result = loop {
            if let Some(r) = task.poll() {
                break r;
            }
            assert!(start.elapsed() < Duration::from_secs(10));
            std::thread::sleep(Duration::from_millis(10));
        };
        assert!(result.is_ok(), "{result:?}");
        assert_eq!(std::fs::read(&path).unwrap(), b"<svg/>");
        std::fs::remove_dir_all(dir).unwrap();
    }
}
