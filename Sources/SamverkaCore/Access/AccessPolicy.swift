import Foundation

/// What the policy knows about a child when it decides: the units the child is connected
/// to (enrolment, registration) and whether the child has protected personal data.
public struct ChildAccessFacts: Sendable, Hashable {
    public var childID: RecordID
    public var unitIDs: Set<RecordID>
    public var protectedIdentity: Bool
    /// The end of this person's emergency access to the child, if they were granted one,
    /// and the instant the decision is made (the policy never reads the clock).
    public var emergencyAccessUntil: Date?
    public var asOf: Date?
    /// Consents about the child that name parties (need-to-know through a case).
    public var consents: [ConsentFacts]

    public init(childID: RecordID, unitIDs: Set<RecordID>, protectedIdentity: Bool, emergencyAccessUntil: Date? = nil, asOf: Date? = nil, consents: [ConsentFacts] = []) {
        self.childID = childID
        self.unitIDs = unitIDs
        self.protectedIdentity = protectedIdentity
        self.emergencyAccessUntil = emergencyAccessUntil
        self.asOf = asOf
        self.consents = consents
    }
}

/// Everything a person can ask to do. Each case is decided in `AccessPolicy.decide`.
public enum AccessRequest: Sendable, Hashable {
    case viewChild(ChildAccessFacts)
    case updateChild(ChildAccessFacts)
    /// Register a child, enrolled at `enrolmentUnit` (nil: not known / no school).
    case registerChild(enrolmentUnit: OrgUnit?)
    /// Enrol an already registered child in a school or preschool: an act of its own, by the
    /// head of that unit or an administrator, never a side effect of registering a number.
    /// nil: open the enrolment form, for someone who may enrol in some unit.
    case enrolChild(unit: OrgUnit?)
    case searchChildren
    case manageOrganisation
    case reviewAuditLog
    /// Give a verdict on a log-review flag raised on `raisedOn`: never on one's own.
    case resolveReviewFlag(raisedOn: RecordID?)
    /// Every record about a child and every access to them (GDPR art. 15, inquiries).
    case registerExtract
    // Reports of concern and investigations (ConcernAccess).
    case fileReport(child: ChildAccessFacts)
    /// Report a concern about a child given by number, whether or not the person sees it:
    /// the duty to report (SoL 19:1) does not wait for an enrolment. Nothing is shown back.
    case fileReportByNumber
    case handleReports(unitID: RecordID)
    case viewReport(ReportAccessFacts)
    case viewReportFeedback(ReportAccessFacts)
    case handleInvestigation(InvestigationAccessFacts)
    case returnSchoolStatement(schoolUnitID: RecordID)
    case logConsultation
    /// nil: open the page, for someone who counts in some unit.
    case recordSupportConversations(unitID: RecordID?)
    case viewUnitClocks(unitID: RecordID)
    // Consent and the secrecy barrier (ConsentAccess).
    /// Keep the child's consent registry; with `releasing`, record a consent that lets those
    /// categories out: only the side that holds them may (OSL 12:2, 26:1).
    case registerConsent(child: ChildAccessFacts, releasing: Set<ConsentCategory> = [])
    case viewConsents(child: ChildAccessFacts)
    case viewSharedInformation(SharedInformationFacts)
    case requestEmergencyAccess
    // Collaboration cases and meetings (CollaborationAccess).
    case openCollaborationCase(child: ChildAccessFacts)
    case viewCollaborationCase(CollaborationCaseFacts)
    /// Book meetings, write minutes, record sent minutes: owner and staff participants.
    case workInCollaborationCase(CollaborationCaseFacts)
    /// Hand over or close: the process owner only.
    case manageCollaborationCase(CollaborationCaseFacts)
    // Meetings outside a collaboration case (MeetingAccess).
    case bookMeeting(MeetingContextFacts)
    case viewMeeting(MeetingAccessFacts)
    /// Write minutes, record preparation and talks with the child, send minutes.
    case workInMeeting(MeetingAccessFacts)
    // SIP, the coordinated individual plan (SIPAccess).
    case openSIP(child: ChildAccessFacts)
    case viewSIP(SIPAccessFacts)
    /// Consent, pre-meeting, booking, protocol, sending, closing: the SIP-ansvarig.
    case workInSIP(SIPAccessFacts)
    /// Mark a plan action done: the SIP-ansvarig or the account of the party that answers for it.
    case completeSIPAction(SIPAccessFacts, partyStaffID: RecordID?)
    // Joint programmes such as Trampolinen (ProgrammeAccess).
    /// Nominate a family: the person works with every child of it.
    case nominateForProgramme(children: [ChildAccessFacts])
    case viewProgramme(ProgrammeAccessFacts)
    /// Refer, answer, write documents and notes, book meetings, close: the family's team.
    case workInProgramme(ProgrammeAccessFacts)
    case decideInProgrammeSteeringGroup(ProgrammeAccessFacts)
    case grantProgrammeSupport(ProgrammeAccessFacts)
    /// The steering group's queue, the termly report and the yearly summary.
    case viewProgrammeOverview(steeringGroupRoles: Set<Role>)
    case manageProgrammeDefinitions
    // Forums, the yearly cycle and the action plan (ForumAccess).
    case viewForum(ForumAccessFacts)
    /// Bring items to a forum meeting's agenda: its members.
    case workInForum(ForumAccessFacts)
    /// Book the forum's meetings: its chairs.
    case bookForumMeeting(ForumAccessFacts)
    case manageForums
    /// The yearly wheel and the action plan: members of any forum, administrators.
    case viewGovernance(isForumMember: Bool)
    case keepActionPlanGoals(management: ForumAccessFacts)
    case keepActionPlanActivity(group: ForumAccessFacts, management: ForumAccessFacts?)
    case completeCycleTask(responsibleIDs: Set<RecordID>)
    // The student health team's referrals and the directory of help (StudentHealthAccess).
    /// Send a Steg 1 referral about the pupil: school staff of the pupil's unit.
    case sendEHTReferral(child: ChildAccessFacts)
    case viewEHTReferral(EHTReferralAccessFacts)
    case reflectOnEHTReferral(EHTReferralAccessFacts)
    case decideEHTReferral(EHTReferralAccessFacts)
    case viewHelpDirectory
    // Statistics (StatisticsAccess): counts and times only, by scope.
    case viewStatistics(StatisticsScope, StatisticsFacts)
}

