#if canImport(Glibc)
import Glibc
#endif
import Foundation
import TelescanPCRE2

/// A binary copy of a Lexicons folder's loaded lists and rules (examples aside) and of the
/// literal automata and the compiled patterns built from them, so that a scan skips parsing the
/// YAML and building the patterns and automata: most of the start-up paid on every call in a
/// shell pipeline. One file per Lexicons folder and binary; it is used only when its
/// fingerprint (every rule and list file's name and bytes, the telescan binary itself and the
/// PCRE2 library's version) matches, else the folder is loaded as usual and the file
/// rewritten. A cache that cannot be read or written is never an error: the rules load from
/// the YAML. It holds rule data only, never note text.
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
        // The cache is trusted as the binary is: its pattern codes run unchecked by PCRE2 (the
        // checksum and hashes catch damage, not a crafted file). So a file someone else owns or
        // may write (a shared cache folder) is not read.
        guard let mapped = MappedFile(path: file(for: root), headerCount: RuleCacheCoding.headerCount,
                                      mappedLength: RuleCacheCoding.mappedLength), mapped.isPrivate else { return nil }
        // The automata's transitions stay where the mapping holds them (it lives as long as they do).
        return mapped.withBytes { try? RuleCacheCoding.decode($0, expecting: fingerprint, owner: mapped) }
    }

    /// Writes the cache file: to a temporary name, then renamed, so that concurrent runs (GNU
    /// parallel, Spark workers) never read half a file. Returns whether the file was written (a
    /// failure is not an error: the scan goes on with the rules it built).
    @discardableResult
    func store(root: String, fingerprint: Fingerprint, _ contents: RuleCacheCoding.Contents) -> Bool {
        let bytes = RuleCacheCoding.encode(contents, fingerprint: fingerprint)
        guard (try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])) != nil else { return false }
        let target = file(for: root)
        let temporary = target + ".\(getpid()).tmp"
        // Written from the encoded bytes themselves: a `Data` copy of them (20 MB) would raise
        // the peak of the one run that writes the cache.
        guard Self.write(bytes, to: temporary) else { unlink(temporary); return false }
        if rename(temporary, target) != 0 { unlink(temporary); return false }
        // Only when a cache is rewritten (a new binary or changed rules), never on a warm start.
        Self.prune(directory: directory, keeping: target)
        return true
    }

    /// Writes `bytes` to a new file at `path` (mode 0644); false on any error.
    static func write(_ bytes: [UInt8], to path: String) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return bytes.withUnsafeBytes { writeAll(fd, $0) } == 0
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
        var f = Fingerprint.of([Array("telescan-rule-cache \(RuleCacheCoding.formatVersion) PCRE2 \(CompiledPattern.libraryVersion)".utf8),
                                executableIdentity()])
        // Read into one buffer, reused: 4 MB of rule files are hashed on every start-up (through
        // `Data` and a copy each, a fifth of it). Not mapped: a rule file an editor truncates
        // in place while it is hashed would fault a mapping.
        var buffer: [UInt8] = []
        for (path, name) in RuleFileLoader.ruleDataFiles(root: root) {
            Array(name.utf8).withUnsafeBytes { f.absorb($0) }
            if let count = Self.read(path, into: &buffer) {
                buffer.withUnsafeBytes { f.absorb(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
            } else {
                [UInt8]([0xFF]).withUnsafeBytes { f.absorb($0) }
            }
        }
        return f
    }

    /// The whole file into the start of `buffer`, grown when the file is larger; the count of
    /// bytes read, or nil when it cannot be read. The buffer is never zeroed: read(2) writes
    /// every byte that is counted.
    static func read(_ path: String, into buffer: inout [UInt8]) -> Int? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return nil }
        if buffer.count < Int(st.st_size) { buffer = [UInt8](uninitializedCount: Int(st.st_size)) }
        let size = Int(st.st_size)
        var done = 0
        while done < size {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + done, size - done) }
            if n < 0 { return nil }
            if n == 0 { break }
            done += n
        }
        return done
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
        // Locals in the loop: this runs over every byte of the rule files and the cache file
        // (12 MB) on each start-up.
        var a = high, b = low
        var i = 0
        if raw.count >= 64 {
            // Four lane pairs, a word each in turn, so that one word's multiplications need not
            // wait for the last's; folded into the first pair at the end, a bijective step each.
            var a1 = a ^ 1, b1 = b ^ 1, a2 = a ^ 2, b2 = b ^ 2, a3 = a ^ 3, b3 = b ^ 3
            while i + 32 <= raw.count {
                let w0 = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let w1 = raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)
                let w2 = raw.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self)
                let w3 = raw.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self)
                Self.step(&a, &b, w0)
                Self.step(&a1, &b1, w1)
                Self.step(&a2, &b2, w2)
                Self.step(&a3, &b3, w3)
                i += 32
            }
            Self.step(&a, &b, a1); Self.step(&a, &b, b1)
            Self.step(&a, &b, a2); Self.step(&a, &b, b2)
            Self.step(&a, &b, a3); Self.step(&a, &b, b3)
        }
        while i + 8 <= raw.count {
            Self.step(&a, &b, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        (high, low) = (a, b)
        var tail: UInt64 = 0
        while i < raw.count { tail = tail << 8 | UInt64(raw[i]); i += 1 }
        mix(tail)
        mix(UInt64(raw.count))
    }

    /// One word into one lane pair: for a fixed word a bijection of each lane, and for a fixed
    /// lane a bijection of the word.
    @inline(__always)
    private static func step(_ a: inout UInt64, _ b: inout UInt64, _ w: UInt64) {
        a = (a ^ w) &* 0x0000_0100_0000_01b3
        b = ((b ^ w) << 31 | (b ^ w) >> 33) &* 0xBF58_476D_1CE4_E5B9
    }

    private mutating func mix(_ w: UInt64) { Self.step(&high, &low, w) }

    static func hex(_ f: Fingerprint) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for word in [f.high, f.low] {
            for shift in stride(from: 60, through: 0, by: -4) { out.append(digits[Int((word >> UInt64(shift)) & 0xF)]) }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
