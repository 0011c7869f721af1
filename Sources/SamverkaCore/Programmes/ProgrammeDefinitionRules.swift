import Foundation

/// Checks a programme definition an administrator changed or added (as JSON), so that the
/// rules reading it can rely on it. Field keys: `definition`, `key`, `name`, `criteria`,
/// `eligibility`, `nominators`, `documents`, `meetings`, `team_roles`, `steering_group`,
/// `decision_forum`, `legal_basis`.
public enum ProgrammeDefinitionRules {
    /// `meetingTypes`: the keys of the meeting types that exist (a programme's meetings are
    /// booked as one of them, of the programme category).
    public static func validate(_ d: ProgrammeDefinition, meetingTypes: [MeetingType]) -> Result<ProgrammeDefinition, FieldErrors> {
        var errors = FieldErrors()
        if d.key.isEmpty || d.key.count > 60 || !d.key.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) {
            errors.add("key", "Nyckeln skrivs med små bokstäver a–z, siffror och bindestreck (högst 60 tecken).")
        }
        if TextRules.trimmed(d.name).isEmpty || d.name.count > 200 { errors.add("name", "Programmet behöver ett namn (högst 200 tecken).") }
        if d.criteria.isEmpty { errors.add("criteria", "Ange minst ett kriterium.") }
        if Set(d.criteria.map(\.kind)).count != d.criteria.count { errors.add("criteria", "Varje sorts kriterium får finnas en gång.") }
        if d.criteria.contains(where: { TextRules.trimmed($0.text).isEmpty }) { errors.add("criteria", "Varje kriterium behöver sin text.") }
        let e = d.eligibility
        if e.targetFrom.rank == nil || e.targetTo.rank == nil || e.targetTo < e.targetFrom {
            errors.add("eligibility", "Ange från och till vilken skolnivå programmet gäller, i rätt ordning.")
        }
        if let to = e.olderSiblingsTo, to.rank == nil || to <= e.targetTo { errors.add("eligibility", "Äldre syskon ska gå högre upp än barnen programmet gäller.") }
        if let months = e.concernMinimumMonths, months < 1 { errors.add("eligibility", "Oron ska ha varat minst en månad, eller lämna tiden tom.") }
        if d.nominators.isEmpty { errors.add("nominators", "Ange vilka som kan nominera en familj.") }
        let keys = d.documents.map(\.key)
        if Set(keys).count != keys.count { errors.add("documents", "Varje dokument behöver en egen nyckel.") }
        if d.documents.contains(where: { TextRules.trimmed($0.name).isEmpty || $0.writtenBy.isEmpty }) {
            errors.add("documents", "Varje dokument behöver ett namn och vem som upprättar det.")
        }
        if d.documents(in: .preparation).isEmpty { errors.add("documents", "Ange minst ett dokument som upprättas före beslutet.") }
        for meeting in d.meetings {
            guard let type = meetingTypes.first(where: { $0.key == meeting.meetingTypeKey }) else {
                errors.add("meetings", "Mötestypen \(meeting.meetingTypeKey) finns inte.")
                continue
            }
            if type.category != .programme { errors.add("meetings", "\(type.name) är ingen mötestyp för gemensamma program.") }
            if let cadence = meeting.cadence, cadence.count < 1 { errors.add("meetings", "Mötena behöver hållas med minst en veckas eller månads mellanrum.") }
        }
        if let checkIn = d.checkIn, checkIn.cadence.count < 1 { errors.add("meetings", "Avstämningarna behöver ett mellanrum på minst en vecka.") }
        if let after = d.followUpAfterClosure, after.count < 1 { errors.add("meetings", "Uppföljningen efter avslut behöver ligga minst en vecka efter.") }
        if d.teamRoles.isEmpty { errors.add("team_roles", "Ange vilka roller teamet har.") }
        if d.steeringGroupRoles.isEmpty { errors.add("steering_group", "Ange styrgruppens roller.") }
        if d.decisionForumRoles.isEmpty { errors.add("decision_forum", "Ange beslutsforums roller.") }
        if let basis = d.grantLegalBasis, LegalReference(rawValue: basis) == nil { errors.add("legal_basis", "Den rättsliga grunden finns inte i lagtabellen.") }
        return errors.isEmpty ? .success(d) : .failure(errors)
    }

    /// A definition from an administrator's JSON: unreadable JSON is one message, not a crash.
    public static func decode(_ json: String, meetingTypes: [MeetingType]) -> Result<ProgrammeDefinition, FieldErrors> {
        do {
            let definition = try JSONDecoder().decode(ProgrammeDefinition.self, from: Data(json.utf8))
            return validate(definition, meetingTypes: meetingTypes)
        } catch {
            var errors = FieldErrors()
            errors.add("definition", "Programbeskrivningen går inte att läsa som JSON: \(error.localizedDescription)")
            return .failure(errors)
        }
    }

    public static func encode(_ definition: ProgrammeDefinition) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: (try? encoder.encode(definition)) ?? Data(), as: UTF8.self)
    }
}