/// The one place where access is decided (DOMAIN §5, SoLPuL 10 §: need-based access).
/// Version 1: staff see the children of their own units; administrators manage the
/// organisation but never browse children; the log reviewer reads the audit log.
public enum AccessPolicy {
    public static func decide(_ actor: Actor, _ request: AccessRequest) -> AccessDecision {
        guard actor.active else {
            return .deny(.init(code: "inactive", text: "Kontot är avaktiverat."))
        }
        switch request {
        case .viewChild(let child):
            return decideChild(actor, child)
        case .updateChild(let child):
            // Only the child's own units change its registry entry; seeing the child through a
            // consent or emergency access is reading, not keeping the record.
            let decision = decideChild(actor, child)
            guard decision.isAllowed else { return decision }
            guard !actor.childWorkUnitIDs.isDisjoint(with: child.unitIDs) else {
                return .deny(.init(code: "not-own-unit", text: "Barnets uppgifter ändras av barnets egna enheter."))
            }
            return decision
        case .registerChild(let unit):
            return decideRegistration(actor, unit)
        case .enrolChild(let unit):
            return decideEnrolment(actor, unit)
        case .searchChildren:
            guard !actor.childWorkUnitIDs.isEmpty else {
                return .deny(noChildWork(actor))
            }
            return .allow(.init(code: "own-units", text: "Sökning begränsad till barn i egna enheter"))
        case .manageOrganisation:
            return actor.isAdministrator
                ? .allow(.init(code: "administrator", text: "Systemadministratör"))
                : .deny(.init(code: "not-administrator", text: "Endast systemadministratörer hanterar organisation och konton."))
        case .reviewAuditLog:
            return actor.isLogReviewer
                ? .allow(.init(code: "log-reviewer", text: "Loggranskare (SoLPuL 10 §)"))
                : .deny(.init(code: "not-log-reviewer", text: "Endast loggranskare får läsa loggen."))
        case .resolveReviewFlag(let staffID):
            guard actor.isLogReviewer else {
                return .deny(.init(code: "not-log-reviewer", text: "Endast loggranskare får läsa loggen."))
            }
            guard staffID != actor.staffID else {
                return .deny(.init(code: "own-flag", text: "En flagga på dig själv granskas av en annan loggranskare."))
            }
            return .allow(.init(code: "log-reviewer", text: "Loggranskare (SoLPuL 10 §)"))
        case .registerExtract:
            return actor.isLogReviewer
                ? .allow(.init(code: "log-reviewer", text: "Registerutdrag av loggranskare"))
                : .deny(.init(code: "not-log-reviewer", text: "Endast loggranskare tar fram registerutdrag."))
        default:
            return ConcernAccess.decide(actor, request)
                ?? ConsentAccess.decide(actor, request)
                ?? CollaborationAccess.decide(actor, request)
                ?? MeetingAccess.decide(actor, request)
                ?? SIPAccess.decide(actor, request)
                ?? ProgrammeAccess.decide(actor, request)
                ?? ForumAccess.decide(actor, request)
                ?? StudentHealthAccess.decide(actor, request)
                ?? StatisticsAccess.decide(actor, request)
                ?? .deny(.init(code: "unknown-request", text: "Åtgärden är inte tillåten."))
        }
    }

