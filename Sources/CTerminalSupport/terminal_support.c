#include "CTerminalSupport.h"

#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static volatile sig_atomic_t pending_signal = 0;
static int terminal_fd = -1;
static struct termios saved_modes;
static int have_saved_modes = 0;
static char reset_sequence[256];
static size_t reset_length = 0;

static const int flag_signals[] = { SIGINT, SIGTERM, SIGHUP };
static const int crash_signals[] = { SIGSEGV, SIGILL, SIGABRT, SIGBUS, SIGFPE, SIGTRAP };

void ita_unblock_terminal_signals(void) {
    sigset_t set;
    sigemptyset(&set);
    int wanted[] = { SIGWINCH, SIGINT, SIGTERM, SIGHUP, SIGTSTP, SIGCONT };
    for (size_t i = 0; i < sizeof wanted / sizeof wanted[0]; i++) sigaddset(&set, wanted[i]);
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
}

static void on_flag_signal(int signal) { pending_signal = signal; }

static void on_crash(int signal) {
    // Only async-signal-safe calls here: write, tcsetattr, sigaction, raise.
    if (terminal_fd >= 0 && reset_length > 0) {
        ssize_t ignored = write(terminal_fd, reset_sequence, reset_length);
        (void)ignored;
    }
    if (have_saved_modes) tcsetattr(terminal_fd, TCSANOW, &saved_modes);
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = SIG_DFL;
    sigemptyset(&action.sa_mask);
    sigaction(signal, &action, NULL);
    raise(signal);
}

void ita_save_terminal_modes(int fd) {
    terminal_fd = fd;
    have_saved_modes = tcgetattr(fd, &saved_modes) == 0;
}

void ita_install_signal_handlers(int fd, const char *reset) {
    terminal_fd = fd;
    reset_length = strlen(reset);
    if (reset_length >= sizeof reset_sequence) reset_length = sizeof reset_sequence - 1;
    memcpy(reset_sequence, reset, reset_length);

    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_handler = on_flag_signal;
    for (size_t i = 0; i < sizeof flag_signals / sizeof flag_signals[0]; i++) sigaction(flag_signals[i], &action, NULL);
    action.sa_handler = on_crash;
    action.sa_flags = SA_RESETHAND;
    for (size_t i = 0; i < sizeof crash_signals / sizeof crash_signals[0]; i++) sigaction(crash_signals[i], &action, NULL);
}

int ita_take_pending_signal(void) {
    int signal = pending_signal;
    pending_signal = 0;
    return signal;
}

void ita_restore_signal_handlers(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_handler = SIG_DFL;
    for (size_t i = 0; i < sizeof flag_signals / sizeof flag_signals[0]; i++) sigaction(flag_signals[i], &action, NULL);
    for (size_t i = 0; i < sizeof crash_signals / sizeof crash_signals[0]; i++) sigaction(crash_signals[i], &action, NULL);
}
