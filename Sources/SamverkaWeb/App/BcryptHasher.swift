import HummingbirdBcrypt
import NIOPosix
import SamverkaStore

/// Bcrypt on NIO's thread pool: a hash takes a quarter of a second at cost 12 and must
/// never block an event loop.
public struct BcryptHasher: PasswordHasher {
    public let cost: UInt8

    public init(cost: UInt8 = 12) {
        self.cost = max(12, cost)
    }

    public func hash(_ password: String) async throws -> String {
        let cost = cost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    public func verify(_ password: String, against hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }

    public func spendVerificationTime(_ password: String) async {
        _ = try? await verify(password, against: Self.dummyHash)
    }

    /// Computed once per process: a real hash of a random value at cost 12.
    private static let dummyHash: String = Bcrypt.hash(AccountService.randomToken(), cost: 12)
}
