import Foundation

/// The SIP protocol as a PDF: the seed's parts in order, and for the guardians a reply slip
/// to send back (a signature is not required; whether they agree to the plan is asked).
/// Names, roles and what was said; never an address.
public struct SIPProtocolDocument: Sendable {
    public var organisation: String
    public var childName: String
    public var responsible: String
    public var meeting: SIPMeeting
    public var parties: [SIPParty]
    /// Party id → what the consent lets that party share with the others.
    public var shares: [RecordID: String]
    public var proto: SIPProtocol
    /// To whom this copy goes ("Vårdnadshavarna", "BUP Region Jämtland Härjedalen").
    public var recipient: String
    /// The guardians' copy has the reply slip.
    public var withReplySlip: Bool

    public init(organisation: String, childName: String, responsible: String, meeting: SIPMeeting, parties: [SIPParty], shares: [RecordID: String], proto: SIPProtocol, recipient: String, withReplySlip: Bool) {
        self.organisation = organisation
        self.childName = childName
        self.responsible = responsible
        self.meeting = meeting
        self.parties = parties
        self.shares = shares
        self.proto = proto
        self.recipient = recipient
        self.withReplySlip = withReplySlip
    }

    public var title: String { "SIP-protokoll – \(childName)" }

    private func partyName(_ id: RecordID) -> String { parties.first { $0.id == id }?.displayName ?? "–" }

    /// The protocol's text blocks in order: (heading, lines). The page and the PDF both show these.
    public func sections() -> [(heading: String, lines: [String])] {
        let p = proto
        let present = p.attendance.map { a in
            "\(partyName(a.partyID)): \(a.present ? "närvarande" : "ej närvarande")\(a.role.map { ", \($0)" } ?? "")"
        }
        let views = p.attendance.compactMap { a in a.view.map { "\(partyName(a.partyID)): \($0)" } }
        let plan = p.actions.map { "\($0.what) – ansvarig: \(partyName($0.partyID)) – senast \($0.dueOn.iso)" }
        return [
            (SIPProtocol.parts[0], ["Från familjen: \(p.familyPresent)"] + present),
            (SIPProtocol.parts[1], ["Det här fungerar bra: \(p.worksWell)", "Det här är svårare: \(p.harder)",
                                    "Stöd och insatser i dag, och från vem: \(p.currentSupport)"] + views),
            (SIPProtocol.parts[2], [p.needs]),
            (SIPProtocol.parts[3], plan),
            (SIPProtocol.parts[4], [p.familyOwn]),
            (SIPProtocol.parts[5], [p.summary]),
            (SIPProtocol.parts[6], [p.childVoice ?? "Barnets röst kunde inte inhämtas: \(p.childVoiceMissingReason ?? "")"]),
            (SIPProtocol.parts[7], ["Uppföljningsmöte: \(p.followUp.whenText), \(p.followUp.whereText)"]),
        ]
    }

    public func pdf(fonts: PDFFonts, created: Date? = nil) -> [UInt8] {
        var w = PDFWriter(title: title, footer: "SIP \(childName) \(meeting.schedule.date.iso)", fonts: fonts)
        w.paragraph(organisation, font: .bold, size: 9)
        w.documentTitle("Samordnad individuell plan (SIP) – protokoll")
        w.field("Gäller:", childName)
        w.field("Möte:", "\(meeting.kind.label) \(meeting.schedule.whenText)")
        if !meeting.schedule.whereText.isEmpty { w.field("Plats:", meeting.schedule.whereText) }
        w.field("SIP-ansvarig:", responsible)
        w.field("Till:", recipient)
        for section in sections() {
            w.heading(section.heading)
            for line in section.lines { w.paragraph(line) }
        }
        w.heading("Vad parterna får dela med varandra enligt samtycket")
        for party in parties { w.bullet("\(party.displayName): \(shares[party.id] ?? "inget")") }
        if withReplySlip {
            w.newPage()
            w.documentTitle("Svarstalong – SIP för \(childName)")
            w.paragraph("Skicka talongen till \(responsible) i bifogat svarskuvert. Du behöver inte skriva under protokollet, men vi vill veta om du samtycker till planeringen.")
            w.space(8)
            w.paragraph("[  ] Jag samtycker till planeringen")
            w.paragraph("[  ] Jag samtycker till delar av planeringen")
            w.paragraph("[  ] Jag samtycker inte till planeringen")
            w.space(8)
            w.field("Kommentar:", "")
            w.space(24)
            w.field("Datum och underskrift:", "")
        }
        return w.render(created: created)
    }
}
