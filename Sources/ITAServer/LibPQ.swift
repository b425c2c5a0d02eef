import CLibPQ
#if canImport(Glibc)
import Glibc
#endif

/// libpq, loaded when a server is first used rather than linked: linking it made every `ita` command
/// load 24 more shared libraries at start-up (OpenSSL, Kerberos, LDAP, GnuTLS…), about 12 ms of a
/// 30 ms `ita status`. The header (CLibPQ) still gives the types and constants; the functions come
/// from `dlsym`. Only `libpq.so.5` (Debian's libpq5) is needed at run time, and only for a server.
struct LibPQ {
    typealias Conn = OpaquePointer
    typealias Result = OpaquePointer

    let connectdb: @convention(c) (UnsafePointer<CChar>?) -> Conn?
    let status: @convention(c) (Conn?) -> ConnStatusType
    let errorMessage: @convention(c) (Conn?) -> UnsafeMutablePointer<CChar>?
    let finish: @convention(c) (Conn?) -> Void
    let execParams: @convention(c) (Conn?, UnsafePointer<CChar>?, Int32, UnsafePointer<Oid>?, UnsafePointer<UnsafePointer<CChar>?>?,
                                    UnsafePointer<Int32>?, UnsafePointer<Int32>?, Int32) -> Result?
    let exec: @convention(c) (Conn?, UnsafePointer<CChar>?) -> Result?
    let sendQuery: @convention(c) (Conn?, UnsafePointer<CChar>?) -> Int32
    let getResult: @convention(c) (Conn?) -> Result?
    let resultStatus: @convention(c) (Result?) -> ExecStatusType
    let resultErrorField: @convention(c) (Result?, Int32) -> UnsafeMutablePointer<CChar>?
    let resultErrorMessage: @convention(c) (Result?) -> UnsafeMutablePointer<CChar>?
    let clear: @convention(c) (Result?) -> Void
    let nfields: @convention(c) (Result?) -> Int32
    let ntuples: @convention(c) (Result?) -> Int32
    let fname: @convention(c) (Result?, Int32) -> UnsafeMutablePointer<CChar>?
    let getisnull: @convention(c) (Result?, Int32, Int32) -> Int32
    let getvalue: @convention(c) (Result?, Int32, Int32) -> UnsafeMutablePointer<CChar>?
    let cmdTuples: @convention(c) (Result?) -> UnsafeMutablePointer<CChar>?
    let socket: @convention(c) (Conn?) -> Int32
    let consumeInput: @convention(c) (Conn?) -> Int32
    let notifies: @convention(c) (Conn?) -> UnsafeMutablePointer<PGnotify>?
    let freemem: @convention(c) (UnsafeMutableRawPointer?) -> Void

    /// Loaded once per process; the error says what to install.
    static let loaded: Swift.Result<LibPQ, PGError> = {
        let names = ["libpq.so.5", "libpq.so", "libpq.5.dylib", "libpq.dylib"]
        guard let handle = names.lazy.compactMap({ dlopen($0, RTLD_NOW | RTLD_LOCAL) }).first else {
            return .failure(PGError(sqlState: nil, message: "libpq, PostgreSQL's client library, is not installed (Debian: apt-get install libpq5)"))
        }
        func load<T>(_ name: String, _: T.Type = T.self) throws -> T {
            guard let symbol = dlsym(handle, name) else {
                throw PGError(sqlState: nil, message: "libpq has no \(name): it is older than this ita needs")
            }
            return unsafeBitCast(symbol, to: T.self)
        }
        do {
            return .success(LibPQ(
                connectdb: try load("PQconnectdb"), status: try load("PQstatus"), errorMessage: try load("PQerrorMessage"),
                finish: try load("PQfinish"), execParams: try load("PQexecParams"), exec: try load("PQexec"),
                sendQuery: try load("PQsendQuery"), getResult: try load("PQgetResult"),
                resultStatus: try load("PQresultStatus"), resultErrorField: try load("PQresultErrorField"),
                resultErrorMessage: try load("PQresultErrorMessage"), clear: try load("PQclear"), nfields: try load("PQnfields"),
                ntuples: try load("PQntuples"), fname: try load("PQfname"), getisnull: try load("PQgetisnull"),
                getvalue: try load("PQgetvalue"), cmdTuples: try load("PQcmdTuples"), socket: try load("PQsocket"),
                consumeInput: try load("PQconsumeInput"), notifies: try load("PQnotifies"), freemem: try load("PQfreemem")))
        } catch let error as PGError {
            return .failure(error)
        } catch {
            return .failure(PGError(sqlState: nil, message: "\(error)"))
        }
    }()
}
