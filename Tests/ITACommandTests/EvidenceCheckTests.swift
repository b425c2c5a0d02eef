import Foundation
import ITACore
import ITAStore
import Testing

/// `ita evidence check` against a real HTTP server on 127.0.0.1 that this test starts (Python's
/// http.server): redirect chains and loops, 404, 405 on HEAD, 500, a reply slower than the timeout,
/// a 50 MB file (not downloaded), pages with and without a title, a PDF, a Windows-874 page. No test
/// touches the internet.
@Suite(.serialized) struct EvidenceCheckTests {
    static let server = #"""
        import http.server, socketserver, sys, time, threading
        BIG = 50 * 1024 * 1024
        class H(http.server.BaseHTTPRequestHandler):
            def log_message(self, *a): pass
            def send(self, code, body=b'', ctype='text/html; charset=utf-8', extra=None, length=None):
                self.send_response(code)
                self.send_header('Content-Type', ctype)
                self.send_header('Content-Length', str(len(body) if length is None else length))
                for k, v in (extra or {}).items(): self.send_header(k, v)
                self.end_headers()
                if self.command != 'HEAD': self.wfile.write(body)
            def do_HEAD(self): self.route()
            def do_GET(self): self.route()
            def route(self):
                p = self.path
                if p == '/ok.html': self.send(200, '<html><head><title>ประกาศ ปีงบประมาณ 2570</title></head><body>ok</body></html>'.encode())
                elif p == '/notitle.html': self.send(200, '<html><body>รายงานประจำปี ๒๕๖๙</body></html>'.encode())
                elif p == '/r1': self.send(301, extra={'Location': '/r2'})
                elif p == '/r2': self.send(302, extra={'Location': '/ok.html'})
                elif p == '/loop': self.send(302, extra={'Location': '/loop'})
                elif p == '/missing': self.send(404, b'not here')
                elif p == '/error': self.send(500, b'oops')
                elif p == '/nohead.html':
                    if self.command == 'HEAD': self.send(405)
                    else: self.send(200, '<title>คู่มือการปฏิบัติงาน</title>'.encode())
                elif p == '/slow': time.sleep(4); self.send(200, b'<title>late</title>')
                elif p == '/report-2569.pdf': self.send(200, b'%PDF-1.4 small', ctype='application/pdf')
                elif p == '/tis620.html':
                    self.send(200, '<html><title>รายงานผลการดำเนินงาน 2570</title></html>'.encode('cp874'), ctype='text/html; charset=windows-874')
                elif p == '/big.pdf':
                    self.send_response(200); self.send_header('Content-Type', 'application/pdf'); self.send_header('Content-Length', str(BIG)); self.end_headers()
                    if self.command == 'GET':
                        chunk = b'0' * 65536
                        try:
                            for _ in range(BIG // 65536): self.wfile.write(chunk)
                        except Exception: pass
                else: self.send(404)
        class S(socketserver.ThreadingMixIn, http.server.HTTPServer): daemon_threads = True
        s = S(('127.0.0.1', 0), H)
        open(sys.argv[1], 'w').write(str(s.server_address[1]))
        s.serve_forever()
        """#

    /// The network is done by `ita-http`, installed beside `ita`; without it the check is one line
    /// naming where the helper belongs, exit 1, and nothing is kept.
    @Test func withoutItsNetworkHelperTheCheckSaysWhereItBelongs() throws {
        let ita = ITARunner()
        let lonely = ita.directory + "/bin"
        try FileManager.default.createDirectory(atPath: lonely, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: ITARunner.binary, toPath: lonely + "/ita")
        let db = ["--db", ita.directory + "/demo.sqlite", "--today", "2026-12-01"]
        #expect(try ita.run(["demo"] + db, withDatabase: false, fixedDay: false).status == 0)
        let before = try ita.run(["evidence", "report", "--json"] + db, withDatabase: false, fixedDay: false).stdout
        let process = Process()
        process.executableURL = URL(fileURLWithPath: lonely + "/ita")
        process.arguments = ["evidence", "check", "--lang", "en"] + db
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": ita.directory, "LANG": "C.UTF-8", "TZ": "Asia/Bangkok"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(text.contains("\(lonely)/ita-http: ita's network helper is missing; install it beside ita"), "\(text)")
        #expect(try ita.run(["evidence", "report", "--json"] + db, withDatabase: false, fixedDay: false).stdout == before)

        // The helper itself, run by hand, says what it is for.
        let helper = try ITARunner.spawn([], directory: ita.directory, executable: (ITARunner.binary as NSString).deletingLastPathComponent + "/ita-http")
        #expect(helper.status == 2)
        #expect(helper.stderr.hasPrefix("ita-http: usage: ita-http fetch|post"))
    }

    @Test func everyKindOfAnswerIsFoundAndKept() throws {
        let ita = ITARunner()
        let (port, stop) = try Subprocess.server(Self.server, in: ita.directory)
        defer { stop() }
        let site = "http://127.0.0.1:\(port)"
        let db = ["--db", ita.directory + "/demo.sqlite", "--today", "2026-12-01"]
        func run(_ args: [String]) throws -> ITARunner.Result { try ita.run(args + db, withDatabase: false, fixedDay: false) }
        #expect(try run(["demo"]).status == 0)
        #expect(try run(["website", site]).status == 0)
        // One task per link, on items whose evidence periods differ (FY2570: O1 current, O4 this FY, O7 last FY).
        let links: [(String, String)] = [
            ("O1", "/r1"), ("O4", "/ok.html"), ("O7", "/ok.html"), ("O7", "/report-2569.pdf"), ("O3", "/missing"), ("O3", "/loop"),
            ("O3", "/error"), ("O3", "/slow"), ("O3", "/nohead.html"), ("O3", "/big.pdf"), ("O3", "/tis620.html"), ("O3", "/notitle.html"),
        ]
        var ids: [String: String] = [:]
        for (i, (target, path)) in links.enumerated() {
            // All on one member (panuwat), and only his checked: the demo's own links are on example.go.th.
            let added = try run(["add", target, "หลักฐานทดสอบ \(i)", "--owner", "panuwat"])
            let id = try #require(added.stdout.firstMatch(of: /#(\d+)/).map { String($0.1) }, "\(added.stdout)\(added.stderr)")
            #expect(try run(["done", id, "--evidence", site + path]).status == 0)
            ids[target + path] = id
        }
        let offSite = try run(["add", "O3", "หลักฐานนอกเว็บไซต์", "--owner", "panuwat"])
        let offID = try #require(offSite.stdout.firstMatch(of: /#(\d+)/).map { String($0.1) })
        #expect(try run(["done", offID, "--evidence", "http://localhost:\(port)/ok.html"]).status == 0)

        let started = Date()
        let checked = try run(["evidence", "check", "--owner", "panuwat", "--timeout", "1", "--json"])
        let seconds = Date().timeIntervalSince(started)
        #expect(checked.status == 1, "problems found: exit 1 (\(checked.stderr))")
        #expect(seconds < 20, "four at a time, the slow one cut at the timeout, the 50 MB file not read: \(seconds) s")
        let found = try #require(try JSONSerialization.jsonObject(with: Data(checked.stdout.utf8)) as? [[String: Any]])
        func findings(_ key: String) -> [String] {
            (found.first { ($0["task"] as? Int).map(String.init) == ids[key] }?["findings"] as? [String]) ?? []
        }
        #expect(findings("O3/missing") == ["broken"])
        #expect(findings("O3/loop") == ["broken"])
        #expect(findings("O3/error") == ["broken"])
        #expect(findings("O3/slow") == ["broken"])
        #expect(findings("O7/ok.html") == ["wrong_year"], "a last-year item whose page names only 2570")
        #expect((found.first { ($0["task"] as? Int).map(String.init) == offID }?["findings"] as? [String]) == ["off_site"])
        for fine in ["O1/r1", "O4/ok.html", "O7/report-2569.pdf", "O3/nohead.html", "O3/big.pdf", "O3/tis620.html", "O3/notitle.html"] {
            #expect(findings(fine).isEmpty, "\(fine): \(findings(fine))")
        }

        // What was kept, per URL.
        let store = try Store.open(at: ita.directory + "/demo.sqlite", readOnly: true)
        let checks = try store.evidenceChecks()
        let chain = try #require(checks[site + "/r1"])
        #expect(chain.status == 200 && chain.redirects == 2 && chain.finalURL == site + "/ok.html" && chain.title == "ประกาศ ปีงบประมาณ 2570")
        #expect(checks[site + "/loop"]?.error?.contains("more than 5 redirects") == true)
        #expect(checks[site + "/missing"]?.status == 404 && checks[site + "/error"]?.status == 500)
        #expect(checks[site + "/slow"]?.error == "timed out")
        #expect(checks[site + "/nohead.html"]?.status == 200 && checks[site + "/nohead.html"]?.title == "คู่มือการปฏิบัติงาน", "GET after HEAD's 405")
        let big = try #require(checks[site + "/big.pdf"])
        #expect(big.status == 200 && big.size == 50 * 1024 * 1024 && big.fileName == "big.pdf")
        #expect(checks[site + "/report-2569.pdf"]?.yearsMentioned == [2569] && checks[site + "/report-2569.pdf"]?.contentType == "application/pdf")
        #expect(checks[site + "/tis620.html"]?.title == "รายงานผลการดำเนินงาน 2570", "a Windows-874 page's title")
        #expect(checks[site + "/notitle.html"]?.title == nil && checks[site + "/notitle.html"]?.yearsMentioned == [2569], "Thai digits count")

        // The report reads what was kept, by owner; the task's details and the tree carry the marks.
        let report = try run(["evidence", "report"])
        #expect(report.status == 1)
        #expect(report.stdout.contains("✗ ลิงก์เสีย (HTTP 404)") && report.stdout.contains("⚠ นอกเว็บไซต์หน่วยงาน") && report.stdout.contains("⚠ ปี (ไม่พบ 2569)"),
                "\(report.stdout)")
        let tree = try run(["snapshot", "--screen", "tree", "--width", "120", "--height", "60"])
        #expect(tree.stdout.split(separator: "\n").contains { $0.contains("O3 ") && $0.contains(" ✗") }, "\(tree.stdout)")
        #expect(tree.stdout.split(separator: "\n").contains { $0.contains("O7 ") && $0.contains(" ⚠") })
        let status = try run(["status"]).stdout
        #expect(status.contains("หลักฐาน: ตรวจแล้ว 12 ลิงก์ · ✗ ลิงก์เสีย 4 · ⚠ นอกเว็บไซต์หน่วยงาน 1"), "\(status.split(separator: "\n").filter { $0.contains("หลักฐาน") })")
        // An old check is reported as such a week later, and alone it is not a failure.
        let later = try ita.run(["evidence", "report", "--db", ita.directory + "/demo.sqlite", "--today", "2026-12-20"], withDatabase: false, fixedDay: false)
        #expect(later.stdout.contains("◌ ยังไม่ได้ตรวจลิงก์ใน 7 วัน"))
    }
}
