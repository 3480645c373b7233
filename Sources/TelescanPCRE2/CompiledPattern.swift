import CPCRE2
import Synchronization

/// A PCRE2 pattern, compiled at once or, when deferred, on first use. Its first match calls run
/// PCRE2's interpreter, until `interpretedCallsBeforeJIT` calls or a run in more than
/// `interpretedNotesBeforeJIT` notes; the next call JIT-compiles it. JIT compilation costs far
/// more than a few interpreted calls over a sentence, so a short run (one note in a shell
/// pipeline) compiles nothing, and a bulk scan JIT-compiles the patterns it keeps using (those
/// that run in at least one in `rareShareDivisor` of its notes, or whose interpreted work
/// reaches `interpretedWorkPerNote` a note). Both matchers give the same
/// matches. One instance is shared by every worker thread; each worker brings its own
/// `MatchScratch`.
public final class CompiledPattern: @unchecked Sendable {
    public let source: String
    let options: RegexOptions
    /// 0: not compiled yet (a deferred pattern); 1: compiled; -1: compiling failed.
    /// Written under `compileLock`; read without it once settled (every match reads it).
    let compileState = Atomic<Int8>(0)
    let compileLock = Mutex<Void>(())
    nonisolated(unsafe) private var compiledCode: OpaquePointer? = nil
    nonisolated(unsafe) private(set) var compiledInfo = Info()
    /// Whether the compiled pattern has named groups (read on every match without touching
    /// the group list).
    nonisolated(unsafe) public private(set) var hasNamedGroups = false
    nonisolated(unsafe) private var compileError: PCRE2Error? = nil
    /// 0: not JIT-compiled yet; 1: JIT code ready; -1: JIT failed (the interpreter runs).
    /// Written under `jitLock`; read without it once settled (every match reads it).
    let jitState = Atomic<Int8>(0)
    let jitLock = Mutex<Void>(())
    /// Match calls made before JIT compilation (counted only until the JIT state settles).
    let interpretedCalls = Atomic<Int>(0)
    /// Interpreted match calls a pattern gets before it is JIT-compiled.
    public static let interpretedCallsBeforeJIT = 64
    /// Notes a pattern runs in (`ranInNote`) before it is JIT-compiled, whatever its calls.
    public static let interpretedNotesBeforeJIT = 3
    let notesRun = Atomic<Int>(0)
    /// The interpreter's work so far (see `interpretedWork(from:to:)`), counted only until the
    /// JIT state settles.
    let interpretedWorkDone = Atomic<Int>(0)
    /// Subjects longer than this (bytes) always run JIT code (see `forEachMatch`).
    public static let interpreterSubjectLimit = 16 * 1024
    /// The notes of the scan this pattern serves (nil: a pattern of its own, as in tests).
    let tally: NoteTally?
    /// Where this pattern's code, compiled by an earlier run, may be read (the rule cache).
    let stored: StoredPatternCode?
    /// Stored code serves a pattern first needed within a scan's first this many notes (a shell
    /// pipeline's few notes, where compiling is most of the run: a one-note scan 27 -> 18 ms).
    /// Later, compiling costs little beside the notes, and decoded code keeps a copy of PCRE2's
    /// character tables each (1 KB; +2 MB peak on a bulk scan, which needs about 2,000 patterns).
    public static let storedCodeNoteLimit = 64
    /// Whether the code came from `stored` rather than from compiling `source`.
    nonisolated(unsafe) public private(set) var isFromStoredCode = false
    /// A pattern of a scan is JIT-compiled only once it has run in at least one in this many
    /// of the scan's notes: a rule woken in fewer costs little interpreted, while its JIT code
    /// (~10 KB a rule, plus the JIT allocator's slack) is memory held for the whole run. On the
    /// benchmark's export (6 MB, `-j 1`): 84.7 MB peak with every used pattern JIT-compiled,
    /// 77.6 MB at one in 100, 72.9 MB at one in 50, 65.7 MB at one in 25 (CPU time +0%, +3%, +5%).
    /// With 2,320 rules (s38), `bench-20` at `-j 2`: 97.3-97.7 MB at one in 50, 92.8-92.9 MB at one
    /// in 35 (user CPU +4%), 88.5 MB at one in 25 (+10%); the 1 GB export peaked at 99.8 MB at one
    /// in 50, at the 100 MB target's edge. With 2,810 rules (s61, JIT code of all used rules about
    /// 69 MB), `bench-20` at `-j 2`: 102.8-103.0 MB at one in 35, 99.5-101.1 MB at one in 30,
    /// 96.4-96.9 MB at one in 25 (`-j 1` user CPU 15.5 -> 16.5 s in one pair of runs; output identical).
    public static let rareShareDivisor = 25
    /// A pattern of a scan is also JIT-compiled once its interpreted work (bytes searched,
    /// `interpretedWork(from:to:)`) reaches this much per note of the scan, however few notes
    /// woke it: a rule that runs over whole long notes, or has no start optimisation, costs
    /// the interpreter far more per note than a windowed one (s40, `bench-20` `-j 1`: 48 ms
    /// for 353 wakes of one whole-note rule), so the share rule alone left the costliest
    /// interpreted rules to the interpreter. Measured on `bench-20` `-j 1`, three alternating
    /// runs each (user CPU, peak): share rule alone 7.74-7.88 s, 86.5-86.7 MB; 128 a note
    /// 7.62-7.79 s, 87.4-87.7 MB; 64 a note 7.52-7.55 s, 88.5-89.1 MB; 32 a note 7.24-7.49 s,
    /// 89.8-89.9 MB. Instructions (callgrind, 4,000 notes): 18.3G, 17.6G (128), 15.2G (64).
    public static let interpretedWorkPerNote = 64

