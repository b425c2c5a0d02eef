import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A private tmux server for one end-to-end test: the real `ita` in a real terminal.
///
/// tmux is started with `posix_spawn` and an empty signal mask, not Foundation's `Process`: the
/// tmux server keeps inherited pipes open (so `waitUntilExit` would hang) and would inherit a
/// blocked SIGWINCH from the test thread.
final class Tmux {
    let socket = "ita-test-\(UUID().uuidString.prefix(8))"
    let runner: ITARunner

    init(_ runner: ITARunner) { self.runner = runner }

    deinit { _ = try? run(["kill-server"]) }

    /// Runs a tmux command; returns its standard output.
    @discardableResult
    func run(_ arguments: [String]) throws -> String {
        let out = runner.directory + "/tmux-\(UUID().uuidString)"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, out + ".err", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGWINCH] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ["tmux", "-L", socket, "-f", "/dev/null"] + arguments
        let environment = ["PATH=/usr/bin:/bin:/usr/local/bin", "HOME=\(runner.directory)", "TZ=Asia/Bangkok", "LANG=C.UTF-8",
                           "XDG_DATA_HOME=\(runner.directory)/data", "XDG_CACHE_HOME=\(runner.directory)/cache",
                           "XDG_CONFIG_HOME=\(runner.directory)/config", "SWIFT_BACKTRACE=enable=no"]
        var cArgs = argv.map { strdup($0) } + [nil]
        var cEnv = environment.map { strdup($0) } + [nil]
        defer { (cArgs + cEnv).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, "tmux", &actions, &attributes, &cArgs, &cEnv)
        guard spawned == 0 else { throw TmuxError("posix_spawn tmux failed: \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        let output = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
        if status != 0 {
            let error = (try? String(contentsOfFile: out + ".err", encoding: .utf8)) ?? ""
            throw TmuxError("tmux \(arguments.first ?? "") failed (\(status)): \(error)")
        }
        return output
    }

    /// Starts a session of the given size running `command` through sh. The command's exit status
    /// and the terminal modes afterwards are printed, and the pane stays open to be read.
    func start(_ command: String, width: Int = 100, height: Int = 30, name: String = "main") throws {
        // The shell traps INT (a handler, reset on exec) so Ctrl-C reaches ita without ending the pane.
        // The modes are written before EXIT= is shown, so a test that sees EXIT= can read them at once.
        let script = "trap : INT; \(command); s=$?; stty -a > '\(modesFile(name))'; echo \"EXIT=$s\"; exec sleep 600"
        try run(["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", "/bin/sh", "-c", script])
    }

    /// Where a pane's shell writes `stty -a` after `ita` ended.
    func modesFile(_ name: String = "main") -> String { runner.directory + "/stty-\(socket)-\(name).txt" }

    /// The `ita` command line for a pane: the real binary on the test database, on the fixed day.
    /// `subcommand` goes first (options before a name would be read as the dashboard's).
    func ita(_ arguments: String, subcommand: String = "", environment: String = "") -> String {
        "env \(environment) '\(ITARunner.binary)' \(subcommand) --db '\(runner.database)' --today \(runner.today) \(arguments)"
    }

    func capture(_ target: String = "main") throws -> String {
        try run(["capture-pane", "-p", "-t", target])
    }

    func send(_ keys: String..., to target: String = "main") throws {
        try run(["send-keys", "-t", target] + keys)
    }

    /// Sends text literally (Thai characters included).
    func type(_ text: String, to target: String = "main") throws {
        try run(["send-keys", "-t", target, "-l", text])
    }

    func display(_ format: String, _ target: String = "main") throws -> String {
        try run(["display-message", "-p", "-t", target, format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Polls the pane until `predicate` holds, or fails after `timeout` seconds with the last screen.
    @discardableResult
    func waitFor(_ what: String, in target: String = "main", timeout: Double = 10, sourceLocation: SourceLocation = #_sourceLocation,
                 _ predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        repeat {
            screen = try capture(target)
            if predicate(screen) { return screen }
            usleep(20_000)
        } while Date() < deadline
        Issue.record("timed out waiting for \(what); screen:\n\(screen)", sourceLocation: sourceLocation)
        throw TmuxError("timed out waiting for \(what)")
    }

    @discardableResult
    func waitFor(text: String, in target: String = "main", timeout: Double = 10, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try waitFor("\"\(text)\"", in: target, timeout: timeout, sourceLocation: sourceLocation) { $0.contains(text) }
    }

    /// tmux's newest paste buffer (what an application sent with OSC 52 while set-clipboard is on),
    /// waiting up to 5 s for one; "" when none came.
    func waitForBuffer() -> String {
        var buffer = ""
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline {
            buffer = (try? run(["show-buffer"])) ?? ""
            if !buffer.isEmpty { break }
            usleep(20_000)
        }
        return buffer
    }

    /// The pid of the `ita` process in a pane (the child of the pane's shell).
    func itaPID(_ target: String = "main") throws -> pid_t {
        let shell = pid_t(try display("#{pane_pid}", target)) ?? 0
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let pid = pid_t(entry), let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8) else { continue }
            // "pid (comm) state ppid …": comm may contain spaces, so split after the closing parenthesis.
            guard let close = stat.lastIndex(of: ")") else { continue }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            if fields.count > 1, pid_t(fields[1]) == shell, stat.contains("(ita)") { return pid }
        }
        throw TmuxError("no ita process under pane shell \(shell)")
    }
}

struct TmuxError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
