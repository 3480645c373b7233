import ArgumentParser
import Foundation
import TelescanCore

struct ContextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "context",
        abstract: "Classify a concept in a sentence with the context rules (negated, historical, hypothetical, other person), or score them on the NegEx test set."
    )

    @Option(name: .customLong("negex"), help: "Score on a NegEx annotation file (tab-separated: line, condition, sentence, negation, temporality, experiencer).")
    var negex: String?

    @Option(name: .customLong("concept"), help: "The concept to classify in the sentence.")
    var concept: String?

    @Argument(help: "The sentence (with --concept).")
    var sentence: String?

    @Option(name: .customLong("lexicons"), help: "Use the rule data in this folder instead of the bundled one.")
    var lexicons: String?

    func validate() throws {
        if negex == nil && (concept == nil || sentence == nil) {
            throw ValidationError("give --negex FILE, or --concept TEXT and a sentence")
        }
    }

    func run() throws {
        let classifier = ContextClassifier(lexicons: try LexiconLoading.load(lexicons))
        if let negex {
            print(try NegExEvaluation.run(file: negex, classifier: classifier).report(), terminator: "")
            return
        }
        guard let l = classifier.classify(sentence: sentence!, concept: concept!) else {
            throw Failure("the concept does not occur in the sentence")
        }
        print("negated=\(l.negated) historical=\(l.historical) hypothetical=\(l.hypothetical) other_experiencer=\(l.otherExperiencer)")
    }
}
