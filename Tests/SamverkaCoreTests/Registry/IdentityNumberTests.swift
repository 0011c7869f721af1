import Foundation
import Testing
@testable import SamverkaCore

// Every number here is synthetic: birth numbers 980–999 (or clearly made-up dates), check digits
// computed independently with a small Python Luhn calculator over YYMMDDNNN, weights 2,1,2,1,…
// (it reproduces the published examples 811218-9876 and 121212-1212).

private func date(_ iso: String) -> SimpleDate { SimpleDate(iso: iso)! }

/// The reference date for most tables.
private let reference = date("2026-11-23")

@Suite("Identity numbers")
struct IdentityNumberTests {
    enum Expected: Sendable {
        /// 12 stored digits, kind, real birth date.
        case number(String, IdentityNumberKind, String)
        case error(IdentityNumberError)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let input: String
        let today: SimpleDate
        let expected: Expected
        let note: String

        init(_ input: String, _ expected: Expected, today: SimpleDate = reference, _ note: String = "") {
            self.input = input
            self.expected = expected
            self.today = today
            self.note = note
        }

        var testDescription: String {
            "\(input.debugDescription) on \(today.iso)" + (note.isEmpty ? "" : " (\(note))")
        }
    }

    static func check(_ c: Case) {
        let result = IdentityNumber.parse(c.input, today: c.today)
        switch (result, c.expected) {
        case (.success(let number), .number(let digits, let kind, let birth)):
            #expect(number.digits == digits)
            #expect(number.kind == kind)
            #expect(number.birthDate.iso == birth)
            #expect(number.formatted == String(digits.prefix(8)) + "-" + String(digits.suffix(4)))
            #expect(number.description == number.formatted)
            // What was parsed survives storage, and the stored form parses back to the same.
            #expect(IdentityNumber(storedDigits: number.digits) == number)
            #expect(IdentityNumber.parse(number.formatted, today: c.today) == .success(number))
        case (.failure(let error), .error(let expected)):
            #expect(error == expected)
        default:
            Issue.record("\(c.input.debugDescription) on \(c.today.iso): got \(result), expected \(c.expected)")
        }
    }

    // MARK: - Accepted forms

    static let acceptedFormsCases: [Case] = [
        Case("20150312-9825", .number("201503129825", .personnummer, "2015-03-12"), "YYYYMMDD-NNNN"),
        Case("201503129825", .number("201503129825", .personnummer, "2015-03-12"), "YYYYMMDDNNNN"),
        Case("150312-9825", .number("201503129825", .personnummer, "2015-03-12"), "YYMMDD-NNNN"),
        Case("1503129825", .number("201503129825", .personnummer, "2015-03-12"), "YYMMDDNNNN"),
        Case("150312+9825", .number("191503129825", .personnummer, "1915-03-12"), "YYMMDD+NNNN"),
        Case("  20150312-9825 ", .number("201503129825", .personnummer, "2015-03-12"), "spaces around"),
        Case("\t150312-9825\n", .number("201503129825", .personnummer, "2015-03-12"), "tab and newline around"),
        Case("\u{00A0}1503129825\u{00A0}", .number("201503129825", .personnummer, "2015-03-12"), "no-break spaces around"),
        Case("811201-9909", .number("198112019909", .personnummer, "1981-12-01")),
        Case("19811201-9909", .number("198112019909", .personnummer, "1981-12-01")),
        Case("20150312-0006", .number("201503120006", .personnummer, "2015-03-12"), "birth number 000"),
    ]

    @Test(arguments: acceptedFormsCases) func acceptedForm(_ c: Case) { Self.check(c) }

    // MARK: - Samordningsnummer (day + 60)

