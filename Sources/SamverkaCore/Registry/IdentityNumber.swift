import Foundation

/// Which kind of Swedish identity number a value is.
public enum IdentityNumberKind: String, Sendable, Codable, CaseIterable {
    /// Folkbokförd person: real month (1–12) and real day.
    case personnummer
    /// Skatteverket's samordningsnummer: the day is increased by 60 (61–91).
    case samordningsnummer
    /// Local reserve number; see `IdentityNumber` for this project's convention.
    case reservnummer

    public var label: String {
        switch self {
        case .personnummer: "Personnummer"
        case .samordningsnummer: "Samordningsnummer"
        case .reservnummer: "Reservnummer"
        }
    }
}

/// Why typed text is not an identity number. Checked in this order:
/// empty → format → date → future → check digit.
public enum IdentityNumberError: Error, Equatable, Sendable {
    case empty, badFormat, impossibleDate, futureDate, badCheckDigit

    /// Swedish message shown next to the form field.
    public var message: String {
        switch self {
        case .empty: "Ange ett personnummer, samordningsnummer eller reservnummer."
        case .badFormat: "Ange personnummer som ÅÅÅÅMMDD-NNNN eller ÅÅMMDD-NNNN."
        case .impossibleDate: "Datumet i numret finns inte."
        case .futureDate: "Födelsedatumet ligger i framtiden."
        case .badCheckDigit: "Kontrollsiffran stämmer inte. Kontrollera numret."
        }
    }
}

/// A calendar date without time or zone (proleptic Gregorian, years 1–9999).
///
/// Encodes as its ISO string "YYYY-MM-DD"; decoding rejects dates that do not exist.
public struct SimpleDate: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// nil if the date does not exist (month 1–12, day within the month, 29 February only in leap years)
    /// or the year is outside 1–9999 (so that `iso` is always "YYYY-MM-DD").
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= Self.daysInMonth(year: year, month: month) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Exactly "YYYY-MM-DD" with ASCII digits; nil otherwise or if the date does not exist.
    public init?(iso: String) {
        let chars = Array(iso)
        guard chars.count == 10, chars[4] == "-", chars[7] == "-",
              let y = Digits.decimal(chars[0..<4]), let m = Digits.decimal(chars[5..<7]), let d = Digits.decimal(chars[8..<10])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public var iso: String { Digits.zeroPadded(year, 4) + "-" + Digits.zeroPadded(month, 2) + "-" + Digits.zeroPadded(day, 2) }
    public var description: String { iso }

    /// Gregorian: divisible by 4, except centuries, except those divisible by 400.
    public static func isLeapYear(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    /// 28–31 for months 1–12; 0 for any other month.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        case 1...12: 31
        default: 0
        }
    }

    /// Full years on `date` (negative if `date` is before this one). Someone born on 29 February
    /// has a birthday on 1 March in years that are not leap years.
    public func age(on date: SimpleDate) -> Int {
        var years = date.year - year
        if (date.month, date.day) < (month, day) { years -= 1 }
        return years
    }

    public static func < (lhs: SimpleDate, rhs: SimpleDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = SimpleDate(iso: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "Not a date (YYYY-MM-DD): \(text)")
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}

