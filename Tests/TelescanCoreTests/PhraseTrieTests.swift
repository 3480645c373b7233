import Foundation
import XCTest
import TelescanPCRE2
@testable import TelescanCore

/// Phrase alternations are written as a trie (phrases that start alike share their start).
/// The trie must find exactly what the plain alternation of the same phrases, longest first,
/// finds: same matches, same spans, anywhere.
final class PhraseTrieTests: XCTestCase {
    /// The plain alternation the trie replaces (phrases longest first, as `alternation` sorts).
    static func flat(_ phrases: [String]) -> String {
        let sorted = phrases.map { ($0, $0.unicodeScalars.count) }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        return "(?:" + sorted.map { PatternBuilder.phrasePattern($0.0) }.joined(separator: "|") + ")"
    }

    static func wholeWords(_ alternation: String) -> String { "(?<![\\w]|\\w-)" + alternation + "(?![\\w]|-\\w)" }

    func testSharedStartsAreWrittenOnce() throws {
        XCTAssertEqual(PatternBuilder.alternation(["no show", "no answer"], caseless: true), "(?:no\\s+(?:answer|show))")
        // Caseless: "Video" and "video" share their start; case-sensitive: they cannot.
        XCTAssertEqual(PatternBuilder.alternation(["Video call", "video visit"], caseless: true), "(?:video\\s+(?:visit|call))")
        XCTAssertEqual(PatternBuilder.alternation(["MD", "md"], caseless: false), "(?:MD|md)")
        // A pattern that turns case back on anywhere keeps its lists' cases apart.
        XCTAssertEqual(try PatternBuilder.expandLists("(?-i:{{c}})", lists: ["c": ["md x", "MD"]], caseless: true),
                       "(?-i:(?:md\\s+x|MD))")
        XCTAssertEqual(try PatternBuilder.expandLists("{{c}}", lists: ["c": ["md x", "MD"]], caseless: true),
                       "(?:md(?:\\s+x|))")
        // A phrase that ends where a longer one goes on stays last.
        XCTAssertEqual(PatternBuilder.alternation(["no show up", "no show"], caseless: true), "(?:no\\s+show(?:\\s+up|))")
        // A hyphen may match '-', whitespace or nothing: phrases after one are not merged.
        XCTAssertEqual(PatternBuilder.alternation(["e-visit", "e-consult"], caseless: true), "(?:e(?:\\s*(?:-\\s*)?consult|\\s*(?:-\\s*)?visit))")
        // Whitespace then a hyphen: the whitespace run is not forced, so nothing is merged.
        XCTAssertEqual(PatternBuilder.alternation(["a -b", "a c"], caseless: true), "(?:a(?:\\s+\\s*(?:-\\s*)?b|\\s+c))")
        // A non-ASCII first character may fold onto an ASCII one (the Kelvin sign and "k"):
        // the list is left as it is.
        XCTAssertEqual(PatternBuilder.alternation(["\u{212A}elvin", "kilo"], caseless: true), "(?:\u{212A}elvin|kilo)")
    }

    /// Every phrase list of the bundled rules and lists, over texts made from its own phrases
    /// (as written, upper-cased, capitalised, hyphens as spaces and as nothing, run together)
    /// and over the corpus notes.
    func testBundledPhraseListsMatchAsBefore() throws {
        var sets: [[String]] = []
        let fm = FileManager.default
        for folder in ["lists", "rules", "context"] {
            let dir = Repo.lexicons + "/" + folder
            for file in try fm.contentsOfDirectory(atPath: dir).sorted() where file.hasSuffix(".yaml") {
                let tree = try YAMLTree.parse(Array(try Data(contentsOf: URL(fileURLWithPath: dir + "/" + file))))
                guard let doc = tree as? [String: Any] else { continue }
                if let phrases = doc["phrases"] as? [Any] { sets.append(phrases.map { "\($0)" }) }
                for rule in doc["rules"] as? [Any] ?? [] {
                    if let phrases = (rule as? [String: Any])?["phrases"] as? [Any] { sets.append(phrases.map { "\($0)" }) }
                }
            }
        }
        XCTAssertGreaterThan(sets.count, 40)
        var notes: [[UInt8]] = []
        for file in try fm.contentsOfDirectory(atPath: Repo.corpus + "/notes").sorted() {
            notes.append(Array(try Data(contentsOf: URL(fileURLWithPath: Repo.corpus + "/notes/" + file))))
        }
        XCTAssertGreaterThan(notes.count, 500)
        var factored = 0
        for phrases in sets {
            let trie = PatternBuilder.alternation(phrases, caseless: true)
            if trie != Self.flat(phrases) { factored += 1 }
            var texts = phrases.flatMap { p in
                [p, p.uppercased(), p.capitalized, p.replacingOccurrences(of: "-", with: " "),
                 p.replacingOccurrences(of: "-", with: ""), "x \(p) y", "\(p)s", "pre\(p)"]
            }
            texts.append(phrases.joined(separator: " "))
            texts.append(phrases.joined(separator: ", "))
            try assertSameMatches(Self.wholeWords(Self.flat(phrases)), Self.wholeWords(trie),
                                  texts.map { Array($0.utf8) } + notes, phrases.prefix(3).joined(separator: "|"))
        }
        // Most lists share starts; the test would prove nothing if none were factored.
        XCTAssertGreaterThan(factored, sets.count / 2)
    }

    /// Random phrase lists over a small alphabet (letters in both cases, spaces, hyphens), over
    /// random texts from the same alphabet.
    func testRandomPhraseListsMatchAsBefore() throws {
        var rng = SplitMix(seed: 42)
        let alphabet = Array("aAbB -c")
        func word(_ n: Int) -> String { String((0..<n).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }) }
        for round in 0..<300 {
            let phrases = (0..<(2 + Int(rng.next() % 8))).map { _ in
                word(1 + Int(rng.next() % 6)).trimmingCharacters(in: .whitespaces)
            }.filter { !$0.isEmpty && $0 != "-" }
            guard !phrases.isEmpty else { continue }
            let texts = (0..<20).map { _ in Array(word(5 + Int(rng.next() % 40)).utf8) } + phrases.map { Array($0.utf8) }
            for caseless in [true, false] {
                let trie = PatternBuilder.alternation(phrases, caseless: caseless)
                let options: RegexOptions = caseless ? .standard : [.utf, .multiline]
                try assertSameMatches("(?:" + Self.flat(phrases) + ")", trie, texts, "round \(round) \(phrases)", options: options)
            }
        }
    }

    func assertSameMatches(_ flat: String, _ trie: String, _ texts: [[UInt8]], _ label: String,
                           options: RegexOptions = .standard, file: StaticString = #filePath, line: UInt = #line) throws {
        let a = try CompiledPattern(flat, options: options), b = try CompiledPattern(trie, options: options)
        let scratch = MatchScratch(maxCaptures: 1)
        for text in texts {
            let spans = try text.withUnsafeBufferPointer { buf in
                var x: [Range<Int>] = [], y: [Range<Int>] = []
                try a.forEachMatch(in: buf, scratch: scratch) { x.append($0.start..<$0.end) }
                try b.forEachMatch(in: buf, scratch: scratch) { y.append($0.start..<$0.end) }
                return (x, y)
            }
            if spans.0 != spans.1 {
                XCTFail("\(label): \(trie) found \(spans.1), the plain alternation \(spans.0) in \(String(decoding: text.prefix(80), as: UTF8.self))",
                        file: file, line: line)
                return
            }
        }
    }
}
