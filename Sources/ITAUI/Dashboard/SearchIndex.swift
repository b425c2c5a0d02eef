import ITACore

/// What the free-text filter searches, lowercased once: each task's title, note and owner's name as
/// UTF-8 (fields apart, so a word never spans two). Built on the first text filter after a load and
/// carried over a reload for every task whose title, note and owner did not change, so Enter on
/// `/เว็บไซต์` and a reload while it is on scan bytes instead of lowercasing 50,000 titles.
struct SearchIndex: Hashable, Sendable {
    private struct Entry: Hashable, Sendable {
        var title: String, note: String, ownerID: Int64
        var key: [UInt8]
    }
    /// An index from before a reload, with the task positions it was built for.
    struct Previous: Hashable, Sendable {
        var index: SearchIndex
        var positions: [Int64: Int]
    }

    /// By task position, as in `DashboardData.tasks`.
    private var entries: [Entry] = []

    init(tasks: [WorkTask], names: [Int64: String], reusing old: SearchIndex? = nil, oldPositions: [Int64: Int] = [:]) {
        entries.reserveCapacity(tasks.count)
        for task in tasks {
            if let old, let p = oldPositions[task.id], old.entries.indices.contains(p) {
                let e = old.entries[p]
                if e.ownerID == task.ownerID, e.title == task.title, e.note == task.note { entries.append(e); continue }
            }
            entries.append(Self.entry(task, ownerName: names[task.ownerID] ?? ""))
        }
    }

    private static func entry(_ task: WorkTask, ownerName: String) -> Entry {
        var key: [UInt8] = []
        key.reserveCapacity(task.title.utf8.count + task.note.utf8.count + ownerName.utf8.count + 2)
        appendLowercased(task.title, to: &key)
        key.append(0)
        appendLowercased(task.note, to: &key)
        key.append(0)
        appendLowercased(ownerName, to: &key)
        return Entry(title: task.title, note: task.note, ownerID: task.ownerID, key: key)
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

    mutating func update(_ task: WorkTask, at position: Int, ownerName: String) {
        guard entries.indices.contains(position) else { return }
        entries[position] = Self.entry(task, ownerName: ownerName)
    }

    var count: Int { entries.count }

    /// Whether the task at `position` has `word` (lowercased UTF-8) in its title, note or owner's name.
    func contains(_ word: [UInt8], at position: Int) -> Bool {
        Self.find(word, in: entries[position].key)
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
        let n = needle.count, h = haystack.count
        if n == 0 { return true }
        if n > h { return false }
        return haystack.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { word in
                // The last byte first: in Thai UTF-8 every character starts E0 B8/B9, the last byte tells them apart.
                let first = word[0], last = word[n - 1]
                var i = 0
                while i <= h - n {
                    if hay[i + n - 1] == last, hay[i] == first {
                        var j = 1
                        while j < n - 1, hay[i + j] == word[j] { j += 1 }
                        if j >= n - 1 { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }
}
