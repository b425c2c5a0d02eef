import Foundation
import Testing

/// Shell completion that knows the data, through real bash: the script `ita
/// --generate-completion-script bash` writes, sourced, asked as bash asks it.
@Suite struct CompletionTests {
    /// What bash would offer for the last word of `words`.
    static func complete(_ words: [String], ita: ITARunner) throws -> [String] {
        let script = ita.directory + "/ita.bash"
        let generated = try ita.run(["--generate-completion-script", "bash"], withDatabase: false, fixedDay: false)
        try generated.stdout.write(toFile: script, atomically: true, encoding: .utf8)
        let quoted = words.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let harness = """
            shopt -s extglob
            source '\(script)'
            COMP_WORDS=(\(quoted)); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}
            COMPREPLY=(); _ita "${COMP_WORDS[0]}" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let result = try Subprocess.run("/bin/bash", ["-c", harness], environment: [
            "PATH": URL(fileURLWithPath: ITARunner.binary).deletingLastPathComponent().path + ":/usr/bin:/bin",
            "HOME": ita.directory, "XDG_DATA_HOME": ita.directory + "/data", "XDG_CONFIG_HOME": ita.directory + "/config",
            "ITA_SAMPLE_DATA": ITARunner.repository.appendingPathComponent("sample-data").path])
        return result.out.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }

    @Test func loginsItemsTargetsTasksThemesAndScreensComeFromTheData() throws {
        let ita = ITARunner()
        try ita.initialise()
        let db = ["--db", ita.database]
        #expect(try Self.complete(["ita", "tasks"] + db + ["--owner", "k"], ita: ita) == ["kittipat"])
        #expect(try Self.complete(["ita", "remind"] + db + ["--owner", "s"], ita: ita).sorted() == ["sudarat", "supachai"])
        #expect(try Self.complete(["ita", "status"] + db + ["--as", "p"], ita: ita).sorted() == ["panuwat", "pimchanok", "pranee"])
        #expect(try Self.complete(["ita", "tasks"] + db + ["--item", "O4"], ita: ita).sorted() == ["O4", "O40", "O41", "O42", "O43"])
        let targets = try Self.complete(["ita", "add"] + db + ["1"], ita: ita)
        #expect(targets.sorted() == ["1", "10"], "\(targets)")
        // `done` offers open tasks only; a done task (#1 is done in the fixture) is not offered, `reopen` offers it.
        let open = try Self.complete(["ita", "done"] + db + [""], ita: ita)
        let all = try JSONSerialization.jsonObject(with: Data(try ita.run(["tasks", "--all", "--json"]).stdout.utf8)) as! [[String: Any]]
        let openIDs = Set(all.filter { $0["status"] as? String != "done" }.compactMap { $0["id"] as? Int }.map(String.init))
        #expect(Set(open) == openIDs && !open.isEmpty)
        let doneID = try #require(all.first { $0["status"] as? String == "done" }?["id"] as? Int)
        #expect(try Self.complete(["ita", "reopen"] + db + [""], ita: ita).contains(String(doneID)))
        #expect(try Self.complete(["ita", "board", "--theme", ""], ita: ita).sorted() == ["colourblind", "default", "light", "mono", "projector"])
        #expect(try Self.complete(["ita", "snapshot", "--screen", "c"], ita: ita) == ["countdown"])
        // No database where the words point: nothing offered, nothing printed, no file made.
        #expect(try Self.complete(["ita", "tasks", "--db", ita.directory + "/none.sqlite", "--owner", ""], ita: ita).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: ita.directory + "/none.sqlite"))
    }
}