    /// Whether the policy allows a request, for filtering a list row by row and for the
    /// buttons of a page that was itself opened through the store's audited door.
    public static func allows(_ actor: Actor, _ request: AccessRequest) -> Bool {
        decide(actor, request).isAllowed
    }

    /// Whether `viewReport` could allow this person any report at all (only social-services
    /// handlers and case officers read reports): a page may skip reading reports it would
    /// refuse anyway. Each report shown is still decided one by one.
    public static func mayViewSomeReports(_ actor: Actor) -> Bool {
        actor.active && actor.sides.contains(.social)
    }

    private static func decideChild(_ actor: Actor, _ child: ChildAccessFacts) -> AccessDecision {
        let shared = actor.childWorkUnitIDs.intersection(child.unitIDs)
        let protectedNote = child.protectedIdentity ? " (skyddade personuppgifter)" : ""
        guard !shared.isEmpty else {
            if actor.childWorkUnitIDs.isEmpty { return .deny(noChildWork(actor)) }
            // Need-to-know through a case: a consent in force names this person or their unit.
            if let asOf = child.asOf, let consent = child.consents.first(where: { $0.status(at: asOf).isInForce && $0.names(actor) }) {
                return .allow(.init(code: "consent-party", text: "Part i samtycke nr \(consent.consentID)" + protectedNote))
            }
            if let until = child.emergencyAccessUntil, let asOf = child.asOf, asOf < until {
                return .allow(.init(code: "emergency-access", text: "Nödåtkomst till \(Stockholm.format(until))" + protectedNote))
            }
            return .deny(.init(code: "other-unit", text: "Barnet hör inte till någon av dina enheter."))
        }
        return .allow(.init(code: "own-unit", text: "Barnet hör till din enhet" + protectedNote))
    }

    private static func decideRegistration(_ actor: Actor, _ unit: OrgUnit?) -> AccessDecision {
        guard !actor.childWorkUnitIDs.isEmpty else { return .deny(noChildWork(actor)) }
        if let unit, !unit.kind.isEnrolmentUnit {
            return .deny(.init(code: "not-enrolment-unit", text: "Välj en skola eller förskola."))
        }
        // Social services register children of any school (or none): a report may come
        // from anywhere. The school side registers only its own pupils.
        if actor.sides.contains(.social) {
            return .allow(.init(code: "social-registration", text: "Registrering av socialtjänsten"))
        }
        guard let unit else {
            return .deny(.init(code: "enrolment-required", text: "Välj din skola eller förskola."))
        }
        guard actor.childWorkUnitIDs.contains(unit.id) else {
            return .deny(.init(code: "other-unit", text: "Du kan bara registrera barn i dina egna enheter."))
        }
        return .allow(.init(code: "own-unit", text: "Registrering i egen enhet"))
    }

    private static func decideEnrolment(_ actor: Actor, _ unit: OrgUnit?) -> AccessDecision {
        guard let unit else {
            if actor.isAdministrator {
                return .allow(.init(code: "administrator-enrolment", text: "Inskrivning av systemadministratör"))
            }
            guard actor.assignments.contains(where: { RegistryAccess.enrols($0.role) && $0.unitKind?.isEnrolmentUnit == true }) else {
                return .deny(.init(code: "not-unit-head", text: "Bara rektor eller förskolechef skriver in barn i sin enhet."))
            }
            return .allow(.init(code: "unit-head-enrolment", text: "Inskrivning av enhetens rektor/förskolechef"))
        }
        guard unit.kind.isEnrolmentUnit else {
            return .deny(.init(code: "not-enrolment-unit", text: "Välj en skola eller förskola."))
        }
        if actor.isAdministrator {
            return .allow(.init(code: "administrator-enrolment", text: "Inskrivning av systemadministratör"))
        }
        guard actor.holds(RegistryAccess.enrols, in: unit.id) else {
            return .deny(.init(code: "not-unit-head", text: "Bara rektor eller förskolechef för enheten skriver in barn där."))
        }
        return .allow(.init(code: "unit-head-enrolment", text: "Inskrivning av enhetens rektor/förskolechef"))
    }

    private static func noChildWork(_ actor: Actor) -> AccessReason {
        if actor.isAdministrator {
            return .init(code: "administrator-no-children", text: "Systemadministratörer hanterar organisation och konton men ser inte barn.")
        }
        return .init(code: "no-child-role", text: "Du har ingen roll som arbetar med barn.")
    }
}