    /// What PCRE2 reports about a compiled pattern.
    struct Info {
        var captureCount = 0
        var namedGroups: [String: [Int]] = [:]
        var namedGroupList: [(String, [Int])] = []
        var maxLookbehind = 0
        /// Whether PCRE2 found a start optimisation (a first code unit, a start of line or a
        /// start bitmap): without one the interpreter tries a match at every byte.
        var hasStartOptimisation = true
    }

    /// The PCRE2 library's version ("10.42 2022-12-11"): serialised code is tied to it.
    public static let libraryVersion: String = {
        var buffer = [UInt8](repeating: 0, count: 64)
        let n = buffer.withUnsafeMutableBytes { pcre2_config_8(UInt32(PCRE2_CONFIG_VERSION), $0.baseAddress) }
        return n > 1 ? String(decoding: buffer[0..<Int(n - 1)], as: UTF8.self) : ""
    }()

    /// Compiles now; a syntax error throws here.
    public init(_ pattern: String, options: RegexOptions = .standard) throws(PCRE2Error) {
        source = pattern
        self.options = options
        tally = nil
        stored = nil
        try compile()
    }

    /// Compiles on first use (a match, or reading what PCRE2 reports about the pattern): a
    /// run that never needs the pattern never pays for it. A syntax error is thrown by
    /// `compile()` and by the first match.
    /// `tally`: the notes of the scan the pattern serves, for the JIT's share rule.
    public init(deferred pattern: String, options: RegexOptions = .standard, tally: NoteTally? = nil,
                stored: StoredPatternCode? = nil) {
        source = pattern
        self.options = options
        self.tally = tally
        self.stored = stored
    }

    /// Whether the pattern runs JIT code (compiling it now if it has not been yet).
    public var isJIT: Bool { (try? code()) != nil && ensureJIT() }
    /// Number of capture groups (not counting group 0); 0 when the pattern does not compile.
    public var captureCount: Int { info.captureCount }
    /// Named groups and their numbers (several numbers when `(?J)` allows duplicate names).
    public var namedGroups: [String: [Int]] { info.namedGroups }
    /// The named groups sorted by name (read on every rule wake: no copy of the whole `Info`).
    public var namedGroupList: [(String, [Int])] { (try? code()) != nil ? compiledInfo.namedGroupList : [] }
    /// The longest lookbehind in characters (`\b` counts one): how far before a match's start
    /// the pattern can look.
    public var maxLookbehind: Int { info.maxLookbehind }

    var info: Info { (try? code()) != nil ? compiledInfo : Info() }

    /// Compiles the pattern if it has not been (once, under the lock); throws its syntax error.
    public func compile() throws(PCRE2Error) { _ = try code() }

    @inline(__always) func code() throws(PCRE2Error) -> OpaquePointer {
        if compileState.load(ordering: .acquiring) == 1 { return compiledCode.unsafelyUnwrapped }
        return try compileOnce()
    }

