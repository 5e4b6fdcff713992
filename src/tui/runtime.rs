//! The event loop's state and one turn of it ([`Runtime::step`]): signals, quitting, the
//! background integrity answer, a frame, the effects meant for after it, the drafts on disk,
//! input, and the idle work (a busy save's retry, other sessions' commits).

use super::effects;
use super::keys::{debug_panic_trigger, to_keys};
use super::terminal::{self, Input};
use super::worker::ListWorker;
use crate::app::{Action, App, DraftRecord, Edit, Effect};
use crate::drafts::DraftFile;
use crate::store::Store;
use crate::ui::{self, theme::Theme};
use anyhow::Result;
use ratatui::crossterm::event::{self, Event, KeyEventKind};
use ratatui::{Terminal, backend::Backend};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

/// How long input is waited for before the idle work runs.
const INPUT_WAIT: Duration = Duration::from_millis(250);
/// How long input is waited for while a whole list is loading: its answer is looked for between.
const LIST_WAIT: Duration = Duration::from_millis(10);
/// Drafts reach the disk at most this long after the keyboard.
const DRAFT_SAVE_EVERY: Duration = Duration::from_secs(2);
/// TEST-ONLY: `SEEDLINE_DRAFT_AUTOSAVE_MS=0` turns the timed draft save off (any other number of
/// milliseconds replaces [`DRAFT_SAVE_EVERY`]), so the pseudo-terminal tests can prove that the
/// draft on disk was written by the signal, hang-up or panic path and not by the timer. Officers
/// have no reason to set it: with it at 0 a `kill -9` loses everything typed.
const DRAFT_AUTOSAVE_ENV: &str = "SEEDLINE_DRAFT_AUTOSAVE_MS";

/// The draft autosave cadence, read once at start: `None` never (see [`DRAFT_AUTOSAVE_ENV`]).
fn draft_save_every() -> Option<Duration> {
    match std::env::var(DRAFT_AUTOSAVE_ENV)
        .ok()
        .map(|v| v.trim().parse::<u64>())
    {
        Some(Ok(0)) => None,
        Some(Ok(ms)) => Some(Duration::from_millis(ms)),
        _ => Some(DRAFT_SAVE_EVERY),
    }
}
/// How often other sessions' commits are looked for.
const CHANGE_CHECK_EVERY: Duration = Duration::from_secs(1);

/// Where the runtime's input comes from: the terminal, or a test's script.
pub trait Events {
    /// Waits up to `timeout` for input; says whether the terminal hung up.
    fn wait(&mut self, timeout: Duration) -> Input;
    /// The next event already there (buffered keys, pastes, resizes), without waiting.
    fn next(&mut self) -> std::io::Result<Option<Event>>;
}

/// The real terminal's input, through crossterm.
pub struct TerminalEvents;

impl Events for TerminalEvents {
    fn wait(&mut self, timeout: Duration) -> Input {
        terminal::wait_input(timeout)
    }

    fn next(&mut self) -> std::io::Result<Option<Event>> {
        // Resizes arrive through crossterm's signal pipe, not through standard input.
        if event::poll(Duration::ZERO)? {
            event::read().map(Some)
        } else {
            Ok(None)
        }
    }
}

/// The store, the app and the loop's bookkeeping between turns.
pub struct Runtime {
    store: Store,
    app: App,
    theme: Theme,
    /// The number of the signal that arrived (0: none), set by the signal handlers.
    signal: Arc<AtomicUsize>,
    drafts: DraftFile,
    /// The drafts as last written to disk.
    saved_drafts: Vec<DraftRecord>,
    /// Drafts changed since they were last written, waiting for the cadence.
    unsaved: Option<Vec<DraftRecord>>,
    last_draft_save: Instant,
    /// How often changed drafts are written ([`draft_save_every`]); `None`: only on exit.
    draft_save_every: Option<Duration>,
    forms_may_have_changed: bool,
    data_version: i64,
    /// The newest audit row looked at: other sessions' changes are the rows after it.
    audit_seen: i64,
    last_check: Instant,
    /// The background quick check of a big database, until it answers.
    integrity: Option<PendingCheck>,
    /// Effects meant for after a frame: the full list once its first screen is drawn.
    after_frame: Vec<Effect>,
    /// Loads whole lists off the key path (started with the first one); `Lists::Gone` when it
    /// could not start or stopped: lists then load here, after the frame, as before.
    lists: Lists,
}

