/// The statistics' words outside the tables: refusals and the audit log's reasons.
public enum StatisticsMessages {
    public static let noStatistics = "Statistiken finns inte eller visas inte för dig."

    /// "Statistik visad: År 2026, Hela kommunen" / "… hämtad som CSV: …".
    public static func exported(format: String, period: String, scope: String) -> String {
        let how = switch format {
        case "csv": "hämtad som CSV"
        case "pdf": "hämtad som PDF (utvärdering)"
        default: "visad"
        }
        return "Statistik \(how): \(period), \(scope)"
    }
}
