//! Entering and leaving the terminal's full-screen mode. Restoring is idempotent and runs on every
//! exit path: normal return (guard drop), panic (hook), and signals (the event loop's check).

use ratatui::crossterm::{
    cursor,
    event::{DisableBracketedPaste, EnableBracketedPaste},
    execute,
    terminal::{self, EnterAlternateScreen, LeaveAlternateScreen},
};
use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};

static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Switches to raw mode and the alternate screen with bracketed paste on; mouse stays off.
pub fn enter() -> io::Result<()> {
    install_panic_hook();
    terminal::enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableBracketedPaste,
        cursor::Hide
    )?;
    Ok(())
}

/// Leaves raw mode and the alternate screen, turns bracketed paste off and shows the cursor.
/// Safe to call more than once; errors are ignored (the terminal may already be gone).
pub fn restore() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        let mut out = io::stdout();
        let _ = execute!(
            out,
            DisableBracketedPaste,
            LeaveAlternateScreen,
            cursor::Show
        );
        let _ = terminal::disable_raw_mode();
        let _ = out.flush();
    }
}

/// What the terminal's input did while we waited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// Bytes to read.
    Ready,
    /// Nothing within the timeout (or a signal interrupted the wait).
    Idle,
    /// The terminal is gone (SSH dropped, window closed): reading would only return EOF.
    HungUp,
}

/// Waits up to `timeout` for input on standard input. crossterm spins on a hung-up terminal
/// (reads of 0 bytes, forever, without returning), so the hang-up is detected here first.
pub fn wait_input(timeout: std::time::Duration) -> Input {
    let mut fds = libc::pollfd {
        fd: libc::STDIN_FILENO,
        events: libc::POLLIN,
        revents: 0,
    };
    let ms = timeout.as_millis().min(i32::MAX as u128) as i32;
    // SAFETY: one valid pollfd, for the duration of the call.
    let n = unsafe { libc::poll(&mut fds, 1, ms) };
    if n < 0 {
        return Input::Idle; // EINTR: a signal; the caller checks its flag
    }
    if fds.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
        return Input::HungUp;
    }
    if n == 0 { Input::Idle } else { Input::Ready }
}

/// Restores the terminal when dropped.
pub struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

fn install_panic_hook() {
    static INSTALLED: AtomicBool = AtomicBool::new(false);
    if INSTALLED.swap(true, Ordering::SeqCst) {
        return;
    }
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // Restore first so the panic message lands on the normal screen, readable; then save
        // what the officer was typing.
        restore();
        crate::drafts::write_remembered();
        previous(info);
    }));
}