    @inline(never) func compileOnce() throws(PCRE2Error) -> OpaquePointer {
        let result: Result<OpaquePointer, PCRE2Error> = compileLock.withLock { _ in
            switch compileState.load(ordering: .relaxed) {
            case 1: return .success(compiledCode!)
            case -1: return .failure(compileError!)
            default: break
            }
            if let stored, (tally?.count ?? 0) <= Self.storedCodeNoteLimit, let code = Self.decode(stored.bytes(), options) {
                compiledCode = code
                compiledInfo = Self.describe(code)
                hasNamedGroups = !compiledInfo.namedGroupList.isEmpty
                isFromStoredCode = true
                compileState.store(1, ordering: .releasing)
                return .success(code)
            }
            switch Self.build(source, options) {
            case .success(let (code, info)):
                compiledCode = code
                compiledInfo = info
                hasNamedGroups = !info.namedGroupList.isEmpty
                compileState.store(1, ordering: .releasing)
                return .success(code)
            case .failure(let error):
                compileError = error
                compileState.store(-1, ordering: .releasing)
                return .failure(error)
            }
        }
        return try result.get()
    }

    static func build(_ pattern: String, _ options: RegexOptions) -> Result<(OpaquePointer, Info), PCRE2Error> {
        var errorCode: Int32 = 0
        var errorOffset: Int = 0
        let bytes = Array(pattern.utf8)
        let compiled = bytes.withUnsafeBufferPointer { buf in
            pcre2_compile_8(buf.baseAddress, buf.count, options.rawValue, &errorCode, &errorOffset, nil)
        }
        guard let compiled else {
            return .failure(PCRE2Error(code: errorCode, message: PCRE2Error.message(for: errorCode), offset: errorOffset))
        }
        return .success((compiled, describe(compiled)))
    }

