/// Placeholder until the payer-profile decider lands: classifies status by service only.
public struct Decider: Sendable {
    public let profileName: String
    public init(profileName: String) { self.profileName = profileName }

    /// Stand-in until profiles load from data.
    public static let placeholder = Decider(profileName: "cpt")
    public static func builtin(_ name: String, lexiconsRoot: String) throws -> Decider { Decider(profileName: name) }

    public func decide(service: Service?, elements: NoteElements, serviceDate: String) -> Decision {
        guard let service, service.isTelehealth else { return Decision(status: .notTelehealth) }
        return Decision(status: .needsQuery)
    }
}
