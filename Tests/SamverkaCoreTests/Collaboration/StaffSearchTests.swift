import Testing
@testable import SamverkaCore

@Suite("Finding staff to invite by name, unit and role")
struct StaffSearchTests {
    @Test func everyWordMustBeginAWordOfNameUnitOrRole() {
        #expect(StaffSearch.matches("sara utr", name: "Sara Socialsekreterare", unit: "IFO Utredning barn och unga", role: "Socialsekreterare"))
        #expect(StaffSearch.matches("Rektor ekback", name: "Rut Rektorsdotter", unit: "Ekbackens skola", role: "Rektor"))
        #expect(StaffSearch.matches("FAMILJEBEHANDLARE", name: "Fatima Familjesdotter", unit: "IFO Familjebehandling", role: "Familjebehandlare"))
        #expect(!StaffSearch.matches("sara strand", name: "Sara Socialsekreterare", unit: "IFO Utredning barn och unga", role: "Socialsekreterare"))
        #expect(!StaffSearch.matches("ara", name: "Sara Socialsekreterare", unit: nil, role: "Socialsekreterare"))
        #expect(!StaffSearch.matches("  ", name: "Sara", unit: nil, role: "Rektor"))
        #expect(StaffSearch.matches("ström", name: "Åsa Strömberg", unit: nil, role: "Kurator"))
    }
}
