import Foundation
import ITACore
@testable import ITAStore

/// Real files, real databases: the sample data from the repository, written to a fresh temp dir.
enum StoreFixture {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized
    static let today = CivilDate(iso: "2026-11-18")!   // a Wednesday
    static let now = Timestamp(iso: "2026-11-18T10:00:00+07:00")!

    static func text(_ relative: String) throws -> String {
        try String(contentsOf: repository.appendingPathComponent(relative), encoding: .utf8)
    }

    static func fy2566() throws -> Framework {
        try FrameworkFile.parse(try text("sample-data/frameworks/fy2566.yaml"), file: "fy2566.yaml")
    }

    static func demoPlan() throws -> CommitteePlan {
        try CommitteePlan.parse(try text("sample-data/committee-fy2566-example.yaml"), file: "committee-fy2566-example.yaml", framework: try fy2566(),
                                today: today, utcOffsetSeconds: 7 * 3600)
    }

    static func temporaryDirectory() -> String {
        let path = NSTemporaryDirectory() + "ita-store-tests-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func demoStore() throws -> Store {
        try Store.create(at: temporaryDirectory() + "/ita.sqlite", framework: try fy2566(), plan: try demoPlan(), now: now)
    }

    /// The audit log without the rows that record each task's creation (ita init writes one per task).
    static func changes(_ store: Store) throws -> [AuditEntry] {
        try store.log().filter { $0.field != "*" }
    }

    static func author(_ store: Store, _ login: String) throws -> Author {
        Author(login: login, member: try store.member(login: login))
    }
}
