import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The private directories `Store.create` builds a database in, beside its final place (so the
/// rename stays on one file system): `.ita-creating-PID-XXXXXX`, mode 0700. A kill leaves one
/// behind; the next create removes those whose process is gone.
enum TemporaryBuild {
    static let prefix = ".ita-creating-"

    static func make(in directory: String) throws -> String {
        var template = Array("\(directory)/\(prefix)\(getpid())-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer in mkdtemp(buffer.baseAddress!) }
        guard made != nil else {
            throw StoreError.ioError(path: directory, detail: "cannot create a temporary directory: \(String(cString: strerror(errno)))")
        }
        return String(cString: template)
    }

    /// Removes build directories (and the `NAME.creating-PID` files of older versions) left by
    /// processes that no longer run.
    static func removeStale(in directory: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names {
            let pid: Int32?
            if name.hasPrefix(prefix) {
                pid = Int32(name.dropFirst(prefix.count).prefix { $0 != "-" })
            } else if let range = name.range(of: ".creating-") {
                pid = Int32(name[range.upperBound...].prefix { $0.isNumber })
            } else {
                continue
            }
            guard let pid, pid > 0, kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(atPath: directory + "/" + name)
        }
    }
}
