import Foundation
import SamverkaCore
import SamverkaStore

/// The family page's forms: which one was posted, with what was typed and its messages.
struct ProgrammePageForms {
    var posted: String?
    var state = FormState()

    func state(_ name: String) -> FormState { posted == name ? state : FormState() }
}

/// A family in a programme as its page shows it: the store's record, worded and linked here.
struct ProgrammePageModel {
    let page: ProgrammePage
    let forms: ProgrammePageForms
    let notice: String?
    let today: SimpleDate
    let actor: Actor
    /// Who may be named in the family's consent (for the answer form and the plans).
    let candidates: [ProgrammeTeamMember]

    private var e: ProgrammeEnrolment { page.record.enrolment }
    private var d: ProgrammeDefinition { page.record.definition }
    private var stage: ProgrammeStage { e.stage }

    private func action(_ form: String) -> String { SiteURL.programmeForm(.value(e.id), form: .value(form)).path }
    private var team: [ProgrammeTeamMember] { e.familyResponse?.consent?.team ?? [] }

    var data: [String: Any] {
        let n = e.nomination
        var values: [String: Any] = [
            "id": e.id, "programme": d.name, "stage": stage.label, "notice": notice ?? false, "accessReason": page.reason.text,
            "family": e.children.map(\.name).joined(separator: ", "),
            "children": e.children.map { ["name": $0.name, "role": $0.role.label, "level": $0.level.label] },
            "nominatedBy": "\(n.nominatedBy.label), \(e.nominatedBy.name) \(Stockholm.format(e.nominatedAt))",
            "eht": n.studentHealthMeetingOn?.iso ?? false,
            "concern": n.concern, "concernSince": n.concernSince.iso, "earlierMeasures": n.earlierMeasures,
            "needs": n.needsDescription, "appliedOn": n.appliedOn?.iso ?? "–",
            "referral": e.referral.map { "\($0.principal.name) och \($0.caseOfficer.name), \($0.on.iso)" } ?? false,
            "decisions": e.decisions.map { ["kind": $0.kind.label, "by": $0.decidedBy.name, "date": $0.date.iso, "reasons": $0.reasons,
                                            "priority": $0.priority.map(String.init) ?? false] as [String: Any] },
            "hasDecisions": !e.decisions.isEmpty,
            "response": e.familyResponse.map { r -> [String: Any] in
                ["answer": r.accepted ? "Ja" : "Nej", "on": r.respondedOn.iso, "informedBy": r.informedBy, "note": r.note ?? false,
                 "consent": r.consent.map { c in
                     ["givenBy": c.givenBy, "team": c.team.map { "\($0.name) (\($0.role.label.lowercased()))" }.joined(separator: ", "),
                      "mayShare": c.mayShare, "period": "\(c.validFrom.iso)–\(c.validTo.iso)",
                      "withdrawn": c.withdrawnAt.map { Stockholm.format($0) } ?? false] as [String: Any]
                 } ?? false]
            } ?? false,
            "grant": e.grant.map { ["by": $0.decidedBy.name, "date": $0.date.iso, "reasons": $0.reasons,
                                    "basis": ProgrammeGrantRules.legalBasisText(d) ?? false] as [String: Any] } ?? false,
            "documents": documentRows, "hasDocuments": !e.documents.isEmpty,
            "meetings": e.meetings.map { m -> [String: Any] in
                let missing = ProgrammeMeetingRules.missingTalks(m, children: e.childIDs).map { talk in
                    "\(e.children.first { $0.childID == talk.childID }?.name ?? ""): \(talk.timing.label.lowercased())"
                }
                // The meetings are the team's (the steering group sees when they were held).
                return ["link": page.mayWork ? SiteURL.meeting(.value(m.meetingID)).path : false, "date": m.date.iso, "held": m.heldOn?.iso ?? false,
                        "talks": m.talks.count, "attended": m.childrenAttended.isEmpty ? "Nej" : "Ja",
                        "missing": missing.isEmpty ? "Inga" : missing.joined(separator: "; ")]
            },
            "hasMeetings": !e.meetings.isEmpty,
            "notes": e.notes.sorted { $0.heldOn > $1.heldOn }.map { ["kind": $0.kind.label(d), "on": $0.heldOn.iso, "participants": $0.participants,
                                                                       "works": $0.works, "doesNotWork": $0.doesNotWork, "by": $0.by.name] },
            "hasNotes": !e.notes.isEmpty,
            "clocks": page.openClocks.map { c -> [String: Any] in
                let state = c.state(on: today)
                return ["text": "\(c.kind.label): \(c.dueLabel)", "basis": c.kind.source.text, "state": state.rawValue, "stateLabel": state.label]
            },
            "hasClocks": !page.openClocks.isEmpty,
            "closure": e.closure.map { c in ["on": c.closingMeetingOn.iso, "participants": c.participants, "atStart": c.situationAtStart, "now": c.situationNow,
                                              "goal": c.againstGoal, "experiences": c.experiences, "outcomes": outcomeRows(c.outcomes)] as [String: Any] } ?? false,
            "internalClosure": e.internalClosure.map { ["on": $0.heldOn.iso, "participants": $0.participants, "keep": $0.keep, "improve": $0.improve] } ?? false,
            "followUp": e.followUp.map { f in ["on": f.heldOn.iso, "participants": f.participants, "situation": f.situation,
                                                "further": f.furtherSupportNeeded ? "Ja" : "Nej", "outcomes": outcomeRows(f.outcomes)] as [String: Any] } ?? false,
            "missingForGrant": page.missingForGrant, "hasMissing": !page.missingForGrant.isEmpty,
        ]
        values.merge(formData) { _, new in new }
        return values
    }

