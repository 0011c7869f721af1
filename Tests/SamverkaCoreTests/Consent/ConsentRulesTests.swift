import Foundation
import Testing
@testable import SamverkaCore

@Suite("Consent registration rules")
struct ConsentRulesTests {
    static let today = Fx.day("2026-11-23")
    /// A child of 10 with two guardians (joint custody).
    static let child10 = ConsentChildFacts(birthDate: Fx.day("2016-05-01"), guardianIDs: [11, 12])

    static func input(_ change: (inout ConsentInput) -> Void = { _ in }) -> ConsentInput {
        var i = ConsentInput()
        i.giverKind = "guardians"
        i.guardianIDs = [11, 12]
        i.unitIDs = [1, 3]
        i.categories = ["investigation-status", "outcome"]
        i.purposeKind = "investigation"
        i.purpose = "Samverkan mellan skola och socialtjänst under utredningen"
        i.validFrom = "2026-11-23"
        i.validTo = "2027-05-31"
        i.method = "oral"
        i.witness = "Eva Vittne"
        change(&i)
        return i
    }

    static func errors(_ input: ConsentInput, child: ConsentChildFacts = child10) -> FieldErrors {
        if case .failure(let errors) = ConsentRules.validate(input, child: child, today: today) { return errors }
        return FieldErrors()
    }

    @Test func completeConsentIsAccepted() throws {
        let result = try ConsentRules.validate(Self.input(), child: Self.child10, today: Self.today).get()
        #expect(result.guardianIDs == [11, 12])
        #expect(result.parties == [.unit(1), .unit(3)])
        #expect(result.categories == [.investigationStatus, .outcome])
        #expect(result.singleGuardianReason == nil)
        #expect(result.witness == "Eva Vittne")
    }

    @Test func jointCustodyNeedsBothOrAReason() throws {
        #expect(Self.errors(Self.input { $0.guardianIDs = [11] })["guardian_ids"] != nil)
        let one = try ConsentRules.validate(Self.input { $0.guardianIDs = [11]; $0.singleGuardianReason = "Ensam vårdnad enligt dom" }, child: Self.child10, today: Self.today).get()
        #expect(one.guardianIDs == [11])
        #expect(one.singleGuardianReason == "Ensam vårdnad enligt dom")
    }

    @Test func aGuardianOfAnotherChildDoesNotCount() {
        #expect(Self.errors(Self.input { $0.guardianIDs = [99] })["guardian_ids"] != nil)
    }

    @Test func agesDecideWhoMayConsent() throws {
        let seventeen = ConsentChildFacts(birthDate: Fx.day("2009-06-01"), guardianIDs: [11])
        let eighteen = ConsentChildFacts(birthDate: Fx.day("2008-11-23"), guardianIDs: [11])
        let fourteen = ConsentChildFacts(birthDate: Fx.day("2012-01-01"), guardianIDs: [11])
        #expect(Self.errors(Self.input { $0.giverKind = "youth" }, child: seventeen)["giver_kind"] != nil)
        #expect(throws: Never.self) { try ConsentRules.validate(Self.input { $0.giverKind = "youth" }, child: eighteen, today: Self.today).get() }
        #expect(Self.errors(Self.input { $0.giverKind = "child"; $0.childView = "Vill" }, child: fourteen)["giver_kind"] != nil)
        #expect(throws: Never.self) { try ConsentRules.validate(Self.input { $0.giverKind = "child"; $0.childView = "Vill" }, child: seventeen, today: Self.today).get() }
    }

    @Test func childsViewFromTwelve() {
        let twelve = ConsentChildFacts(birthDate: Fx.day("2014-11-23"), guardianIDs: [11, 12])
        #expect(Self.errors(Self.input(), child: twelve)["child_view"] != nil)
        #expect(Self.errors(Self.input { $0.childView = "Tycker det är bra" }, child: twelve).isEmpty)
        let eleven = ConsentChildFacts(birthDate: Fx.day("2014-11-24"), guardianIDs: [11, 12])
        #expect(Self.errors(Self.input(), child: eleven).isEmpty)
    }

    @Test func sipLastsAtMostOneYear() {
        #expect(Self.errors(Self.input { $0.purposeKind = "sip"; $0.validTo = "2027-11-22" }).isEmpty)
        #expect(Self.errors(Self.input { $0.purposeKind = "sip"; $0.validTo = "2027-11-23" })["valid_to"] != nil)
        #expect(Self.errors(Self.input { $0.purposeKind = "collaboration-case"; $0.validTo = "2028-06-01" }).isEmpty)
    }

    @Test func datesAreChecked() {
        #expect(Self.errors(Self.input { $0.validTo = "2026-11-01" })["valid_to"] != nil)
        #expect(Self.errors(Self.input { $0.validFrom = "2026-01-01"; $0.validTo = "2026-11-22" })["valid_to"] != nil)
        #expect(Self.errors(Self.input { $0.validFrom = "23/11" })["valid_from"] != nil)
    }

    @Test func methodNeedsAFormOrAWitness() {
        #expect(Self.errors(Self.input { $0.witness = "" })["witness"] != nil)
        #expect(Self.errors(Self.input { $0.method = "signed-form" })["document"] != nil)
        #expect(Self.errors(Self.input { $0.method = "signed-form"; $0.documentSize = 1000; $0.documentType = "text/html" })["document"] != nil)
        #expect(Self.errors(Self.input { $0.method = "signed-form"; $0.documentSize = ConsentRules.maxDocumentBytes + 1; $0.documentType = "application/pdf" })["document"] != nil)
        #expect(Self.errors(Self.input { $0.method = "signed-form"; $0.documentSize = 1000; $0.documentType = "application/pdf" }).isEmpty)
    }

    @Test func partiesAndCategoriesAreRequired() throws {
        let none = Self.errors(Self.input { $0.unitIDs = []; $0.categories = [] })
        #expect(none["parties"] != nil)
        #expect(none["categories"] != nil)
        #expect(Self.errors(Self.input { $0.categories = ["everything"] })["categories"] != nil)
        let outside = try ConsentRules.validate(Self.input { $0.unitIDs = []; $0.externalParties = "BUP Region Jämtland\n\n BVC Hammarstrand " }, child: Self.child10, today: Self.today).get()
        #expect(outside.parties == [.external("BUP Region Jämtland"), .external("BVC Hammarstrand")])
    }

    @Test func emergencyAccessNeedsAReason() {
        var errors = FieldErrors()
        _ = EmergencyAccess.validate(reason: "akut", into: &errors)
        #expect(errors["reason"] != nil)
        var fine = FieldErrors()
        _ = EmergencyAccess.validate(reason: "Barnet söker skydd hos oss, vårdnadshavare okänd", into: &fine)
        #expect(fine.isEmpty)
    }
}
