import Foundation
import ITACore

/// Text from bytes that may be UTF-8 (with or without a BOM) or Windows-874/TIS-620, the code page
/// Thai Windows programs write by default: spreadsheets saved as CSV, and older office web pages.
public enum ThaiText {
    public enum Encoding: String, CaseIterable, Sendable {
        case utf8 = "utf-8"
        case windows874 = "windows-874"
        case tis620 = "tis-620"
    }

    /// Text from a file's bytes: UTF-8 (with or without a BOM) when the bytes are UTF-8, else Windows-874
    /// (a superset of TIS-620, what Thai Excel writes by default); or the encoding given.
    public static func decode(_ data: Data, encoding: Encoding?, file: String) throws -> (text: String, encoding: Encoding) {
        var bytes = [UInt8](data)
        let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        if bom { bytes.removeFirst(3) }
        if encoding == nil || encoding == .utf8 {
            guard let bad = UTF8Check.firstInvalid(bytes) else { return (String(decoding: bytes, as: UTF8.self), .utf8) }
            if encoding == .utf8 || bom {
                throw DataFileError(file: file, line: bad.line, field: "", problem: "\(UTF8Check.describe(bad, thai: false)); try --encoding windows-874",
                                    problemTH: "\(UTF8Check.describe(bad, thai: true)) ลองใช้ --encoding windows-874")
            }
        }
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for (offset, byte) in bytes.enumerated() {
            guard let scalar = windows874(byte), encoding != .tis620 || byte < 0x80 || byte >= 0xA1 else {
                let name = encoding == .tis620 ? "TIS-620" : "UTF-8 or Windows-874"
                throw DataFileError(file: file, line: nil, field: "", problem: "not \(name): byte \(offset + 1) is 0x\(String(byte, radix: 16, uppercase: true))",
                                    problemTH: "ไม่ใช่ \(name): ไบต์ที่ \(offset + 1) คือ 0x\(String(byte, radix: 16, uppercase: true))")
            }
            scalars.append(scalar)
        }
        return (String(scalars), encoding ?? .windows874)
    }

    /// Windows-874 (the Thai code page): ASCII, the Thai block at 0xA1–0xFB, and a few punctuation marks.
    static func windows874(_ byte: UInt8) -> Unicode.Scalar? {
        switch byte {
        case 0x00...0x7F: return Unicode.Scalar(byte)
        case 0xA0: return "\u{00A0}"
        case 0xA1...0xDA, 0xDF...0xFB: return Unicode.Scalar(UInt32(byte) + 0x0D60)
        case 0x80: return "\u{20AC}"
        case 0x85: return "\u{2026}"
        case 0x91: return "\u{2018}"
        case 0x92: return "\u{2019}"
        case 0x93: return "\u{201C}"
        case 0x94: return "\u{201D}"
        case 0x95: return "\u{2022}"
        case 0x96: return "\u{2013}"
        case 0x97: return "\u{2014}"
        default: return nil
        }
    }
}
