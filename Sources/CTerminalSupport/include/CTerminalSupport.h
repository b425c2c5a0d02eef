// Signal handling that must be plain C: handlers that only set a flag, and a crash handler that
// puts the terminal back before the process dies.
#ifndef ITA_TERMINAL_SUPPORT_H
#define ITA_TERMINAL_SUPPORT_H

/// Unblocks the signals a full-screen program needs (a process started from a thread pool may
/// inherit them blocked).
void ita_unblock_terminal_signals(void);

/// Saves the terminal's modes as they are before ncurses changes them (restored on a crash).
void ita_save_terminal_modes(int fd);

/// Installs handlers: INT, TERM and HUP only record the signal;
/// crash signals write `reset` to the terminal, restore the saved modes and re-raise.
void ita_install_signal_handlers(int fd, const char *reset);

/// The pending INT/TERM/HUP signal number, or 0; clears it.
int ita_take_pending_signal(void);

/// Back to the default dispositions (after the terminal is restored).
void ita_restore_signal_handlers(void);

#endif
