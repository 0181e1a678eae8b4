//! The timeline's background work: loading (files read and events extracted on a
//! worker thread, reporting progress and stopping when cancelled) and extraction
//! again. The window keeps drawing meanwhile, whatever the files hold.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

pub use super::tasks::Cancel;
use crate::events;
use crate::source::{self, Article, LoadError};
use crate::timeline::Timeline;

/// What a timeline job reports.
pub enum Msg {
    Progress {
        done: usize,
        total: usize,
    },
    Loaded(Box<Loaded>),
    Extracted(Box<Timeline>),
    /// The job was cancelled and stopped before its result.
    Cancelled,
    /// The worker stopped without a result (a bug): the window says so and goes on.
    Failed(String),
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

/// Reads `paths` and extracts their events, reporting progress after each file and
/// stopping at the next file once `cancel` is set (what was read so far is kept).
pub fn load(paths: &[PathBuf], cancel: &Cancel, progress: impl Fn(usize, usize)) -> Loaded {
    let (files, mut errors) = source::collect_files(paths);
    let total = files.len();
    let mut articles = Vec::new();
    let mut saved = Vec::new();
    let mut cancelled = false;
    for (i, f) in files.iter().enumerate() {
        if cancel.is_cancelled() {
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
        progress(i + 1, total);
    }
    let mut timeline = events::extract(&articles);
    errors.extend(timeline.append_saved(saved));
    let file_links = articles.iter().map(|a| a.path.as_deref().and_then(|p| std::fs::canonicalize(p).ok())).collect();
    Loaded { articles, file_links, timeline, errors, cancelled }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JobKind {
    Load,
    Extract,
}

/// Extracts `articles` again, stopping between articles once cancelled.
fn extraction(articles: &[Article], cancel: &Cancel) -> Msg {
    match events::extract_until(articles, || cancel.is_cancelled()) {
        Some(t) => Msg::Extracted(Box::new(t)),
        None => Msg::Cancelled,
    }
}

/// The job that makes the window's timeline (a load, or an extraction again after an
/// article's date was given), as the window sees it while it runs.
pub struct Running {
    pub kind: JobKind,
    pub cancel: Cancel,
    pub done: usize,
    pub total: usize,
}

/// The window's timeline jobs. Each runs on a worker thread and reports on one
/// channel, tagged with the generation it was started in. Starting a job begins a
/// new generation and cancels the one before, whose messages are then dropped: a
/// late result never replaces a newer timeline (issue 18, defect 4).
pub struct Timelines {
    tx: Sender<(u64, Msg)>,
    rx: Receiver<(u64, Msg)>,
    generation: u64,
    pub running: Option<Running>,
}

impl Default for Timelines {
    fn default() -> Self {
        let (tx, rx) = channel();
        Timelines { tx, rx, generation: 0, running: None }
    }
}

impl Timelines {
    /// Starts `work` as the current job. It gets its cancel switch and a sender for
    /// its progress; what it returns is its result. `repaint` wakes the window.
    pub fn start(
        &mut self,
        kind: JobKind,
        work: impl FnOnce(&Cancel, &dyn Fn(usize, usize)) -> Msg + Send + 'static,
        repaint: impl Fn() + Send + Sync + 'static,
    ) {
        if let Some(old) = &self.running {
            old.cancel.cancel();
        }
        self.generation += 1;
        let generation = self.generation;
        let cancel = Cancel::default();
        self.running = Some(Running { kind, cancel: cancel.clone(), done: 0, total: 0 });
        let tx = self.tx.clone();
        let repaint = Arc::new(repaint);
        let wake = repaint.clone();
        std::thread::Builder::new()
            .name("newsline-timeline".into())
            .spawn(move || {
                let progress_tx = tx.clone();
                let progress = move |done, total| {
                    let _ = progress_tx.send((generation, Msg::Progress { done, total }));
                    wake();
                };
                let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(&cancel, &progress)))
                    .unwrap_or_else(|_| Msg::Failed("the background job stopped unexpectedly".into()));
                let _ = tx.send((generation, result));
                repaint();
            })
            .expect("spawning a thread");
    }

    /// Starts loading `paths`.
    pub fn load(&mut self, paths: Vec<PathBuf>, repaint: impl Fn() + Send + Sync + 'static) {
        self.start(JobKind::Load, move |cancel, progress| Msg::Loaded(Box::new(load(&paths, cancel, progress))), repaint);
    }

    /// Starts extracting `articles` again.
    pub fn extract(&mut self, articles: Vec<Article>, repaint: impl Fn() + Send + Sync + 'static) {
        self.start(JobKind::Extract, move |cancel, _| extraction(&articles, cancel), repaint);
    }

    pub fn is_running(&self) -> bool {
        self.running.is_some()
    }

    /// Is the current job a load (and not an extraction again)?
    pub fn is_loading(&self) -> bool {
        self.running.as_ref().is_some_and(|r| r.kind == JobKind::Load)
    }

    pub fn cancel(&self) {
        if let Some(r) = &self.running {
            r.cancel.cancel();
        }
    }

    /// The current job's result once it has finished; its progress meanwhile.
    /// Messages from older generations are dropped.
    pub fn poll(&mut self) -> Option<Msg> {
        while let Ok((generation, msg)) = self.rx.try_recv() {
            if generation != self.generation {
                continue;
            }
            match msg {
                Msg::Progress { done, total } => {
                    if let Some(r) = &mut self.running {
                        (r.done, r.total) = (done, total);
                    }
                }
                done => {
                    self.running = None;
                    return Some(done);
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::tasks::wait_for;
    use std::time::Duration;

    /// A job that finishes after a newer one started is dropped, even when its
    /// result reaches the window first (issue 18, defect 4).
    #[test]
    fn a_late_result_from_an_older_job_is_dropped() {
        let mut jobs = Timelines::default();
        let marked = |v: u32| Msg::Extracted(Box::new(Timeline { version: v, ..Timeline::default() }));
        let (old_gate, old_wait) = channel::<()>();
        let (old_sent_tx, old_sent) = channel::<()>();
        jobs.start(
            JobKind::Extract,
            move |_, _| {
                old_wait.recv().unwrap();
                marked(1)
            },
            move || {
                let _ = old_sent_tx.send(());
            },
        );
        let (new_gate, new_wait) = channel::<()>();
        jobs.start(
            JobKind::Load,
            move |_, _| {
                new_wait.recv().unwrap();
                marked(2)
            },
            || {},
        );
        // The old job's result is on the channel before the new one's.
        old_gate.send(()).unwrap();
        old_sent.recv_timeout(Duration::from_secs(10)).unwrap();
        assert!(jobs.poll().is_none(), "the old job's result was taken");
        assert!(jobs.is_loading(), "the new job still runs");
        new_gate.send(()).unwrap();
        let got = wait_for(|| jobs.poll());
        assert!(matches!(got, Msg::Extracted(t) if t.version == 2));
        assert!(!jobs.is_running());
    }

    /// Cancelling a load stops it at the next file, keeping what was read.
    #[test]
    fn a_cancelled_load_stops_reading() {
        let cancel = Cancel::default();
        cancel.cancel();
        let loaded = load(&[PathBuf::from("sample_data")], &cancel, |_, _| panic!("no file is read once cancelled"));
        assert!(loaded.cancelled);
        assert!(loaded.articles.is_empty());
    }

    /// Cancelling an extraction stops it: no timeline comes, the job says so.
    #[test]
    fn a_cancelled_extraction_stops_without_a_timeline() {
        let articles = vec![crate::source::text::read("Talks\n2018-12-13\nThe union met the managers last week.")];
        let mut jobs = Timelines::default();
        let (gate, wait) = channel::<()>();
        jobs.start(
            JobKind::Extract,
            move |cancel, _| {
                wait.recv().unwrap();
                extraction(&articles, cancel)
            },
            || {},
        );
        jobs.cancel();
        gate.send(()).unwrap();
        let got = wait_for(|| jobs.poll());
        assert!(matches!(got, Msg::Cancelled));
    }
}
