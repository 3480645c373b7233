/// The element values the extractor produces (decisions.md): a profile may only name these.
public enum ElementVocabulary {
    public static let modalities = ["audio_video", "audio_only", "online_message", "store_and_forward", "remote_monitoring"]
    /// Ascending: a higher index is a higher level of medical decision making.
    public static let mdmLevels = ["straightforward", "low", "moderate", "high"]
    public static let patientLocations = ["home", "other"]
    public static let patientStatuses = ["new", "established"]
    public static let codeSystems = ["CPT", "HCPCS"]

    /// Display form for explanations ("audio-video").
    public static func display(_ modality: String) -> String {
        switch modality {
        case "audio_video": "audio-video"
        case "audio_only": "audio-only"
        case "online_message": "online messages"
        case "store_and_forward": "store-and-forward"
        case "remote_monitoring": "remote monitoring"
        default: modality
        }
    }
}
