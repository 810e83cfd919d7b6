"""How analysis time grows with article length: linear means chars/s stays about constant.

Builds texts of 10k, 100k and 1M characters by repeating the built-in articles (as one
document, and as one line with every punctuation mark and line break removed), analyses
each without the on-disk cache, and prints seconds, characters per second and the
process's peak RSS. Run: .venv/bin/python benchmarks/bench_scaling.py [--max 1000000]
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("ZHREADER_CACHE_DIR", str(Path(tempfile.gettempdir()) / "zhreader-bench"))
os.environ.setdefault("ZHREADER_DATA_DIR", tempfile.mkdtemp(prefix="zhreader-bench-data-"))

from app.core.analysis.analyzer import Analyzer
from app.core.text.articles import builtin_articles
from app.core.types import Article


def _peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _repeat(text: str, size: int) -> str:
    return (text * (size // len(text) + 1))[:size]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--max", type=int, default=1_000_000, help="largest size to time")
    args = parser.parse_args()
    source = "\n".join(
        item.path.read_text(encoding="utf-8") for item in builtin_articles()
        if item.script == "simplified"
    )
    han_only = "".join(ch for ch in source if "\u4e00" <= ch <= "\u9fff")
    # Warm up: load the dictionary, jieba and the pinyin model once.
    analyzer = Analyzer()
    analyzer.analyze(Article("warm", source[:2000], "simplified"), use_cache=False)
    print(f"{'shape':<22}{'chars':>10}{'seconds':>10}{'chars/s':>12}{'peak RSS MiB':>14}")
    for shape, base in (("articles", source), ("one line, no punct.", han_only)):
        size = 10_000
        while size <= args.max:
            text = _repeat(base, size)
            started = time.perf_counter()
            analysis = analyzer.analyze(Article(shape, text, "simplified"), use_cache=False)
            seconds = time.perf_counter() - started
            assert analysis.tokens[-1].end == len(text)
            print(
                f"{shape:<22}{size:>10,}{seconds:>10.2f}{size / seconds:>12,.0f}"
                f"{_peak_rss_mib():>14.0f}",
                flush=True,
            )
            size *= 10
    return 0


if __name__ == "__main__":
    sys.exit(main())