    static let samordningsnummerCases: [Case] = [
        Case("20150372-9822", .number("201503729822", .samordningsnummer, "2015-03-12")),
        Case("150372-9822", .number("201503729822", .samordningsnummer, "2015-03-12")),
        Case("1503729822", .number("201503729822", .samordningsnummer, "2015-03-12")),
        Case("150372+9822", .number("191503729822", .samordningsnummer, "1915-03-12")),
        Case("20150361-9817", .number("201503619817", .samordningsnummer, "2015-03-01"), "day 61 = 1st"),
        Case("20150191-9821", .number("201501919821", .samordningsnummer, "2015-01-31"), "day 91 = 31st"),
        Case("20240289-9823", .number("202402899823", .samordningsnummer, "2024-02-29"), "29 Feb, leap year"),
        Case("20150392-9828", .error(.impossibleDate), "day 92 = 32 March"),
        Case("20150289-9824", .error(.impossibleDate), "29 Feb 2015"),
        Case("20150360-9826", .error(.impossibleDate), "day 60 is neither"),
        Case("20151372-9822", .error(.impossibleDate), "month 13"),
        Case("20150372-9823", .error(.badCheckDigit)),
        Case("150372-9829", .error(.badCheckDigit)),
    ]

    @Test(arguments: samordningsnummerCases) func samordningsnummer(_ c: Case) { Self.check(c) }

    // MARK: - Reservnummer (Samverka's convention: month + 20)

    static let reservnummerCases: [Case] = [
        Case("20152312-9821", .number("201523129821", .reservnummer, "2015-03-12")),
        Case("152312-9821", .number("201523129821", .reservnummer, "2015-03-12")),
        Case("1523129821", .number("201523129821", .reservnummer, "2015-03-12")),
        Case("20152129-9824", .number("201521299824", .reservnummer, "2015-01-29"), "month 21 = January"),
        Case("20153312-9829", .error(.impossibleDate), "month 33 = 13"),
        Case("20152012-9824", .error(.impossibleDate), "month 20 is neither"),
        Case("20152229-9823", .error(.impossibleDate), "29 Feb 2015"),
        Case("20152332-9827", .error(.impossibleDate), "32 March"),
        Case("20152372-9828", .error(.impossibleDate), "month + 20 and day + 60 together"),
        Case("20152312-9822", .error(.badCheckDigit)),
    ]

    @Test(arguments: reservnummerCases) func reservnummer(_ c: Case) { Self.check(c) }

    // MARK: - Check digit

    static let wrongCheckDigitsCases: [Case] =
        (0...9).filter { $0 != 5 }.map { Case("20150312-982\($0)", .error(.badCheckDigit)) }
        + (0...9).filter { $0 != 5 }.map { Case("150312-982\($0)", .error(.badCheckDigit)) }
        + [
            Case("20150321-9825", .error(.badCheckDigit), "day digits swapped"),
            Case("20150312-9285", .error(.badCheckDigit), "birth number digits swapped"),
            Case("19150312-9825", .number("191503129825", .personnummer, "1915-03-12"), "century is not in the check digit"),
        ]

    @Test(arguments: wrongCheckDigitsCases) func checkDigit(_ c: Case) { Self.check(c) }

    /// Luhn catches every single-digit error in the birth number and check digit.
    @Test(arguments: 8..<12) func everySingleDigitErrorIsCaught(position: Int) {
        let valid = Array("201503129825")
        for replacement in "0123456789" where replacement != valid[position] {
            var typo = valid
            typo[position] = replacement
            #expect(IdentityNumber.parse(String(typo), today: reference) == .failure(.badCheckDigit), "\(String(typo))")
        }
    }

    static let luhnFixtures: [(nine: String, check: Int)] = [
        ("150312982", 5), ("150372982", 2), ("152312982", 1), ("000229980", 8), ("261123983", 7),
        ("991231988", 7), ("000101989", 2), ("811201990", 9), ("999999999", 9), ("000000000", 0),
        ("123456789", 7), ("150312000", 6),
    ]

    @Test(arguments: luhnFixtures) func luhnCheckDigit(nine: String, check: Int) {
        #expect(IdentityNumber.luhnCheckDigit(nine.compactMap(\.wholeNumberValue)) == check)
    }

    // MARK: - Impossible dates

