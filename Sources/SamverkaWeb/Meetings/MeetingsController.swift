import Foundation
import Hummingbird
import SamverkaCore
import SamverkaStore

/// Meetings of a collaboration case (issue 5): booking under consent, the meeting page with
/// invitations, the minutes form against the agenda, the minutes PDF and the record of
/// sending them.
struct MeetingsController {
    let renderer: Renderer
    let collaboration: CollaborationService
    /// A programme's follow-up closes through the programme (its next meeting is booked before closing).
    let programmes: ProgrammeService
    let clock: any TimeSource
    let fonts: PDFFonts

    /// Rows the minutes form starts with; "Lägg till en rad" adds one more, as many times as
    /// needed (no JavaScript). Blank rows are ignored.
    static let actionRows = 4
    static let decisionRows = 3

    func addRoutes(to group: RouterGroup<AppContext>) {
        group.get("/samverkan/:id/moten/nytt", use: bookingForm)
        group.post("/samverkan/:id/moten/nytt", use: book)
        group.get("/moten/:id", use: show)
        group.post("/moten/:id/anteckningar", use: closeMinutes)
        group.get("/moten/:id/anteckningar.pdf", use: minutesPDF)
        group.post("/moten/:id/skickat", use: dispatch)
        group.get("/moten/:id/kallelse/:n", use: invitation)
        group.post(SiteURL.meetingPreparationDone(.key, step: .key).route, use: markPreparationDone)
        group.post(SiteURL.meetingChildTalks(.key).route, use: recordChildTalk)
    }

    func id(_ context: AppContext, _ name: String = "id") throws -> RecordID {
        guard let id = context.parameters.get(name, as: RecordID.self) else { throw HTTPError(.notFound) }
        return id
    }

    // MARK: Booking

    private func bookingPage(caseID: RecordID, state: FormState, context: AppContext, status: HTTPResponse.Status = .ok) async throws -> Response {
        let origin = try context.origin()
        guard case .ok(let choices) = try await collaboration.participantChoices(caseID: caseID, by: origin),
              case .ok(let page) = try await collaboration.casePage(caseID: caseID, by: origin) else { throw HTTPError(.notFound) }
        let types = try await collaboration.meetingTypes().filter { $0.childAttendance.isAboutAChild && $0.category != .sip }
        // Never the staff of the child's other units: that list would tell the school who in
        // social services works with the child. The case's participants and those a consent
        // in force names (as a person or through their unit) are the likely invitees.
        let own = origin.actor.childWorkUnitIDs
        let known = Set(page.record.value.participants.compactMap(\.staffID) + [page.record.value.owner.id])
        let inForce = page.consents.filter { $0.facts.status(at: clock.now()).isInForce }.flatMap(\.facts.parties)
        let namedStaff = Set(inForce.compactMap { if case .staff(let id) = $0 { id } else { nil } })
        let namedUnits = Set(inForce.compactMap { if case .unit(let id) = $0 { id } else { nil } })
        let listing = StaffListing(choices.staff, values: state.values, unitNames: try await collaboration.unitNames()) { p in
            known.contains(p.staffID ?? -1) || namedStaff.contains(p.staffID ?? -1) || p.unitID.map { own.contains($0) || namedUnits.contains($0) } == true
        }
        let model = MeetingBookingPageModel(
            child: page.record.childName, contextTitle: nil, formAction: "/samverkan/\(caseID)/moten/nytt", back: "/samverkan/\(caseID)",
            consentsLink: "/barn/\(page.record.value.childID)/samtycken", consentNeeded: true,
            types: types, defaultType: MeetingType.collaborationMeeting.key, family: choices.family, listing: listing,
            preselectedStaffID: page.record.value.owner.id,
            children: ([(id: page.record.value.childID, name: page.record.childName)] + page.siblings).map { .init(id: $0.id, name: $0.name) },
            state: state, fresh: state.values.isEmpty)
        return await renderer.page("meeting-new", title: "Boka möte", model.data, context: context, status: status)
    }

    @Sendable func bookingForm(_ request: Request, context: AppContext) async throws -> Response {
        try await bookingPage(caseID: try id(context), state: FormState(), context: context)
    }

