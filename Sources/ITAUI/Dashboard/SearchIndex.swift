#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ITACore

/// What the free-text filter searches, lowercased once: each task's title and note as UTF-8 (apart,
/// so a word never spans two). Owners' names are few: the filter matches them once per word. Built on the first text filter after a load and
/// carried over a reload for every task whose title, note and owner did not change, so Enter on
/// `/เว็บไซต์` and a reload while it is on scan bytes instead of lowercasing 50,000 titles.
struct SearchIndex: Hashable, Sendable {
    /// An index from before a reload, with the task positions it was built for.
    struct Previous: Hashable, Sendable {
        var index: SearchIndex
        var positions: [Int64: Int]
    }

    private struct Source: Hashable, Sendable {
        var title: String, note: String
    }
    /// Every task's key in one buffer (scanned front to back, no pointer per task to follow), and
    /// each position's range in it; a changed task's new key goes at the end.
    private var bytes: [UInt8] = []
    private var ranges: [Range<Int>] = []
    private var sources: [Source] = []

    init(tasks: [WorkTask], reusing old: SearchIndex? = nil, oldPositions: [Int64: Int] = [:]) {
        ranges.reserveCapacity(tasks.count)
        sources.reserveCapacity(tasks.count)
        bytes.reserveCapacity(old?.bytes.count ?? tasks.count * 64)
        for task in tasks {
            let source = Source(title: task.title, note: task.note)
            let start = bytes.count
            if let old, let p = oldPositions[task.id], old.sources.indices.contains(p), old.sources[p] == source {
                bytes += old.bytes[old.ranges[p]]
            } else {
                Self.appendKey(task, to: &bytes)
            }
            ranges.append(start..<bytes.count)
            sources.append(source)
        }
    }

    private static func appendKey(_ task: WorkTask, to key: inout [UInt8]) {
        appendLowercased(task.title, to: &key)
        key.append(0)
        appendLowercased(task.note, to: &key)
        key.append(0)
    }

    mutating func update(_ task: WorkTask, at position: Int) {
        guard ranges.indices.contains(position) else { return }
        let start = bytes.count
        Self.appendKey(task, to: &bytes)
        ranges[position] = start..<bytes.count
        sources[position] = Source(title: task.title, note: task.note)
    }

    var count: Int { ranges.count }

    /// Which of `words` (lowercased UTF-8; bit n for word n, up to 64) the task at `position` has.
    func matching(_ words: [[UInt8]], at position: Int) -> UInt64 {
        bytes.withUnsafeBufferPointer { Self.found(words, in: UnsafeBufferPointer(rebasing: $0[ranges[position]])) }
    }

    /// The same for every position: one pass over the buffer in position order.
    func matching(_ words: [[UInt8]]) -> [UInt64] {
        bytes.withUnsafeBufferPointer { all in ranges.map { Self.found(words, in: UnsafeBufferPointer(rebasing: all[$0])) } }
    }

    private static func found(_ words: [[UInt8]], in key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var found: UInt64 = 0
        for (n, word) in words.prefix(64).enumerated() where find(word, in: key) { found |= 1 << UInt64(n) }
        return found
    }

    static func find(_ needle: [UInt8], in hay: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = needle.count, h = hay.count
        if n == 0 { return true }
        if n > h { return false }
        // The needle's last byte is looked for with the C library's memchr (vectorised), then the rest
        // compared: in Thai UTF-8 every character starts E0 B8/B9 and the last byte tells them apart.
        // A byte loop here made the first search of a session (every title and note of 50,000 tasks)
        // take 17 ms.
        guard let base = hay.baseAddress else { return false }
        let start = UnsafeRawPointer(base)
        return needle.withUnsafeBufferPointer { word in
            var end = n - 1
            while end < h {
                guard let p = memchr(start + end, Int32(word[n - 1]), h - end) else { return false }
                end = start.distance(to: UnsafeRawPointer(p))
                if memcmp(start + end - (n - 1), word.baseAddress!, n - 1) == 0 { return true }
                end += 1
            }
            return false
        }
    }

    /// `text.lowercased()` as UTF-8. ASCII and Thai (which has no case) are done byte by byte;
    /// anything else goes through `lowercased()`, so the result is always the same as it.
    static func appendLowercased(_ text: String, to key: inout [UInt8]) {
        var fast = true
        let start = key.count
        var pending = 0   // continuation bytes still expected of a Thai character
        for byte in text.utf8 {
            if pending > 0 { key.append(byte); pending -= 1; continue }
            if byte < 0x80 { key.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte); continue }
            if byte == 0xE0 { key.append(byte); pending = 2; continue }   // U+0800–U+0FFF: Thai lives here
            fast = false
            break
        }
        // E0 starts U+0800–U+0FFF; only U+0E00–U+0E7F (bytes E0 B8/B9) is Thai. Anything else: the slow way.
        if fast {
            var i = start
            while i < key.count {
                if key[i] == 0xE0, i + 1 < key.count, key[i + 1] != 0xB8, key[i + 1] != 0xB9 { fast = false; break }
                i += key[i] == 0xE0 ? 3 : 1
            }
        }
        if !fast {
            key.removeSubrange(start...)
            key += text.lowercased().utf8
        }
    }
}