    private func outcomeRows(_ outcomes: [ProgrammeOutcome]) -> [[String: String]] {
        outcomes.map { o in ["child": e.children.first { $0.childID == o.childID }?.name ?? "", "kind": o.kind.label, "answer": o.answer.label] }
    }

    private var documentRows: [[String: Any]] {
        e.documents.map { doc -> [String: Any] in
            let name = d.documents.first { $0.key == doc.key }?.name ?? doc.key
            let anchoring = forms.state("forankra-\(doc.id)")
            return ["name": name, "child": doc.childID.flatMap { id in e.children.first { $0.childID == id }?.name } ?? false,
                    "by": doc.writtenBy.name, "on": doc.writtenOn.iso, "summary": doc.summary, "goals": doc.goals, "hasGoals": !doc.goals.isEmpty,
                    "anchored": doc.anchoredOn.map { "\($0.iso) med \(doc.anchoredWith ?? "")" } ?? false,
                    "needsAnchoring": doc.anchoredOn == nil && page.mayWork && (d.documents.first { $0.key == doc.key }?.anchoredWithFamily ?? false),
                    "anchorAction": action("forankra"), "documentID": doc.id, "p": "forankra-\(doc.id)",
                    "anchorOn": FormField("anchored_on", "Förankrad den (ÅÅÅÅ-MM-DD)", anchoring, defaultValue: today.iso).data,
                    "anchorWith": FormField("anchored_with", "Förankrad med", anchoring, hint: "Barnet och föräldrarna, med namn.").data,
                    "actions": doc.actions.map { a -> [String: Any] in
                        ["what": a.what, "who": a.responsible.name, "due": a.dueOn.iso, "done": a.doneOn?.iso ?? false, "id": a.id ?? 0,
                         "mayMark": a.doneOn == nil && a.id != nil && page.mayWork && stage == .running, "doneAction": action("atgard")]
                    },
                    "hasActions": !doc.actions.isEmpty]
        }
    }

    // MARK: The forms the stage and the person allow