    @Sendable func book(_ request: Request, context: AppContext) async throws -> Response {
        let caseID = try id(context)
        let origin = try context.origin()
        var request = request
        let values = try await request.form()
        // "Sök personal" re-shows the form with everything typed kept; nothing is booked.
        if values["action"] == "search" {
            return try await bookingPage(caseID: caseID, state: FormState(values: values), context: context)
        }
        guard case .ok(let choices) = try await collaboration.participantChoices(caseID: caseID, by: origin) else { throw HTTPError(.notFound) }
        let input = Self.bookingInput(values, family: choices.family, staff: choices.staff)
        switch try await collaboration.bookMeeting(caseID: caseID, typeKey: values["type"] ?? "", input, by: origin) {
        case .ok(let (meetingID, notes)):
            _ = notes  // shown on the meeting page, stored with the meeting
            return Renderer.redirect("/moten/\(meetingID)?bokat=1")
        case .invalid(let errors):
            return try await bookingPage(caseID: caseID, state: FormState(values: values, errors: errors), context: context, status: .unprocessableContent)
        case .denied: throw HTTPError(.notFound)
        }
    }

    /// What the booking form posted, whatever the meeting belongs to.
    static func bookingInput(_ values: [String: String], family: [Participant], staff: [Participant]) -> MeetingBookingInput {
        var input = MeetingBookingInput()
        input.date = values["date"] ?? ""
        input.startTime = values["start_time"] ?? ""
        input.endTime = values["end_time"] ?? ""
        input.place = values["place"] ?? ""
        input.videoLink = values["video_link"] ?? ""
        input.childAttendanceDecided = values["child_attendance_decision"] != nil
        input.participants = family.enumerated().filter { values["family_\($0.offset)"] != nil }.map(\.element)
            + staff.filter { values["staff_\($0.staffID ?? 0)"] != nil }
        input.assignments = BookingAssignments.chosen(values, staff: staff)
        input.childIDs = values.keys.filter { $0.hasPrefix("child_") && !$0.hasPrefix("child_attendance") }.compactMap { RecordID($0.dropFirst("child_".count)) }.sorted()
        input.childrenAsked = values["children_asked"] != nil
        input.participants += BookingAssignments.outsideParties(values)
        return input
    }

    // MARK: The meeting page and minutes

    func page(_ meetingID: RecordID, request: Request?, context: AppContext, minutesState: FormState = FormState(), dispatchState: FormState = FormState(), status: HTTPResponse.Status = .ok) async throws -> Response {
        let origin = try context.origin()
        guard case .ok(let page) = try await collaboration.meetingPage(meetingID: meetingID, by: origin) else { throw HTTPError(.notFound) }
        let query = request?.uri.queryParameters
        let model = MeetingPageModel(page: page, minutesState: minutesState, dispatchState: dispatchState,
                                     notice: query.flatMap { q in MeetingPageModel.notice { q[$0[...]] != nil } },
                                     viewerStaffID: origin.actor.staffID, today: Stockholm.date(of: clock.now()))
        return await renderer.page("meeting", title: model.title, model.data, context: context, status: status)
    }

    @Sendable func show(_ request: Request, context: AppContext) async throws -> Response {
        try await page(try id(context), request: request, context: context)
    }

    static func minutesInput(_ v: [String: String], participants: [MeetingParticipant], agendaCount: Int, openActionIDs: [RecordID]) -> MinutesInput {
        var input = MinutesInput()
        input.chair = v["chair"] ?? ""
        input.secretary = v["secretary"] ?? ""
        input.attendance = participants.indices.map { v["attendance_\($0 + 1)"] ?? "" }
        input.agendaNotes = (0..<agendaCount).map { v["agenda_\($0 + 1)"] ?? "" }
        input.childView = v["child_view"] ?? ""
        input.childViewMissingReason = v["child_view_missing_reason"] ?? ""
        input.childAttendanceDecided = v["child_attendance_decision"] != nil
        input.childTalkBefore = v["child_talk_before"] ?? ""
        input.childTalkAfterBy = v["child_talk_after_by"] ?? ""
        for area in BBICEdition.standard.areas {
            if let text = v["needs_\(area.key)"], !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { input.needs[area.key] = text }
        }
        input.needsSummary = v["needs_summary"] ?? ""
        input.decisions = (1...MinutesFormRows.count(v, prefix: "decision", least: decisionRows)).map { v["decision_\($0)"] ?? "" }
        input.actions = (1...MinutesFormRows.count(v, prefix: "action", least: actionRows)).map { n in
            let who = Int(v["action_\(n)_responsible"] ?? "").flatMap { participants.indices.contains($0) ? participants[$0].person : nil }
            return ActionInput(what: v["action_\(n)_what"] ?? "", responsibleStaffID: who?.staffID, responsibleName: who?.name ?? "", dueOn: v["action_\(n)_due_on"] ?? "")
        }
        for id in openActionIDs {
            input.followUps[id] = FollowUpInput(status: v["follow_up_\(id)"] ?? "", note: v["follow_up_\(id)_note"] ?? "")
        }
        input.nextMeetingDate = v["next_meeting_date"] ?? ""
        input.nextMeetingStart = v["next_meeting_start"] ?? ""
        input.noNextMeetingReason = v["no_next_meeting_reason"] ?? ""
        return input
    }

