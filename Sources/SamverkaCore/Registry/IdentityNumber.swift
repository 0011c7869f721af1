import Foundation

public enum IdentityNumberKind: String, Sendable, Codable, CaseIterable {
    case personnummer
    case samordningsnummer
    case reservnummer

    public var label: String {
        switch self {
        case .personnummer: "Personnummer"
        case .samordningsnummer: "Samordningsnummer"
        case .reservnummer: "Reservnummer"
        }
    }
}

public enum IdentityNumberError: Error, Equatable, Sendable {
    case empty, badFormat, impossibleDate, futureDate, badCheckDigit

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

/// A calendar date without time or zone.
public struct SimpleDate: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Self.daysInMonth(year: year, month: month) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    public init?(iso: String) {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public var iso: String { String(format: "%04d-%02d-%02d", year, month, day) }
    public var description: String { iso }

    public static func isLeapYear(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        case 1...12: 31
        default: 0
        }
    }

    public func age(on date: SimpleDate) -> Int {
        var years = date.year - year
        if (date.month, date.day) < (month, day) { years -= 1 }
        return years
    }

    public static func < (lhs: SimpleDate, rhs: SimpleDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

/// A Swedish personnummer, samordningsnummer (day + 60) or reservnummer, stored as 12 digits.
///
/// Reservnummer have no national standard. Samverka's convention: the month is increased
/// by 20 (21–32), with a real date and a correct check digit, so a reservnummer never
/// collides with a personnummer or samordningsnummer and still fits the 12-digit column.
public struct IdentityNumber: Sendable, Hashable, Codable, CustomStringConvertible {
    public let digits: String
    public let kind: IdentityNumberKind
    public let birthDate: SimpleDate

    public var formatted: String { String(digits.prefix(8)) + "-" + String(digits.suffix(4)) }
    public var description: String { formatted }

    private init(digits: String, kind: IdentityNumberKind, birthDate: SimpleDate) {
        self.digits = digits
        self.kind = kind
        self.birthDate = birthDate
    }

    public init?(storedDigits: String) {
        guard storedDigits.count == 12, storedDigits.allSatisfy(\.isASCIIDigit),
              let century = Int(storedDigits.prefix(2)),
              case .success(let number) = Self.validate(century: century, tenDigits: String(storedDigits.dropFirst(2)))
        else { return nil }
        self = number
    }

    public static func parse(_ text: String, today: SimpleDate) -> Result<IdentityNumber, IdentityNumberError> {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { return .failure(.empty) }
        var body = text
        var separator: Character?
        if let index = text.firstIndex(where: { $0 == "-" || $0 == "+" }) {
            separator = text[index]
            guard text.distance(from: index, to: text.endIndex) == 5 else { return .failure(.badFormat) }
            body.remove(at: body.index(body.startIndex, offsetBy: text.distance(from: text.startIndex, to: index)))
        }
        guard body.allSatisfy(\.isASCIIDigit) else { return .failure(.badFormat) }
        switch body.count {
        case 12:
            guard separator != "+" else { return .failure(.badFormat) }
            let century = Int(body.prefix(2))!
            return check(validate(century: century, tenDigits: String(body.dropFirst(2))), today: today)
        case 10:
            let yy = Int(body.prefix(2))!
            let tail = String(body)
            // Under 100 unless "+": the latest century giving a birth date not after today.
            var century = today.year / 100
            if separator == "+" {
                // 100 or older: the latest century that gives an age of at least 100.
                while century * 100 + yy > today.year - 100 { century -= 1 }
                if case .success(let n) = validate(century: century, tenDigits: tail), n.birthDate.age(on: today) < 100 {
                    century -= 1
                }
            } else {
                if century * 100 + yy > today.year { century -= 1 }
                if case .success(let n) = validate(century: century, tenDigits: tail), n.birthDate > today {
                    century -= 1
                }
            }
            return check(validate(century: century, tenDigits: tail), today: today)
        default:
            return .failure(.badFormat)
        }
    }

    private static func check(_ result: Result<IdentityNumber, IdentityNumberError>, today: SimpleDate) -> Result<IdentityNumber, IdentityNumberError> {
        if case .success(let number) = result, number.birthDate > today { return .failure(.futureDate) }
        return result
    }

    /// Date, then check digit, for YYMMDDNNNC with a known century.
    private static func validate(century: Int, tenDigits: String) -> Result<IdentityNumber, IdentityNumberError> {
        let d = tenDigits.compactMap(\.wholeNumberValue)
        guard d.count == 10 else { return .failure(.badFormat) }
        let year = century * 100 + d[0] * 10 + d[1]
        var month = d[2] * 10 + d[3]
        var day = d[4] * 10 + d[5]
        var kind = IdentityNumberKind.personnummer
        if day > 60 {
            kind = .samordningsnummer
            day -= 60
        } else if month > 20 {
            kind = .reservnummer
            month -= 20
        }
        guard let date = SimpleDate(year: year, month: month, day: day) else { return .failure(.impossibleDate) }
        guard luhnCheckDigit(Array(d.prefix(9))) == d[9] else { return .failure(.badCheckDigit) }
        return .success(IdentityNumber(digits: String(format: "%02d", century) + tenDigits, kind: kind, birthDate: date))
    }

    /// Luhn over YYMMDDNNN with weights 2, 1, 2, 1, …
    public static func luhnCheckDigit(_ nine: [Int]) -> Int {
        var sum = 0
        for (index, digit) in nine.enumerated() {
            let product = digit * (index % 2 == 0 ? 2 : 1)
            sum += product / 10 + product % 10
        }
        return (10 - sum % 10) % 10
    }

    /// Builds a valid number (demo data, tests): `serial` is the three-digit birth number.
    public static func make(birthDate: SimpleDate, serial: Int, kind: IdentityNumberKind = .personnummer) -> IdentityNumber {
        let month = birthDate.month + (kind == .reservnummer ? 20 : 0)
        let day = birthDate.day + (kind == .samordningsnummer ? 60 : 0)
        let nine = String(format: "%02d%02d%02d%03d", birthDate.year % 100, month, day, serial)
        let check = luhnCheckDigit(nine.compactMap(\.wholeNumberValue))
        return IdentityNumber(storedDigits: String(format: "%02d", birthDate.year / 100) + nine + String(check))!
    }
}