/// A Swedish personnummer, samordningsnummer or reservnummer, always held as 12 digits
/// YYYYMMDDNNNC (full year, month, day, three-digit birth number, check digit).
///
/// - Personnummer: real month 1–12 and real day.
/// - Samordningsnummer: the day is increased by 60 (61–91), as Skatteverket issues them.
/// - Reservnummer: there is no national standard; each region or authority has its own.
///   Samverka's convention: the month is increased by 20 (21–32), the date underneath must
///   exist and the check digit is computed as for a personnummer. A reservnummer therefore
///   never collides with a personnummer (month 1–12) or a samordningsnummer (day 61–91,
///   month 1–12), and it still fits the 12-digit column.
///
/// The check digit is Luhn over the ten-digit form's first nine digits YYMMDDNNN, with the
/// offsets (+60, +20) included as written. Equality and hashing are on `digits`; `kind` and
/// `birthDate` follow from them. Encodes as the 12-digit string.
public struct IdentityNumber: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Always 12 ASCII digits, YYYYMMDDNNNC, offsets included.
    public let digits: String
    public let kind: IdentityNumberKind
    private let realBirthDate: SimpleDate

    /// The real date of birth (day − 60 or month − 20 undone).
    public var birthDate: SimpleDate { realBirthDate }
    /// "YYYYMMDD-NNNC".
    public var formatted: String { String(digits.prefix(8)) + "-" + String(digits.suffix(4)) }
    public var description: String { formatted }

    private init(digits: String, kind: IdentityNumberKind, birthDate: SimpleDate) {
        self.digits = digits
        self.kind = kind
        self.realBirthDate = birthDate
    }

    /// Rebuilds from 12 stored digits (already validated when they were stored); nil if they
    /// are not a valid number. No future-date check: there is no reference date here.
    /// Works on the UTF-8 bytes: every row of every list decodes one, and going through
    /// Characters showed in profiles. The checks are those of `validate`.
    public init?(storedDigits: String) {
        var d = [Int](repeating: 0, count: 12)
        var count = 0
        for byte in storedDigits.utf8 {
            guard count < 12, byte >= 0x30, byte <= 0x39 else { return nil }
            d[count] = Int(byte - 0x30)
            count += 1
        }
        guard count == 12 else { return nil }
        let year = d[0] * 1000 + d[1] * 100 + d[2] * 10 + d[3]
        let storedMonth = d[4] * 10 + d[5], storedDay = d[6] * 10 + d[7]
        let kind = Self.kind(month: storedMonth, day: storedDay)
        let month = kind == .reservnummer ? storedMonth - 20 : storedMonth
        let day = kind == .samordningsnummer ? storedDay - 60 : storedDay
        guard let birthDate = SimpleDate(year: year, month: month, day: day),
              Self.luhnCheckDigit(Array(d[2..<11])) == d[11] else { return nil }
        self.init(digits: storedDigits, kind: kind, birthDate: birthDate)
    }

    /// Parses what a person types. `today` is the reference date for the century of a two-digit
    /// year and for the future-date check (domain code never reads the clock).
    ///
    /// Accepted, after trimming surrounding whitespace: YYYYMMDD-NNNN, YYYYMMDDNNNN, YYMMDD-NNNN,
    /// YYMMDDNNNN and YYMMDD+NNNN. "+" (100 years or older) exists only with a two-digit year.
    public static func parse(_ text: String, today: SimpleDate) -> Result<IdentityNumber, IdentityNumberError> {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return .failure(.empty) }
        let chars = Array(trimmed)
        let separatorIndex: Int?
        switch chars.count {
        case 13: separatorIndex = 8     // YYYYMMDD-NNNN
        case 11: separatorIndex = 6     // YYMMDD-NNNN, YYMMDD+NNNN
        case 12, 10: separatorIndex = nil
        default: return .failure(.badFormat)
        }
        var separator: Character?
        var body: [Character] = []
        for (index, char) in chars.enumerated() {
            if index == separatorIndex {
                separator = char
            } else if Digits.isDigit(char) {
                body.append(char)
            } else {
                return .failure(.badFormat)
            }
        }
        switch (body.count, separator) {
        case (12, nil), (12, "-"?):
            return validate(year: Digits.decimal(body[0..<4])!, eight: body[4..<12], today: today)
        case (10, nil), (10, "-"?), (10, "+"?):
            let yy = Digits.decimal(body[0..<2])!
            let (month, day) = realMonthAndDay(body[2..<6])
            // Without "+" the person is under 100: the latest year ending in yy whose date is
            // not after today. With "+" the person is 100 or older: the latest such year whose
            // date is not after today minus 100 years. Compared as (year, month, day), so an
            // impossible date still gets a century and fails as impossibleDate afterwards.
            let reference = (year: separator == "+" ? today.year - 100 : today.year, month: today.month, day: today.day)
            var year = reference.year - Digits.mod(reference.year - yy, 100)
            if (year, month, day) > reference { year -= 100 }
            return validate(year: year, eight: body[2..<10], today: today)
        default:
            return .failure(.badFormat)     // "+" with a four-digit year, or a stray character as separator
        }
    }

    /// The Luhn check digit of YYMMDDNNN: weights 2, 1, 2, 1, …, digit sums of the products.
    public static func luhnCheckDigit(_ nine: [Int]) -> Int {
        var sum = 0
        for (index, digit) in nine.enumerated() {
            let product = digit * (index % 2 == 0 ? 2 : 1)
            sum += product / 10 + product % 10
        }
        return (10 - sum % 10) % 10
    }

    /// Builds a valid number (demo data, tests): `serial` is the three-digit birth number 0–999.
    public static func make(birthDate: SimpleDate, serial: Int, kind: IdentityNumberKind = .personnummer) -> IdentityNumber {
        precondition((0...999).contains(serial), "serial must be 0–999")
        let month = birthDate.month + (kind == .reservnummer ? 20 : 0)
        let day = birthDate.day + (kind == .samordningsnummer ? 60 : 0)
        let nine = Digits.zeroPadded(birthDate.year % 100, 2) + Digits.zeroPadded(month, 2) + Digits.zeroPadded(day, 2) + Digits.zeroPadded(serial, 3)
        let check = luhnCheckDigit(nine.compactMap(\.wholeNumberValue))
        return IdentityNumber(storedDigits: Digits.zeroPadded(birthDate.year / 100, 2) + nine + String(check))!
    }

    public static func == (lhs: IdentityNumber, rhs: IdentityNumber) -> Bool { lhs.digits == rhs.digits }
    public func hash(into hasher: inout Hasher) { hasher.combine(digits) }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let number = IdentityNumber(storedDigits: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "Not a valid 12-digit identity number")
        }
        self = number
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(digits)
    }

    // MARK: - Private

    /// Real month and day from MMDD as written, with the kind's offset undone
    /// (not yet checked: a date that does not exist comes out as one).
    private static func realMonthAndDay(_ mmdd: ArraySlice<Character>) -> (month: Int, day: Int) {
        let month = Digits.decimal(mmdd.prefix(2))!, day = Digits.decimal(mmdd.suffix(2))!
        switch kind(month: month, day: day) {
        case .samordningsnummer: return (month, day - 60)
        case .reservnummer: return (month - 20, day)
        case .personnummer: return (month, day)
        }
    }

    private static func kind(month: Int, day: Int) -> IdentityNumberKind {
        if day > 60 { return .samordningsnummer }
        if month > 20 { return .reservnummer }
        return .personnummer
    }

    /// Date, then future (when `today` is given), then check digit, for a full year and MMDDNNNC.
    private static func validate(year: Int, eight: ArraySlice<Character>, today: SimpleDate?) -> Result<IdentityNumber, IdentityNumberError> {
        guard eight.count == 8, eight.allSatisfy(Digits.isDigit) else { return .failure(.badFormat) }
        let kind = Self.kind(month: Digits.decimal(eight.prefix(2))!, day: Digits.decimal(eight.dropFirst(2).prefix(2))!)
        let (month, day) = realMonthAndDay(eight.prefix(4))
        // A samordningsnummer keeps its real month (1–12), so month + 20 with day + 60 is impossible too.
        guard let birthDate = SimpleDate(year: year, month: month, day: day) else { return .failure(.impossibleDate) }
        if let today, birthDate > today { return .failure(.futureDate) }
        let nine = [year / 10 % 10, year % 10] + eight.prefix(7).map { Digits.value($0)! }
        guard luhnCheckDigit(nine) == Digits.value(eight.last!)! else { return .failure(.badCheckDigit) }
        return .success(IdentityNumber(digits: Digits.zeroPadded(year, 4) + String(eight), kind: kind, birthDate: birthDate))
    }
}

// MARK: - File helpers (ASCII only: "٣" or "３" is not a digit here)

private enum Digits {
    // By ASCII value: Unicode property lookups made decoding stored numbers a visible cost.
    static func isDigit(_ char: Character) -> Bool { value(char) != nil }

    static func value(_ char: Character) -> Int? {
        guard let ascii = char.asciiValue, ascii >= 48, ascii <= 57 else { return nil }
        return Int(ascii - 48)
    }

    /// The value of a run of ASCII digits; nil if empty or anything else is in it (no sign, no spaces).
    static func decimal<C: Collection>(_ chars: C) -> Int? where C.Element == Character {
        guard !chars.isEmpty, chars.count <= 18 else { return nil }
        var value = 0
        for char in chars {
            guard let digit = Self.value(char) else { return nil }
            value = value * 10 + digit
        }
        return value
    }

    /// Non-negative `value` in decimal, left-padded with zeros to `width`.
    static func zeroPadded(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    /// Mathematical modulo (never negative for positive `divisor`).
    static func mod(_ value: Int, _ divisor: Int) -> Int { ((value % divisor) + divisor) % divisor }
}