    /// What PCRE2 reports about compiled code, read once.
    static func describe(_ compiled: OpaquePointer) -> Info {
        var info = Info()
        var count: UInt32 = 0
        pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_CAPTURECOUNT), &count)
        info.captureCount = Int(count)
        var lookbehind: UInt32 = 0
        pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_MAXLOOKBEHIND), &lookbehind)
        info.maxLookbehind = Int(lookbehind)
        var firstType: UInt32 = 0
        pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_FIRSTCODETYPE), &firstType)
        var bitmap: UnsafePointer<UInt8>? = nil
        pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_FIRSTBITMAP), &bitmap)
        info.hasStartOptimisation = firstType != 0 || bitmap != nil

        var nameCount: UInt32 = 0
        var entrySize: UInt32 = 0
        var table: UnsafePointer<UInt8>? = nil
        pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_NAMECOUNT), &nameCount)
        pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_NAMEENTRYSIZE), &entrySize)
        pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_NAMETABLE), &table)
        var names: [String: [Int]] = [:]
        if let table, nameCount > 0 {
            for i in 0..<Int(nameCount) {
                let entry = table + i * Int(entrySize)
                let number = Int(entry[0]) << 8 | Int(entry[1])
                var end = 2
                while end < Int(entrySize), entry[end] != 0 { end += 1 }
                names[String(decoding: UnsafeBufferPointer(start: entry + 2, count: end - 2), as: UTF8.self), default: []].append(number)
            }
        }
        info.namedGroups = names
        info.namedGroupList = names.map { ($0.key, $0.value) }.sorted { $0.0 < $1.0 }
        return info
    }

    /// The compiled code in PCRE2's serialised form (nil when the pattern does not compile),
    /// for `StoredPatternCode`: decoding it costs a copy, compiling a rule's pattern about
    /// 45 µs, and a one-note scan compiles about 150 of them.
    public func serialized() -> [UInt8]? {
        guard let code = try? self.code() else { return nil }
        return Self.serialize(code)
    }

    /// As `serialized()`, from code compiled anew and freed at once: the rule cache stores every
    /// pattern, while a scan keeps only the code its notes need (compiling all 2,300 rules' into
    /// the scan that writes the cache raised its peak memory by 17 MB).
    public func serializedFromSource() -> [UInt8]? {
        guard case .success(let (code, _)) = Self.build(source, options) else { return nil }
        defer { pcre2_code_free_8(code) }
        return Self.serialize(code)
    }

    static func serialize(_ code: OpaquePointer) -> [UInt8]? {
        var code: OpaquePointer? = code
        var bytes: UnsafeMutablePointer<UInt8>? = nil
        var size = 0
        let rc = pcre2_serialize_encode_8(&code, 1, &bytes, &size, nil)
        guard rc == 1, let bytes else { return nil }
        defer { pcre2_serialize_free_8(bytes) }
        return Array(UnsafeBufferPointer(start: bytes, count: size))
    }

    /// Code decoded from `serialized()` bytes; nil (compile the source instead) when PCRE2
    /// refuses them (another PCRE2 version or build) or they were compiled with other options.
    /// PCRE2 does not check serialised code itself: the store checks its bytes are the ones it
    /// wrote (see `StoredPatternCode`).
    static func decode(_ bytes: [UInt8]?, _ options: RegexOptions) -> OpaquePointer? {
        guard let bytes, !bytes.isEmpty else { return nil }
        var decoded: OpaquePointer? = nil
        let rc = bytes.withUnsafeBufferPointer { pcre2_serialize_decode_8(&decoded, 1, $0.baseAddress, nil) }
        guard rc == 1, let decoded else { return nil }
        var given: UInt32 = 0
        pcre2_pattern_info_8(decoded, UInt32(PCRE2_INFO_ARGOPTIONS), &given)
        guard given == options.rawValue else {
            pcre2_code_free_8(decoded)
            return nil
        }
        return decoded
    }

    /// Bytes of JIT code (0 when not JIT-compiled): code that does not fit the core's caches
    /// runs cold on every wake, so rule authors keep it small (see Lexicons/README.md, Size).
    public var jitSize: Int {
        guard jitState.load(ordering: .acquiring) == 1, let code = try? code() else { return 0 }
        var size: Int = 0
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_JITSIZE), &size)
        return size
    }

    /// How PCRE2 skips start positions that cannot begin a match (for rule authors: a pattern
    /// with no start optimisation runs its whole entry at every position of its window).
    public var startOptimisation: String {
        guard let code = try? code() else { return "none (does not compile)" }
        var type: UInt32 = 0
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_FIRSTCODETYPE), &type)
        var minLength: UInt32 = 0
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_MINLENGTH), &minLength)
        switch type {
        case 1: return "first unit, min \(minLength)"
        case 2: return "line start, min \(minLength)"
        default:
            var bitmap: UnsafePointer<UInt8>? = nil
            pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_FIRSTBITMAP), &bitmap)
            guard let bitmap else { return "none, min \(minLength)" }
            var bytes = 0
            for i in 0..<32 { bytes += bitmap[i].nonzeroBitCount }
            return "bitmap of \(bytes) bytes, min \(minLength)"
        }
    }

    /// Whether this match call should run JIT code: not for the first calls of a pattern
    /// (see the type's comment), nor while it runs in under one in `rareShareDivisor` of its
    /// scan's notes and its interpreted work (`work`, this call's included) stays under
    /// `interpretedWorkPerNote` a note of the scan; then JIT-compiled once.
    @inline(__always) func useJIT(work: Int) -> Bool {
        let settled = jitState.load(ordering: .acquiring)
        if settled != 0 { return settled == 1 }
        let notes = notesRun.load(ordering: .relaxed)
        let done = interpretedWorkDone.add(work, ordering: .relaxed).newValue
        if interpretedCalls.add(1, ordering: .relaxed).newValue <= Self.interpretedCallsBeforeJIT,
           notes <= Self.interpretedNotesBeforeJIT { return false }
        if let tally, notes * Self.rareShareDivisor < tally.count,
           done < Self.interpretedWorkPerNote * tally.count { return false }
        return ensureJIT()
    }

    /// The interpreter's work for a call over `subject[from..<length]`: the bytes it may
    /// search for a start (to the subject's end, whatever the start limit), eight times as
    /// many for a pattern without a start optimisation, which runs its first item at every byte.
    @inline(__always) func interpretedWork(from: Int, to length: Int) -> Int {
        let bytes = max(length - from, 0)
        return compiledInfo.hasStartOptimisation ? bytes : bytes &* 8
    }

    /// Called by the matcher once for each note this pattern runs in. An interpreted call with a
    /// start limit looks for a start to the end of the note (see `forEachMatch`), so a bulk scan
    /// spent its first calls of every pattern there; counting notes JIT-compiles a pattern
    /// as soon as it is seen to serve more than one note, while a single note stays interpreted.
    public func ranInNote() {
        if jitState.load(ordering: .relaxed) == 0 { notesRun.add(1, ordering: .relaxed) }
    }

    /// JIT-compiles once, under the lock; later calls only read the state.
    @inline(__always) func ensureJIT() -> Bool {
        let settled = jitState.load(ordering: .acquiring)
        if settled != 0 { return settled == 1 }
        return jitLock.withLock { _ in
            var state = jitState.load(ordering: .relaxed)
            if state == 0 {
                state = pcre2_jit_compile_8(compiledCode, UInt32(PCRE2_JIT_COMPLETE)) == 0 ? 1 : -1
                jitState.store(state, ordering: .releasing)
            }
            return state == 1
        }
    }

    deinit { if let compiledCode { pcre2_code_free_8(compiledCode) } }
}
