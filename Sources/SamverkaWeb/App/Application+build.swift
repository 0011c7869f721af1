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
    let accounts = AccountService(store: store, clock: deps.clock, hasher: deps.hasher, throttle: deps.configuration.throttle, sessions: deps.configuration.sessionRules)
    let audit = AuditService(store: store, clock: deps.clock)
    let registry = RegistryService(store: store, clock: deps.clock)
    let organisation = OrganisationService(store: store, clock: deps.clock, hasher: deps.hasher)
    let reports = ReportService(store: store, clock: deps.clock)
    let investigations = InvestigationService(store: store, clock: deps.clock)
    let workList = WorkListService(store: store, clock: deps.clock)
    let consultations = ConsultationService(store: store, clock: deps.clock)
    let consents = ConsentService(store: store, clock: deps.clock)
    let logReview = LogReviewService(store: store, clock: deps.clock)
    let collaboration = CollaborationService(store: store, clock: deps.clock)
    let door = EntryDoor(store: store, clock: deps.clock)
    let contextMeetings = MeetingContextService(store: store, clock: deps.clock)
    let sips = SIPService(store: store, clock: deps.clock)

    // HEAD on every GET route, answered as GET without the body (RFC 9110 §9.3.2); the
    // public files answer HEAD themselves.
    let router = Router(context: AppContext.self, options: .autoGenerateHeadEndpoints)
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: ErrorPageMiddleware(renderer: renderer, socialServicesPhone: deps.configuration.socialServicesPhone))
    router.add(middleware: PublicFilesMiddleware(folder: Bundle.module.url(forResource: "Public", withExtension: nil)!.path))

    HealthController(store: store, metrics: deps.metrics).addRoutes(to: router)
    AccessibilityController(renderer: renderer).addRoutes(to: router)
    router.add(middleware: SessionMiddleware(accounts: accounts, audit: audit, configuration: deps.configuration))
    // Again inside the session, so error pages keep the person's header and navigation.
    router.add(middleware: ErrorPageMiddleware(renderer: renderer, socialServicesPhone: deps.configuration.socialServicesPhone))
    let protected = router.group().add(middleware: RequireSignInMiddleware())
    AuthController(renderer: renderer, accounts: accounts, authenticator: PasswordAuthenticator(accounts: accounts), configuration: deps.configuration)
        .addRoutes(to: router, protected: protected)
    HomeController(renderer: renderer, consultations: consultations, logReview: logReview).addRoutes(to: protected)
    ChildrenController(renderer: renderer, registry: registry, sips: sips).addRoutes(to: protected)
    ConsentsController(renderer: renderer, consents: consents, registry: registry, clock: deps.clock).addRoutes(to: protected)
    AuditController(renderer: renderer, audit: audit, store: store, clock: deps.clock).addRoutes(to: protected)
    LogReviewController(renderer: renderer, review: logReview).addRoutes(to: protected)
    CollaborationController(renderer: renderer, collaboration: collaboration, registry: registry, clock: deps.clock).addRoutes(to: protected)
    MeetingsController(renderer: renderer, collaboration: collaboration, clock: deps.clock, fonts: deps.fonts).addRoutes(to: protected)
    ContextMeetingsController(renderer: renderer, meetings: contextMeetings, collaboration: collaboration).addRoutes(to: protected)
    MeetingTypesController(renderer: renderer, door: door, collaboration: collaboration).addRoutes(to: protected)
    RegisterExtractController(renderer: renderer, door: door, extracts: RegisterExtractService(store: store, clock: deps.clock)).addRoutes(to: protected)
    AdminController(renderer: renderer, door: door, organisation: organisation, store: store).addRoutes(to: protected)
    ReportsController(renderer: renderer, reports: reports, registry: registry, meetings: contextMeetings, store: store, clock: deps.clock).addRoutes(to: protected)
    InvestigationsController(renderer: renderer, investigations: investigations, meetings: contextMeetings, clock: deps.clock).addRoutes(to: protected)
    WorkListController(renderer: renderer, workList: workList).addRoutes(to: protected)
    SIPController(renderer: renderer, sips: sips, registry: registry, clock: deps.clock, fonts: deps.fonts).addRoutes(to: protected)
    ConsultationsController(renderer: renderer, consultations: consultations, reports: reports, clock: deps.clock, configuration: deps.configuration)
        .addRoutes(to: router, protected: protected)
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
