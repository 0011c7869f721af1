import ArgumentParser
import Foundation
import SamverkaCore
import SamverkaStore
import SamverkaWeb

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "user", abstract: "Manage staff accounts.", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an account (e.g. the first administrator). The password is read from standard input."
        )

        @OptionGroup var store: StoreOptions

        @Option(help: "Username (a–z, digits, . _ -).")
        var username: String

        @Option(help: "The person's name as shown.")
        var name: String

        @Option(help: "A role, e.g. systemAdministrator or logReviewer (repeatable). Joint roles only: unit roles are given in the web.")
        var role: [String] = ["systemAdministrator"]

        func run() async throws {
            let roles = try role.map { raw -> Role in
                guard let role = Role(rawValue: raw), role.side == .joint else {
                    throw ValidationError("Okänd eller enhetsbunden roll: \(raw). Gemensamma roller: \(Role.allCases.filter { $0.side == .joint }.map(\.rawValue).joined(separator: ", "))")
                }
                return role
            }
            if let problem = UsernameRules.problem(username) { throw ValidationError(problem) }
            if let problem = NameRules.problem(name, label: "Namnet") { throw ValidationError(problem) }
            FileHandle.standardError.write(Data("Lösenord (läses från standard input): ".utf8))
            guard let password = readLine(strippingNewline: true) else { throw ValidationError("Inget lösenord angavs.") }
            if let problem = PasswordRules.problem(password: password, username: username) { throw ValidationError(problem) }
            let database = try await store.openStore()
            try await database.migrate()
            let hash = try await BcryptHasher().hash(password)
            let now = Date()
            let created = try await database.transaction { [username, name] db -> Bool in
                if try await OrganisationQueries.staff(username: username, db) != nil { return false }
                let id = try await OrganisationQueries.insertStaff(username: username, displayName: name, email: nil, passwordHash: hash, mustChangePassword: false, now: now, db)
                for role in roles { _ = try await OrganisationQueries.insertAssignment(staffID: id, role: role, unitID: nil, now: now, db) }
                try await AuditQueries.append(AuditEvent(staffID: nil, staffName: "samverka user create", action: .create, recordType: .staff, recordID: String(id), reason: "Konto skapat från kommandoraden: \(username)"), at: now, db)
                return true
            }
            try await database.shutdown()
            guard created else { throw ValidationError("Användarnamnet \(username) finns redan.") }
            print("Kontot \(username) är skapat.")
        }
    }
}
