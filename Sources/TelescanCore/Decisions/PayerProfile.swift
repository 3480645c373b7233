/// A payer profile as loaded from `Lexicons/profiles/NAME.yaml` (or a user file): which
/// services it covers, what each needs, its dated code tables, modifier and place-of-service
/// rules, and the query texts. Every number and code lives here, none in the decider.
public struct PayerProfile: Sendable {
    public var name: String
    public var description: String
    /// The file it was loaded from, as shown in messages.
    public var file: String
    /// Named credential lists (e.g. clinicians who cannot report E/M); code rows refer to them.
    public var credentialGroups: [String: CredentialGroup]
    public var services: [Service: ServiceRules]
    /// Query text per reason (a service may override it).
    public var queries: [MissingReason: String]
    /// Text per warning code, for explanations.
    public var warnings: [DecisionWarning: String]

    public init(name: String, description: String, file: String, credentialGroups: [String: CredentialGroup] = [:],
                services: [Service: ServiceRules] = [:], queries: [MissingReason: String] = [:],
                warnings: [DecisionWarning: String] = [:]) {
        self.name = name
        self.description = description
        self.file = file
        self.credentialGroups = credentialGroups
        self.services = services
        self.queries = queries
        self.warnings = warnings
    }

    /// The query text for a reason under a service: the service's own, else the profile's.
    public func query(_ reason: MissingReason, service: Service) -> String? {
        services[service]?.queries[reason] ?? queries[reason]
    }

    /// The group a credential belongs to among `groups` (case and punctuation ignored).
    func group(of credential: String?, among groups: Set<String>) -> String? {
        guard let credential else { return nil }
        let key = CredentialGroup.key(credential)
        return groups.sorted().first { credentialGroups[$0]?.keys.contains(key) == true }
    }
}

public struct CredentialGroup: Sendable {
    public var name: String
    public var description: String?
    /// As written in the profile.
    public var credentials: [String]
    var keys: Set<String>

    public init(name: String, description: String?, credentials: [String]) {
        self.name = name
        self.description = description
        self.credentials = credentials
        keys = Set(credentials.map(CredentialGroup.key))
    }

    /// "OTR/L" and "otr-l" are the same credential.
    static func key(_ s: String) -> String { String(s.uppercased().filter { $0.isLetter || $0.isNumber }) }
}
