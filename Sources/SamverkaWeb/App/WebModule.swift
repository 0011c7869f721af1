import Foundation
import Hummingbird
import SamverkaCore
import SamverkaStore

/// The services the subjects' routes are built from: one set per app instance, holding no
/// state of its own (everything lives in the store).
struct WebServices: Sendable {
    let deps: AppDependencies
    let renderer: Renderer
    let accounts: AccountService
    let audit: AuditService
    let registry: RegistryService
    let organisation: OrganisationService
    let reports: ReportService
    let investigations: InvestigationService
    let workList: WorkListService
    let consultations: ConsultationService
    let consents: ConsentService
    let logReview: LogReviewService
    let collaboration: CollaborationService
    let contextMeetings: MeetingContextService
    let sips: SIPService
    let programmes: ProgrammeService
    let forums: ForumService
    let studentHealth: StudentHealthService
    let directory: DirectoryService
    let statistics: StatisticsService
    let door: EntryDoor

    init(_ deps: AppDependencies, renderer: Renderer) {
        let store = deps.store, clock = deps.clock
        self.deps = deps
        self.renderer = renderer
        accounts = AccountService(store: store, clock: clock, hasher: deps.hasher, throttle: deps.configuration.throttle, sessions: deps.configuration.sessionRules)
        audit = AuditService(store: store, clock: clock)
        registry = RegistryService(store: store, clock: clock)
        organisation = OrganisationService(store: store, clock: clock, hasher: deps.hasher)
        reports = ReportService(store: store, clock: clock)
        investigations = InvestigationService(store: store, clock: clock)
        workList = WorkListService(store: store, clock: clock)
        consultations = ConsultationService(store: store, clock: clock)
        consents = ConsentService(store: store, clock: clock)
        logReview = LogReviewService(store: store, clock: clock)
        collaboration = CollaborationService(store: store, clock: clock)
        contextMeetings = MeetingContextService(store: store, clock: clock)
        sips = SIPService(store: store, clock: clock)
        programmes = ProgrammeService(store: store, clock: clock)
        forums = ForumService(store: store, clock: clock)
        studentHealth = StudentHealthService(store: store, clock: clock)
        directory = DirectoryService(store: store, clock: clock)
        statistics = StatisticsService(store: store, clock: clock)
        door = EntryDoor(store: store, clock: clock)
    }

    var store: Store { deps.store }
    var clock: any TimeSource { deps.clock }
}

/// Where a module's routes go: behind sign-in, or open (signing in, the public e-service).
struct WebRoutes {
    let open: Router<AppContext>
    let signedIn: RouterGroup<AppContext>
}

/// What one subject gives the web app: its entries in the main menu (each asking the policy)
/// and its routes. The router and the menu loop over `WebModules.all`, as the store's
/// cross-cutting parts loop over `Modules.all`; a new subject is its folder and one line.
struct WebModule: Sendable {
    let name: String
    let navigation: [NavigationEntry]
    let routes: @Sendable (WebRoutes, WebServices) -> Void

    init(name: String, navigation: [NavigationEntry] = [], routes: @escaping @Sendable (WebRoutes, WebServices) -> Void) {
        self.name = name
        self.navigation = navigation
        self.routes = routes
    }
}

enum WebModules {
    static let all: [WebModule] = [.site, .accounts, .registry, .consent, .concern, .collaboration, .meetings, .sip, .programmes, .forums, .studentHealth, .directory, .statistics, .workList, .organisation, .logReview]
}

