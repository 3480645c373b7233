import ArgumentParser
import TelescanCore

/// Options that choose the payer profile and the service date.
struct ProfileOptionsGroup: ParsableArguments {
    @Option(name: .customLong("profile"), help: "Payer profile: cpt (default), medicare, or another profile in the Lexicons profiles folder.")
    var profile: String?

    @Option(name: .customLong("profile-file"), help: "Use the payer profile in this YAML file (checked as strictly as the built-in ones).")
    var profileFile: String?

    @Option(name: .customLong("date"), help: "Service date (YYYY-MM-DD) for notes whose input carries none; default today.")
    var date: String?

    func validate() throws {
        if let date, !DateText.isValid(date) { throw ValidationError("--date must be YYYY-MM-DD, got '\(date)'") }
        if profile != nil && profileFile != nil { throw ValidationError("use either --profile or --profile-file, not both") }
    }

    /// Loads and checks the profile; a profile that fails names its file and entry.
    func makeDecider(lexiconsRoot: String) throws -> Decider {
        do {
            if let profileFile { return try Decider.file(profileFile) }
            return try Decider.builtin(profile ?? "cpt", lexiconsRoot: lexiconsRoot)
        } catch {
            throw Failure("profile: \(error)")
        }
    }

    var serviceDate: String { date ?? DateText.today() }
}
