import Foundation
import ITACore
import Testing

/// Present mode and the clipboard copy, in real tmux terminals against a real SQLite file.
@Suite(.serialized) struct PresentEndToEndTests {
    @Test func theProjectorShowsATickFromTheCommandLineWithinTwoSeconds() throws {
        let ita = ITARunner()
        try ita.initialise()
        let tmux = Tmux(ita)
        // A long interval, so the page turning by itself cannot be mistaken for the refresh.
        try tmux.start(tmux.ita("--interval 600", subcommand: "present"), width: 100, height: 30)
        let first = try tmux.waitFor(text: "เสร็จ 40/117 งาน")
        #expect(first.contains("อ่านอย่างเดียว"))
        #expect(first.contains("หน้า 1/"))
        // An owner ticks a task during the meeting.
        let done = try ita.run(["done", "31", "--as", "kittipat"])
        #expect(done.status == 0, "\(done.stderr)")
        try tmux.waitFor("the projector to show the tick", timeout: 2) { $0.contains("เสร็จ 41/117 งาน") }

        // Keys never change data: Space pauses, the task keys of the dashboard do nothing here.
        let before = try ita.run(["tasks", "--all", "--json"]).stdout
        try tmux.send("Space")
        try tmux.waitFor(text: "หยุดชั่วคราว")
        try tmux.send("u")
        try tmux.send("e")
        try tmux.send("b")
        // n turns the page by hand: the countdown stickers.
        try tmux.send("n")
        try tmux.waitFor(text: "หน้า 2/")
        try tmux.waitFor(text: "งานเลยกำหนด")
        #expect(try ita.run(["tasks", "--all", "--json"]).stdout == before)
        try tmux.send("q")
        let screen = try tmux.waitFor(text: "EXIT=")
        #expect(screen.contains("EXIT=0"))
    }

    @Test func pagesTurnByThemselves() throws {
        let ita = ITARunner()
        try ita.initialise()
        let tmux = Tmux(ita)
        try tmux.start(tmux.ita("--interval 2", subcommand: "present"), width: 80, height: 24)
        try tmux.waitFor(text: "หน้า 1/")
        try tmux.waitFor(text: "หน้า 2/", timeout: 5)
        try tmux.send("q")
    }

    @Test func yOnAStickerPutsItsMessageOnTheClipboardThroughOSC52() throws {
        let ita = ITARunner()
        try ita.initialise()
        let tmux = Tmux(ita)
        try tmux.start(tmux.ita("--screen countdown"), width: 120, height: 40)
        // tmux keeps what an application sends with OSC 52 as a paste buffer when set-clipboard is on.
        try tmux.run(["set-option", "-g", "set-clipboard", "on"])
        try tmux.waitFor(text: "งานเลยกำหนด")
        try tmux.send("j")
        try tmux.send("y")
        try tmux.waitFor(text: "OSC 52")
        let buffer = tmux.waitForBuffer()
        #expect(buffer.hasPrefix("⏰ อีก 1 วัน (1 วันทำการ) — งานครบกำหนดส่ง\nครบกำหนด วันพฤหัสบดีที่ 19 พฤศจิกายน 2569\n"), "\(buffer)")
        #expect(buffer.contains("• @ณัฐธิดา กฎหมาย — O3 ยังไม่เสร็จ (1 งาน)"))
        try tmux.send("q")
    }
}
