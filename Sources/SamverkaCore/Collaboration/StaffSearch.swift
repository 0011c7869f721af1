/// Finding the staff to invite among thousands (issue 15): by name, unit and role. Every word
/// typed must begin a word of the person's name, unit or role ("sara utr" finds Sara
/// Socialsekreterare of IFO Utredning), ignoring case.
public enum StaffSearch {
    /// At most this many matches are listed; the person narrows the search instead.
    public static let limit = 30

    public static func words(_ text: String) -> [String] {
        text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    public static func matches(_ query: String, name: String, unit: String?, role: String) -> Bool {
        let wanted = words(query)
        guard !wanted.isEmpty else { return false }
        let have = words(name) + words(unit ?? "") + words(role)
        return wanted.allSatisfy { word in have.contains { $0.hasPrefix(word) } }
    }
}
