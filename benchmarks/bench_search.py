"""Dictionary search latency: 1,000 mixed queries (hanzi, pinyin three ways, English).

    .venv/bin/python benchmarks/bench_search.py [--queries 1000] [--seed 13]

Queries are drawn (seeded) from CC-CEDICT itself, a quarter each: a headword or its
first character(s); its reading without tones (`yinhang`); with tone digits
(`yin2hang2`) or tone marks (`yínháng`); an English word from a sense. Each query is run
through `DictionarySearch.search` on a warm index (as the window's search box does after
its first query); the figure is the per-query wall time. The goal is p99 <= 20 ms.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def mixed_queries(dictionary, count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    from app.core.language.cedict import numbered_to_marks

    rows = dictionary.read("SELECT simplified, pinyin_numbered, body FROM entries ORDER BY id")
    rows = [row for row in rows if re.fullmatch(r"[a-zA-Z:]+[1-5]( [a-zA-Z:]+[1-5])*", row[1])]
    queries: list[str] = []
    while len(queries) < count:
        simplified, numbered, senses = rng.choice(rows)
        marked = numbered_to_marks(numbered)
        kind = len(queries) % 4
        if kind == 0:
            queries.append(simplified[: rng.randint(1, len(simplified))])
        elif kind == 1:
            queries.append(re.sub(r"[0-9 ]", "", numbered.lower()).replace("u:", "v"))
        elif kind == 2:
            queries.append(numbered.replace(" ", "").lower() if rng.random() < 0.5
                           else marked.replace(" ", "").lower())
        else:
            words = re.findall(r"[a-z]{3,}", senses.lower())
            if words:
                queries.append(rng.choice(words))
    return queries


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()

    from app.core.analysis.analyzer import Analyzer
    from app.core.language.dictionary_search import DictionarySearch

    started = time.perf_counter()
    dictionary = Analyzer().dictionary
    search = DictionarySearch(dictionary)
    print(f"index open (or build): {time.perf_counter() - started:.2f} s")
    queries = mixed_queries(dictionary, args.queries, args.seed)
    search.search("warm up")
    times, empty = [], 0
    for query in queries:
        t0 = time.perf_counter()
        found = search.search(query)
        times.append((time.perf_counter() - t0) * 1000)
        empty += not found
    times.sort()
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    print(f"{len(queries)} mixed queries: median {statistics.median(times):.2f} ms, "
          f"p95 {times[int(len(times) * 0.95)]:.2f} ms, p99 {p99:.2f} ms, "
          f"max {times[-1]:.2f} ms (goal p99 <= 20 ms); {empty} found nothing")
    for query in ("yinhang", "yin2hang2", "yínháng", "bank"):
        top = [r.entry.simplified for r in search.search(query, 3)]
        print(f"  {query:10s} -> {' '.join(top)}")
    loadavg = Path("/proc/loadavg")
    if loadavg.exists():
        print(f"load average: {' '.join(loadavg.read_text().split()[:3])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
