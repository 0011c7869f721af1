import Foundation
import SamverkaCore

/// The demo's referrals to Ekbackens elevhälsoteam (issue 19 item 8), through the service
/// like real work: one the mentor sent two weeks ago, reflected on by the kurator and the
/// specialpedagog and decided by the rektor; one sent this week, waiting for the team.
extension DemoMunicipality {
    static func seedStudentHealth(_ store: Store, now: Date, pupils: [RecordID], origin: (String) async throws -> RequestOrigin) async throws {
        guard pupils.count >= 2 else { return }
        let clock = ManualTimeSource(now.addingTimeInterval(-14 * 86_400))
        let service = StudentHealthService(store: store, clock: clock)
        func ok<T>(_ outcome: Outcome<T>) throws -> T {
            guard case .ok(let value) = outcome else { throw StoreError.conflict("demo referral: \(outcome)") }
            return value
        }
        let mentor = try await origin("mentor.ekbacken")
        let decided = try ok(await service.send(childID: pupils[0], EHTReferralInput(
            situation: "Eleven har svårt att komma igång med uppgifter och lämnar ofta klassrummet under matematiken. Hen säger att det går för fort.",
            adaptations: "Uppgifterna delas upp i mindre delar med en checklista på bänken; eleven sitter nära tavlan; extra genomgång i början av lektionen; bildstöd för dagens schema."), by: mentor))
        clock.advance(by: 3 * 86_400)
        _ = try ok(await service.reflect(decided, text: "Kurator: eleven beskriver oro inför matematiken, inget som tyder på svårigheter hemma. Samtal med eleven en gång i veckan.", by: try await origin("kurator.ekbacken")))
        _ = try ok(await service.reflect(decided, text: "Specialpedagog: anpassningarna hjälper delvis. Föreslår kartläggning av elevens matematiska förmåga.", by: try await origin("specialpedagog.ekbacken")))
        clock.advance(by: 86_400)
        _ = try ok(await service.decide(decided, EHTDecisionInput(outcome: EHTDecisionOutcome.takenUp.rawValue, date: Stockholm.date(of: clock.now()).iso,
                                                                   reasons: "Anpassningarna räcker inte hela vägen. Specialpedagogen kartlägger och kuratorn har stödsamtal; uppföljning i elevhälsoteamet om sex veckor."),
                                        by: try await origin("rektor.ekbacken")))
        clock.set(now.addingTimeInterval(-2 * 86_400))
        _ = try ok(await service.send(childID: pupils[1], EHTReferralInput(
            situation: "Eleven har varit frånvarande flera dagar de senaste veckorna och är trött när hen är i skolan.",
            adaptations: "Kontakt med vårdnadshavare om frånvaron; eleven får ta igen missade genomgångar med mentor på torsdagar; anpassad läxmängd."), by: mentor))
    }
}
