#!/usr/bin/env python3
"""Score medspaCy's ConText (default rules) on the NegEx test kit, in telescan's table format.

Not part of CI. It measures a reference system on exactly the rows and concepts that
`telescan context --negex FILE` scores, so the two tables can be compared line by line:

  * row = one line of the tab-separated kit (header skipped, empty lines skipped, rows with
    fewer than 6 columns skipped), as telescan's NegExEvaluation reads it;
  * concept = the first case-insensitive occurrence of column 2 in column 3; rows where it
    does not occur are skipped and counted ("concept not found in sentence");
  * gold: negated = column 4 is "Negated"; historical = column 5 is "Historical";
    hypothetical = column 5 is "Not particular" (or "hypothetical"); other_experiencer =
    column 6 starts with "Other" (as telescan scores it: the 4 "Family member" rows are
    negatives there; `--family-is-other` counts them as positives too);
  * found: medspaCy span attributes is_negated, is_historical, is_hypothetical, is_family.

By default the whole of column 3 is one sentence (telescan's classifier gives each row one
text unit, so a trigger anywhere in the row can reach the concept). `--sentencize` runs
medspaCy's default sentence splitter (PyRuSH) first, so ConText scopes stop at its
sentence boundaries.

On first use it creates the virtual environment `.venv-medspacy` in the repository root and
installs medspacy==1.3.1 from PyPI into it, then re-runs itself there. medspaCy's default
pipeline (`medspacy.load()`) starts from a blank English spaCy model, so no model is
downloaded.

  python3 scripts/negex-medspacy.py [FILE] [--sentencize] [--family-is-other]
                                    [--rows OUT.tsv [--telescan BIN]]

`--rows` writes one line per scored row (gold, medspaCy and, with `--telescan`, telescan's
own labels from `telescan context --concept C SENTENCE`), for finding disagreements.
"""

import argparse
import os
import subprocess
import sys

MEDSPACY_VERSION = "1.3.1"
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VENV = os.path.join(REPO, ".venv-medspacy")
DEFAULT_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "eval", "negex-testset", "rsAnnotations-1-120-random.txt")
CATEGORIES = ["negated", "historical", "hypothetical", "other_experiencer"]


def venv_python():
    return os.path.join(VENV, "bin", "python")