/// The list worker's state.
enum Lists {
    NotStarted,
    Running(ListWorker),
    Gone,
}

impl Runtime {
    /// Takes over a started app; the day's integrity check of a big database starts in the
    /// background here, unless another session has done it ([`start_integrity_check`]).
    pub fn new(
        mut store: Store,
        mut app: App,
        drafts: DraftFile,
        theme: Theme,
        signal: Arc<AtomicUsize>,
    ) -> Result<Runtime> {
        // The audit log first: a commit between the two is then seen as a change, not missed.
        let audit_seen = store.last_audit_id()?;
        let data_version = store.data_version()?;
        let last_check = Instant::now();
        let saved_drafts = app.draft_records();
        let integrity = start_integrity_check(&mut store, &mut app);
        Ok(Runtime {
            store,
            app,
            theme,
            signal,
            drafts,
            saved_drafts,
            unsaved: None,
            last_draft_save: Instant::now(),
            draft_save_every: draft_save_every(),
            forms_may_have_changed: false,
            data_version,
            audit_seen,
            last_check,
            integrity,
            after_frame: Vec::new(),
            lists: Lists::NotStarted,
        })
    }

    /// The app as it stands (for tests).
    pub fn app(&self) -> &App {
        &self.app
    }

    /// Whether start-up work is still under way: the background integrity check has not
    /// answered, or effects wait for the next frame. Only for `benches/shared_host.rs`, which
    /// measures a session's start-up CPU up to this point; nothing in the TUI depends on it.
    pub fn starting(&self) -> bool {
        self.integrity.is_some() || !self.after_frame.is_empty()
    }

    fn signalled(&self) -> usize {
        self.signal.load(Ordering::SeqCst)
    }

    /// One turn of the loop; `Some(code)` when the dashboard is done (drafts saved). A turn that
    /// fails still saves the drafts; when it failed because the terminal hung up between the wait
    /// and a frame (the frame's size query or write answers EIO), it ends as a hang-up (129).
    pub fn step<B: Backend>(
        &mut self,
        term: &mut Terminal<B>,
        events: &mut impl Events,
    ) -> Result<Option<ExitCode>>
    where
        B::Error: std::error::Error + Send + Sync + 'static,
    {
        let result = self.turn(term, events);
        if result.is_err() {
            self.drafts.save(&self.app.draft_records()).ok();
            if events.wait(Duration::ZERO) == Input::HungUp {
                crate::log::event("tui.hangup", &[]);
                return Ok(Some(ExitCode::from(129)));
            }
        }
        result
    }

    fn turn<B: Backend>(
        &mut self,
        term: &mut Terminal<B>,
        events: &mut impl Events,
    ) -> Result<Option<ExitCode>>
    where
        B::Error: std::error::Error + Send + Sync + 'static,
    {
        // A signal first: after a hang-up the terminal is gone, so do not draw into it.
        let sig = self.signalled();
        if sig != 0 {
            self.drafts.save(&self.app.draft_records()).ok();
            crate::log::event("tui.signal", &[("signal", sig as i64)]);
            return Ok(Some(ExitCode::from(128 + sig as u8)));
        }
        if self.app.should_quit {
            self.drafts.save(&self.app.draft_records())?;
            return Ok(Some(ExitCode::SUCCESS));
        }
        self.integrity_answer();
        self.list_answer();
        term.draw(|frame| ui::draw(frame, &self.app, self.theme))?;
        if !self.after_frame.is_empty() {
            let effects = std::mem::take(&mut self.after_frame);
            let effects = self.hand_lists_over(effects);
            if !effects.is_empty() {
                // Keys typed meanwhile wait in the terminal's buffer and are read next.
                self.after_frame =
                    effects::run_until_frame(&mut self.store, &mut self.app, effects);
                return Ok(None);
            }
        }
        self.keep_drafts()?;
        let wait = match &self.lists {
            Lists::Running(worker) if worker.busy() => LIST_WAIT,
            _ => INPUT_WAIT,
        };
        if events.wait(wait) == Input::HungUp {
            self.drafts.save(&self.app.draft_records()).ok();
            crate::log::event("tui.hangup", &[]);
            return Ok(Some(ExitCode::from(129)));
        }
        let handled = self.input(events)?;
        self.forms_may_have_changed |= handled;
        if !handled {
            self.idle()?;
        }
        Ok(None)
    }

