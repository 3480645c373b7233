#!/usr/bin/env python3
"""Scan three public note sets with telescan and count what it finds (python3 stdlib only).

Not part of CI; see docs/external-eval.md. The sets (read-only copies under ../shared/eval,
each with a SOURCE.md):

  primock57   57 UK GP notes of remote video consultations: notes/*.json, field `note`;
              id = file name without .json.
  aci-bench   ACI-Bench visit notes: the `note` column of the five split CSVs (the
              *_metadata.csv files are skipped); id = encounter_id; duplicates (same
              encounter id or same note text) are dropped.
  mtsamples   MTSamples transcriptions (mtsamples.jsonl), scanned with
              `--text-field transcription --id-field note_id`; rows are deduplicated by
              transcription text (first row kept), rows without text are dropped.

Each set is written as JSON Lines into a work folder (a new temporary folder unless --work
DIR is given; it is kept, so the records can be read afterwards), scanned with

  telescan scan --date 2026-06-15 --format jsonl SET.jsonl > SET.out.jsonl

and summarised: notes, counts by service and by status, how many records have each element
(and the modality values). Usage:

  python3 scripts/eval-external.py [--telescan BIN] [--eval-dir DIR] [--work DIR] [--sets a,b]
"""

import argparse
import collections
import csv
import glob
import json
import os
import subprocess
import sys
import tempfile
import time

DATE = "2026-06-15"
ELEMENTS = ["modality", "modality_switch", "consent", "time", "mdm", "patient_location",
            "provider_location", "performing_provider", "patient_status", "audio_only_reason",
            "device_days"]
SERVICES = ["telemedicine_visit", "virtual_checkin", "e_visit", "remote_monitoring", "in_person", None]
STATUSES = ["ready", "needs_query", "not_telehealth", "error"]


def write_jsonl(path, records):
    with open(path, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def primock57(eval_dir):
    out = []
    for p in sorted(glob.glob(os.path.join(eval_dir, "primock57", "notes", "*.json"))):
        with open(p, encoding="utf-8") as f:
            d = json.load(f)
        out.append({"id": os.path.splitext(os.path.basename(p))[0], "text": d["note"]})
    return out, {}


def aci_bench(eval_dir):
    csv.field_size_limit(1 << 30)
    out, seen_ids, seen_texts = [], set(), set()
    dropped = 0
    files = sorted(p for p in glob.glob(os.path.join(eval_dir, "aci-bench", "*.csv"))
                   if not p.endswith("_metadata.csv"))
    for p in files:
        with open(p, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                note, eid = row.get("note") or "", row.get("encounter_id") or ""
                if not note.strip() or eid in seen_ids or note in seen_texts:
                    dropped += 1
                    continue
                seen_ids.add(eid)
                seen_texts.add(note)
                out.append({"id": eid, "text": note})
    return out, {"rows dropped (duplicate id or note text, or empty)": dropped}


def mtsamples(eval_dir):
    out, seen = [], set()
    empty = dup = 0
    with open(os.path.join(eval_dir, "mtsamples", "mtsamples.jsonl"), encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            t = d.get("transcription")
            if t is None or not t.strip():
                empty += 1
                continue
            if t in seen:
                dup += 1
                continue
            seen.add(t)
            out.append(d)  # every column kept; telescan reads transcription / note_id
    return out, {"rows without text dropped": empty, "duplicate texts dropped": dup}


SETS = {
    "primock57": (primock57, []),
    "aci-bench": (aci_bench, []),
    "mtsamples": (mtsamples, ["--text-field", "transcription", "--id-field", "note_id"]),
}


def run_telescan(binary, args, inp, outp):
    for _ in range(40):  # the binary may be missing for a moment while it is rebuilt
        if os.path.exists(binary):
            break
        time.sleep(3)
    cmd = [binary, "scan", "--date", DATE, "--format", "jsonl"] + args + [inp]
    with open(outp, "w", encoding="utf-8") as f:
        subprocess.run(cmd, stdout=f, check=True)
    return cmd


def table(title, counter, keys=None):
    keys = keys if keys is not None else sorted(counter, key=lambda k: (-counter[k], str(k)))
    lines = [f"| {title} | notes |", "| --- | ---: |"]
    for k in keys:
        if counter.get(k, 0):
            lines.append(f"| {'null' if k is None else k} | {counter[k]} |")
    return "\n".join(lines)


def summarise(name, records, notes):
    services = collections.Counter(r.get("service") for r in records)
    statuses = collections.Counter(r.get("status") for r in records)
    elements = collections.Counter(e for r in records for e in (r.get("elements") or {}))
    modality = collections.Counter((r.get("elements") or {}).get("modality", {}).get("value")
                                   for r in records if "modality" in (r.get("elements") or {}))
    missing = collections.Counter(m.get("reason") for r in records for m in r.get("missing", []))
    print(f"\n## {name}: {len(records)} records ({notes} notes written)\n")
    print(table("service", services, SERVICES + sorted(set(services) - set(SERVICES), key=str)))
    print()
    print(table("status", statuses, STATUSES + sorted(set(statuses) - set(STATUSES), key=str)))
    print()
    print("| element | notes with it |\n| --- | ---: |")
    for e in ELEMENTS + sorted(set(elements) - set(ELEMENTS)):
        print(f"| {e} | {elements.get(e, 0)} |")
    if modality:
        print()
        print(table("modality value", modality))
    if missing:
        print()
        print(table("missing reason", missing))


def main():
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--telescan", default=os.path.join(here, ".build", "debug", "telescan"))
    ap.add_argument("--eval-dir", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "eval"))
    ap.add_argument("--work", help="folder for the JSON Lines inputs and outputs (default: a new temp folder)")
    ap.add_argument("--sets", default=",".join(SETS), help="comma-separated: " + ", ".join(SETS))
    args = ap.parse_args()

    work = args.work or tempfile.mkdtemp(prefix="telescan-external-")
    os.makedirs(work, exist_ok=True)
    print(f"# telescan on external notes (work folder: {work})")
    for name in args.sets.split(","):
        load, extra = SETS[name]
        notes, info = load(args.eval_dir)
        inp = os.path.join(work, f"{name}.jsonl")
        outp = os.path.join(work, f"{name}.out.jsonl")
        write_jsonl(inp, notes)
        cmd = run_telescan(args.telescan, extra, inp, outp)
        with open(outp, encoding="utf-8") as f:
            records = [json.loads(l) for l in f if l.strip()]
        summarise(name, records, len(notes))
        print(f"\ncommand: `{' '.join(os.path.basename(c) if c == args.telescan else c for c in cmd)}`")
        for k, v in info.items():
            print(f"{k}: {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
