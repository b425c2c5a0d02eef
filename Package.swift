// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "ITABoard",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "ita", targets: ["ita"]),
        .executable(name: "ita-http", targets: ["ita-http"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        // SHA-256 for the audit log's hash chain (ita verify).
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        // CSV in and out (ita import tasks / ita export tasks).
        .package(url: "https://github.com/yaslab/CSV.swift", exact: "2.5.2"),
        // XLSX is a ZIP of XML parts (ita import/export tasks .xlsx); the XML is read with Foundation's XMLParser.
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        // HTTP for the network helper ita-http (`ita evidence check`, `ita remind --send line`); URLSession on Linux
        // stops the process on some redirects.
        .package(url: "https://github.com/swift-server/async-http-client", exact: "1.37.0"),
    ],
    targets: [
        // Pure domain: no I/O, no clock or environment reads.
        .target(name: "ITACore"),
        // Persistence and data files: an office's store on SQLite (GRDB) or on a PostgreSQL server (ITAServer),
        // behind one protocol (OfficeStore). Nothing above it sees GRDB or Yams types.
        .target(
            name: "ITAStore",
            dependencies: [
                "ITACore",
                "ITAServer",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // The cell grid (Screen, Cell, Span, styles, themes) and the input events (KeyPress, MouseEvent):
        // what the terminal layer and the UI share, so the terminal layer needs no UI types.
        .target(name: "ITACells", dependencies: ["ITACore"]),
        // Pure presentation: programs, update -> effects, views into a cell grid, keymaps, reports.
        .target(name: "ITAUI", dependencies: ["ITACore", "ITACells"]),
        // ncursesw with its wide-character API (module map + shim header).
        .systemLibrary(
            name: "CNcursesw",
            providers: [.apt(["libncursesw5-dev"]), .brew(["ncurses"])]
        ),
        // libpq, PostgreSQL's C client, for the server store (Debian: libpq-dev).
        .systemLibrary(
            name: "CLibPQ",
            providers: [.apt(["libpq-dev"]), .brew(["libpq"])]
        ),
        // Many offices on one PostgreSQL server: the connection, the schema (row-level security, the audit
        // trigger) and its administration.
        .target(name: "ITAServer", dependencies: ["CLibPQ"]),
        // Signal and crash handlers that must be plain C.
        .target(name: "CTerminalSupport"),
        // The only code that imports ncurses: presents a Screen, reads keys, restores the terminal.
        .target(name: "ITATerminal", dependencies: ["ITACore", "ITACells", "CNcursesw", "CTerminalSupport"]),
        // The thin command line: wires clock, identity, store and output.
        .executableTarget(
            name: "ita",
            dependencies: [
                "ITACore",
                "ITAStore",
                "ITAUI",
                "ITATerminal",
                "ITAHTTPWire",
                "ITAServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // What ita and its network helper say to each other (JSON on the helper's stdin and stdout).
        .target(name: "ITAHTTPWire"),
        // The network helper, installed beside ita: the only code that links AsyncHTTPClient (and SwiftNIO),
        // so the commands that need no network start without them.
        .executableTarget(
            name: "ita-http",
            dependencies: ["ITAHTTPWire", .product(name: "AsyncHTTPClient", package: "async-http-client")]
        ),
        .testTarget(name: "ITACoreTests", dependencies: ["ITACore"]),
        .testTarget(name: "ITAUITests", dependencies: ["ITAUI", "ITACore"], exclude: ["Golden"]),
        .testTarget(
            name: "ITAStoreTests",
            dependencies: ["ITAStore", "ITACore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // Against a throwaway PostgreSQL cluster started by the tests (initdb, pg_ctl, a unix socket).
        .testTarget(name: "ITAServerTests", dependencies: ["ITAServer", "ITAStore", "ITACore", .product(name: "GRDB", package: "GRDB.swift")]),
        // Drives the real `ita` binary against real SQLite files.
        .testTarget(name: "ITACommandTests", dependencies: ["ITACore", "ITAStore", "ITAServer"], exclude: ["Golden"]),
    ],
    swiftLanguageModes: [.v6]
)

// Generic types are built through their metadata accessors rather than looked up by mangled name. A
// lookup by name checks each generic requirement by scanning every conformance in the program (about
// 7,800 with Foundation), some 0.15 ms the first time for each type, and a one-shot command such as
// `ita status` made about a dozen of them in these modules (bench/run.sh; ARCHITECTURE.md, decisions).
for target in package.targets where target.type == .regular || target.type == .executable {
    target.swiftSettings = (target.swiftSettings ?? []) + [.unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"])]
}