extension WebModule {
    static let site = WebModule(name: "Start") { r, s in
        HomeController(renderer: s.renderer, consultations: s.consultations, logReview: s.logReview).addRoutes(to: r.signedIn)
    }
    static let accounts = WebModule(name: "Inloggning") { r, s in
        AuthController(renderer: s.renderer, accounts: s.accounts, authenticator: PasswordAuthenticator(accounts: s.accounts), configuration: s.deps.configuration)
            .addRoutes(to: r.open, protected: r.signedIn)
    }
    static let registry = WebModule(name: "Barnregister", navigation: RegistryWeb.navigation) { r, s in
        ChildrenController(renderer: s.renderer, registry: s.registry, sips: s.sips, programmes: s.programmes, studentHealth: s.studentHealth, clock: s.clock).addRoutes(to: r.signedIn)
    }
    static let consent = WebModule(name: "Samtycke") { r, s in
        ConsentsController(renderer: s.renderer, consents: s.consents, registry: s.registry, clock: s.clock).addRoutes(to: r.signedIn)
    }
    static let concern = WebModule(name: "Orosanmälan och utredning", navigation: ConcernWeb.intake + ConcernWeb.navigation) { r, s in
        ReportsController(renderer: s.renderer, reports: s.reports, registry: s.registry, meetings: s.contextMeetings, store: s.store, clock: s.clock).addRoutes(to: r.signedIn)
        InvestigationsController(renderer: s.renderer, investigations: s.investigations, meetings: s.contextMeetings, clock: s.clock).addRoutes(to: r.signedIn)
        ConsultationsController(renderer: s.renderer, consultations: s.consultations, reports: s.reports, clock: s.clock, configuration: s.deps.configuration)
            .addRoutes(to: r.open, protected: r.signedIn)
    }
    static let collaboration = WebModule(name: "Samverkan", navigation: CollaborationWeb.navigation) { r, s in
        CollaborationController(renderer: s.renderer, collaboration: s.collaboration, registry: s.registry, clock: s.clock).addRoutes(to: r.signedIn)
    }
    static let meetings = WebModule(name: "Möten") { r, s in
        MeetingsController(renderer: s.renderer, collaboration: s.collaboration, programmes: s.programmes, clock: s.clock, fonts: s.deps.fonts).addRoutes(to: r.signedIn)
        ContextMeetingsController(renderer: s.renderer, meetings: s.contextMeetings, collaboration: s.collaboration).addRoutes(to: r.signedIn)
        MeetingTypesController(renderer: s.renderer, door: s.door, collaboration: s.collaboration).addRoutes(to: r.signedIn)
    }
    static let sip = WebModule(name: "SIP", navigation: SIPWeb.navigation) { r, s in
        SIPController(renderer: s.renderer, sips: s.sips, registry: s.registry, clock: s.clock, fonts: s.deps.fonts).addRoutes(to: r.signedIn)
    }
    static let programmes = WebModule(name: "Gemensamma program", navigation: ProgrammeWeb.navigation) { r, s in
        ProgrammesController(renderer: s.renderer, programmes: s.programmes, registry: s.registry, door: s.door, clock: s.clock, fonts: s.deps.fonts).addRoutes(to: r.signedIn)
    }
    static let forums = WebModule(name: "Forum och årshjul", navigation: ForumWeb.navigation) { r, s in
        ForumsController(renderer: s.renderer, forums: s.forums, studentHealth: s.studentHealth, directory: s.directory, clock: s.clock, fonts: s.deps.fonts).addRoutes(to: r.signedIn)
        ForumAdminController(renderer: s.renderer, forums: s.forums).addRoutes(to: r.signedIn)
    }
    static let studentHealth = WebModule(name: "Elevhälsa") { r, s in
        StudentHealthController(renderer: s.renderer, studentHealth: s.studentHealth).addRoutes(to: r.signedIn)
    }
    static let directory = WebModule(name: "Stödkatalog och ansvar", navigation: DirectoryWeb.navigation) { r, s in
        DirectoryController(renderer: s.renderer, door: s.door, directory: s.directory).addRoutes(to: r.signedIn)
    }
    static let statistics = WebModule(name: "Statistik", navigation: StatisticsWeb.navigation) { r, s in
        StatisticsController(renderer: s.renderer, statistics: s.statistics, clock: s.clock, fonts: s.deps.fonts).addRoutes(to: r.signedIn)
    }
    static let workList = WebModule(name: "Arbetslista", navigation: WorkListWeb.navigation) { r, s in
        WorkListController(renderer: s.renderer, workList: s.workList).addRoutes(to: r.signedIn)
    }
    static let organisation = WebModule(name: "Organisation", navigation: OrganisationWeb.navigation) { r, s in
        AdminController(renderer: s.renderer, door: s.door, organisation: s.organisation, store: s.store).addRoutes(to: r.signedIn)
    }
    static let logReview = WebModule(name: "Loggkontroll", navigation: LogReviewWeb.navigation) { r, s in
        AuditController(renderer: s.renderer, audit: s.audit, store: s.store, clock: s.clock).addRoutes(to: r.signedIn)
        LogReviewController(renderer: s.renderer, review: s.logReview).addRoutes(to: r.signedIn)
        RegisterExtractController(renderer: s.renderer, door: s.door, extracts: RegisterExtractService(store: s.store, clock: s.clock)).addRoutes(to: r.signedIn)
    }
}