    @Sendable func closeMinutes(_ request: Request, context: AppContext) async throws -> Response {
        let meetingID = try id(context)
        let origin = try context.origin()
        var request = request
        let values = try await request.form()
        // "Lägg till en rad" re-shows the form with everything typed kept and one more row.
        if values["action"] == "add-action" || values["action"] == "add-decision" {
            return try await self.page(meetingID, request: nil, context: context, minutesState: FormState(values: values))
        }
        guard case .ok(let page) = try await collaboration.meetingPage(meetingID: meetingID, by: origin) else { throw HTTPError(.notFound) }
        let input = Self.minutesInput(values, participants: page.meeting.participants, agendaCount: page.meeting.type.agenda.count, openActionIDs: page.openActions.compactMap(\.id))
        let owner = page.meeting.context
        let outcome: Outcome<RecordID?> = owner.kind == .programmeEnrolment
            ? try await programmes.closeFollowUp(owner.id, meetingID: meetingID, input, by: origin)
            : try await collaboration.closeMinutes(meetingID: meetingID, input, closeCase: values["close_case"] != nil, by: origin)
        switch outcome {
        case .ok: return Renderer.redirect("/moten/\(meetingID)?avslutat=1")
        case .invalid(let errors): return try await self.page(meetingID, request: nil, context: context, minutesState: FormState(values: values, errors: errors), status: .unprocessableContent)
        case .denied: throw HTTPError(.notFound)
        }
    }

    // MARK: Documents

    @Sendable func minutesPDF(_ request: Request, context: AppContext) async throws -> Response {
        let meetingID = try id(context)
        guard case .ok(let document) = try await collaboration.minutesDocument(meetingID: meetingID, by: try context.origin()) else { throw HTTPError(.notFound) }
        return Renderer.download(document.pdf(fonts: fonts, created: clock.now()), type: "application/pdf", name: "minnesanteckningar-\(meetingID).pdf")
    }

    /// `/moten/{id}/kallelse/{n}.pdf` (letter) or `.ics` (calendar file) for participant n.
    @Sendable func invitation(_ request: Request, context: AppContext) async throws -> Response {
        let meetingID = try id(context)
        let file = context.parameters.get("n") ?? ""
        let isCalendar = file.hasSuffix(".ics")
        guard isCalendar || file.hasSuffix(".pdf"), let n = Int(file.dropLast(4)) else { throw HTTPError(.notFound) }
        guard case .ok(let (letter, ics)) = try await collaboration.invitation(meetingID: meetingID, participant: n, by: try context.origin()) else { throw HTTPError(.notFound) }
        if isCalendar { return Renderer.download(Array(ics.utf8), type: "text/calendar; charset=utf-8", name: "kallelse-\(meetingID).ics") }
        return Renderer.download(letter.pdf(fonts: fonts, created: clock.now()), type: "application/pdf", name: "kallelse-\(meetingID)-\(n + 1).pdf")
    }

    @Sendable func dispatch(_ request: Request, context: AppContext) async throws -> Response {
        let meetingID = try id(context)
        var request = request
        let values = try await request.form()
        switch try await collaboration.recordDispatch(meetingID: meetingID, recipient: values["recipient"] ?? "", channel: values["channel"] ?? "", by: try context.origin()) {
        case .ok: return Renderer.redirect("/moten/\(meetingID)?skickat=1")
        case .invalid(let errors): return try await page(meetingID, request: nil, context: context, dispatchState: FormState(values: values, errors: errors), status: .unprocessableContent)
        case .denied: throw HTTPError(.notFound)
        }
    }
}
