//! Exports off the UI thread: a one-shot task with a cancel switch, and a write
//! that leaves nothing behind once the task is cancelled.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// A task's cancel switch, shared by the window and the worker.
#[derive(Clone, Default)]
pub struct Cancel(Arc<AtomicBool>);

impl Cancel {
    pub fn cancel(&self) {
        self.0.store(true, Ordering::Relaxed);
    }

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
        self.cancel.cancel();
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
    crate::files::write_atomic_unless(path, bytes, || cancel.is_cancelled())
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    if cancel.is_cancelled() {
        return Err("cancelled".into());
    }
    Ok(format!("Saved {}", path.display()))
}

/// Polls until `poll` gives a result (a test's wait for a worker; at most ten seconds).
#[cfg(test)]
pub(super) fn wait_for<T>(mut poll: impl FnMut() -> Option<T>) -> T {
    let start = std::time::Instant::now();
    loop {
        if let Some(r) = poll() {
            return r;
        }
        assert!(start.elapsed() < std::time::Duration::from_secs(10), "the worker gave no result in ten seconds");
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    /// Cancel an export while it renders: no file is written, and the task says
    /// it was cancelled, not that it failed (issue 18, defect 5).
    #[test]
    fn a_cancelled_export_writes_nothing() {
        let dir = std::env::temp_dir().join(format!("newsline-cancel-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("timeline.svg");
        let (started_tx, started_rx) = channel();
        let (done_tx, done_rx) = channel();
        let target = path.clone();
        let mut task = Task::spawn(
            "Exporting".into(),
            move |cancel| {
                started_tx.send(()).unwrap();
                std::thread::sleep(Duration::from_millis(200)); // rendering
                let saved = save(&target, b"<svg/>", cancel);
                let _ = done_tx.send(());
                saved
            },
            || {},
        );
        started_rx.recv().unwrap();
        task.cancel();
        assert_eq!(task.poll(), Some(Err(TaskError::Cancelled)));
        // Wait for the worker to finish its rendering and its (cancelled) write: on a
        // loaded machine that takes longer than any fixed wait.
        done_rx.recv_timeout(Duration::from_secs(30)).expect("the worker finished");
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
        let result = wait_for(|| task.poll());
        assert!(result.is_ok(), "{result:?}");
        assert_eq!(std::fs::read(&path).unwrap(), b"<svg/>");
        std::fs::remove_dir_all(dir).unwrap();
    }
}
