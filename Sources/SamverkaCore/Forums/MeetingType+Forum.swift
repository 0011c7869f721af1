extension MeetingType {
    /// A forum's own meeting (an LSG, the ledningsgrupp, Barnsamverkan, SSPF, ...). The seeds
    /// give the forums' tasks, not an agenda: this agenda is Samverka's proposal built from
    /// the LSG's responsibilities in seed 002; a municipality replaces it at /admin/motestyper.
    public static let forumMeeting = MeetingType(
        key: "forummote",
        name: "Forumets möte",
        category: .forum,
        purpose: "Utveckla samverkan utifrån aktuella identifierade behov och följa den aktuella handlingsplanen för innevarande år.",
        source: "Kraftsamlings styrdokument, Botkyrka (2016): de lokala samverkansgruppernas ansvar (dagordningen är Samverkas förslag)",
        invitedRoles: [],
        convenerRoles: [],
        agenda: [
            "Uppföljning av föregående möte",
            "Handlingsplanen för innevarande år",
            "Aktuella behov i verksamheterna",
            "Ärenden och frågor (avidentifierade om inte samtycke finns)",
            "Frågor att lyfta till ledningsgruppen",
            "Gemensam kompetensutveckling",
            "Tid för nytt möte",
        ],
        childAttendance: .notAboutAChild,
        requiresConsent: false
    )
}
