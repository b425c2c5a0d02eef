import CNcursesw
import CTerminalSupport
import Foundation
import ITACore
import ITACells
#if canImport(Glibc)
import Glibc
#endif

/// One input event from the terminal.
public enum TerminalEvent: Hashable, Sendable {
    case key(KeyPress)
    case mouse(MouseEvent)
    case resize(Size)
    /// Nothing arrived within the timeout.
    case timeout
    /// SIGINT, SIGTERM or SIGHUP arrived: the caller stops the terminal and exits 128 + number.
    case signal(Int32)
}

/// Why the dashboard cannot start in this terminal.
public enum TerminalError: Error, Hashable, Sendable {
    case notATerminal
    case noTerminalType(String?)
    case cannotOpen(String)
}

/// The full-screen terminal through ncursesw: the only code that touches ncurses. It makes no
/// layout decisions: it reads keys, reports sizes and writes the cells of a `Screen`.
/// Use it from one thread only (ncurses state is process-global).
public final class Terminal {
    private let screenHandle: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private var attributes: [StyleRole: (attr: attr_t, pair: Int16)] = [:]
    private var stopped = false
    private let output: UnsafeMutablePointer<FILE>
    private let input: UnsafeMutablePointer<FILE>

    /// The sequence written on a crash: reset attributes; stop every mouse mode (X10, normal,
    /// button, any-motion, SGR, urxvt) and bracketed paste; normal cursor keys (`ESC[?1l`) and
    /// numeric keypad (`ESC>`), so arrow keys send `ESC[A` again in the shell; leave the alternate
    /// screen; show the cursor.
    static let resetSequence = "\u{1b}[0m\u{1b}[?9l\u{1b}[?1000l\u{1b}[?1002l\u{1b}[?1003l\u{1b}[?1006l\u{1b}[?1015l\u{1b}[?2004l"
        + "\u{1b}[?1l\u{1b}>\u{1b}[?1049l\u{1b}[?25h\r\n"

    /// Checks that this is a usable terminal, then takes it over.
    public static func start(theme: Theme, colour: Bool, mouse: Bool = true) throws(TerminalError) -> Terminal {
        guard isatty(0) == 1, isatty(1) == 1 else { throw .notATerminal }
        let term = getenv("TERM").map { String(cString: $0) }
        guard let term, !term.isEmpty, term != "dumb" else { throw .noTerminalType(term) }

        setlocale(LC_ALL, "")
        if let codeset = ita_codeset(), !["UTF-8", "utf8"].contains(String(cString: codeset)) {
            // LANG=C: ncurses would print Thai as ~U sequences. Our width tables do not depend on it.
            setlocale(LC_CTYPE, "C.UTF-8")
        }
        // An exported LINES/COLUMNS would pin the size and break resizing.
        unsetenv("LINES")
        unsetenv("COLUMNS")
        ita_unblock_terminal_signals()
        ita_save_terminal_modes(1)

        guard let output = fdopen(dup(1), "w"), let input = fdopen(dup(0), "r") else { throw .cannotOpen("fdopen failed") }
        guard let handle = newterm(nil, output, input) else {
            fclose(output); fclose(input)
            throw .cannotOpen("TERM=\(term)")
        }
        set_term(handle)
        guard let window = stdscr_window() else { throw .cannotOpen("no window") }
        let terminal = Terminal(screen: handle, window: window, output: output, input: input)
        set_escdelay(25)
        cbreak()
        noecho()
        nonl()
        intrflush(window, false)
        keypad(window, true)
        curs_set(0)
        // Every frame is written whole: by default ncurses stops an update when a key is already
        // waiting, and two keys typed together (x closing the help, 3 opening My tasks) left rows cut
        // short in tmux, a Thai character split in two. No insert/delete shifts either: each changed
        // cell is written where the Screen puts it.
        typeahead(-1)
        idcok(window, false)
        idlok(window, false)
        if mouse {
            mousemask(ita_mouse_mask(), nil)
            mouseinterval(0)
        }
        terminal.setTheme(theme, colour: colour && has_colors())
        ita_install_signal_handlers(1, resetSequence)
        return terminal
    }

    private init(screen: OpaquePointer, window: UnsafeMutablePointer<WINDOW>, output: UnsafeMutablePointer<FILE>, input: UnsafeMutablePointer<FILE>) {
        screenHandle = screen
        self.window = window
        self.output = output
        self.input = input
    }

