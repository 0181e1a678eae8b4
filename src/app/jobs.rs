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

/// A one-shot background task (an export): runs a closure on a worker thread
/// and hands back its message. Cancelling drops the result; the partial file is
/// never left behind because every export writes atomically.
pub struct Task {
    rx: Receiver<Result<String, String>>,
    cancel: Arc<AtomicBool>,
    pub what: String,
}

impl Task {
    pub fn spawn(
        what: String,
        work: impl FnOnce() -> Result<String, String> + Send + 'static,
        repaint: impl Fn() + Send + 'static,
    ) -> Task {
        let (tx, rx) = channel();
        let cancel = Arc::new(AtomicBool::new(false));
        std::thread::Builder::new()
            .name("newsline-task".into())
            .spawn(move || {
                let _ = tx.send(work());
                repaint();
            })
            .expect("spawning a thread");
        Task { rx, cancel, what }
    }

    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// The task's result once it has finished; None while it runs. A cancelled
    /// task reports that it was cancelled.
    pub fn poll(&mut self) -> Option<Result<String, String>> {
        let result = match self.rx.try_recv() {
            Ok(r) => r,
            Err(TryRecvError::Empty) if self.cancel.load(Ordering::Relaxed) => Err("cancelled".into()),
            Err(TryRecvError::Empty) => return None,
            Err(TryRecvError::Disconnected) => Err("the task stopped unexpectedly".into()),
        };
        Some(result)
    }
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
