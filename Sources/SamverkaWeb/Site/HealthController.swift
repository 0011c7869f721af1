import Hummingbird
import Prometheus
import SamverkaCore
import SamverkaStore

/// Liveness (with a database round trip) and Prometheus metrics.
struct HealthController {
    let store: Store
    let metrics: PrometheusCollectorRegistry
    let statistics: StatisticsService
    let clock: any TimeSource
    let gaugeCache = ClockGaugeCache()

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

    /// The registry's metrics, with the overdue and running clocks counted from the database
    /// (at most once a minute: `ClockGaugeCache`).
    static var overdue: MetricNameDescriptor {
        MetricNameDescriptor(namespace: "samverka", metricName: "overdue", unitName: "clocks", helpText: "Clocks past their due time and not met, started in the last two years")
    }
    static var running: MetricNameDescriptor {
        MetricNameDescriptor(namespace: "samverka", metricName: "running", unitName: "clocks", helpText: "Clocks running within their time, started in the last two years")
    }

    @Sendable func prometheus(_ request: Request, context: AppContext) async throws -> Response {
        let statistics = self.statistics
        for gauge in try await gaugeCache.gauges(now: clock.now(), compute: { try await statistics.clockGauges() }) {
            let clock = [("clock", gauge.kind.rawValue)]
            metrics.makeGauge(descriptor: Self.overdue, labels: clock).set(to: Double(gauge.overdue))
            metrics.makeGauge(descriptor: Self.running, labels: clock).set(to: Double(gauge.running))
        }
        var buffer: [UInt8] = []
        metrics.emit(into: &buffer)
        return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4"], body: .init(byteBuffer: ByteBuffer(bytes: buffer)))
    }
}