    static let impossibleDatesCases: [Case] = [
        Case("20151312-9823", .error(.impossibleDate), "month 13"),
        Case("20150012-9828", .error(.impossibleDate), "month 00"),
        Case("20150332-9821", .error(.impossibleDate), "day 32"),
        Case("20150300-9829", .error(.impossibleDate), "day 00"),
        Case("20150431-9821", .error(.impossibleDate), "31 April"),
        Case("20150230-9824", .error(.impossibleDate), "30 Feb"),
        Case("20150229-9827", .error(.impossibleDate), "29 Feb 2015, not leap"),
        Case("150229-9827", .error(.impossibleDate), "29 Feb 2015, two-digit year"),
        Case("20240229-9842", .number("202402299842", .personnummer, "2024-02-29"), "29 Feb 2024, leap"),
        Case("20000229-9808", .number("200002299808", .personnummer, "2000-02-29"), "29 Feb 2000, leap (by 400)"),
        Case("000229-9808", .number("200002299808", .personnummer, "2000-02-29"), "29 Feb 2000, two-digit year"),
        Case("000229+9808", .error(.impossibleDate), "29 Feb 1900 with +, not leap (by 100)"),
        Case("19000229-9808", .error(.impossibleDate), "29 Feb 1900"),
        Case("20151312-9824", .error(.impossibleDate), "date is checked before the check digit"),
        Case("00000101-9892", .error(.impossibleDate), "year 0"),
    ]

    @Test(arguments: impossibleDatesCases) func impossibleDate(_ c: Case) { Self.check(c) }

    // MARK: - The + form: 100 years or older

    static let plusFormCases: [Case] = [
        Case("150312+9825", .number("191503129825", .personnummer, "1915-03-12")),
        Case("261123+9837", .number("192611239837", .personnummer, "1926-11-23"), "100 today"),
        Case("261122+9853", .number("192611229853", .personnummer, "1926-11-22"), "100 yesterday"),
        Case("261124+9844", .number("182611249844", .personnummer, "1826-11-24"), "1926 would be 99: a century earlier"),
        Case("270101+9867", .number("182701019867", .personnummer, "1827-01-01")),
        Case("991231+9887", .number("189912319887", .personnummer, "1899-12-31")),
        Case("000101+9892", .number("190001019892", .personnummer, "1900-01-01"), today: date("2000-01-01"), "exactly 100"),
        Case("001231+9877", .number("180012319877", .personnummer, "1800-12-31"), today: date("2000-01-01")),
        Case("240229+9842", .number("192402299842", .personnummer, "1924-02-29"), today: date("2024-02-29"), "100 on a leap day"),
        Case("261184+9858", .number("182611849858", .samordningsnummer, "1826-11-24"), "samordningsnummer uses the real day"),
        Case("20150312+9825", .error(.badFormat), "+ with a four-digit year"),
        Case("201503129825+", .error(.badFormat)),
    ]

    @Test(arguments: plusFormCases) func plusForm(_ c: Case) { Self.check(c) }

    // MARK: - Two-digit years: under 100, born on or before today

    static let centuriesCases: [Case] = [
        Case("261123-9837", .number("202611239837", .personnummer, "2026-11-23"), "born today"),
        Case("2611239837", .number("202611239837", .personnummer, "2026-11-23"), "born today, no separator"),
        Case("261122-9853", .number("202611229853", .personnummer, "2026-11-22"), "born yesterday"),
        Case("261124-9844", .number("192611249844", .personnummer, "1926-11-24"), "tomorrow in 2026: 99 years old"),
        Case("2611249844", .number("192611249844", .personnummer, "1926-11-24"), "same, no separator"),
        Case("270101-9867", .number("192701019867", .personnummer, "1927-01-01")),
        Case("001231-9877", .number("200012319877", .personnummer, "2000-12-31")),
        Case("991231-9887", .number("199912319887", .personnummer, "1999-12-31")),
        Case("261183-9826", .number("202611839826", .samordningsnummer, "2026-11-23"), "samordningsnummer, today"),
        Case("261184-9858", .number("192611849858", .samordningsnummer, "1926-11-24"), "samordningsnummer, tomorrow"),
        Case("263123-9825", .number("202631239825", .reservnummer, "2026-11-23"), "reservnummer, today"),
        Case("263124-9824", .number("192631249824", .reservnummer, "1926-11-24"), "reservnummer, tomorrow"),
        Case("000101-9892", .number("200001019892", .personnummer, "2000-01-01"), today: date("2000-01-01"), "born today"),
        Case("991231-9887", .number("199912319887", .personnummer, "1999-12-31"), today: date("2000-01-01")),
        Case("001231-9877", .number("190012319877", .personnummer, "1900-12-31"), today: date("2000-01-01")),
        Case("000229-9808", .error(.impossibleDate), today: date("2000-01-01"), "2000-02-29 is ahead, 1900-02-29 does not exist"),
        Case("991231-9887", .number("209912319887", .personnummer, "2099-12-31"), today: date("2099-12-31")),
        Case("000101-9892", .number("200001019892", .personnummer, "2000-01-01"), today: date("2099-12-31")),
        Case("000101-9892", .number("210001019892", .personnummer, "2100-01-01"), today: date("2100-01-01")),
        Case("240229-9842", .number("202402299842", .personnummer, "2024-02-29"), today: date("2024-02-29"), "born on leap day today"),
        Case("240229-9842", .number("192402299842", .personnummer, "1924-02-29"), today: date("2024-02-28")),
    ]