    private var formData: [String: Any] {
        let work = page.mayWork
        var f: [String: Any] = [
            "showRefer": work && stage == .nominated,
            "showDecide": page.mayDecide && stage == .atSteeringGroup,
            "showResponse": work && stage == .selected,
            "showPreparation": work && stage == .preparation,
            "showGrant": page.mayGrant && stage == .preparation,
            "showRunning": work && stage == .running,
            "showInternal": (work || page.mayDecide) && stage == .closed && e.internalClosure == nil,
            "showFollowUp": work && stage == .closed,
            "showWithdraw": work && !stage.isFinished && (e.familyResponse?.consent.map { $0.withdrawnAt == nil && $0.validTo >= today } ?? false),
        ]
        f["refer"] = referForm
        f["decide"] = decisionForm("styrgrupp", withKind: true)
        f["grantForm"] = decisionForm("bevilja", withKind: false)
        f["responseForm"] = responseForm
        f["preparationDocument"] = documentForm("dokument", phase: .preparation)
        f["planDocument"] = documentForm("plan", phase: .afterDecision)
        f["note"] = noteForm
        f["booking"] = bookingForm
        f["closing"] = closingForm("avslut", withStart: true)
        f["internal"] = internalForm
        f["followUpForm"] = closingForm("uppfoljning", withStart: false)
        var withdrawal = Self.formData(forms.state("aterkalla"), "aterkalla")
        withdrawal["action"] = action("aterkalla")
        f["withdrawal"] = withdrawal
        return f
    }

    /// A form's state as the template reads it, with `p`, the prefix of its element ids (the
    /// page holds several forms with the same field names), and the summary's links prefixed.
    static func formData(_ s: FormState, _ p: String) -> [String: Any] {
        var data = s.data
        data["p"] = p
        data["errorList"] = s.errors.fields.compactMap { field in s.errors[field].map { ["field": "\(p)-\(field)", "message": $0] } }
        return data
    }

    private func options(_ people: [ProgrammeTeamMember], selected: String?) -> [[String: Any]] {
        people.map { ["value": String($0.id), "label": "\($0.name) (\($0.role.label.lowercased()))", "selected": selected == String($0.id)] }
    }

    private var referForm: [String: Any] {
        let s = forms.state("initiera")
        var data = Self.formData(s, "initiera")
        data["action"] = action("initiera")
        let principals = candidates.filter { $0.role == .principal || $0.role == .preschoolHead }
        let officers = candidates.filter { $0.role == .caseOfficer }
        data["principals"] = options(principals, selected: s.values["principal"] ?? (principals.contains { $0.id == actor.staffID } ? String(actor.staffID) : nil))
        data["officers"] = options(officers, selected: s.values["case_officer"] ?? (officers.contains { $0.id == actor.staffID } ? String(actor.staffID) : nil))
        data["on"] = FormField("referred_on", "Initierat den (ÅÅÅÅ-MM-DD)", s, defaultValue: today.iso).data
        return data
    }

    private func decisionForm(_ name: String, withKind: Bool) -> [String: Any] {
        let s = forms.state(name)
        var data = Self.formData(s, name)
        data["action"] = action(name)
        data["decidedBy"] = actor.staffID
        data["decider"] = actor.displayName
        data["kinds"] = ProgrammeDecisionKind.allCases.map { ["value": $0.rawValue, "label": $0.label, "selected": s.values["kind"] == $0.rawValue] as [String: Any] }
        data["fields"] = [FormField("decision_date", "Beslutsdatum (ÅÅÅÅ-MM-DD)", s, defaultValue: today.iso).data,
                          FormField("reasons", "Skäl för beslutet", s, long: true).data]
            + (withKind ? [FormField("priority", "Prioritet i kön (1 = först, bara vid prioritering)", s).data] : [])
        return data
    }

    private var responseForm: [String: Any] {
        let s = forms.state("svar")
        var data = Self.formData(s, "svar")
        data["action"] = action("svar")
        data["answers"] = [("ja", "Ja, familjen tackar ja"), ("nej", "Nej, familjen tackar nej")].map { ["value": $0.0, "label": $0.1, "checked": s.values["answer"] == $0.0] as [String: Any] }
        data["fields"] = [FormField("responded_on", "Familjen svarade den (ÅÅÅÅ-MM-DD)", s, defaultValue: today.iso).data,
                          FormField("informed_by", "Vilka informerade familjen", s, hint: "Rektor och socialsekreterare.").data,
                          FormField("note", "Anteckning (frivillig)", s, long: true).data,
                          FormField("consent_given_by", "Vem ger samtycket", s, hint: "Vårdnadshavarna, med namn. Bara vid ja.").data,
                          FormField("may_share", "Vad teamet får dela med varandra", s, long: true, defaultValue: "Det insatsen behöver").data,
                          FormField("valid_to", "Samtycket gäller till och med (ÅÅÅÅ-MM-DD)", s, defaultValue: today.adding(months: 12).iso).data]
        data["team"] = candidates.map { c -> [String: Any] in
            ["key": "team_\(c.id)", "label": "\(c.name) (\(c.role.label.lowercased()))", "checked": s.values["team_\(c.id)"] != nil]
        }
        data["teamError"] = s.errors["team"] ?? false
        data["answerError"] = s.errors["answer"] ?? false
        return data
    }

