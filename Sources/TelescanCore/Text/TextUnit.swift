/// A byte range of a note with a kind: the building blocks the context engine scopes to.
public struct TextUnit: Sendable, Equatable {
    public enum Kind: String, Sendable { case sentence, header, bullet, checkbox, keyValue }
    public var range: Range<Int>
    public var kind: Kind
    /// Index of the section this unit belongs to (into `NoteText.sections`), if any.
    public var section: Int?
}

/// A section of a note: its header text and byte range (header included).
public struct Section: Sendable, Equatable {
    public var name: String
    public var range: Range<Int>
}