    @Test(arguments: centuriesCases) func twoDigitYearCentury(_ c: Case) { Self.check(c) }

    // MARK: - Future dates (only a four-digit year can be in the future)

    static let futureDatesCases: [Case] = [
        Case("20261123-9837", .number("202611239837", .personnummer, "2026-11-23"), "today is not the future"),
        Case("20261124-9844", .error(.futureDate), "tomorrow"),
        Case("202611249844", .error(.futureDate), "tomorrow, no separator"),
        Case("20270101-9867", .error(.futureDate)),
        Case("30000101-9892", .error(.futureDate), "year 3000"),
        Case("20261184-9858", .error(.futureDate), "samordningsnummer"),
        Case("20263124-9824", .error(.futureDate), "reservnummer"),
        Case("20261124-9845", .error(.futureDate), "future is checked before the check digit"),
        Case("20270229-9815", .error(.impossibleDate), "date is checked before the future"),
    ]

    @Test(arguments: futureDatesCases) func futureDate(_ c: Case) { Self.check(c) }

    // MARK: - Garbage

    static let garbageCases: [Case] = [
        Case("", .error(.empty)),
        Case("   ", .error(.empty)),
        Case("\t\n", .error(.empty)),
        Case("abcdefgh-ijkl", .error(.badFormat), "letters"),
        Case("2015O312-9825", .error(.badFormat), "letter O for zero"),
        Case("20150312-982X", .error(.badFormat)),
        Case("ÅÅÅÅMMDD-NNNN", .error(.badFormat), "the placeholder"),
        Case("1", .error(.badFormat), "too short"),
        Case("15031298", .error(.badFormat), "too short"),
        Case("2015031-9825", .error(.badFormat), "too short"),
        Case("150312-982", .error(.badFormat), "too short"),
        Case("20150312982", .error(.badFormat), "11 digits"),
        Case("2015031298250", .error(.badFormat), "13 digits"),
        Case("20150312-98250", .error(.badFormat), "too long"),
        Case("150312-98250", .error(.badFormat), "too long"),
        Case("201503129825123", .error(.badFormat), "too long"),
        Case("20150312 9825", .error(.badFormat), "space inside"),
        Case("150312 9825", .error(.badFormat), "space inside"),
        Case("2015 0312-9825", .error(.badFormat), "space inside"),
        Case("150312- 9825", .error(.badFormat), "space inside"),
        Case("20150312\u{00A0}9825", .error(.badFormat), "no-break space inside"),
        Case("2015-0312-9825", .error(.badFormat), "two separators"),
        Case("150312--9825", .error(.badFormat), "two separators"),
        Case("15-0312-9825", .error(.badFormat), "two separators"),
        Case("150312-+9825", .error(.badFormat), "two separators"),
        Case("1503-129825", .error(.badFormat), "separator in the wrong place"),
        Case("201503-129825", .error(.badFormat), "separator in the wrong place"),
        Case("-1503129825", .error(.badFormat), "leading separator"),
        Case("1503129825-", .error(.badFormat), "trailing separator"),
        Case("20150312–9825", .error(.badFormat), "en dash"),
        Case("20150312/9825", .error(.badFormat), "slash"),
        Case("２０１５０３１２-９８２５", .error(.badFormat), "full-width digits"),
        Case("١٥٠٣١٢-٩٨٢٥", .error(.badFormat), "Arabic-Indic digits"),
    ]