    /// Whether this session's start-up integrity check is still running.
    pub fn integrity_running(&self) -> bool {
        self.integrity.is_some()
    }

    /// Waits for the start-up integrity check and takes its answer (headless sessions: the
    /// load test and the start-up measurement; the TUI looks for it between frames instead).
    pub fn wait_integrity(&mut self) {
        if let Some(pending) = self.integrity.take() {
            let answer = pending.answer.recv().ok();
            self.integrity_taken(pending.claim, answer);
        }
    }

    /// Records and shows what the background quick check found, once it answers.
    fn integrity_answer(&mut self) {
        let answer = (self.integrity.as_ref()).and_then(|p| p.answer.try_recv().ok());
        if let Some(answer) = answer {
            let claim = self.integrity.take().and_then(|p| p.claim);
            self.integrity_taken(claim, Some(answer));
        }
    }

    /// `answer`: `None` when the checking thread vanished (nothing recorded: the claim goes stale
    /// and another session retakes it).
    fn integrity_taken(&mut self, claim: Option<i64>, answer: Option<Option<String>>) {
        let Some(answer) = answer else { return };
        if let Some(claim) = claim
            && self
                .store
                .finish_integrity_check(claim, answer.as_deref())
                .is_err()
        {
            crate::log::event("tui.integrity_unrecorded", &[]);
        }
        if let Some(problem) = answer {
            let message = crate::msg::Msg::of_error(&crate::Error::Damaged(problem));
            self.app.update(Action::Failed(message));
        }
    }

    /// Hands the whole lists among `effects` to the list worker (the newest only: an older one
    /// would be dropped on arrival); returns the effects left to run here.
    fn hand_lists_over(&mut self, effects: Vec<Effect>) -> Vec<Effect> {
        let (lists, mut rest): (Vec<Effect>, Vec<Effect>) = effects
            .into_iter()
            .partition(|e| matches!(e, Effect::LoadList { .. }));
        let Some(Effect::LoadList {
            request,
            filter,
            sort,
            scope,
        }) = lists.into_iter().last()
        else {
            return rest;
        };
        if matches!(self.lists, Lists::NotStarted) {
            self.lists = match ListWorker::start(self.store.path()) {
                Ok(worker) => Lists::Running(worker),
                Err(_) => {
                    crate::log::event("tui.list_worker_unavailable", &[]);
                    Lists::Gone
                }
            };
        }
        let taken = match &mut self.lists {
            Lists::Running(worker) => worker.load(request, filter.clone(), sort, scope.clone()),
            _ => false,
        };
        if !taken {
            self.lists = Lists::Gone;
            rest.push(Effect::LoadList {
                request,
                filter,
                sort,
                scope,
            });
        }
        rest
    }

    /// Takes the whole list from the worker once it is there, through the app's update like any
    /// loaded list (the app drops it when the list moved on meanwhile).
    fn list_answer(&mut self) {
        let Lists::Running(worker) = &mut self.lists else {
            return;
        };
        let answer = match worker.answer() {
            Ok(Some(answer)) => answer,
            Ok(None) => return,
            Err(()) => {
                // The thread is gone: lists load here from now on, the screen's own again.
                crate::log::event("tui.list_worker_gone", &[]);
                self.lists = Lists::Gone;
                self.apply(Action::ExternalChange(crate::model::Changes::Unknown));
                return;
            }
        };
        let action = match answer.ids {
            Ok(ids) => Action::ListLoaded {
                request: answer.request,
                ids,
            },
            Err(e) => Action::Failed(crate::msg::Msg::of_error(&e)),
        };
        self.apply(action);
    }

    /// Keeps the drafts on disk a few seconds behind the keyboard at most. Forms change only
    /// through input (or a retried save), so idle frames do not copy a megabyte of note text.
    fn keep_drafts(&mut self) -> Result<()> {
        if std::mem::take(&mut self.forms_may_have_changed) {
            let records = self.app.draft_records();
            if records != self.saved_drafts {
                self.drafts.remember(&records);
                self.unsaved = Some(records);
            }
        }
        let due = self
            .draft_save_every
            .is_some_and(|every| self.last_draft_save.elapsed() >= every);
        if let Some(records) = self.unsaved.take_if(|r| due || r.is_empty()) {
            self.drafts.save(&records)?;
            self.saved_drafts = records;
            self.last_draft_save = Instant::now();
        }
        Ok(())
    }

