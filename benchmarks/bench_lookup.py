"""Dictionary speed and memory: cold build, warm open, per-token lookups, peak RSS.

Run: .venv/bin/python benchmarks/bench_lookup.py
Tokens are every jieba.lcut token of the five built-in articles. The RSS figure comes
from a child process that only opens the dictionary and looks tokens up (no jieba), so
it is the dictionary's own share of the app's memory budget.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.core.language.dictionary import open_dictionary  # noqa: E402
from app.core.paths import resources_dir  # noqa: E402


def article_tokens() -> list[str]:
    import jieba

    jieba.setLogLevel(60)
    tokens: list[str] = []
    for path in sorted((resources_dir() / "articles").glob("*.txt")):
        tokens.extend(t for t in jieba.lcut(path.read_text(encoding="utf-8")) if t.strip())
    return tokens


def percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)

    def at(fraction: float) -> float:
        return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] * 1e6

    return f"p50 {at(0.50):7.1f} µs   p99 {at(0.99):7.1f} µs   max {ordered[-1] * 1e6:8.1f} µs"


def time_each(function: Callable[[str], object], words: list[str]) -> list[float]:
    samples = []
    for word in words:
        start = time.perf_counter()
        function(word)
        samples.append(time.perf_counter() - start)
    return samples


def best_of(repeats: int, measure: Callable[[], list[float]]) -> list[float]:
    """Per-item minimum over runs: on a shared 2-core machine single samples catch
    scheduler pauses (~4 ms) that say nothing about the dictionary."""
    runs = [measure() for _ in range(repeats)]
    return [min(samples) for samples in zip(*runs, strict=True)]


def peak_rss_kib() -> int:
    """VmHWM of this process; ru_maxrss would include the parent's RSS inherited at spawn."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux


def peak_rss_child(cache: str, tokens_file: str) -> None:
    """Only open and look up, then report this process's peak RSS."""
    tokens = json.loads(Path(tokens_file).read_text(encoding="utf-8"))
    dictionary = open_dictionary(cache=Path(cache))
    for token in tokens:
        dictionary.lookup(token)
        dictionary.contains(token)
        dictionary.gloss(token)
    for _ in dictionary.headwords():  # the segmenter reads them all once
        pass
    print(peak_rss_kib())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rss-child", nargs=2, metavar=("CACHE", "TOKENS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.rss_child:
        peak_rss_child(*args.rss_child)
        return

    print(f"load average at start: {os.getloadavg()[0]:.2f} (2 cores; wall times inflate)")
    with tempfile.TemporaryDirectory(prefix="zhreader-bench-") as cache_name:
        cache = Path(cache_name)
        start, cpu_start = time.perf_counter(), time.process_time()
        open_dictionary(cache=cache).close()
        print(
            f"cold build (parse + index):    {time.perf_counter() - start:6.2f} s wall, "
            f"{time.process_time() - cpu_start:5.2f} s CPU"
        )

        opens = []
        for _ in range(7):
            start = time.perf_counter()
            opened = open_dictionary(cache=cache)
            opens.append(time.perf_counter() - start)
            opened.close()
        print(f"warm open (median of 7):       {statistics.median(opens) * 1000:6.1f} ms")

        tokens = article_tokens()
        unique = list(dict.fromkeys(tokens))
        print(f"tokens: {len(tokens)} ({len(unique)} distinct) from 5 built-in articles")

        def first_time(method: str, words: list[str]) -> Callable[[], list[float]]:
            def measure() -> list[float]:
                fresh = open_dictionary(cache=cache)  # empty LRU caches
                return time_each(getattr(fresh, method), words)

            return measure

        single = first_time("lookup", unique)()
        print(f"lookup, first time, 1 run:     {percentiles(single)}")
        for method in ("lookup", "contains", "gloss", "english_name"):
            samples = best_of(3, first_time(method, unique))
            print(f"{method + ', first time, best of 3:':38}{percentiles(samples)}")
        multi = [token for token in unique if len(token) > 1]
        fresh = open_dictionary(cache=cache)
        longest = best_of(3, lambda: time_each(lambda word: fresh.longest_match(word, 0), multi))
        print(f"longest_match, best of 3:      {percentiles(longest)}")
        dictionary = open_dictionary(cache=cache)
        dictionary.lookup_many(unique)
        for token in unique:
            dictionary.lookup(token)
        repeated = best_of(3, lambda: time_each(dictionary.lookup, tokens))
        print(f"lookup, every token (LRU hit): {percentiles(repeated)}")
        start = time.perf_counter()
        open_dictionary(cache=cache).lookup_many(unique)
        print(f"lookup_many, all distinct:     {(time.perf_counter() - start) * 1000:6.1f} ms")
        start = time.perf_counter()
        count = sum(1 for _ in dictionary.headwords())
        print(f"headwords(), {count} rows: {(time.perf_counter() - start) * 1000:6.1f} ms")

        tokens_file = cache / "tokens.json"
        tokens_file.write_text(json.dumps(tokens, ensure_ascii=False), encoding="utf-8")
        child = subprocess.run(
            [sys.executable, __file__, "--rss-child", str(cache), str(tokens_file)],
            capture_output=True,
            text=True,
            check=True,
        )
        print(f"peak RSS, open + look up only: {int(child.stdout.split()[-1]) / 1024:6.1f} MiB")


if __name__ == "__main__":
    main()
