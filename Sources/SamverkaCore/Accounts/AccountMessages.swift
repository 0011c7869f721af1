/// The sign-in and account words the store writes: the messages shown on failure and the
/// reasons in the audit log. Kept in Core so the store writes no text of its own.
public enum AccountMessages {
    public static let invalidCredentials = "Fel användarnamn eller lösenord."
    public static let throttled = "För många misslyckade försök. Vänta en stund och försök igen."
    public static let busy = "Många loggar in just nu. Vänta en stund och försök igen."
    public static let currentPasswordThrottled = "För många felaktiga försök med nuvarande lösenord. Vänta en stund och försök igen."
    public static let currentPasswordWrong = "Nuvarande lösenord stämmer inte."
    /// Stands in for a missing name or client address (in the log and the attempt count).
    public static let unknown = "okänd"
}

extension PasswordRules {
    /// What is wrong with a new password its holder chose, and the field the message goes by.
    public static func changeProblem(new: String, confirmation: String, current: String, username: String) -> (field: String, message: String)? {
        if let problem = problem(password: new, username: username) { return ("new_password", problem) }
        if new != confirmation { return ("confirm_password", "Lösenorden är inte lika.") }
        if new == current { return ("new_password", "Välj ett nytt lösenord.") }
        return nil
    }
}

/// The sign-in and account reasons in the audit log.
public enum AccountAuditReasons {
    public static let accountLocked = "Spärrad: för många misslyckade försök för kontot"
    public static let addressLocked = "Spärrad: för många misslyckade försök från adressen"
    public static let unknownUsername = "Okänt användarnamn"
    public static let wrongPassword = "Fel lösenord"
    public static let accountDeactivated = "Kontot är avaktiverat"
    public static let signedIn = "Inloggning med lösenord"
    public static let signedOut = "Utloggning"
    public static let sessionExpired = "Sessionen har gått ut"
    public static let passwordChangeLocked = "Byte av lösenord spärrat: för många misslyckade försök"
    public static let passwordChangeWrongCurrent = "Byte av lösenord: fel nuvarande lösenord"
    public static let ownPasswordChanged = "Eget lösenord bytt"
}
