#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A binary copy of a Lexicons folder's loaded lists and rules (examples aside) and of the
/// literal automata built from them, so that a scan skips parsing the YAML and building the
/// patterns and automata: most of the start-up paid on every call in a shell pipeline. One file
/// per Lexicons folder and binary; it is used only when its fingerprint (every rule and list
/// file's name and bytes, and the telescan binary itself) matches, else the folder is loaded as
/// usual and the file rewritten. A cache that cannot be read or written is
/// never an error: the rules load from the YAML. It holds rule data only, never note text.
public struct RuleCache: Sendable {
    public let directory: String

    public init(directory: String) { self.directory = directory }

    /// Where the cache lives by default: `$TELESCAN_CACHE_DIR`, else `$XDG_CACHE_HOME/telescan`,
    /// else `~/.cache/telescan`; nil (no cache) when none is set.
    public static func defaultDirectory(environment env: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let dir = env["TELESCAN_CACHE_DIR"], !dir.isEmpty { return dir }
        if let xdg = env["XDG_CACHE_HOME"], !xdg.isEmpty { return xdg + "/telescan" }
        if let home = env["HOME"], !home.isEmpty { return home + "/.cache/telescan" }
        return nil
    }

    /// The cache in its default directory, if there is one.
    public static var `default`: RuleCache? { defaultDirectory().map(RuleCache.init) }

    /// The cache file of one Lexicons folder for this binary (named by a hash of both paths):
    /// two installed telescan binaries keep a file each instead of rewriting one in turn.
    public func file(for root: String) -> String {
        directory + "/rules-" + Fingerprint.hex(Fingerprint.of([Array(root.utf8), Array(Self.executablePath.utf8)])) + ".bin"
    }

    /// The folder's lists and rules from the cache, or nil when the cache is missing, stale
    /// or unreadable.
    func load(root: String, fingerprint: Fingerprint) -> RuleCacheCoding.Contents? {
        guard let mapped = MappedFile(path: file(for: root)) else { return nil }
        return mapped.withBytes { try? RuleCacheCoding.decode($0, expecting: fingerprint) }
    }

    /// Writes the cache file: to a temporary name, then renamed, so that concurrent runs (GNU
    /// parallel, Spark workers) never read half a file. Failures are ignored.
    func store(root: String, fingerprint: Fingerprint, _ contents: RuleCacheCoding.Contents) {
        let bytes = RuleCacheCoding.encode(contents, fingerprint: fingerprint)
        guard (try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])) != nil else { return }
        let target = file(for: root)
        let temporary = target + ".\(getpid()).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else { return }
        if rename(temporary, target) != 0 { unlink(temporary) }
        // Only when a cache is rewritten (a new binary or changed rules), never on a warm start.
        Self.prune(directory: directory, keeping: target)
    }

    /// Cache files are one per Lexicons folder and binary, so builds, checkouts and copies in
    /// temporary folders leave files no binary will read again (7 MB each with today's rules).
    /// Removes the other `rules-*.bin` files neither read nor written for `maxAgeDays` days.
    static func prune(directory: String, keeping: String, maxAgeDays: Double = 30, now: Date = Date()) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        let cutoff = now.timeIntervalSince1970 - maxAgeDays * 86_400
        for name in names where name.hasPrefix("rules-") && name.hasSuffix(".bin") {
            let path = directory + "/" + name
            if path == keeping { continue }
            var st = stat()
            guard stat(path, &st) == 0 else { continue }
            let lastUse = max(Double(st.st_atim.tv_sec), Double(st.st_mtim.tv_sec))
            if lastUse < cutoff { unlink(path) }
        }
    }

    /// What the cache must match: the bytes of every file the loader reads, by name, and the
    /// running binary (a new build may load the same YAML differently).
    static func fingerprint(root: String) -> Fingerprint {
        var f = Fingerprint.of([Array("telescan-rule-cache \(RuleCacheCoding.formatVersion)".utf8), executableIdentity()])
        // Read into one buffer, reused: 4 MB of rule files are hashed on every start-up (through
        // `Data` and a copy each, a fifth of it). Not mapped: a rule file an editor truncates
        // in place while it is hashed would fault a mapping.
        var buffer: [UInt8] = []
        for (path, name) in RuleFileLoader.ruleDataFiles(root: root) {
            Array(name.utf8).withUnsafeBytes { f.absorb($0) }
            if Self.read(path, into: &buffer) {
                buffer.withUnsafeBytes { f.absorb($0) }
            } else {
                [UInt8]([0xFF]).withUnsafeBytes { f.absorb($0) }
            }
        }
        return f
    }

    /// The whole file into `buffer` (its count set to the bytes read); false when it cannot be read.
    static func read(_ path: String, into buffer: inout [UInt8]) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return false }
        buffer.removeAll(keepingCapacity: true)
        buffer.append(contentsOf: repeatElement(0, count: Int(st.st_size)))
        var done = 0
        while done < buffer.count {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0 { return false }
            if n == 0 { break }
            done += n
        }
        buffer.removeLast(buffer.count - done)
        return true
    }

    static let executablePath = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? ""

    /// The running binary's path, size, modification time and inode.
    static func executableIdentity() -> [UInt8] {
        var st = stat()
        guard stat("/proc/self/exe", &st) == 0 else { return [] }
        return Array("\(executablePath) \(st.st_size) \(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec) \(st.st_ino)".utf8)
    }
}

