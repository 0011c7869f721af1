import Hummingbird
import Prometheus
import SamverkaStore

/// Liveness (with a database round trip) and Prometheus metrics.
struct HealthController {
    let store: Store
    let metrics: PrometheusCollectorRegistry

    func addRoutes(to router: Router<AppContext>) {
        router.get("/healthz", use: health)
        router.get("/metrics", use: prometheus)
    }

    @Sendable func health(_ request: Request, context: AppContext) async throws -> Response {
        do {
            try await store.withConnection { db in _ = try await db.raw("SELECT 1 AS ok").first() }
            return Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: "ok\n")))
        } catch {
            return Response(status: .serviceUnavailable, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: "databasen svarar inte\n")))
        }
    }

    @Sendable func prometheus(_ request: Request, context: AppContext) async throws -> Response {
        var buffer: [UInt8] = []
        metrics.emit(into: &buffer)
        return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4"], body: .init(byteBuffer: ByteBuffer(bytes: buffer)))
    }
}