    private func documentForm(_ name: String, phase: ProgrammeDocumentPhase) -> [String: Any] {
        let s = forms.state(name)
        var data = Self.formData(s, name)
        data["action"] = action(name)
        let kinds = d.documents.filter { $0.phase == phase }
        data["kinds"] = kinds.map { ["value": $0.key, "label": $0.name, "selected": s.values["document_key"] == $0.key] as [String: Any] }
        data["children"] = e.children.map { ["value": String($0.childID), "label": $0.name, "selected": s.values["child_id"] == String($0.childID)] as [String: Any] }
        data["hasPerChild"] = kinds.contains(where: \.perChild)
        data["isPlan"] = phase == .afterDecision
        data["documentError"] = s.errors["document"] ?? s.errors["document_key"] ?? false
        data["childError"] = s.errors["child"] ?? false
        data["fields"] = [FormField("written_on", "Upprättad den (ÅÅÅÅ-MM-DD)", s, defaultValue: today.iso).data,
                          FormField("summary", "Sammanfattning", s, long: true, hint: "Situationen vid start, mål och insatser i korthet.").data]
        data["goals"] = (1...ProgrammeForms.goalRows).map { FormField("goal_\($0)", "Mål \($0)", s).data }
        data["goalsError"] = s.errors["goals"] ?? false
        data["actionsError"] = s.errors["actions"] ?? false
        let people = team.isEmpty ? candidates : team
        data["actions"] = (1...ProgrammeForms.actionRows).map { n -> [String: Any] in
            ["n": n, "what": FormField("action_\(n)_what", "Åtgärd \(n)", s).data, "due": FormField("action_\(n)_due_on", "Klar senast (ÅÅÅÅ-MM-DD)", s).data,
             "responsibleError": s.errors["action_\(n)_responsible"] ?? false,
             "people": options(people, selected: s.values["action_\(n)_responsible"])]
        }
        data["anchoredOn"] = FormField("anchored_on", "Förankrad med barn och föräldrar den (ÅÅÅÅ-MM-DD, om det är gjort)", s).data
        data["anchoredWith"] = FormField("anchored_with", "Förankrad med", s).data
        return data
    }

    private var noteForm: [String: Any] {
        let s = forms.state("anteckning")
        var data = Self.formData(s, "anteckning")
        data["action"] = action("anteckning")
        var kinds: [ProgrammeNoteKind] = d.checkIn == nil ? [] : [.checkIn]
        kinds += d.preMeetingFollowUps.map { .preMeeting($0.key) }
        data["kinds"] = kinds.map { ["value": $0.rawValue, "label": $0.label(d), "selected": s.values["kind"] == $0.rawValue] as [String: Any] }
        data["kindError"] = s.errors["kind"] ?? false
        data["fields"] = [FormField("held_on", "Datum (ÅÅÅÅ-MM-DD)", s, defaultValue: today.iso).data,
                          FormField("participants", "Vilka deltog", s).data,
                          FormField("works", "Det här fungerar", s, long: true).data,
                          FormField("does_not_work", "Det här fungerar inte", s, long: true).data]
        return data
    }

