import Foundation

/// Prints an HTML page to PDF with headless Chromium (Debian's `chromium`): the page goes to a
/// temporary directory, Chromium prints it there, and the PDF is moved into place only when whole.
enum PDFPrinter {
    static let candidates = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

    static func browser() -> String? {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for name in candidates {
            for directory in path where FileManager.default.isExecutableFile(atPath: "\(directory)/\(name)") { return "\(directory)/\(name)" }
        }
        return nil
    }

    static func print(_ html: String, to pdf: String, thai: Bool) throws {
        guard let chromium = browser() else {
            throw CLIError(thai ? "\(pdf): ต้องมี chromium เพื่อสร้าง PDF (apt-get install chromium fonts-thai-tlwg) หรือใช้ --html แล้วสั่งพิมพ์จากเบราว์เซอร์"
                                : "\(pdf): printing to PDF needs chromium (apt-get install chromium fonts-thai-tlwg); or use --html and print from a browser")
        }
        let work = NSTemporaryDirectory() + "ita-pdf-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: work) }
        let page = work + "/report.html", printed = work + "/report.pdf"
        try Data(html.utf8).write(to: URL(fileURLWithPath: page))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        // Chromium refuses to run as root with its sandbox; the page is ours and has no script.
        process.arguments = ["--headless", "--disable-gpu", "--no-first-run", "--user-data-dir=\(work)/profile", "--no-pdf-header-footer",
                             "--print-to-pdf=\(printed)"] + (getuid() == 0 ? ["--no-sandbox"] : []) + ["file://" + page]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let data = FileManager.default.contents(atPath: printed), data.starts(with: Array("%PDF".utf8)) else {
            throw CLIError(thai ? "\(pdf): chromium พิมพ์ PDF ไม่สำเร็จ (รหัส \(process.terminationStatus))"
                                : "\(pdf): chromium could not print the PDF (exit \(process.terminationStatus))")
        }
        try Output.write(data, to: pdf)
    }
}