def ensure_venv():
    """Create .venv-medspacy and install medspaCy when missing; re-exec inside it."""
    if os.path.realpath(sys.prefix) == os.path.realpath(VENV):
        return
    py = venv_python()
    if not os.path.exists(py):
        print(f"negex-medspacy: creating {VENV}", file=sys.stderr)
        subprocess.check_call([sys.executable, "-m", "venv", VENV])
    probe = subprocess.run(
        [py, "-c", f"import medspacy, sys; sys.exit(0 if medspacy.__version__ == '{MEDSPACY_VERSION}' else 1)"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if probe.returncode != 0:
        print(f"negex-medspacy: installing medspacy=={MEDSPACY_VERSION} from PyPI", file=sys.stderr)
        subprocess.check_call([py, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                               f"medspacy=={MEDSPACY_VERSION}"])
    os.execv(py, [py, os.path.abspath(__file__)] + sys.argv[1:])


class Score:
    def __init__(self):
        self.tp = self.fp = self.fn = self.tn = 0

    def add(self, gold, found):
        if gold and found:
            self.tp += 1
        elif found:
            self.fp += 1
        elif gold:
            self.fn += 1
        else:
            self.tn += 1

    # Same definitions as telescan's NegExEvaluation.Score (precision/recall 1 when undefined).
    def accuracy(self):
        return (self.tp + self.tn) / max(self.tp + self.fp + self.fn + self.tn, 1)

    def precision(self):
        return 1.0 if self.tp + self.fp == 0 else self.tp / (self.tp + self.fp)

    def recall(self):
        return 1.0 if self.tp + self.fn == 0 else self.tp / (self.tp + self.fn)

    def f1(self):
        p, r = self.precision(), self.recall()
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def read_rows(path):
    """(line number, concept, sentence, gold dict) for each row with at least 6 columns."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    lines = [l for l in text.split("\n") if l != ""]
    for line in lines[1:]:
        cols = line.split("\t")
        if len(cols) < 6:
            continue
        temporality = cols[4].lower()
        gold = {
            "negated": cols[3].lower() == "negated",
            "historical": temporality == "historical",
            "hypothetical": temporality.startswith("not") or temporality == "hypothetical",
            "other_experiencer": cols[5].lower().startswith("other"),
            "family": cols[5].lower().startswith("family"),
        }
        yield cols[0], cols[1], cols[2], gold


def telescan_labels(binary, concept, sentence):
    """telescan's own labels for one row (None when it says the concept does not occur)."""
    for attempt in range(20):  # the binary may be missing for a moment while it is rebuilt
        if os.path.exists(binary):
            break
        import time
        time.sleep(3)
    p = subprocess.run([binary, "context", "--concept", concept, "--", sentence],
                       capture_output=True, text=True)
    if p.returncode != 0:
        return None
    out = {}
    for part in p.stdout.split():
        k, _, v = part.partition("=")
        out[k] = v == "true"
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("file", nargs="?", default=DEFAULT_FILE)
    ap.add_argument("--sentencize", action="store_true",
                    help="split each row into sentences with PyRuSH before ConText")
    ap.add_argument("--family-is-other", action="store_true",
                    help="count gold 'Family member' rows as other_experiencer positives")
    ap.add_argument("--rows", help="write per-row labels (TSV) to this file")
    ap.add_argument("--telescan", help="with --rows: also label each row with this telescan binary")
    args = ap.parse_args()

    import medspacy
    import spacy
    try:  # PyRuSH logs every sentence at DEBUG level through loguru
        from loguru import logger
        logger.remove()
        logger.add(sys.stderr, level="WARNING")
    except ImportError:
        pass

    nlp = medspacy.load()  # blank 'en' + medspaCy tokenizer, PyRuSH, target matcher, ConText
    context = nlp.get_pipe("medspacy_context")
    rush = nlp.get_pipe("medspacy_pyrush")

    scores = {c: Score() for c in CATEGORIES}
    rows = skipped = 0
    out_rows = []
    for line_no, concept, sentence, gold in read_rows(args.file):
        start = sentence.lower().find(concept.lower()) if concept else -1
        if start < 0:
            skipped += 1
            continue
        doc = nlp.make_doc(sentence)
        if args.sentencize:
            doc = rush(doc)
        else:
            for i, tok in enumerate(doc):
                tok.is_sent_start = i == 0
        span = doc.char_span(start, start + len(concept), label="CONCEPT", alignment_mode="expand")
        if span is None or len(span) == 0:
            skipped += 1
            continue
        doc.ents = [span]
        doc = context(doc)
        ent = doc.ents[0]
        found = {
            "negated": bool(ent._.is_negated),
            "historical": bool(ent._.is_historical),
            "hypothetical": bool(ent._.is_hypothetical),
            "other_experiencer": bool(ent._.is_family),
        }
        g = dict(gold)
        if args.family_is_other:
            g["other_experiencer"] = gold["other_experiencer"] or gold["family"]
        rows += 1
        for c in CATEGORIES:
            scores[c].add(g[c], found[c])
        if args.rows:
            mods = "; ".join(f"{m.category}:{doc[m.modifier_span[0]:m.modifier_span[1]].text}"
                             for m in ent._.modifiers)
            out_rows.append([line_no, concept, sentence, g, found, None, mods])

    print(f"sentences scored: {rows} (concept not found in sentence: {skipped})")
    print("category            accuracy  precision  recall   F1     gold+")
    for c in CATEGORIES:
        x = scores[c]
        print(c.ljust(18) + "  %6.3f    %6.3f   %6.3f  %6.3f  %5d"
              % (x.accuracy(), x.precision(), x.recall(), x.f1(), x.tp + x.fn))
    print(f"(medspacy {medspacy.__version__}, spacy {spacy.__version__}, default ConText rules; "
          f"{'PyRuSH sentences' if args.sentencize else 'one unit per row'})")

    if args.rows:
        if args.telescan:
            from concurrent.futures import ThreadPoolExecutor
            with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
                labels = pool.map(lambda r: telescan_labels(args.telescan, r[1], r[2]), out_rows)
                for r, ts in zip(out_rows, labels):
                    r[5] = ts
        short = {"negated": "neg", "historical": "hist", "hypothetical": "hyp", "other_experiencer": "other"}
        with open(args.rows, "w", encoding="utf-8") as f:
            head = ["line", "concept"]
            for c in CATEGORIES:
                head += [f"gold_{short[c]}", f"medspacy_{short[c]}", f"telescan_{short[c]}"]
            head += ["medspacy_modifiers", "sentence"]
            f.write("\t".join(head) + "\n")
            for line_no, concept, sentence, g, found, ts, mods in out_rows:
                cells = [line_no, concept]
                for c in CATEGORIES:
                    t = "" if ts is None else str(int(ts.get(c, False)))
                    cells += [str(int(g[c])), str(int(found[c])), t]
                cells += [mods, sentence]
                f.write("\t".join(cells) + "\n")


if __name__ == "__main__":
    ensure_venv()
    main()
