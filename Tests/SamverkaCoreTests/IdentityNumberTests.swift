import Testing
@testable import SamverkaCore

@Suite("Identity numbers")
struct IdentityNumberTests {
    static let today = SimpleDate(year: 2026, month: 11, day: 23)!

    struct Case: CustomTestStringConvertible, Sendable {
        let input: String
        let expected: Result<(String, IdentityNumberKind), IdentityNumberError>
        var testDescription: String { "\"\(input)\"" }
    }

    // Check digits computed by Luhn over YYMMDDNNN (weights 2,1,2,1…).
    static let cases: [Case] = [
        // Every accepted form of the same personnummer 2015-03-12, birth number 982.
        .init(input: "20150312-9825", expected: .success(("201503129825", .personnummer))),
        .init(input: "201503129825", expected: .success(("201503129825", .personnummer))),
        .init(input: "150312-9825", expected: .success(("201503129825", .personnummer))),
        .init(input: "1503129825", expected: .success(("201503129825", .personnummer))),
        .init(input: "  20150312-9825 ", expected: .success(("201503129825", .personnummer))),
        // The + form: 100 years or older.
        .init(input: "150312+9825", expected: .success(("191503129825", .personnummer))),
        // Two-digit year under 100: a 1940s birth is 19xx, a 2020s birth is 20xx.
        .init(input: "400101-9803", expected: .success(("194001019803", .personnummer))),
        .init(input: "261123-9803", expected: .success(("202611239803", .personnummer))),
        // Samordningsnummer: day + 60.
        .init(input: "20150372-9822", expected: .success(("201503729822", .samordningsnummer))),
        .init(input: "20150392-9827", expected: .failure(.impossibleDate)),   // day 32
        // Reservnummer: month + 20.
        .init(input: "20152312-9821", expected: .success(("201523129821", .reservnummer))),
        // Wrong check digit.
        .init(input: "20150312-9826", expected: .failure(.badCheckDigit)),
        // Impossible dates.
        .init(input: "20151312-9825", expected: .failure(.impossibleDate)),
        .init(input: "20150332-9825", expected: .failure(.impossibleDate)),
        .init(input: "20150230-9825", expected: .failure(.impossibleDate)),
        .init(input: "20150229-9825", expected: .failure(.impossibleDate)),
        .init(input: "20000229-9808", expected: .success(("200002299808", .personnummer))),
        .init(input: "000229+9808", expected: .failure(.impossibleDate)),     // 1900 is no leap year
        // In the future.
        .init(input: "20261124-9802", expected: .failure(.futureDate)),
        // Garbage.
        .init(input: "", expected: .failure(.empty)),
        .init(input: "abcdefgh-ijkl", expected: .failure(.badFormat)),
        .init(input: "2015031-9825", expected: .failure(.badFormat)),
        .init(input: "2015031298250", expected: .failure(.badFormat)),
        .init(input: "20150312 9825", expected: .failure(.badFormat)),
        .init(input: "2015-0312-9825", expected: .failure(.badFormat)),
        .init(input: "20150312+9825", expected: .failure(.badFormat)),
    ]

    @Test(arguments: cases)
    func parse(_ c: Case) {
        let result = IdentityNumber.parse(c.input, today: Self.today)
        switch (result, c.expected) {
        case (.success(let number), .success(let expected)):
            #expect(number.digits == expected.0)
            #expect(number.kind == expected.1)
            #expect(IdentityNumber(storedDigits: number.digits) == number)
        case (.failure(let error), .failure(let expected)):
            #expect(error == expected)
            #expect(!error.message.isEmpty)
        default:
            Issue.record("\(c.input): got \(result), expected \(c.expected)")
        }
    }

    @Test func checkDigit() {
        #expect(IdentityNumber.luhnCheckDigit([1, 5, 0, 3, 1, 2, 9, 8, 2]) == 5)
        #expect(IdentityNumber.make(birthDate: SimpleDate(year: 2015, month: 3, day: 12)!, serial: 982).formatted == "20150312-9825")
    }

    @Test func birthDateUndoesOffsets() throws {
        let coordination = try IdentityNumber.parse("20150372-9822", today: Self.today).get()
        #expect(coordination.birthDate == SimpleDate(year: 2015, month: 3, day: 12))
        let reserve = try IdentityNumber.parse("20152312-9821", today: Self.today).get()
        #expect(reserve.birthDate == SimpleDate(year: 2015, month: 3, day: 12))
    }

    @Test func simpleDates() {
        #expect(SimpleDate(year: 2024, month: 2, day: 29) != nil)
        #expect(SimpleDate(year: 2100, month: 2, day: 29) == nil)
        #expect(SimpleDate(iso: "2026-11-23")?.iso == "2026-11-23")
        #expect(SimpleDate(iso: "2026-1-23") == nil)
        #expect(SimpleDate(year: 2015, month: 3, day: 12)!.age(on: SimpleDate(year: 2026, month: 3, day: 11)!) == 10)
        #expect(SimpleDate(year: 2015, month: 3, day: 12)!.age(on: SimpleDate(year: 2026, month: 3, day: 12)!) == 11)
    }
}
