/// The credentials of clinical staff who do not bill visits of their own (the `staff_credentials`
/// list), compared by letters only ("RN-BC" = "RNBC", "C.M.A." = "CMA"), as credentials are
/// matched everywhere (`ElementResolver.credentialKey`). One set serves the classifier (a staff
/// performer makes a staff call) and the resolver (a staff signature below a clinician's entry).
public struct StaffCredentials: Sendable {
    let keys: Set<String>

    public init(_ list: [String]) {
        keys = Set(list.map(ElementResolver.credentialKey))
    }

    /// Whether `credential` (as written or canonical) is a staff credential.
    public func contains(_ credential: String?) -> Bool {
        guard let credential, !keys.isEmpty else { return false }
        return keys.contains(ElementResolver.credentialKey(credential))
    }
}
