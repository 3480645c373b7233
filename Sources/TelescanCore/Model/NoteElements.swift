/// The elements resolved for one note, each with its evidence (byte ranges into the note).
/// This is the boundary between extraction and decisions: a decision depends on nothing else.
public struct NoteElements: Sendable {
    public struct Item<Value: Sendable>: Sendable {
        public var value: Value
        public var evidence: [Range<Int>]
        public init(_ value: Value, evidence: [Range<Int>] = []) {
            self.value = value
            self.evidence = evidence
        }
    }

    public struct Consent: Sendable, Equatable {
        public var value: String  // documented | declined
        public var by: String     // patient | guardian | other
        public init(value: String, by: String) { self.value = value; self.by = by }
    }

    public struct Provider: Sendable, Equatable {
        public var name: String?
        public var credential: String?
        public init(name: String?, credential: String?) { self.name = name; self.credential = credential }
    }

    public var service: Item<Service>?
    /// audio_video | audio_only | online_message | store_and_forward | remote_monitoring
    public var modality: Item<String>?
    /// The visit changed technology.
    public var modalitySwitch: Item<Bool>?
    /// A switch was documented but not which technology was used for most of the visit.
    public var modalityAmbiguous: Bool = false
    public var consent: Item<Consent>?
    public var time: Item<Int>?
    public var mdm: Item<String>?
    public var patientLocation: Item<String>?
    public var providerLocation: Item<String>?
    public var performingProvider: Item<Provider>?
    /// new | established; `fromInput` when it came from the record's metadata.
    public var patientStatus: Item<String>?
    public var patientStatusFromInput = false
    public var audioOnlyReason: Item<Bool>?
    public var deviceDays: Item<Int>?
    /// Remote monitoring's program when therapeutic: `rtm` or `rtm_<system>` (`rtm_respiratory`,
    /// `rtm_musculoskeletal`, `rtm_cbt`); nil: physiologic (`rpm`). It picks the code tables; it
    /// is not an element of the output contract.
    public var monitoringProgram: Item<String>?
    /// A virtual check-in the note says is bundled into a related E/M visit (one in the 7 days
    /// before, or the visit it leads to within 24 hours; coding-rules 1.3): no code of its own.
    /// Not an element of the output contract.
    public var checkinBundled: Item<Bool>?

    public init() {}
}

extension NoteElements {
    /// Every element's evidence through `f` (e.g. back from an expanded text to the note).
    mutating func mapEvidence(_ f: (Range<Int>) -> Range<Int>) {
        func mapped<V>(_ item: Item<V>?) -> Item<V>? {
            guard var item else { return nil }
            // Two findings inside one spelled-out meaning ("video visit (audio + video)") map
            // to the same abbreviation: it is its evidence once.
            var seen = Set<Range<Int>>()
            item.evidence = item.evidence.map(f).filter { seen.insert($0).inserted }
            return item
        }
        service = mapped(service); modality = mapped(modality); modalitySwitch = mapped(modalitySwitch)
        consent = mapped(consent); time = mapped(time); mdm = mapped(mdm)
        patientLocation = mapped(patientLocation); providerLocation = mapped(providerLocation)
        performingProvider = mapped(performingProvider); patientStatus = mapped(patientStatus)
        audioOnlyReason = mapped(audioOnlyReason); deviceDays = mapped(deviceDays)
        monitoringProgram = mapped(monitoringProgram); checkinBundled = mapped(checkinBundled)
    }
}
