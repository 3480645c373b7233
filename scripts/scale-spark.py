#!/usr/bin/env python3
"""Run telescan under Apache Spark (RDD.pipe, local mode) and check it against one plain run.

Not part of CI. Prints PASS/FAIL and timings.

  python3 scripts/scale-spark.py FILE [--master local[2]] [--partitions N]
                                 [--bin PATH] [--date YYYY-MM-DD]

FILE is a JSON Lines export ({"id":..,"text":..} per line), e.g. one made with
`scripts/make-bench-data 50 bench/bench-50.jsonl`.

What it does:
  1. reads FILE as an RDD of lines (sc.textFile: Spark cuts the file on line ends), and runs
     one untimed warm-up job through `cat` (the first job starts Spark's Python workers);
  2. rdd.pipe("<bin> scan --input-format jsonl --date D -j 1", checkCode=True): each partition
     is streamed through one telescan process, which prints one record per input line;
  3. collects the records and compares them with one plain `telescan scan FILE` run: the same
     number of records, the same multiset of lines, identical after sorting by id (each record
     is one JSON object per line with an "id" field), and whether collect() kept input order.

No --fail-on: a completed telescan run exits 0 whatever it finds, so checkCode=True turns only
a real failure (crash, unreadable rule data) into a failed Spark task, which Spark retries.
RDD.pipe starts the command with an empty environment unless env= is given, so the binary is
named by its absolute path and finds its rule data beside itself (or via --lexicons).

On first use it creates the virtual environment .venv-spark in the repository root, installs
pyspark from PyPI into it (Spark needs Java 17 or later: `java -version`), and re-runs itself
there.
"""

import argparse
import atexit
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from datetime import date

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VENV = os.path.join(REPO, ".venv-spark")