    private var bookingForm: [String: Any] {
        let s = forms.state("mote")
        var data = Self.formData(s, "mote")
        data["action"] = action("mote")
        data["mayBook"] = !e.meetings.contains { $0.heldOn == nil }
        data["fields"] = [FormField("date", "Datum (ÅÅÅÅ-MM-DD)", s).data, FormField("start_time", "Starttid (TT:MM)", s).data,
                          FormField("end_time", "Sluttid (TT:MM)", s).data, FormField("place", "Plats", s).data,
                          FormField("guardians", "Vårdnadshavare, familjehem och andra (en per rad)", s, long: true).data]
        let fresh = s.values.isEmpty
        data["staff"] = team.map { ["key": "staff_\($0.id)", "label": "\($0.name) (\($0.role.label.lowercased()))", "checked": fresh || s.values["staff_\($0.id)"] != nil] as [String: Any] }
        func assignment(_ key: String, _ label: String, _ role: Role) -> [String: Any] {
            let chosen = s.values[key] ?? team.first { $0.role == role }.map { String($0.id) }
            return ["key": key, "label": label, "error": s.errors[key] ?? false, "people": options(team, selected: chosen)]
        }
        data["assignments"] = [assignment("assign_chair", "Ordförande", .principal), assignment("assign_secretary", "Sekreterare", .caseOfficer),
                               assignment("assign_convener", "Kallar", .caseOfficer)]
        data["children"] = e.children.map { ["key": "child_\($0.childID)", "label": $0.name, "checked": s.values["child_\($0.childID)"] != nil] as [String: Any] }
        data["attendanceError"] = s.errors["child_attendance_decision"] ?? false
        data["meetingError"] = s.errors["meeting"] ?? false
        data["participantsError"] = s.errors["participants"] ?? false
        data["principalAgrees"] = s.values["principal_agrees"] != nil
        data["caseOfficerAgrees"] = s.values["case_officer_agrees"] != nil
        data["reason"] = FormField("attendance_reason", "Varför det är för barnets bästa att delta", s).data
        return data
    }

    private func closingForm(_ name: String, withStart: Bool) -> [String: Any] {
        let s = forms.state(name)
        var data = Self.formData(s, name)
        data["action"] = action(name)
        var fields = [FormField("held_on", "Mötet hölls den (ÅÅÅÅ-MM-DD)", s, defaultValue: today.iso).data,
                      FormField("participants", "Vilka deltog", s).data]
        if withStart {
            fields += [FormField("situation_at_start", "Situationen vid start (från vårdplanen och Trampolinutredningen)", s, long: true,
                                 defaultValue: ProgrammeClosureRules.situationAtStart(e, definition: d)).data,
                       FormField("situation_now", "Nuläget", s, long: true).data,
                       FormField("against_goal", "Nuläget i förhållande till det ursprungliga målet", s, long: true).data]
            fields += (1...ProgrammeForms.experienceRows).map { FormField("experience_\($0)", "Erfarenhet \($0) (vem och vad)", s, long: true).data }
        } else {
            fields += [FormField("situation", "Familjens nuläge", s, long: true).data]
        }
        data["fields"] = fields
        data["experiencesError"] = (withStart ? s.errors["experiences"] : nil) ?? false
        data["further"] = withStart ? false : [("ja", "Ja"), ("nej", "Nej")].map { ["value": $0.0, "label": $0.1, "checked": s.values["further_support"] == $0.0] as [String: Any] }
        data["hasFurther"] = !withStart
        data["furtherError"] = s.errors["further_support"] ?? false
        data["outcomes"] = e.children.flatMap { child in
            d.outcomes.map { kind -> [String: Any] in
                let key = "outcome_\(child.childID)_\(kind.rawValue)"
                return ["key": key, "legend": "\(child.name): \(kind.label)", "error": s.errors[key] ?? false,
                        "answers": ProgrammeOutcomeAnswer.allCases.map { ["value": $0.rawValue, "label": $0.label, "id": "\(key)-\($0.rawValue)", "checked": s.values[key] == $0.rawValue] as [String: Any] }]
            }
        }
        return data
    }

    private var internalForm: [String: Any] {
        let s = forms.state("internt")
        var data = Self.formData(s, "internt")
        data["action"] = action("internt")
        data["fields"] = [FormField("held_on", "Hölls den (ÅÅÅÅ-MM-DD)", s, defaultValue: today.iso).data, FormField("participants", "Vilka deltog", s).data,
                          FormField("keep", "Det här fungerade och ska befästas", s, long: true).data,
                          FormField("improve", "Det här behöver förbättras", s, long: true).data]
        return data
    }
}
