import Foundation
import Hummingbird
import Logging
import Prometheus
import SamverkaCore
import SamverkaStore

/// Everything the application is built from; tests pass their own store and clock.
public struct AppDependencies: Sendable {
    public var store: Store
    public var clock: any TimeSource
    public var configuration: WebConfiguration
    public var metrics: PrometheusCollectorRegistry
    public var hasher: any PasswordHasher
    /// The fonts letters and minutes are printed with; by default the bundled DejaVu Sans.
    public var fonts: PDFFonts

    public init(store: Store, clock: any TimeSource = SystemTimeSource(), configuration: WebConfiguration = .init(),
                metrics: PrometheusCollectorRegistry = .init(), hasher: (any PasswordHasher)? = nil, fonts: PDFFonts? = nil) throws {
        self.store = store
        self.clock = clock
        self.configuration = configuration
        self.metrics = metrics
        self.hasher = hasher ?? BcryptHasher(cost: configuration.bcryptCost)
        self.fonts = try fonts ?? BundledFonts.dejaVuSans()
    }
}

public func buildRouter(_ deps: AppDependencies) async throws -> Router<AppContext> {
    let store = deps.store
    let renderer = try await Renderer.load {
        (try? await store.withConnection { db in try await OrganisationQueries.municipalityName(db) }) ?? "Samverka"
    }
    let services = WebServices(deps, renderer: renderer)

    // HEAD on every GET route, answered as GET without the body (RFC 9110 §9.3.2); the
    // public files answer HEAD themselves.
    let router = Router(context: AppContext.self, options: .autoGenerateHeadEndpoints)
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: ErrorPageMiddleware(renderer: renderer, socialServicesPhone: deps.configuration.socialServicesPhone))
    router.add(middleware: PublicFilesMiddleware(folder: Bundle.module.url(forResource: "Public", withExtension: nil)!.path))

    HealthController(store: store, metrics: deps.metrics, statistics: StatisticsService(store: store, clock: deps.clock), clock: deps.clock).addRoutes(to: router)
    AccessibilityController(renderer: renderer).addRoutes(to: router)
    router.add(middleware: SessionMiddleware(accounts: services.accounts, audit: services.audit, configuration: deps.configuration))
    // Again inside the session, so error pages keep the person's header and navigation.
    router.add(middleware: ErrorPageMiddleware(renderer: renderer, socialServicesPhone: deps.configuration.socialServicesPhone))
    let protected = router.group().add(middleware: RequireSignInMiddleware())
    let routes = WebRoutes(open: router, signedIn: protected)
    for module in WebModules.all { module.routes(routes, services) }
    return router
}

public func buildApplication(_ deps: AppDependencies, logger: Logger) async throws -> some ApplicationProtocol {
    let router = try await buildRouter(deps)
    var app = Application(
        router: router,
        configuration: .init(address: .hostname(deps.configuration.host, port: deps.configuration.port), serverName: "Samverka"),
        logger: logger
    )
    if let interval = deps.configuration.jobPollInterval {
        app.addServices(JobPollingService(runner: BackgroundJobs.runner(deps), interval: interval, logger: logger))
    }
    return app
}
