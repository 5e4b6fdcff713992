//! The list worker: loads a list's whole answer (its count and every id) off the key path, on a
//! thread with its own read-only connection (WAL lets it read while the dashboard's connection
//! reads and writes). A keystroke draws the list's first screen at once; the whole list follows
//! here. Only the newest list matters: a newer one interrupts the statement still running
//! (`Store::interrupt_handle`), jobs waiting are skipped, and answers to older requests are
//! dropped by [`ListWorker::answer`] (the app drops them too: its list keeps one request number).

use crate::model::{Scope, Sort};
use crate::query::Filter;
use crate::store::{Interrupt, OpenOptions, Store};
use std::path::Path;
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};

/// One list to load.
struct Job {
    request: u64,
    filter: Filter,
    sort: Sort,
    scope: Scope,
}

/// A whole list, or why it could not be read, for one request.
pub struct Answer {
    pub request: u64,
    pub ids: crate::Result<Vec<i64>>,
}

/// The thread, its connection's interrupt and the request awaited.
pub struct ListWorker {
    jobs: Sender<Job>,
    answers: Receiver<Answer>,
    interrupt: Interrupt,
    /// The newest request sent, until its answer is taken.
    awaited: Option<u64>,
    /// Joined on drop, so that its connection is closed before the dashboard's.
    thread: Option<std::thread::JoinHandle<()>>,
}

impl ListWorker {
    /// Opens a read-only connection to the database at `path` and starts the thread.
    pub fn start(path: &Path) -> crate::Result<ListWorker> {
        let store = Store::open_with(path, OpenOptions { create: false }, true)?;
        let interrupt = store.interrupt_handle();
        let (jobs, job_rx) = channel::<Job>();
        let (answer_tx, answers) = channel();
        let thread = std::thread::Builder::new()
            .name("seedline-list".into())
            .spawn(move || run(&store, &job_rx, &answer_tx))
            .map_err(|e| crate::Error::io(path, e))?;
        Ok(ListWorker {
            jobs,
            answers,
            interrupt,
            awaited: None,
            thread: Some(thread),
        })
    }

    /// Asks for the whole list of `request`; a list still loading is interrupted (its answer
    /// would be dropped anyway). Says whether the thread took the job (false: it is gone).
    pub fn load(&mut self, request: u64, filter: Filter, sort: Sort, scope: Scope) -> bool {
        // Interrupt before sending: the interrupt only stops what runs now, never the new job.
        if self.awaited.is_some() {
            self.interrupt.interrupt();
        }
        let job = Job {
            request,
            filter,
            sort,
            scope,
        };
        let sent = self.jobs.send(job).is_ok();
        self.awaited = sent.then_some(request);
        sent
    }

    /// Whether a list is on its way.
    pub fn busy(&self) -> bool {
        self.awaited.is_some()
    }

    /// The answer to the newest request, once it is there; answers to older ones are dropped.
    /// `Err(())`: the thread is gone (the caller loads lists itself from then on).
    #[allow(clippy::result_unit_err)]
    pub fn answer(&mut self) -> Result<Option<Answer>, ()> {
        loop {
            match self.answers.try_recv() {
                Ok(answer) if Some(answer.request) == self.awaited => {
                    self.awaited = None;
                    return Ok(Some(answer));
                }
                Ok(_) => {}
                Err(TryRecvError::Empty) => return Ok(None),
                Err(TryRecvError::Disconnected) => return Err(()),
            }
        }
    }
}

impl Drop for ListWorker {
    /// Stops the thread and waits for it: a connection still open when the session's own closes
    /// keeps SQLite from checkpointing and removing the `-wal`, and the next session would take
    /// the file for one left open by no one (and check it again).
    fn drop(&mut self) {
        self.interrupt.interrupt();
        drop(std::mem::replace(&mut self.jobs, channel().0));
        if let Some(thread) = self.thread.take() {
            thread.join().ok();
        }
    }
}

/// The thread: the newest job waiting, then its list, until the runtime hangs up.
fn run(store: &Store, jobs: &Receiver<Job>, answers: &Sender<Answer>) {
    while let Ok(mut job) = jobs.recv() {
        while let Ok(newer) = jobs.try_recv() {
            job = newer;
        }
        let ids = store.project_ids(&job.filter, job.sort, &job.scope);
        let answer = Answer {
            request: job.request,
            ids,
        };
        if answers.send(answer).is_err() {
            return;
        }
    }
}
