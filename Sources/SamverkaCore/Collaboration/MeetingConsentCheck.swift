import Foundation

/// A consent as the booking check needs it: the facts the access policy uses, plus who gave
/// it and what it is for (both stored with the consent).
public struct MeetingConsent: Sendable, Hashable {
    public var facts: ConsentFacts
    public var giverKind: ConsentGiverKind
    public var purposeKind: ConsentPurposeKind

    public init(facts: ConsentFacts, giverKind: ConsentGiverKind, purposeKind: ConsentPurposeKind) {
        self.facts = facts
        self.giverKind = giverKind
        self.purposeKind = purposeKind
    }
}

/// Why a meeting cannot be booked yet, in words the person can act on.
public enum ConsentRefusal: Error, Sendable, Hashable {
    case noConsent(youthIsAdult: Bool)
    case withdrawn
    case expired(validTo: SimpleDate)
    case notYetValid(validFrom: SimpleDate)
    /// The consent is given by the wrong person: guardians for a youth of 18 or more, or the
    /// child alone for a minor.
    case wrongGiver(youthIsAdult: Bool)
    case wrongPurpose(accepted: [ConsentPurposeKind])
    case expiresBeforeMeeting(validTo: SimpleDate, meetingOn: SimpleDate)
    /// The invited parties no consent names.
    case partiesNotCovered([String])

    public var message: String {
        switch self {
        case .noConsent(let adult):
            adult
                ? "Det finns inget samtycke. Innan ett möte bokas måste den unge (18 år eller äldre) själv lämna sitt samtycke."
                : "Det finns inget samtycke. Innan ett möte bokas måste vårdnadshavarna lämna sitt samtycke."
        case .withdrawn:
            "Samtycket är återkallat. Ett nytt samtycke behövs innan ett möte kan bokas."
        case .expired(let to):
            "Samtycket upphörde att gälla \(to.iso). Ett nytt samtycke behövs innan ett möte kan bokas."
        case .notYetValid(let from):
            "Samtycket gäller först från \(from.iso). Mötet kan bokas när samtycket gäller."
        case .wrongGiver(let adult):
            adult
                ? "Den unge är 18 år eller äldre på mötesdagen och måste själv samtycka; vårdnadshavarnas samtycke räcker inte. Vårdnadshavarna kan ändå erbjudas att delta."
                : "Barnet är under 18 år på mötesdagen: vårdnadshavarna måste samtycka."
        case .wrongPurpose(let accepted):
            "Samtycket gäller inte den här sortens möte. Det behövs ett samtycke för: \(accepted.map(\.label).joined(separator: " eller "))."
        case .expiresBeforeMeeting(let to, let meeting):
            "Samtycket upphör \(to.iso), före mötet \(meeting.iso). Förnya samtycket eller välj en tidigare dag."
        case .partiesNotCovered(let names):
            "Samtycket omfattar inte: \(names.joined(separator: "; ")). Ett samtycke där de namnges behövs innan mötet bokas, annars tas de bort från kallelsen."
        }
    }
}

/// The consents a booking rests on.
public struct ConsentClearance: Sendable, Hashable {
    public var consentIDs: [RecordID]
    /// The youth is 18 or more and consented: the guardians are offered to take part anyway
    /// (seed 003, process map step 2).
    public var offerGuardians: Bool

    public init(consentIDs: [RecordID], offerGuardians: Bool) {
        self.consentIDs = consentIDs
        self.offerGuardians = offerGuardians
    }
}

/// "Innan något möte kan bokas så behöver initiativtagaren be vårdnadshavare eller ungdomen
/// om denne är över 18 år om samtycke" (seed 003). A consent lets the meeting be booked when
/// it is in force now and on the meeting day, is given by the right person, is for this
/// kind of meeting, and names every invited professional (or their unit or organisation).
public enum MeetingConsentCheck {
    public static func check(
        consents: [MeetingConsent], participants: [Participant], meetingOn: SimpleDate, childBirthDate: SimpleDate?,
        acceptedPurposes: [ConsentPurposeKind], asOf now: Date
    ) -> Result<ConsentClearance, ConsentRefusal> {
        // Who must consent follows the age on the meeting day: a guardian's consent ends with
        // custody at 18.
        let adult = (childBirthDate?.age(on: meetingOn) ?? 0) >= ConsentRules.adultAge
        guard !consents.isEmpty else { return .failure(.noConsent(youthIsAdult: adult)) }

        // A recorded withdrawal is final, even one dated after now: the meeting lies ahead.
        var candidates = consents.filter { $0.facts.status(at: now).isInForce && $0.facts.withdrawnAt == nil }
        guard !candidates.isEmpty else {
            if consents.contains(where: { $0.facts.withdrawnAt != nil }) { return .failure(.withdrawn) }
            if let soonest = consents.filter({ $0.facts.status(at: now) == .notYetValid }).map(\.facts.validFrom).min() {
                return .failure(.notYetValid(validFrom: soonest))
            }
            return .failure(.expired(validTo: consents.map(\.facts.validTo).max()!))
        }

        candidates = candidates.filter { adult ? $0.giverKind == .youth : $0.giverKind == .guardians }
        guard !candidates.isEmpty else { return .failure(.wrongGiver(youthIsAdult: adult)) }

        if !acceptedPurposes.isEmpty {
            candidates = candidates.filter { acceptedPurposes.contains($0.purposeKind) }
            guard !candidates.isEmpty else { return .failure(.wrongPurpose(accepted: acceptedPurposes)) }
        }

        let lasting = candidates.filter { $0.facts.validTo >= meetingOn && $0.facts.validFrom <= meetingOn }
        guard !lasting.isEmpty else {
            return .failure(.expiresBeforeMeeting(validTo: candidates.map(\.facts.validTo).max()!, meetingOn: meetingOn))
        }

        let parties = participants.filter { !$0.isFamily }
        func missing(in set: [MeetingConsent]) -> [Participant] {
            parties.filter { p in !set.contains { c in c.facts.parties.contains { p.isNamed(by: $0) } } }
        }
        let oneForAll = !acceptedPurposes.isEmpty && acceptedPurposes.allSatisfy(\.needsOneConsentNamingAll)
        let used: [MeetingConsent]
        if oneForAll {
            // Each consent on its own; the one missing the fewest parties explains the refusal.
            let best = lasting.min { missing(in: [$0]).count < missing(in: [$1]).count }!
            let gaps = missing(in: [best])
            guard gaps.isEmpty else { return .failure(.partiesNotCovered(gaps.map(\.consentLabel))) }
            used = [best]
        } else {
            let gaps = missing(in: lasting)
            guard gaps.isEmpty else { return .failure(.partiesNotCovered(gaps.map(\.consentLabel))) }
            let naming = lasting.filter { c in parties.contains { p in c.facts.parties.contains { p.isNamed(by: $0) } } }
            used = naming.isEmpty ? lasting : naming
        }
        return .success(ConsentClearance(consentIDs: used.map(\.facts.consentID).sorted(), offerGuardians: adult))
    }
}
