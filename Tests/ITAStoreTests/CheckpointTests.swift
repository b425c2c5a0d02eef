import Foundation
import GRDB
import ITACore
import Testing
@testable import ITAStore

/// The dashboard's store leaves the write-ahead log alone while keys write, and moves it into the
/// file when asked (on an idle tick); nothing is lost either way.
struct CheckpointTests {
    static func walFrames(_ path: String) throws -> (log: Int, checkpointed: Int) {
        // A second connection that only asks: how many frames the log holds, how many are in the file.
        let queue = try DatabaseQueue(path: path)
        return try queue.writeWithoutTransaction { db in
            let row = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(NOOP)")!
            return (row[1], row[2])
        }
    }

    @Test func writesWaitForTheIdleCheckpoint() throws {
        let created = try StoreFixture.demoStore()
        let path = created.path
        let store = try Store.open(at: path, memoryMapped: false, checkpointsWhenIdle: true)
        let owner = try StoreFixture.author(store, "waraporn")
        let mine = try #require(try store.tasks().first { $0.ownerID == owner.member?.id && $0.status.isOpen })
        for _ in 0..<40 {
            _ = try store.apply(.start, toTask: mine.id, by: owner, at: StoreFixture.now)
            _ = try store.apply(.reopen, toTask: mine.id, by: owner, at: StoreFixture.now)
        }
        let before = try Self.walFrames(path)
        #expect(before.log > 0)
        try store.checkpoint()
        let after = try Self.walFrames(path)
        #expect(after.checkpointed == after.log, "every frame of the log is in the file: \(after)")
        #expect(try store.task(id: mine.id)?.status == .todo)
        #expect(try store.verify().isIntact)
    }
}
