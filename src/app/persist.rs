//! Keeping the session: what was open and opened before, the session to restore
//! once its files have loaded, and saving the view state as it changes.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use super::session::{self, Restored, Saver, Session};
use super::state::ViewState;

#[derive(Default)]
pub struct SessionKeeper {
    /// What is open.
    pub opened: Vec<PathBuf>,
    /// What was opened before, newest first.
    pub recent: Vec<Vec<PathBuf>>,
    /// A session to apply once its files have loaded.
    restore: Option<Session>,
    saver: Option<Saver>,
    last_saved: Option<(Session, Instant)>,
    /// Why the last session could not be restored, shown until the next start.
    pub notice: Option<String>,
}

impl SessionKeeper {
    /// The keeper of the session at `session_path`, and what to open: `paths`, else
    /// the last session's files, else `fallback`.
    pub fn open(session_path: Option<PathBuf>, paths: Vec<PathBuf>, fallback: Vec<PathBuf>) -> (SessionKeeper, Vec<PathBuf>) {
        let restored = session_path.as_deref().map(session::load).unwrap_or(Restored::Fresh);
        let mut keeper = SessionKeeper { saver: session_path.map(Saver::new), ..Default::default() };
        if let Restored::Session(s) = &restored {
            keeper.recent = s.recent.clone();
        }
        let open = match restored {
            Restored::Session(s) if paths.is_empty() && !s.paths.is_empty() => {
                let open = s.paths.clone();
                keeper.restore = Some(*s);
                open
            }
            Restored::Corrupt { reason, backup } => {
                let kept = backup.map(|b| format!("; a copy is at {}", b.display())).unwrap_or_default();
                keeper.notice = Some(format!("The last session could not be read ({reason}){kept}. Starting fresh."));
                if paths.is_empty() { fallback } else { paths }
            }
            _ => {
                if paths.is_empty() {
                    fallback
                } else {
                    paths
                }
            }
        };
        (keeper, open)
    }

    /// `paths` are now open: they lead the recent list.
    pub fn opened(&mut self, paths: &[PathBuf]) {
        self.opened = paths.to_vec();
        self.recent.retain(|r| r != paths);
        self.recent.insert(0, paths.to_vec());
        self.recent.truncate(10);
    }

    /// The session to restore, once, after its files loaded.
    pub fn take_restore(&mut self) -> Option<Session> {
        self.restore.take()
    }

    /// The session as it stands: what is open and how it is viewed.
    pub fn session(&self, state: &ViewState) -> Session {
        Session { paths: self.opened.clone(), state: state.clone(), recent: self.recent.clone(), ..Default::default() }
    }

    /// Hands the session to the saver when it has changed, at most once a second.
    pub fn autosave(&mut self, state: &ViewState) {
        if self.saver.is_none() {
            return;
        }
        // Checked at most once a second: building the session every frame would
        // clone paths and edits on the per-frame path.
        if self.last_saved.as_ref().is_some_and(|(_, at)| at.elapsed() < Duration::from_secs(1)) {
            return;
        }
        let now = self.session(state);
        if self.last_saved.as_ref().is_none_or(|(last, _)| *last != now)
            && let Some(saver) = &self.saver
        {
            saver.save(now.clone());
            self.last_saved = Some((now, Instant::now()));
        }
    }
}