    /// Sets up colour pairs for a theme (or attributes only when `colour` is false).
    public func setTheme(_ theme: Theme, colour: Bool) {
        attributes = [:]
        if colour {
            start_color()
            use_default_colors()
        }
        let colours = Int(ita_colors())
        func fit(_ c: Int) -> (Int16, Bool) {
            if c < 0 { return (-1, false) }
            if c < colours { return (Int16(c), false) }
            // 8-colour terminals: bright colours become bold normal ones.
            return (Int16(c % 8), c >= 8 && c < 16)
        }
        for (index, role) in StyleRole.allCases.enumerated() {
            let style = theme.style(role)
            var attr = ita_A_NORMAL
            if style.bold { attr |= ita_A_BOLD }
            if style.underline { attr |= ita_A_UNDERLINE }
            if style.reverse { attr |= ita_A_REVERSE }
            if style.dim { attr |= ita_A_DIM }
            var pair: Int16 = 0
            if colour, index + 1 < Int(ita_color_pairs()) {
                let (fg, brightFG) = fit(style.foreground)
                let (bg, _) = fit(style.background)
                pair = Int16(index + 1)
                init_pair(pair, fg, bg)
                if brightFG { attr |= ita_A_BOLD }
            }
            attributes[role] = (attr, pair)
        }
    }

    public var size: Size { Size(width: Int(getmaxx(window)), height: Int(getmaxy(window))) }

    /// Waits up to `timeout` milliseconds for a key, a click, a resize or a signal.
    public func nextEvent(timeout milliseconds: Int32) -> TerminalEvent {
        if let signal = pendingSignal() { return .signal(signal) }
        wtimeout(window, milliseconds)
        var character: wint_t = 0
        let result = wget_wch(window, &character)
        if let signal = pendingSignal() { return .signal(signal) }
        switch result {
        case KEY_CODE_YES:
            return functionKey(Int32(character))
        case OK:
            return .key(Self.key(forCharacter: UInt32(character)))
        default:
            return .timeout
        }
    }

    private func pendingSignal() -> Int32? {
        let signal = ita_take_pending_signal()
        return signal == 0 ? nil : signal
    }

    private func functionKey(_ code: Int32) -> TerminalEvent {
        switch code {
        case KEY_RESIZE: return .resize(size)
        case KEY_MOUSE:
            var x: Int32 = 0, y: Int32 = 0, kind: Int32 = 0
            guard ita_get_mouse(&x, &y, &kind) == OK else { return .timeout }
            switch kind {
            case 1: return .mouse(MouseEvent(kind: .click, x: Int(x), y: Int(y)))
            case 4: return .mouse(MouseEvent(kind: .wheelUp, x: Int(x), y: Int(y)))
            case 5: return .mouse(MouseEvent(kind: .wheelDown, x: Int(x), y: Int(y)))
            default: return .timeout
            }
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_ENTER: return .key(.enter)
        case KEY_BTAB: return .key(.backTab)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        case KEY_F0 + 1...KEY_F0 + 24: return .key(.function(Int(code - KEY_F0)))
        default: return .timeout
        }
    }

    static func key(forCharacter value: UInt32) -> KeyPress {
        switch value {
        case 10, 13: return .enter
        case 27: return .escape
        case 9: return .tab
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(value + 96)!))
        default: return .character(Unicode.Scalar(value) ?? " ")
        }
    }

    /// Writes every cell of `screen` and lets ncurses send only what changed.
    public func present(_ screen: Screen) {
        let width = min(screen.size.width, size.width), height = min(screen.size.height, size.height)
        // Each cell goes to the column the Screen gives it (`DisplayWidth` is the one authority on
        // width): where libc's wcwidth would place a character differently, only that cell differs,
        // never the rest of the row. The continuation of a wide character is not written.
        var current: StyleRole? = nil
        for y in 0..<height {
            for x in 0..<width {
                let cell = screen[x, y]
                if cell.text.isEmpty { continue }
                if cell.style != current {
                    let (attr, pair) = attributes[cell.style] ?? (ita_A_NORMAL, 0)
                    wattr_set(window, attr, pair, nil)
                    current = cell.style
                }
                mvwaddstr(window, Int32(y), Int32(x), cell.text)   // ERR for the bottom-right cell; it is still drawn
            }
        }
        wnoutrefresh(window)
        doupdate()
    }

    /// Forces a full repaint on the next `present` (Ctrl-L).
    public func invalidate() { clearok(window, true) }

    /// Puts `text` on the clipboard of the terminal the user sits at, with OSC 52: xterm, kitty,
    /// WezTerm, iTerm2, Windows Terminal, and tmux with `set-clipboard on`. It travels over SSH.
    public func copyToClipboard(_ text: String) {
        let sequence = "\u{1b}]52;c;" + Data(text.sanitizedKeepingLines.utf8).base64EncodedString() + "\u{07}"
        fflush(output)
        fputs(sequence, output)
        fflush(output)
    }

    /// Gives the terminal back: normal screen, cursor, modes.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        endwin()
        delscreen(screenHandle)
        fclose(output)
        fclose(input)
        ita_restore_signal_handlers()
    }

    deinit { stop() }
}