    /// Handles every event there is now (one read may hold several keys); says whether any came.
    fn input(&mut self, events: &mut impl Events) -> Result<bool> {
        let mut handled = false;
        while let Some(event) = events.next()? {
            handled = true;
            match event {
                // One event may stand for two keys (Esc and a key read together): each is
                // looked up in the state the one before it left.
                Event::Key(key) if key.kind != KeyEventKind::Release => {
                    debug_panic_trigger(key);
                    for k in to_keys(key) {
                        if let Some(action) = self.app.key_action(k) {
                            self.apply(action);
                        }
                        if self.app.should_quit {
                            break;
                        }
                    }
                }
                Event::Paste(text) => self.apply(Action::Edit(Edit::Paste(text))),
                Event::Resize(w, h) => self.apply(Action::Resize(w, h)),
                _ => {}
            }
            if self.app.should_quit || self.signalled() != 0 {
                break;
            }
        }
        Ok(handled)
    }

    /// Updates the app with one action and runs its effects up to the next frame.
    fn apply(&mut self, action: Action) {
        let effects = self.app.update(action);
        let later = effects::run_until_frame(&mut self.store, &mut self.app, effects);
        self.after_frame.extend(later);
    }

    /// Idle: retries a busy save, and picks up other sessions' commits (a cheap pragma), reading
    /// what they changed from the audit rows since the last look (a rowid range).
    fn idle(&mut self) -> Result<()> {
        let mut effects = self.app.update(Action::Tick);
        self.forms_may_have_changed |= !effects.is_empty();
        if self.last_check.elapsed() >= CHANGE_CHECK_EVERY {
            self.last_check = Instant::now();
            let version = self.store.data_version()?;
            if version != self.data_version {
                self.data_version = version;
                let changes = match self.store.changes_since(self.audit_seen) {
                    Ok((seen, changes)) => {
                        self.audit_seen = seen;
                        changes
                    }
                    Err(_) => crate::model::Changes::Unknown,
                };
                effects.extend(self.app.update(Action::ExternalChange(changes)));
            }
        }
        let later = effects::run_until_frame(&mut self.store, &mut self.app, effects);
        self.after_frame.extend(later);
        Ok(())
    }
}

impl Drop for Runtime {
    /// The list worker's connection closes before the session's own (fields drop in order, the
    /// store first), so that the last session to leave removes the `-wal` ([`ListWorker`]'s drop).
    fn drop(&mut self) {
        self.lists = Lists::Gone;
    }
}

/// A start-up check running in the background, and the claim its answer finishes.
struct PendingCheck {
    answer: Receiver<Option<String>>,
    claim: Option<i64>,
}

/// The start-up integrity check (README "A shared database"): none when a clean check from today
/// is recorded or another session's is under way; a recorded failure is shown at once; otherwise
/// a big database is checked in the background, and a small one, checked when opened, is
/// recorded as such. A plan that cannot be had (the file busy past the wait) runs the check
/// without recording it.
fn start_integrity_check(store: &mut Store, app: &mut App) -> Option<PendingCheck> {
    use crate::store::{CheckReason, IntegrityPlan};
    let plan = store.integrity_plan(app.today).unwrap_or_else(|_| {
        crate::log::event("tui.integrity_plan_unavailable", &[]);
        IntegrityPlan::Run {
            reason: CheckReason::Daily,
            claim: None,
        }
    });
    let claim = match plan {
        IntegrityPlan::Skip => return None,
        IntegrityPlan::Failed(last) => {
            let message = crate::msg::Msg::of_error(&crate::Error::Damaged(last.result));
            app.update(Action::Failed(message));
            return None;
        }
        IntegrityPlan::Run { claim, .. } => claim,
    };
    let size = std::fs::metadata(store.path()).map_or(0, |m| m.len());
    if size > crate::store::QUICK_CHECK_LIMIT {
        let answer = crate::store::background_quick_check(store.path());
        return Some(PendingCheck { answer, claim });
    }
    if let Some(claim) = claim
        && store.finish_integrity_check(claim, None).is_err()
    {
        crate::log::event("tui.integrity_unrecorded", &[]);
    }
    None
}
