import Foundation
import SQLKit
import Testing
@testable import SamverkaStore

/// The server killed (SIGKILL) while it writes: every write it acknowledged is in the
/// file, and the file is sound. Runs the real `samverka` binary beside the test binary.
@Suite("Crash safety")
struct CrashSafetyTests {
    @Test("killed under write load, SQLite keeps every acknowledged write and passes integrity_check")
    func killedUnderLoad() async throws {
        guard ProcessInfo.processInfo.environment["SAMVERKA_TEST_DATABASE_URL"].map({ !$0.isEmpty }) != true else { return }  // PostgreSQL's own durability
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("samverka").path
        try #require(FileManager.default.isExecutableFile(atPath: binary), "build the samverka product first (swift build --build-tests)")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("samverka-crash-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let port = Int.random(in: 20_000..<40_000)
        let server = Process()
        server.executableURL = URL(fileURLWithPath: binary)
        server.arguments = ["serve", "--demo", "--data", folder.path, "--port", String(port), "--log-level", "warning"]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { if server.isRunning { kill(server.processIdentifier, SIGKILL) } }

        // Sign in through the form, then search from four clients at once: every search
        // writes its audit row before it answers 200.
        let script = """
            set -u
            base=http://127.0.0.1:\(port); jar=\(folder.path)/jar
            for _ in $(seq 1 120); do curl -fs $base/healthz >/dev/null && break; sleep 0.5; done
            token=$(curl -fs -c $jar -b $jar $base/logga-in | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"$//')
            curl -fs -o /dev/null -c $jar -b $jar --data-urlencode "_csrf=$token" --data-urlencode username=mentor.ekbacken --data-urlencode password=samverka-demo $base/logga-in
            for client in 1 2 3 4; do
              ( while true; do curl -s -o /dev/null -w '%{http_code}\\n' -b $jar "$base/sok?q=an" >> \(folder.path)/acks-$client || break; done ) &
            done
            sleep 3
            kill -9 \(server.processIdentifier)
            wait
            """
        let load = Process()
        load.executableURL = URL(fileURLWithPath: "/bin/bash")
        load.arguments = ["-c", script]
        try load.run()
        load.waitUntilExit()
        server.waitUntilExit()
        #expect(server.terminationReason == .uncaughtSignal && server.terminationStatus == SIGKILL)

        let acknowledged = try (1...4).reduce(0) { total, client in
            let text = (try? String(contentsOf: folder.appendingPathComponent("acks-\(client)"), encoding: .utf8)) ?? ""
            return total + text.split(separator: "\n").filter { $0 == "200" }.count
        }
        #expect(acknowledged > 20, "the load wrote something before the kill")
        let store = try await Store.sqlite(path: folder.appendingPathComponent("samverka.sqlite").path)
        let (searches, integrity) = try await store.withConnection { db in
            let searches = try await db.raw("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'search'").first()?.decode(column: "n", as: Int.self) ?? 0
            let integrity = try await db.raw("PRAGMA integrity_check").all().map { try $0.decode(column: "integrity_check", as: String.self) }
            return (searches, integrity)
        }
        try await store.shutdown()
        #expect(searches >= acknowledged)
        #expect(integrity == ["ok"])
    }
}
