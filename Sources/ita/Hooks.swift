import Foundation
import ITACore
import ITAStore

/// Hooks: executables in `$XDG_CONFIG_HOME/ita/hooks/` run after a change is committed, with the
/// change as JSON on standard input. Like Taskwarrior's on-modify, but after the commit: a hook that
/// fails or hangs cannot lose or hold back data; it is reported (stderr, or the dashboard's status
/// line) and stopped after `hook_timeout` seconds (10 by default).
///
/// - `on-change`: every committed change (one run per change: `ita done 12` is one, `plan apply` one);
/// - `on-done`: a change that marked tasks done, with those tasks;
/// - `on-meeting-end`: a follow-up meeting closed, with its minutes.
final class Hooks: @unchecked Sendable {
    static let names = ["on-change", "on-done", "on-meeting-end"]
    static let defaultTimeout = 10.0

    let directory: String
    let timeout: Double
    private let lock = NSLock()
    /// Per database: the last audit row whose change the hooks have seen.
    private var marks: [String: Int64] = [:]
    private var failures: [String] = []
    private let running = DispatchGroup()

    let today: CivilDate
    private var stores: [String: Store] = [:]

    /// Failures are reported in Thai (else English).
    let thai: Bool

    init(config: Config, today: CivilDate, thai: Bool) {
        self.thai = thai
        directory = config.directory + "/hooks"
        timeout = config.hookTimeout ?? Self.defaultTimeout
        self.today = today
    }

    /// The hooks there are (none: nothing is watched or read, and commands pay nothing).
    private lazy var present: Set<String> = Set(Self.names.filter { FileManager.default.fileExists(atPath: directory + "/" + $0) })

    /// Starts watching a database: changes after this moment are the hooks'.
    func watch(_ store: Store) {
        guard !present.isEmpty, !store.isReadOnly else { return }
        lock.lock(); defer { lock.unlock() }
        if marks[store.path] == nil {
            marks[store.path] = (try? store.lastAuditID()) ?? 0
            stores[store.path] = store
        }
    }

    /// Runs the hooks for the changes committed since the last call (they run in the background;
    /// `finish` or `takeFailures` collects how they went).
    func fire(_ store: Store) {
        guard present.contains("on-change") || present.contains("on-done") else { return }
        lock.lock()
        guard let mark = marks[store.path] else { lock.unlock(); return }
        lock.unlock()
        var entries: [AuditEntry] = []
        var after = mark
        while let page = try? store.log(after: after, limit: 1000), !page.isEmpty {
            entries += page
            after = page.last!.id
        }
        lock.lock(); marks[store.path] = after; lock.unlock()
        guard !entries.isEmpty, let board = try? store.board(today: today) else { return }
        let byID = Dictionary(uniqueKeysWithValues: board.members.map { ($0.id, $0) })
        var changes: [(Int64, [AuditEntry])] = []
        for entry in entries {
            if changes.last?.0 == entry.changeID { changes[changes.count - 1].1.append(entry) } else { changes.append((entry.changeID, [entry])) }
        }
        for (id, rows) in changes {
            let taskIDs = Array(Set(rows.filter { $0.entity == .task }.compactMap { Int64($0.key) })).sorted()
            let tasks = taskIDs.compactMap { try? store.task(id: $0) }
            let done = Set(rows.filter { $0.entity == .task && $0.field == "status" && $0.newValue == TaskStatus.done.rawValue }.compactMap { Int64($0.key) })
            func payload(_ hook: String, _ tasks: [WorkTask]) -> String {
                JSONValue.object([
                    "hook": .string(hook), "database": .string(URL(fileURLWithPath: store.path).standardized.path),
                    "change": .object(["id": .int(Int(id)), "at": .string(rows[0].at.iso), "os_login": .string(rows[0].login),
                                       "member": .of(rows[0].memberID.flatMap { byID[$0]?.login }), "action": .string(rows[0].action.rawValue)]),
                    "entries": JSONDocuments.log(rows, members: board.members),
                    "tasks": JSONDocuments.tasks(tasks, members: board.members, today: today),
                ]).text
            }
            if present.contains("on-change") { start("on-change", input: payload("on-change", tasks)) }
            if present.contains("on-done"), !done.isEmpty { start("on-done", input: payload("on-done", tasks.filter { done.contains($0.id) })) }
        }
    }

    /// `on-meeting-end`, with the meeting's minutes as `ita minutes --json` prints them.
    func meetingEnded(_ meeting: Meeting, store: Store) {
        fire(store)
        guard present.contains("on-meeting-end"), let summary = meeting.summary, let board = try? store.board(today: meeting.day) else { return }
        let meetings = (try? store.meetings()) ?? [meeting]
        let minutes = JSONDocuments.minutes(meeting, summary: summary, number: MeetingSession.number(of: meeting, in: meetings), board: board)
        start("on-meeting-end", input: JSONValue.object(["hook": .string("on-meeting-end"), "database": .string(URL(fileURLWithPath: store.path).standardized.path), "minutes": minutes]).text)
    }

