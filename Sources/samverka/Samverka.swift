import ArgumentParser

@main
struct Samverka: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "samverka",
        abstract: "Samverka: förskola/skola och socialtjänst i samverkan kring barn.",
        subcommands: [Serve.self, Migrate.self, UserCommand.self, Backup.self, BenchFill.self, BenchLogReview.self],
        defaultSubcommand: Serve.self
    )
}
