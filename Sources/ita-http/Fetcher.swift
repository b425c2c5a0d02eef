import AsyncHTTPClient
import Foundation
import ITAHTTPWire
import NIOCore
import NIOHTTP1

/// Opens evidence URLs the way an assessor does, with AsyncHTTPClient: HEAD first, GET where HEAD is
/// refused or a page's title is wanted, at most 5 redirects (a cycle is refused), a timeout, at most 4
/// at a time, a User-Agent that names ita. Only the first 256 KB of a body is read (a 50 MB PDF is
/// not downloaded): enough for a page's title and the year it names.
struct Fetcher: Sendable {
    static let maxRedirects = HTTPWire.maxRedirects
    static let bodyLimit = 256 * 1024
    static let userAgent = "ita/0.6.0 (ITA Board evidence check)"

    let timeout: TimeInterval

    /// Every URL, four at a time; the answers in the order given. Blocks until all are done.
    func fetch(_ urls: [String]) -> [HTTPWire.Exchange] {
        let timeout = self.timeout
        return Blocking.run {
            var configuration = HTTPClient.Configuration(redirectConfiguration: .follow(max: Self.maxRedirects, allowCycles: false),
                                                         timeout: .init(connect: .milliseconds(Int64(timeout * 1000)), read: .milliseconds(Int64(timeout * 1000))))
            configuration.decompression = .enabled(limit: .ratio(20))
            let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
            var results = [HTTPWire.Exchange?](repeating: nil, count: urls.count)
            await withTaskGroup(of: (Int, HTTPWire.Exchange).self) { group in
                var next = 0
                func start() {
                    guard next < urls.count else { return }
                    let index = next, url = urls[index]
                    next += 1
                    group.addTask { (index, await Self.open(url, client: client, timeout: timeout)) }
                }
                for _ in 0..<4 { start() }
                for await (index, result) in group {
                    results[index] = result
                    start()
                }
            }
            try? await client.shutdown()
            return results.map { $0 ?? HTTPWire.Exchange() }
        }
    }

    /// One URL: HEAD, then GET when HEAD is refused (403, 405, 501) or the answer is a page to read.
    static func open(_ url: String, client: HTTPClient, timeout: TimeInterval) async -> HTTPWire.Exchange {
        guard URL(string: url) != nil else {
            var e = HTTPWire.Exchange()
            e.error = "not a URL"
            return e
        }
        var exchange = await run(url, method: .HEAD, client: client, timeout: timeout)
        let type = exchange.header("Content-Type")?.lowercased() ?? ""
        if exchange.error == nil, let status = exchange.status,
           status == 405 || status == 501 || status == 403 || (status < 400 && (type.isEmpty || type.contains("html"))) {
            exchange = await run(url, method: .GET, client: client, timeout: timeout)
        }
        return exchange
    }

    static func run(_ url: String, method: HTTPMethod, client: HTTPClient, timeout: TimeInterval) async -> HTTPWire.Exchange {
        var request = HTTPClientRequest(url: url)
        request.method = method
        request.headers.add(name: "User-Agent", value: userAgent)
        request.headers.add(name: "Accept", value: "text/html,application/pdf,*/*;q=0.8")
        var e = HTTPWire.Exchange()
        do {
            let response = try await client.execute(request, timeout: .milliseconds(Int64(timeout * 1000)))
            e.status = Int(response.status.code)
            e.headers = response.headers.map { [$0.name, $0.value] }
            e.finalURL = response.url?.absoluteString ?? url
            e.redirects = max(0, response.history.count - 1)
            if method == .GET {
                for try await buffer in response.body {
                    let room = bodyLimit - e.body.count
                    if room > 0 { e.body.append(contentsOf: buffer.readableBytesView.prefix(room)) }
                    if e.body.count >= bodyLimit { e.cutShort = true; break }   // the rest is not read
                }
            }
        } catch let error as HTTPClientError {
            switch error {
            case .redirectLimitReached, .redirectCycleDetected:
                e.tooManyRedirects = true
                e.redirects = maxRedirects + 1
            case .deadlineExceeded, .readTimeout, .connectTimeout: e.error = "timed out"
            default: e.error = "\(error)"
            }
        } catch {
            e.error = Blocking.phrase(for: error)
        }
        return e
    }
}

/// One POST with AsyncHTTPClient, no redirects followed; the answer's body up to 64 KB.
enum Poster {
    static func post(_ request: HTTPWire.PostRequest) -> HTTPWire.PostAnswer {
        Blocking.run {
            let client = HTTPClient(eventLoopGroupProvider: .singleton,
                                    configuration: .init(redirectConfiguration: .disallow,
                                                         timeout: .init(connect: .milliseconds(Int64(request.connectTimeout * 1000)),
                                                                        read: .milliseconds(Int64(request.timeout * 1000)))))
            var http = HTTPClientRequest(url: request.url)
            http.method = .POST
            for pair in request.headers where pair.count == 2 { http.headers.add(name: pair[0], value: pair[1]) }
            http.body = .bytes(ByteBuffer(string: request.body))
            var answer = HTTPWire.PostAnswer()
            do {
                let response = try await client.execute(http, timeout: .milliseconds(Int64(request.timeout * 1000)))
                var body = try await response.body.collect(upTo: 64 * 1024)
                answer.status = Int(response.status.code)
                answer.headers = response.headers.map { [$0.name, $0.value] }
                answer.body = body.readString(length: body.readableBytes) ?? ""
            } catch {
                answer.error = Blocking.phrase(for: error)
            }
            try? await client.shutdown()
            return answer
        }
    }
}