/// A 128-bit hash of byte strings, eight bytes at a time, in two lanes (FNV-style, and one
/// that rotates so high bits reach low ones); each part's length is mixed in so that parts
/// cannot run together. Every step is a bijection of the lane, so a change to any one word of
/// the input always changes the hash. Not cryptographic: it tells a changed rule file from an
/// unchanged one.
struct Fingerprint: Equatable, Sendable {
    var high: UInt64
    var low: UInt64

    /// The two lanes' starting values.
    static let seed = Fingerprint(high: 0xcbf2_9ce4_8422_2325, low: 0x9E37_79B9_7F4A_7C15)

    static func of(_ parts: [[UInt8]]) -> Fingerprint {
        var f = seed
        for part in parts { part.withUnsafeBytes { f.absorb($0) } }
        return f
    }

    /// The fingerprint of `count` bytes of `bytes` from its start, without copying them.
    static func of(_ bytes: [UInt8], count: Int) -> Fingerprint {
        bytes.withUnsafeBytes { of(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
    }

    /// The fingerprint of bytes in memory (a mapped file), as one part.
    static func of(_ raw: UnsafeRawBufferPointer) -> Fingerprint {
        var f = seed
        f.absorb(raw)
        return f
    }

    /// Adds one part.
    mutating func absorb(_ raw: UnsafeRawBufferPointer) {
        // Locals in the loop: this runs over every byte of the cache file.
        var a = high, b = low
        var i = 0
        while i + 8 <= raw.count {
            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            a = (a ^ w) &* 0x0000_0100_0000_01b3
            b = ((b ^ w) << 31 | (b ^ w) >> 33) &* 0xBF58_476D_1CE4_E5B9
            i += 8
        }
        (high, low) = (a, b)
        var tail: UInt64 = 0
        while i < raw.count { tail = tail << 8 | UInt64(raw[i]); i += 1 }
        mix(tail)
        mix(UInt64(raw.count))
    }

    private mutating func mix(_ w: UInt64) {
        high = (high ^ w) &* 0x0000_0100_0000_01b3
        low = ((low ^ w) << 31 | (low ^ w) >> 33) &* 0xBF58_476D_1CE4_E5B9
    }

    static func hex(_ f: Fingerprint) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for word in [f.high, f.low] {
            for shift in stride(from: 60, through: 0, by: -4) { out.append(digits[Int((word >> UInt64(shift)) & 0xF)]) }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
