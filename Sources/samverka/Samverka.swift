import ArgumentParser
import SamverkaWeb
@main struct Samverka: AsyncParsableCommand { func run() async throws {} }