def ensure_venv():
    """Create .venv-spark and install pyspark when missing; re-exec inside it."""
    if os.path.realpath(sys.prefix) == os.path.realpath(VENV):
        return
    py = os.path.join(VENV, "bin", "python")
    if not os.path.exists(py):
        print(f"scale-spark: creating {VENV}", file=sys.stderr)
        subprocess.check_call([sys.executable, "-m", "venv", VENV])
    probe = subprocess.run([py, "-c", "import pyspark"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if probe.returncode != 0:
        print("scale-spark: installing pyspark into .venv-spark", file=sys.stderr)
        subprocess.check_call([py, "-m", "pip", "install", "-q", "pyspark"])
    os.execv(py, [py, os.path.abspath(__file__)] + sys.argv[1:])


BUSY = ["pgrep", "-f", "swift-build|swift-frontend"]


def building():
    """Whether a Swift build (another session's, on this shared machine) is running."""
    return subprocess.run(BUSY, stdout=subprocess.DEVNULL).returncode == 0


def watch_builds(flag, stop):
    """Set flag while the timings run if a Swift build ran meanwhile (timings would be low)."""
    while not stop.wait(1):
        if building():
            flag.set()


def record_id(line):
    return json.loads(line)["id"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("file")
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--partitions", type=int, default=0,
                    help="minimum partitions for sc.textFile (default: Spark's, one per 32 MB block, at least 2)")
    ap.add_argument("--bin", default=os.path.join(REPO, ".build", "release", "telescan"))
    ap.add_argument("--date", default=date.today().isoformat(),
                    help="service date for every run (default today, fixed once for all runs)")
    args = ap.parse_args()
    ensure_venv()

    path = os.path.abspath(args.file)
    source = os.path.abspath(args.bin)
    if not os.access(source, os.X_OK):
        sys.exit(f"scale-spark: no telescan binary at {source}")
    # Run a copy, with its rule data beside it (as shipped to a worker): a build made meanwhile
    # in the same tree must not change the binary between the plain run and the Spark one.
    work = tempfile.mkdtemp(prefix="telescan-spark.")
    atexit.register(shutil.rmtree, work, True)
    binary = os.path.join(work, "telescan")
    shutil.copy2(source, binary)
    resources = os.path.join(os.path.dirname(source), "telescan_TelescanLexicons.resources")
    if os.path.isdir(resources):
        shutil.copytree(resources, os.path.join(work, os.path.basename(resources)))
    size = os.path.getsize(path)
    with open(path, "rb") as f:
        notes = sum(1 for _ in f)
    cmd = f"{shlex.quote(binary)} scan --input-format jsonl --date {args.date} -j 1"

    def rate(s):
        return f"{size / 1e6 / s:.1f} MB/s, {notes / s:.0f} notes/s"

    print(f"scale-spark: {path} ({size / 1e6:.1f} MB, {notes} notes), master {args.master}")
    for _ in range(180):  # wait up to 15 minutes for a quiet machine
        if not building():
            break
        time.sleep(5)
    disturbed, stop = threading.Event(), threading.Event()
    threading.Thread(target=watch_builds, args=(disturbed, stop), daemon=True).start()

    # The plain run, as a single process with all cores.
    t0 = time.perf_counter()
    plain = subprocess.run([binary, "scan", "--input-format", "jsonl", "--date", args.date, path],
                           stdout=subprocess.PIPE, check=True).stdout.decode("utf-8").splitlines()
    t_plain = time.perf_counter() - t0
    print(f"plain: telescan scan FILE (one process, -j {os.cpu_count()}): {t_plain:.2f}s ({rate(t_plain)})")

    # Local mode: keep Spark on the loopback interface (no other address is needed or used).
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from pyspark.sql import SparkSession

    t0 = time.perf_counter()
    spark = (SparkSession.builder.master(args.master).appName("telescan-scale")
             .config("spark.driver.memory", "2g")
             .config("spark.ui.enabled", "false")
             .config("spark.driver.host", "127.0.0.1")
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    sc = spark.sparkContext
    t_start = time.perf_counter() - t0
    print(f"spark: {spark.version}, session started in {t_start:.2f}s (not counted below)")

    uri = "file://" + path
    lines = sc.textFile(uri, minPartitions=args.partitions) if args.partitions else sc.textFile(uri)
    parts = lines.getNumPartitions()
    # A first job starts Spark's Python workers and warms the JVM (about 4 s here): do it with
    # a pipe through cat, so that the timing below is telescan's share plus Spark's steady cost.
    t0 = time.perf_counter()
    warm = lines.pipe("/bin/cat", checkCode=True).count()
    t_warm = time.perf_counter() - t0
    print(f"spark: warm-up job rdd.pipe('/bin/cat').count() = {warm} lines in {t_warm:.2f}s (not counted below)")

    t0 = time.perf_counter()
    out = lines.pipe(cmd, checkCode=True).collect()
    t_spark = time.perf_counter() - t0
    print(f"spark: sc.textFile(FILE) [{parts} partitions].pipe({cmd!r}, checkCode=True).collect(): "
          f"{t_spark:.2f}s ({rate(t_spark)})")
    spark.stop()
    stop.set()
    if disturbed.is_set():
        print("WARNING: a Swift build ran on this machine during the run: the timings above are low")

    ok = True
    same_count = len(out) == len(plain) == notes
    print(f"{'PASS' if same_count else 'FAIL'}: {len(out)} records from Spark, {len(plain)} from the plain run, {notes} input lines")
    ok &= same_count
    same_multiset = Counter(out) == Counter(plain)
    print(f"{'PASS' if same_multiset else 'FAIL'}: same multiset of records")
    ok &= same_multiset
    ids = [record_id(l) for l in plain]
    unique = len(set(ids)) == len(ids)
    by_id_spark = sorted(out, key=record_id)
    by_id_plain = sorted(plain, key=record_id)
    same_sorted = by_id_spark == by_id_plain
    print(f"{'PASS' if same_sorted else 'FAIL'}: identical after sorting by id"
          f"{'' if unique else ' (WARNING: ids are not unique)'}")
    ok &= same_sorted
    print(f"info: collect() returned the records in input order: {'yes' if out == plain else 'no'}")
    print("PASS" if ok else "FAIL")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