    @Test(arguments: garbageCases) func garbage(_ c: Case) { Self.check(c) }

    // MARK: - Storage

    static let storedValid: [(digits: String, kind: IdentityNumberKind, birth: String)] = [
        ("201503129825", .personnummer, "2015-03-12"),
        ("191503129825", .personnummer, "1915-03-12"),
        ("201503729822", .samordningsnummer, "2015-03-12"),
        ("201523129821", .reservnummer, "2015-03-12"),
        ("200002299808", .personnummer, "2000-02-29"),
        ("182611249844", .personnummer, "1826-11-24"),
        ("202611249844", .personnummer, "2026-11-24"),   // no reference date here, so no future check
    ]

    @Test(arguments: storedValid) func storageRoundTrip(digits: String, kind: IdentityNumberKind, birth: String) throws {
        let number = try #require(IdentityNumber(storedDigits: digits))
        #expect(number.digits == digits)
        #expect(number.kind == kind)
        #expect(number.birthDate.iso == birth)
        #expect(number.formatted == String(digits.prefix(8)) + "-" + String(digits.suffix(4)))
        #expect(IdentityNumber(storedDigits: number.digits) == number)
        let data = try JSONEncoder().encode(number)
        #expect(String(decoding: data, as: UTF8.self) == "\"\(digits)\"")
        #expect(try JSONDecoder().decode(IdentityNumber.self, from: data) == number)
    }

    static let storedInvalid: [String] = [
        "", "20150312982", "2015031298250", "20150312-9825", "1503129825", "201503129826",
        "201513129823", "190002299808", "000001019892", "2015031298a5", " 201503129825",
        "２０１５０３１２９８２５", "201523729828",
    ]

    @Test(arguments: storedInvalid) func storedDigitsRejected(_ digits: String) {
        #expect(IdentityNumber(storedDigits: digits) == nil)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(IdentityNumber.self, from: Data(("\"" + digits + "\"").utf8))
        }
    }

    @Test func everyFormIsTheSameNumber() throws {
        let forms = ["20150312-9825", "201503129825", "150312-9825", "1503129825", " 150312-9825 "]
        let numbers = try forms.map { try IdentityNumber.parse($0, today: reference).get() }
        #expect(Set(numbers).count == 1)
        #expect(numbers.allSatisfy { $0.formatted == "20150312-9825" && $0.description == "20150312-9825" })
        #expect(try IdentityNumber.parse("150312+9825", today: reference).get().formatted == "19150312-9825")
    }

    // MARK: - make (demo data)

    @Test(arguments: [
        (IdentityNumberKind.personnummer, "20150312-9825"),
        (.samordningsnummer, "20150372-9822"),
        (.reservnummer, "20152312-9821"),
    ]) func make(kind: IdentityNumberKind, formatted: String) throws {
        let number = IdentityNumber.make(birthDate: date("2015-03-12"), serial: 982, kind: kind)
        #expect(number.formatted == formatted)
        #expect(number.kind == kind)
        #expect(number.birthDate == date("2015-03-12"))
        #expect(try IdentityNumber.parse(formatted, today: reference).get() == number)
    }

    /// Every day of a leap year, every kind, several birth numbers: make and parse agree.
    @Test(arguments: IdentityNumberKind.allCases) func makeAndParseAgreeAllYear(kind: IdentityNumberKind) throws {
        for month in 1...12 {
            for day in 1...SimpleDate.daysInMonth(year: 2024, month: month) {
                let birth = try #require(SimpleDate(year: 2024, month: month, day: day))
                for serial in [0, 980, 999] {
                    let number = IdentityNumber.make(birthDate: birth, serial: serial, kind: kind)
                    let parsed = IdentityNumber.parse(number.formatted, today: reference)
                    #expect(parsed == .success(number))
                    #expect(number.kind == kind && number.birthDate == birth)
                    let short = String(number.digits.dropFirst(2).prefix(6)) + "-" + String(number.digits.suffix(4))
                    #expect(IdentityNumber.parse(short, today: reference) == .success(number), "\(short)")
                }
            }
        }
    }

    // MARK: - Messages

    @Test(arguments: [
        (IdentityNumberError.empty, "Ange ett personnummer, samordningsnummer eller reservnummer."),
        (.badFormat, "Ange personnummer som ÅÅÅÅMMDD-NNNN eller ÅÅMMDD-NNNN."),
        (.impossibleDate, "Datumet i numret finns inte."),
        (.futureDate, "Födelsedatumet ligger i framtiden."),
        (.badCheckDigit, "Kontrollsiffran stämmer inte. Kontrollera numret."),
    ]) func message(error: IdentityNumberError, text: String) {
        #expect(error.message == text)
    }
}

