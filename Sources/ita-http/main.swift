import Foundation
import ITAHTTPWire

// ita-http: the network helper of `ita`. `ita evidence check` and `ita remind --send line` run it with
// one request as JSON on stdin and read the answer as JSON on stdout (see ITAHTTPWire). It is not
// meant to be run by hand.

func fail(_ text: String) -> Never {
    FileHandle.standardError.write(Data("ita-http: \(text)\n".utf8))
    exit(2)
}

let arguments = CommandLine.arguments.dropFirst()
guard let mode = arguments.first, arguments.count == 1, ["fetch", "post"].contains(mode) else {
    fail("usage: ita-http fetch|post < request.json (run by ita evidence check and ita remind --send line)")
}
let input = FileHandle.standardInput.readDataToEndOfFile()
let output: Data
do {
    switch mode {
    case "fetch":
        let request = try JSONDecoder().decode(HTTPWire.FetchRequest.self, from: input)
        output = try JSONEncoder().encode(Fetcher(timeout: request.timeout).fetch(request.urls))
    default:
        let request = try JSONDecoder().decode(HTTPWire.PostRequest.self, from: input)
        output = try JSONEncoder().encode(Poster.post(request))
    }
} catch {
    fail("cannot read the request on stdin: \(error)")
}
FileHandle.standardOutput.write(output)
