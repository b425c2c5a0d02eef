import Foundation
import ITAServer
import Testing

/// `ita remind --send line` against a real HTTP server on 127.0.0.1 that implements the Messaging
/// API push endpoint's documented contract (bearer token, JSON body, at most 5 messages of at most
/// 5,000 characters, textV2 mentions, X-Line-Retry-Key answered with 409 once accepted) and each of
/// its error answers. The endpoint's base URL picks the server's behaviour (/ok, /flaky, /lost, …).
@Suite(.serialized) struct LineSendTests {
    static let token = "test-channel-token-0123456789abcdef"
    static let group = "C" + String(repeating: "a1", count: 16)
    static let lineID = "U" + String(repeating: "0f", count: 16)

    static let server = #"""
        import http.server, socketserver, sys, json, time, threading, re
        TOKEN, GROUP, LOG = sys.argv[2], sys.argv[3], sys.argv[4]
        accepted, attempts, lock = {}, {}, threading.Lock()
        class H(http.server.BaseHTTPRequestHandler):
            def log_message(self, *a): pass
            def answer(self, code, body, extra=None):
                data = json.dumps(body).encode()
                self.send_response(code)
                self.send_header('Content-Type', 'application/json')
                self.send_header('Content-Length', str(len(data)))
                self.send_header('x-line-request-id', 'req-%d' % len(accepted))
                for k, v in (extra or {}).items(): self.send_header(k, v)
                self.end_headers()
                self.wfile.write(data)
            def do_POST(self):
                mode, _, rest = self.path.strip('/').partition('/')
                raw = self.rfile.read(int(self.headers.get('Content-Length', 0)))
                key = self.headers.get('X-Line-Retry-Key', '')
                with lock:
                    attempts[key] = attempts.get(key, 0) + 1
                    n = attempts[key]
                entry = {'mode': mode, 'path': rest, 'key': key, 'auth': self.headers.get('Authorization'),
                         'type': self.headers.get('Content-Type'), 'agent': self.headers.get('User-Agent'), 'at': time.time(), 'attempt': n}
                def log(status):
                    entry['status'] = status
                    with lock, open(LOG, 'a') as f: f.write(json.dumps(entry, ensure_ascii=False) + '\n')
                if rest != 'v2/bot/message/push': log(404); return self.answer(404, {'message': 'Not found'})
                if self.headers.get('Authorization') != 'Bearer ' + TOKEN or mode == 'unauthorized':
                    log(401); return self.answer(401, {'message': 'Authentication failed. Confirm that the access token in the authorization header is valid.'})
                if not re.fullmatch(r'[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}', key):
                    log(400); return self.answer(400, {'message': 'The retry key is invalid'})
                try: body = json.loads(raw)
                except Exception: log(400); return self.answer(400, {'message': 'The request body has 1 error(s)'})
                entry['body'] = body
                problems = []
                if body.get('to') != GROUP: problems.append({'message': 'Invalid to', 'property': 'to'})
                msgs = body.get('messages', [])
                if not 1 <= len(msgs) <= 5: problems.append({'message': 'Size must be between 1 and 5', 'property': 'messages'})
                for i, m in enumerate(msgs):
                    text = m.get('text', '')
                    if len(text.encode('utf-16-le')) // 2 > 5000: problems.append({'message': 'Length must be between 0 and 5000', 'property': 'messages[%d].text' % i})
                    if m.get('type') == 'textV2':
                        names = set(re.findall(r'(?<!\{)\{([A-Za-z0-9_]+)\}(?!\})', text.replace('{{', '').replace('}}', '')))
                        subs = m.get('substitution', {})
                        if names != set(subs): problems.append({'message': 'substitution keys do not match the text', 'property': 'messages[%d].substitution' % i})
                        for s in subs.values():
                            if s.get('type') != 'mention' or not re.fullmatch(r'U[0-9a-f]{32}', s.get('mentionee', {}).get('userId', '')):
                                problems.append({'message': 'Invalid mention', 'property': 'messages[%d].substitution' % i})
                    elif m.get('type') != 'text': problems.append({'message': 'Invalid type', 'property': 'messages[%d].type' % i})
                if mode == 'bad': problems.append({'message': 'May not be empty', 'property': 'messages[0].text'})
                if problems: log(400); return self.answer(400, {'message': 'The request body has %d error(s)' % len(problems), 'details': problems})
                if mode == 'forbidden': log(403); return self.answer(403, {'message': 'The bot is not a member of the group'})
                if mode == 'quota': log(429); return self.answer(429, {'message': 'You have reached your monthly limit.'})
                if mode == 'ratelimit' and n == 1: log(429); return self.answer(429, {'message': 'The API rate limit has been exceeded.'}, {'Retry-After': '1'})
                if mode == 'flaky' and n == 1: log(500); return self.answer(500, {'message': 'Internal server error'})
                if mode == 'down': log(503); return self.answer(503, {'message': 'Service unavailable'})
                with lock: seen = key in accepted
                if seen: log(409); return self.answer(409, {'message': 'The retry key is already accepted'}, {'x-line-accepted-request-id': accepted[key]})
                with lock: accepted[key] = 'req-%d' % (len(accepted) + 1)
                if mode == 'lost' and n == 1: log(500); return self.answer(500, {'message': 'Internal server error'})   # accepted, answer lost
                log(200); self.answer(200, {'sentMessages': [{'id': str(i), 'quoteToken': 'q'} for i in range(len(msgs))]})
        class S(socketserver.ThreadingMixIn, http.server.HTTPServer): daemon_threads = True
        s = S(('127.0.0.1', 0), H)
        open(sys.argv[1], 'w').write(str(s.server_address[1]))
        s.serve_forever()
        """#

    final class Fixture {
        let ita = ITARunner()
        let port: Int
        let stop: () -> Void
        var config: String { ita.directory + "/cfg/ita" }
        var log: String { ita.directory + "/line.log" }
        var database: String { ita.directory + "/demo.sqlite" }

        init() throws {
            (port, stop) = try Subprocess.server(LineSendTests.server, arguments: [LineSendTests.token, LineSendTests.group, ita.directory + "/line.log"],
                                                 in: ita.directory)
            try FileManager.default.createDirectory(atPath: config, withIntermediateDirectories: true)
            try LineSendTests.token.write(toFile: config + "/line-token", atomically: true, encoding: .utf8)
            chmod(config + "/line-token", 0o600)
            try configure("ok")
            let demo = try run(["demo"])
            #expect(demo.status == 0, "\(demo.stderr)")
        }

        deinit { stop() }

        func configure(_ mode: String) throws {
            try "line_group = \(LineSendTests.group)\nline_endpoint = http://127.0.0.1:\(port)/\(mode)\n"
                .write(toFile: config + "/config", atomically: true, encoding: .utf8)
        }

        /// ita with this test's config, database and day (Wednesday 2 Dec 2569, a meeting day).
        func run(_ args: [String]) throws -> ITARunner.Result {
            try ita.run(args + ["--db", database, "--today", "2026-12-01"], withDatabase: false, fixedDay: false,
                        environment: ["XDG_CONFIG_HOME": ita.directory + "/cfg"])
        }

        /// Sends as the one running the tests: the demo makes them its secretary.
        func send(_ extra: [String] = [], as login: String? = nil) throws -> ITARunner.Result {
            try run(["remind", "--date", "2569-12-02", "--send", "line"] + (login.map { ["--as", $0] } ?? []) + extra)
        }

        /// Every request the server saw, in order.
        func requests() -> [[String: Any]] {
            guard let text = try? String(contentsOfFile: log, encoding: .utf8) else { return [] }
            return text.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        }

        func accepted() -> [[String: Any]] { requests().filter { ($0["status"] as? Int) == 200 } }

        func messages(_ requests: [[String: Any]]) -> [[String: Any]] {
            requests.flatMap { (($0["body"] as? [String: Any])?["messages"] as? [[String: Any]]) ?? [] }
        }
    }

    func expectNoSecret(_ r: ITARunner.Result, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!r.stdout.contains(Self.token) && !r.stderr.contains(Self.token), "the token was printed", sourceLocation: sourceLocation)
    }

    @Test func postsTheDaysRemindersOnceADayAsTheyPrint() throws {
        let f = try Fixture()
        let printed = try f.run(["remind", "--date", "2569-12-02"])
        #expect(printed.status == 0)
        let texts = printed.stdout.trimmingCharacters(in: .newlines).components(separatedBy: "\n\n")
        #expect(texts.count >= 5, "the demo's meeting day has reminders for several owners")
        #expect(printed.stdout.contains("🔴 งานที่เลยกำหนด — ติดตามในการประชุมวันนี้"), "the meeting day's overdue step")

        let sent = try f.send()
        #expect(sent.status == 0, "\(sent.stderr)")
        expectNoSecret(sent)
        #expect(sent.stdout.contains("ส่งแจ้งเตือน \(texts.count) รายการ"))
        let requests = f.accepted()
        #expect(requests.count == (texts.count + 4) / 5, "at most five messages a request")
        for r in requests {
            #expect(r["auth"] as? String == "Bearer " + Self.token)
            #expect(r["type"] as? String == "application/json")
            #expect((r["agent"] as? String)?.hasPrefix("ita/") == true)
            #expect(((r["body"] as? [String: Any])?["messages"] as? [Any])?.count ?? 0 <= 5)
        }
        #expect(Set(requests.compactMap { $0["key"] as? String }).count == requests.count, "a new retry key per request")
        // The same text as printed, in the same order (nobody has a LINE user id yet: plain text).
        let posted = f.messages(requests)
        #expect(posted.map { $0["type"] as? String } == Array(repeating: "text", count: texts.count))
        #expect(posted.compactMap { $0["text"] as? String } == texts)

        // Cron runs again: nothing is posted twice.
        let again = try f.send()
        #expect(again.status == 0)
        #expect(again.stderr.contains("ส่งเข้ากลุ่ม LINE ไปแล้ว"))
        #expect(f.requests().count == requests.count)
        // --force sends again.
        #expect(try f.send(["--force"]).status == 0)
        #expect(f.accepted().count == 2 * requests.count)

        // The token is in no file but its own.
        for file in try FileManager.default.contentsOfDirectory(atPath: f.ita.directory) where file.hasPrefix("demo.sqlite") {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: f.ita.directory + "/" + file))
            #expect(bytes.range(of: Data(Self.token.utf8)) == nil, "the token is in \(file)")
        }
    }

    /// The secretary sends the day's reminders from an office on a PostgreSQL server: the same messages
    /// as from its file, noted on the server so cron's second run posts nothing.
    @Test(.enabled(if: ITARunner.serverTests, "no PostgreSQL server (scripts/test starts one; CI=true requires it)"))
    func theSecretarySendsFromAnOfficeOnTheServer() throws {
        let f = try Fixture()
        let (server, check) = try f.ita.moveOntoServer(f.database, as: "ESA-LINE")
        let secretary = PGConnection.conninfo(server, setting: ["user": ITARunner.osLogin])
        func send(_ extra: [String] = []) throws -> ITARunner.Result {
            try f.ita.run(["remind", "--date", "2569-12-02", "--send", "line", "--db", secretary, "--today", "2026-12-01"] + extra,
                          withDatabase: false, fixedDay: false, environment: ["XDG_CONFIG_HOME": f.ita.directory + "/cfg"])
        }
        let printed = try f.run(["remind", "--date", "2569-12-02"])
        let texts = printed.stdout.trimmingCharacters(in: .newlines).components(separatedBy: "\n\n")
        let sent = try send()
        #expect(sent.status == 0, "\(sent.stderr)")
        expectNoSecret(sent)
        #expect(f.messages(f.accepted()).compactMap { $0["text"] as? String } == texts)
        let noted = try check.execute("SELECT count(*), min(os_login), max(os_login) FROM ita.sent WHERE office = 'ESA-LINE' AND day = '2026-12-02'").rows
        #expect(Int(noted[0][0] ?? "") ?? 0 >= texts.count && noted[0][1] == ITARunner.osLogin && noted[0][2] == ITARunner.osLogin, "\(noted)")
        let again = try send()
        #expect(again.status == 0 && again.stderr.contains("ส่งเข้ากลุ่ม LINE ไปแล้ว"), "\(again)")
        #expect(f.accepted().count == (texts.count + 4) / 5)
        // --force posts again; the server keeps one row per reminder.
        #expect(try send(["--force"]).status == 0)
        #expect(f.accepted().count == 2 * ((texts.count + 4) / 5))
        #expect(try check.execute("SELECT count(*) FROM ita.sent WHERE office = 'ESA-LINE'").scalar == noted[0][0])
        // An owner may not send.
        let owner = try f.ita.run(["remind", "--date", "2569-12-02", "--send", "line", "--db", PGConnection.conninfo(server, setting: ["user": "kittipat"])],
                                  withDatabase: false, fixedDay: false, environment: ["XDG_CONFIG_HOME": f.ita.directory + "/cfg"])
        #expect(owner.status == 1 && owner.stderr.contains("เฉพาะประธานและเลขานุการ"), "\(owner)")
    }

    @Test func membersWithALineIDAreMentioned() throws {
        let f = try Fixture()
        #expect(try f.run(["member", "edit", "kittipat", "--line-id", Self.lineID]).status == 0)
        let bad = try f.run(["member", "edit", "kittipat", "--line-id", "kittipat"])
        #expect(bad.status != 0 && bad.stderr.contains("line_id"))
        #expect(try f.send().status == 0)
        let posted = f.messages(f.accepted())
        let mention = try #require(posted.first { $0["type"] as? String == "textV2" })
        let text = try #require(mention["text"] as? String)
        #expect(text.hasPrefix("📣 แจ้งเตือนงาน ITA ถึง {m1}"))
        let substitution = try #require(mention["substitution"] as? [String: [String: Any]])
        #expect((substitution["m1"]?["mentionee"] as? [String: String]) == ["type": "user", "userId": Self.lineID])
        #expect(posted.filter { $0["type"] as? String == "textV2" }.count == 1, "the others have no id: plain text")
        // Printed, it is still @name.
        #expect(try f.run(["remind", "--date", "2569-12-02", "--owner", "kittipat"]).stdout.hasPrefix("📣 แจ้งเตือนงาน ITA ถึง @กิตติพัฒน์ ICT"))
        // The id travels with the plan.
        #expect(try f.run(["plan", "export"]).stdout.contains("line_id: \(Self.lineID)"))
    }

    @Test func dryRunPrintsTheRequestsWithTheTokenRedactedAndSendsNothing() throws {
        let f = try Fixture()
        let dry = try f.send(["--dry-run"])
        #expect(dry.status == 0, "\(dry.stderr)")
        expectNoSecret(dry)
        #expect(dry.stdout.contains("POST http://127.0.0.1:\(f.port)/ok/v2/bot/message/push"))
        #expect(dry.stdout.contains("Authorization: Bearer [redacted"))
        #expect(dry.stdout.contains("X-Line-Retry-Key: "))
        #expect(dry.stdout.contains("\"to\" : \"\(Self.group)\""))
        #expect(f.requests().isEmpty)
        // Nothing was noted as sent: the real run posts.
        #expect(try f.send().status == 0)
        #expect(!f.accepted().isEmpty)
    }

    @Test func onlyTheChairAndTheSecretarySendAndTheTokenFileIsKeptPrivate() throws {
        let f = try Fixture()
        let owner = try f.send(as: "kittipat")
        #expect(owner.status != 0 && owner.stderr.contains("ประธานและเลขานุการ (kittipat ไม่ใช่)"))
        chmod(f.config + "/line-token", 0o644)
        let open = try f.send()
        #expect(open.status != 0)
        #expect(open.stderr.contains("line-token") && open.stderr.contains("chmod 600"))
        #expect(open.stderr.split(separator: "\n").count == 1)
        chmod(f.config + "/line-token", 0o600)
        try "line_endpoint = http://127.0.0.1:\(f.port)/ok\n".write(toFile: f.config + "/config", atomically: true, encoding: .utf8)
        let noGroup = try f.send()
        #expect(noGroup.status != 0 && noGroup.stderr.contains("line_group"))
        #expect(f.requests().isEmpty)
    }

    @Test func retriesKeepTheirRetryKeyAndNeverPostTwice() throws {
        let f = try Fixture()
        // A 500 then success: the second attempt has the first one's key.
        try f.configure("flaky")
        #expect(try f.send().status == 0)
        let flaky = f.requests()
        #expect(flaky.first?["status"] as? Int == 500)
        #expect(flaky[0]["key"] as? String == flaky[1]["key"] as? String)
        #expect(flaky[1]["status"] as? Int == 200)

        // Accepted but the answer was lost: the retry is answered 409 and counts as sent.
        try f.configure("lost")
        let lost = try f.send(["--force"])
        #expect(lost.status == 0, "\(lost.stderr)")
        let lostRequests = f.requests().filter { $0["mode"] as? String == "lost" }
        #expect(lostRequests.map { $0["status"] as? Int }.prefix(2) == [500, 409])
        #expect(try f.send().stderr.contains("ไปแล้ว"))

        // 429 with Retry-After: waits that long, then posts.
        try f.configure("ratelimit")
        #expect(try f.send(["--force"]).status == 0)
        let limited = f.requests().filter { $0["mode"] as? String == "ratelimit" }
        #expect(limited.first?["status"] as? Int == 429)
        let waited = (limited[1]["at"] as? Double ?? 0) - (limited[0]["at"] as? Double ?? 0)
        #expect(waited >= 0.9, "Retry-After: 1 was honoured (\(waited) s)")
    }

    @Test func lineErrorsAreOneClearLineAndNothingIsNotedAsSent() throws {
        let f = try Fixture()
        for (mode, expected) in [("bad", "400"), ("unauthorized", "401"), ("forbidden", "403"), ("quota", "429"), ("down", "503")] {
            try f.configure(mode)
            let r = try f.send()
            #expect(r.status == 1, "\(mode): \(r.stderr)")
            #expect(r.stderr.contains(expected), "\(mode): \(r.stderr)")
            #expect(r.stderr.trimmingCharacters(in: .newlines).split(separator: "\n").count == 1, "\(mode): \(r.stderr)")
            expectNoSecret(r)
        }
        #expect(f.requests().filter { $0["mode"] as? String == "down" }.count == 4, "5xx: four attempts, then it stops")
        #expect(f.requests().filter { $0["mode"] as? String == "quota" }.count == 1, "the month's quota: no retry")
        // Nothing was noted: once LINE is back, everything goes out.
        try f.configure("ok")
        #expect(try f.send().status == 0)
        #expect(!f.accepted().isEmpty)
    }
}
