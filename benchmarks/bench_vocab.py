"""Vocabulary store and export timings: is one fsync per saved word affordable?

Run: .venv/bin/python benchmarks/bench_vocab.py [--words N]
Uses a temporary directory (on the same filesystem as the system temp dir); prints
per-save latency (synchronous=FULL, as shipped, and NORMAL for comparison), list and
known-word query times, and export times per format. The sample words do not occur in
their sentences, so exports take the slowest marking path (a script-converted search).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.core.types import VocabItem
from app.core.user.export import export
from app.core.user.vocab import VocabStore

REPO = Path(__file__).resolve().parents[1]


def sample_items(count: int) -> list[VocabItem]:
    """Distinct two-character words with real sentences from a built-in article."""
    text = (REPO / "resources" / "articles" / "xai-greg-yang-steps-back.txt").read_text(
        encoding="utf-8"
    )
    sentences = [s + "。" for s in text.replace("\n", "").split("。") if len(s) > 4]
    han = [ch for ch in dict.fromkeys(text) if "\u4e00" <= ch <= "\u9fff"]
    items = []
    for n in range(count):
        word = han[n % len(han)] + han[(n // len(han) + 1) % len(han)]
        sentence = sentences[n % len(sentences)]
        items.append(
            VocabItem(f"{word}{n}", f"{word}{n}", "cí yǔ", f"gloss {n}", sentence=sentence)
        )
    return items


def time_saves(path: Path, items: list[VocabItem], synchronous: str) -> list[float]:
    store = VocabStore(path)
    store._connection().execute(f"PRAGMA synchronous = {synchronous}")
    latencies = []
    for item in items:
        start = time.perf_counter()
        store.save(item)
        latencies.append(time.perf_counter() - start)
    store.close()
    return latencies


def describe(latencies: list[float]) -> str:
    ms = sorted(x * 1000 for x in latencies)
    p95 = ms[int(len(ms) * 0.95) - 1]
    return (
        f"median {statistics.median(ms):.2f} ms, p95 {p95:.2f} ms, "
        f"{len(ms) / sum(latencies):.0f} saves/s"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--words", type=int, default=500)
    args = parser.parse_args()
    items = sample_items(args.words)
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        print(f"{args.words} saves, one committed transaction each (temp dir {tmp}):")
        for sync in ("FULL", "NORMAL"):
            latencies = time_saves(tmp_path / f"{sync}.sqlite3", items, sync)
            shipped = " (shipped)" if sync == "FULL" else ""
            print(f"  synchronous={sync}{shipped}: {describe(latencies)}")

        store = VocabStore(tmp_path / "FULL.sqlite3")
        start = time.perf_counter()
        listed = store.items()
        print(f"items() of {len(listed)}: {(time.perf_counter() - start) * 1000:.1f} ms")
        start = time.perf_counter()
        store.known_words()
        print(f"known_words(): {(time.perf_counter() - start) * 1000:.1f} ms")
        store.close()

        for fmt in ("apkg", "tsv", "csv"):
            start = time.perf_counter()
            count = export(listed, tmp_path / f"out.{fmt}", fmt)
            elapsed = (time.perf_counter() - start) * 1000
            size = (tmp_path / f"out.{fmt}").stat().st_size
            print(f"export {fmt}: {count} words in {elapsed:.0f} ms ({size / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
