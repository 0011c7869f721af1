import ArgumentParser
import Foundation
import Hummingbird
import Logging
import Metrics
import Prometheus
import SamverkaCore
import SamverkaStore
import SamverkaWeb

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Start the web server.")

    @OptionGroup var store: StoreOptions

    @Option(help: "Address to listen on (env SAMVERKA_HOST).")
    var host: String?

    @Option(help: "Port to listen on (env SAMVERKA_PORT).")
    var port: Int?

    @Flag(help: "Fill an empty database with a fictitious demo municipality.")
    var demo = false

    @Flag(name: .customLong("secure-cookies"), help: "Mark cookies Secure (serve over TLS; env SAMVERKA_SECURE_COOKIES=1).")
    var secureCookies = false

    @Flag(name: .customLong("trust-forwarded-for"), help: "Take client addresses from X-Forwarded-For (only behind your own proxy).")
    var trustForwardedFor = false

    @Option(name: .customLong("social-services-phone"), help: "The social services' phone number, shown when the e-service cannot take a report (env SAMVERKA_SOCIAL_SERVICES_PHONE).")
    var socialServicesPhone: String?

    func run() async throws {
        let env = ProcessInfo.processInfo.environment
        let logger = store.logger("samverka")
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        let database = try await reportingFailure("Samverka kunde inte starta") { try await store.openStore() }
        let applied = try await reportingFailure("Samverka kunde inte starta", closing: database) { try await database.migrate() }
        if !applied.isEmpty { logger.info("migrations applied", metadata: ["versions": "\(applied)"]) }
        let hasher = BcryptHasher()
        if demo {
            let hash = try await hasher.hash(DemoMunicipality.password)
            if try await DemoMunicipality.seed(database, passwordHash: hash, now: Date()) {
                try await DemoMunicipality.seedCases(database, now: Date())
                try await DemoHistory.seed(database, now: Date())
                say("Demodata skapad. Alla demokonton har lösenordet \(DemoMunicipality.password):")
                for account in DemoMunicipality.accounts {
                    say("  \(account.username.padding(toLength: 24, withPad: " ", startingAt: 0)) \(account.rolesText)")
                }
            } else {
                say("Databasen innehåller redan data; ingen demodata lades till. Demokontonas lösenord är \(DemoMunicipality.password) om de finns.")
            }
        }
        let configuration = WebConfiguration(
            host: host ?? env["SAMVERKA_HOST"] ?? "127.0.0.1",
            port: port ?? env["SAMVERKA_PORT"].flatMap(Int.init) ?? 8080,
            secureCookies: secureCookies || env["SAMVERKA_SECURE_COOKIES"] == "1",
            trustForwardedFor: trustForwardedFor || env["SAMVERKA_TRUST_FORWARDED_FOR"] == "1",
            socialServicesPhone: socialServicesPhone ?? env["SAMVERKA_SOCIAL_SERVICES_PHONE"]
        )
        let app = try await buildApplication(AppDependencies(store: database, configuration: configuration, metrics: registry, hasher: hasher), logger: logger)
        say("Samverka på http://\(configuration.host):\(configuration.port) (\(store.description))")
        try await app.runService()
        try await database.shutdown()
    }
}

/// Writes a line to standard output at once (print is block-buffered when piped to a log).
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