@Suite("Simple dates")
struct SimpleDateTests {
    @Test(arguments: [
        (1600, true), (1900, false), (2000, true), (2023, false), (2024, true), (2100, false), (2400, true), (1996, true),
    ]) func leapYear(year: Int, leap: Bool) {
        #expect(SimpleDate.isLeapYear(year) == leap)
        #expect(SimpleDate.daysInMonth(year: year, month: 2) == (leap ? 29 : 28))
        #expect((SimpleDate(year: year, month: 2, day: 29) != nil) == leap)
    }

    @Test(arguments: zip(1...12, [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]))
    func daysInMonth(month: Int, days: Int) {
        #expect(SimpleDate.daysInMonth(year: 2023, month: month) == days)
        #expect(SimpleDate(year: 2023, month: month, day: days) != nil)
        #expect(SimpleDate(year: 2023, month: month, day: days + 1) == nil)
    }

    @Test func daysInMonthOutOfRange() {
        #expect(SimpleDate.daysInMonth(year: 2023, month: 0) == 0)
        #expect(SimpleDate.daysInMonth(year: 2023, month: 13) == 0)
    }

    @Test(arguments: [
        (2023, 0, 1), (2023, 13, 1), (2023, 1, 0), (2023, 1, 32), (2023, 4, 31), (2023, 2, 29),
        (1900, 2, 29), (0, 1, 1), (-1, 1, 1), (10000, 1, 1),
    ]) func impossibleDate(year: Int, month: Int, day: Int) {
        #expect(SimpleDate(year: year, month: month, day: day) == nil)
    }

    @Test(arguments: [
        ("2026-11-23", "2026-11-23"), ("2000-02-29", "2000-02-29"), ("0999-01-01", "0999-01-01"),
        ("2026-1-23", nil), ("2026-+1-23", nil), ("-001-01-01", nil), ("2026-02-30", nil), ("20261123", nil),
        (" 2026-11-23", nil), ("2026/11/23", nil), ("2026-11-23T00:00", nil), ("", nil), ("２０２６-１１-２３", nil),
    ] as [(String, String?)]) func iso(text: String, expected: String?) {
        #expect(SimpleDate(iso: text)?.iso == expected)
        #expect(SimpleDate(iso: text)?.description == expected)
    }

    @Test(arguments: [
        ("2015-03-12", "2026-03-11", 10), ("2015-03-12", "2026-03-12", 11), ("2015-03-12", "2015-03-12", 0),
        ("2000-12-31", "2001-01-01", 0), ("1926-11-23", "2026-11-23", 100), ("1926-11-24", "2026-11-23", 99),
        ("2008-02-29", "2026-02-28", 17), ("2008-02-29", "2026-03-01", 18), ("2008-02-29", "2028-02-29", 20),
        ("2015-03-12", "2015-03-11", -1),
    ]) func age(birth: String, on: String, years: Int) {
        #expect(date(birth).age(on: date(on)) == years)
    }

    @Test func ordering() {
        let dates = ["2026-11-23", "1999-12-31", "2026-01-31", "2026-11-22", "2000-02-29"].map(date)
        #expect(dates.sorted().map(\.iso) == ["1999-12-31", "2000-02-29", "2026-01-31", "2026-11-22", "2026-11-23"])
        #expect(date("2026-11-23") == SimpleDate(year: 2026, month: 11, day: 23))
    }

    @Test func codable() throws {
        let data = try JSONEncoder().encode(date("2026-11-23"))
        #expect(String(decoding: data, as: UTF8.self) == "\"2026-11-23\"")
        #expect(try JSONDecoder().decode(SimpleDate.self, from: data) == date("2026-11-23"))
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(SimpleDate.self, from: Data("\"2026-02-30\"".utf8)) }
    }
}
