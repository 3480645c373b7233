import ArgumentParser
import TelescanCore

/// Options that choose the payer profile and the service date.
struct ProfileOptionsGroup: ParsableArguments {
    @Option(name: .customLong("profile"), help: "Payer profile: cpt (default) or medicare.")
    var profile: String = "cpt"

    @Option(name: .customLong("date"), help: "Service date (YYYY-MM-DD) for notes whose input carries none; default today.")
    var date: String?

    func validate() throws {
        if let date, !DateText.isValid(date) { throw ValidationError("--date must be YYYY-MM-DD, got '\(date)'") }
    }

    func makeDecider(lexicons: LexiconSet) throws -> Decider {
        Decider(profileName: profile)
    }

    var serviceDate: String { date ?? DateText.today() }
}
