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
        let values = state.values
        let selectedType = values["type"] ?? MeetingType.collaborationMeeting.key
        var data = state.data
        data["id"] = caseID
        data["child"] = page.record.childName
        data["types"] = types.map { ["value": $0.key, "label": $0.name, "selected": $0.key == selectedType] as [String: Any] }
        data["typeInfo"] = types.map { ["name": $0.name, "invited": $0.invitedRoles.map(\.label).joined(separator: ", "), "child": $0.childAttendance.label] as [String: Any] }
        // Siblings in the case: the meeting may concern several of them, each under its own consent.
        data["hasSiblings"] = !page.siblings.isEmpty
        data["children"] = ([(id: page.record.value.childID, name: page.record.childName)] + page.siblings).map { child in
            ["key": "child_\(child.id)", "name": child.name, "checked": values.isEmpty || values["child_\(child.id)"] != nil] as [String: Any]
        }
        data["family"] = choices.family.enumerated().map { index, p in
            ["key": "family_\(index)", "name": p.name, "role": p.roleLabel, "checked": values["family_\(index)"] != nil] as [String: Any]
        }
        // Thousands of staff in a real municipality: the form lists the person's own units'
        // colleagues, the case's participants and whoever is already chosen, and finds the
        // rest by name, unit and role. Never the staff of the child's other units: that list
        // would tell the school who in social services works with the child.
        let units = try await collaboration.unitNames()
        let query = values["staff_search"] ?? ""
        let own = origin.actor.childWorkUnitIDs
        let known = Set(page.record.value.participants.compactMap(\.staffID) + [page.record.value.owner.id])
        // Those a consent in force names (as a person or through their unit) are the likely invitees.
        let inForce = page.consents.filter { $0.facts.status(at: clock.now()).isInForce }.flatMap(\.facts.parties)
        let namedStaff = Set(inForce.compactMap { if case .staff(let id) = $0 { id } else { nil } })
        let namedUnits = Set(inForce.compactMap { if case .unit(let id) = $0 { id } else { nil } })
        var found = 0
        let listed = choices.staff.filter { p in
            let key = "staff_\(p.staffID ?? 0)"
            if values[key] != nil || known.contains(p.staffID ?? -1) || namedStaff.contains(p.staffID ?? -1)
                || p.unitID.map({ own.contains($0) || namedUnits.contains($0) }) == true { return true }
            guard found < StaffSearch.limit, StaffSearch.matches(query, name: p.name, unit: p.unitID.flatMap { units[$0] }, role: p.roleLabel) else { return false }
            found += 1
            return true
        }
        data["staff"] = listed.map { p in
            let key = "staff_\(p.staffID ?? 0)"
            let unit = p.unitID.flatMap { units[$0] }.map { ", \($0)" } ?? ""
            return ["key": key, "name": p.name, "role": p.roleLabel + unit, "checked": values[key] != nil || (values.isEmpty && p.staffID == page.record.value.owner.id)] as [String: Any]
        }
        data["assignments"] = BookingAssignments.data(staff: listed, types: types, values: values, errors: state.errors)
        data["searched"] = !StaffSearch.words(query).isEmpty
        data["found"] = found
        data["foundMax"] = found >= StaffSearch.limit
        data["consentsLink"] = "/barn/\(page.record.value.childID)/samtycken"
        data["formAction"] = "/samverkan/\(caseID)/moten/nytt"
        data["back"] = "/samverkan/\(caseID)"
        data["consentNeeded"] = true
        return await renderer.page("meeting-new", title: "Boka möte", data, context: context, status: status)
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
        // Outside parties, one per line: "Name, Organisation".
        for line in (values["others"] ?? "").split(whereSeparator: \.isNewline) {
            let parts = line.split(separator: ",", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard let name = parts.first, !name.isEmpty else { continue }
            input.participants.append(Participant(name: name, roles: [.region], organisation: parts.count > 1 ? parts[1] : nil))
        }
        return input
    }

    // MARK: The meeting page and minutes

    func page(_ meetingID: RecordID, request: Request?, context: AppContext, minutesState: FormState = FormState(), dispatchState: FormState = FormState(), status: HTTPResponse.Status = .ok) async throws -> Response {
        guard case .ok(let page) = try await collaboration.meetingPage(meetingID: meetingID, by: try context.origin()) else { throw HTTPError(.notFound) }
        let m = page.meeting
        let values = minutesState.values
        var notice: String?
        if let q = request?.uri.queryParameters {
            if q["bokat"] != nil { notice = "Mötet är bokat. Skicka kallelser till deltagarna." }
            if q["avslutat"] != nil { notice = "Minnesanteckningarna är sparade och nästa möte är bokat." }
            if q["skickat"] != nil { notice = "Utskicket är registrerat." }
            if q["forberett"] != nil { notice = "Förberedelsen är markerad som gjord." }
            if q["samtal"] != nil { notice = "Samtalet med barnet är antecknat." }
        }
        var data = minutesState.data
        data["id"] = m.id
        data["contextLink"] = SiteURL.context(m.context).path
        data["contextLabel"] = m.context.kind.label
        data["child"] = page.childName ?? ""
        data["type"] = m.type.name
        data["purpose"] = m.type.purpose
        data["when"] = m.schedule.whenText
        data["where"] = m.schedule.whereText
        data["videoLink"] = m.schedule.videoLink ?? false
        data["notice"] = notice ?? false
        data["closed"] = m.closedAt != nil
        data["isOwner"] = page.record.map { $0.value.owner.id == (try? context.origin().actor.staffID) && $0.value.isOpen } ?? false
        data["closeCaseChecked"] = minutesState.values["close_case"] != nil
        data["bookingNotes"] = m.closedAt == nil ? m.bookingNotes : []
        data["participants"] = m.participants.enumerated().map { index, p -> [String: Any] in
            let chosen = values["attendance_\(index + 1)"] ?? ""
            return ["n": index, "number": index + 1, "error": minutesState.errors["attendance_\(index + 1)"] ?? false, "name": p.person.name, "role": p.person.roleLabel, "attendance": p.attendance.label,
                    "assignment": p.assignmentLabel,
                    "options": Attendance.allCases.filter { $0 != .invited }.map { ["value": $0.rawValue, "label": $0.label, "selected": $0.rawValue == chosen] }]
        }
        data["agenda"] = m.type.agenda.enumerated().map { index, item in
            ["number": index + 1, "item": item, "value": values["agenda_\(index + 1)"] ?? "", "error": minutesState.errors["agenda_\(index + 1)"] ?? false] as [String: Any]
        }
        data.merge(Self.preparationData(page, errors: minutesState.errors), uniquingKeysWith: { _, new in new })
        data.merge(Self.childTalkData(page, values: values), uniquingKeysWith: { _, new in new })
        data["onDecision"] = m.type.childAttendance == .onDecision && !m.childAttendanceDecided
        let decisionRows = MinutesFormRows.count(values, prefix: "decision", least: Self.decisionRows, adding: minutesState.values["action"] == "add-decision")
        let actionRows = MinutesFormRows.count(values, prefix: "action", least: Self.actionRows, adding: minutesState.values["action"] == "add-action")
        data["decisionRows"] = decisionRows
        data["actionRows"] = actionRows
        data["decisions"] = (1...decisionRows).map { ["number": $0, "value": values["decision_\($0)"] ?? "", "error": minutesState.errors["decision_\($0)"] ?? false] as [String: Any] }
        let responsible = m.participants.enumerated().map { ($0.offset, $0.element.person.name) }
        data["actions"] = (1...actionRows).map { n -> [String: Any] in
            let chosen = values["action_\(n)_responsible"] ?? ""
            return ["number": n, "what": values["action_\(n)_what"] ?? "", "due": values["action_\(n)_due_on"] ?? "",
                    "whatError": minutesState.errors["action_\(n)_what"] ?? false, "responsibleError": minutesState.errors["action_\(n)_responsible"] ?? false,
                    "dueError": minutesState.errors["action_\(n)_due_on"] ?? false,
                    "people": responsible.map { ["value": String($0.0), "label": $0.1, "selected": String($0.0) == chosen] as [String: Any] }]
        }
        data["followUps"] = page.openActions.compactMap { a -> [String: Any]? in
            guard let id = a.id else { return nil }
            let chosen = values["follow_up_\(id)"] ?? ""
            return ["id": id, "what": a.what, "responsible": a.responsible.name, "due": a.dueOn.iso, "note": values["follow_up_\(id)_note"] ?? "",
                    "error": minutesState.errors["follow_up_\(id)"] ?? minutesState.errors["follow_up_\(id)_note"] ?? false,
                    "options": ActionFollowUpStatus.allCases.map { ["value": $0.rawValue, "label": $0.label, "selected": $0.rawValue == chosen] }]
        }
        data["hasFollowUps"] = !page.openActions.isEmpty
        data["bbic"] = BBICSide.allCases.map { side -> [String: Any] in
            ["side": side.label, "areas": BBICEdition.standard.areas(on: side).map { ["key": $0.key, "title": $0.title, "value": values["needs_\($0.key)"] ?? ""] as [String: Any] }]
        }
        if let minutes = m.minutes {
            data["minutes"] = [
                "chair": minutes.chair, "secretary": minutes.secretary,
                "agenda": minutes.agenda.map { ["item": $0.item, "text": $0.text] },
                "childView": minutes.childVoice?.view ?? false, "childReason": minutes.childVoice?.notObtainedReason ?? false,
                "childAttended": minutes.childVoice?.attended == true ? "Ja" : "Nej",
                "decisions": minutes.decisions, "hasDecisions": !minutes.decisions.isEmpty, "actions": minutes.actions.map { ["what": $0.what, "who": $0.responsible.name, "due": $0.dueOn.iso] },
                "next": minutes.nextMeeting.text,
            ] as [String: Any]
        } else {
            data["minutes"] = false
        }
        data["nextMeeting"] = page.nextMeeting.map { ["id": $0.id, "when": $0.schedule.whenText] as [String: Any] } ?? false
        data["dispatches"] = page.dispatches.map { ["to": $0.recipientName, "how": $0.channel.label, "at": Stockholm.format($0.sentAt), "by": $0.sentBy.name] }
        data["notYetSent"] = page.notYetSent.map(\.name).joined(separator: ", ")
        data["channels"] = DispatchChannel.allCases.map { ["value": $0.rawValue, "label": $0.label, "selected": dispatchState.values["channel"] == $0.rawValue] as [String: Any] }
        data["dispatch"] = dispatchState.data
        data["today"] = Stockholm.date(of: clock.now()).iso
        data["directoryLink"] = SiteURL.helpDirectory.path
        return await renderer.page("meeting", title: "\(m.type.name) \(m.schedule.date.iso)", data, context: context, status: status)
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
