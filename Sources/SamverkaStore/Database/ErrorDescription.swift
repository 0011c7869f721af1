import PostgresNIO
import SamverkaCore

extension Store {
    /// What went wrong, for the operator's log and terminal. PostgresNIO's `description`
    /// is a fixed "Generic description to prevent accidental leakage" text, which says
    /// nothing about why start-up failed; the server's own message (and SQLSTATE, detail,
    /// hint) does. Never shown on a web page: those get the Swedish error page only.
    public static func describe(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let info = error.serverInfo {
                return OperatorMessages.postgresError(message: info[.message], sqlState: info[.sqlState], detail: info[.detail], hint: info[.hint])
            }
            // No server message (no connection, say): the code and the underlying error.
            let underlying = error.underlying.map { "; \(String(reflecting: $0))" } ?? ""
            return "PostgreSQL: \(error.code)\(underlying)"
        }
        return String(reflecting: error)
    }
}