    /// Failures reported since the last call (for the dashboard's status line).
    func takeFailures() -> [String] {
        lock.lock(); defer { lock.unlock() }
        let taken = failures
        failures = []
        return taken
    }

    /// At the end of a command: waits for the hooks still running (each at most its timeout) and
    /// reports every failure on stderr.
    func finish() {
        lock.lock(); let watched = Array(stores.values); lock.unlock()
        for store in watched { fire(store) }
        running.wait()
        for failure in takeFailures() { Output.error("ita: " + failure) }
    }

    private func report(_ failure: String) {
        lock.lock(); failures.append(failure.sanitizedForTerminal); lock.unlock()
    }

    /// Runs one hook in the background: input on stdin, the first 4 KB of stderr kept (its first line
    /// names a failure), stopped after the timeout with its whole process group (TERM, then KILL), so
    /// a hook's own children (a `curl` it started) stop with it.
    private func start(_ name: String, input: String) {
        let path = directory + "/" + name
        guard FileManager.default.isExecutableFile(atPath: path) else {
            report(thai ? "hook \(name) ยังรันไม่ได้ ไม่ได้ตั้งให้เป็นโปรแกรม (chmod +x \(path))" : "hook \(name) is not executable (chmod +x \(path))")
            return
        }
        signal(SIGPIPE, SIG_IGN)   // a hook that does not read its input must not stop ita
        var input_ = [Int32](repeating: 0, count: 2), errors_ = [Int32](repeating: 0, count: 2)
        guard pipe(&input_) == 0, pipe(&errors_) == 0 else { report((thai ? "เริ่ม hook \(name) ไม่ได้: " : "hook \(name) cannot start: ") + "no pipe"); return }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input_[0], 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, errors_[1], 2)
        for fd in input_ + errors_ { posix_spawn_file_actions_addclose(&actions, fd) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Its own process group (to stop it whole), default signals and no blocked ones (not ita's).
        var none = sigset_t(), defaults = sigset_t()
        sigemptyset(&none)
        sigfillset(&defaults)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var environment = ProcessInfo.processInfo.environment
        environment["ITA_HOOK"] = name
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        let argv = [strdup(path), nil]
        defer { (envp + argv).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        close(input_[0])
        close(errors_[1])
        guard spawned == 0 else {
            close(input_[1]); close(errors_[0])
            report((thai ? "เริ่ม hook \(name) ไม่ได้: " : "hook \(name) cannot start: ") + String(cString: strerror(spawned)))
            return
        }
        running.enter()
        let timeout = self.timeout, writeEnd = input_[1], readEnd = errors_[0], child = pid
        DispatchQueue.global().async {
            var bytes = Array(input.utf8)[...]
            while !bytes.isEmpty {
                let n = bytes.withUnsafeBytes { write(writeEnd, $0.baseAddress, $0.count) }
                if n <= 0 { break }   // the hook closed its input: it needs no more
                bytes = bytes.dropFirst(n)
            }
            close(writeEnd)
        }
        let errors = Collected(readEnd)
        DispatchQueue.global().async { [self] in
            defer { running.leave() }
            var status: Int32 = 0
            let deadline = Date().addingTimeInterval(timeout)
            while waitpid(child, &status, WNOHANG) == 0 {
                if Date() >= deadline {
                    kill(-child, SIGTERM)
                    let grace = Date().addingTimeInterval(1)
                    while waitpid(child, &status, WNOHANG) == 0 {
                        if Date() >= grace { kill(-child, SIGKILL); waitpid(child, &status, 0); break }
                        usleep(10_000)
                    }
                    kill(-child, SIGKILL)   // whatever it left behind
                    report(thai ? "hook \(name) ทำงานเกิน \(Int(timeout)) วินาที จึงถูกหยุด (hook_timeout ในไฟล์ตั้งค่า)"
                                : "hook \(name) was stopped after \(Int(timeout)) s (hook_timeout in the config file)")
                    return
                }
                usleep(10_000)
            }
            let exited = status & 0x7f == 0, code = (status >> 8) & 0xff
            guard exited, code == 0 else {
                let first = errors.text().split(separator: "\n").first.map { ": " + $0 } ?? ""
                report("hook \(name) " + (thai ? "ล้มเหลว" : "failed") + " (" + (exited ? "exit \(code)" : "signal \(status & 0x7f)") + ")" + first)
                return
            }
        }
    }

    /// A pipe read to its end in the background, keeping the first 4 KB.
    final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var data = Data()
        private let done = DispatchSemaphore(value: 0)

        init(_ fd: Int32) {
            DispatchQueue.global().async { [self] in
                var buffer = [UInt8](repeating: 0, count: 4096)
                while true {
                    let n = read(fd, &buffer, buffer.count)
                    if n <= 0 { break }
                    lock.lock(); if data.count < 4096 { data.append(contentsOf: buffer[0..<min(n, 4096 - data.count)]) }; lock.unlock()
                }
                close(fd)
                done.signal()
            }
        }

        func text() -> String {
            _ = done.wait(timeout: .now() + 1)
            lock.lock(); defer { lock.unlock() }
            return String(decoding: data, as: UTF8.self)
        }
    }
}
