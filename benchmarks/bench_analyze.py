"""Reader-core figures per built-in article: gloss coverage, pinyin coverage, time, memory.

    python benchmarks/bench_analyze.py

Whole-word gloss share = Chinese tokens (with a Han character) whose gloss comes from the word
itself; "any gloss" adds glosses built from the word's parts. The baseline column is plain
jieba + CC-CEDICT lookup of each jieba token.
"""

from __future__ import annotations

import os
import time

from _common import ARTICLES, PYTHON, REPO, median, run_fresh


def main() -> None:
    import sys

    sys.path.insert(0, str(REPO))
    import jieba

    from app.core.analysis.analyzer import default_analyzer
    from app.core.text.articles import builtin_articles
    from app.core.text.chars import has_han
    from app.core.text.script import to_simplified

    jieba.setLogLevel(60)
    analyzer = default_analyzer()
    dictionary = analyzer.dictionary
    print(f"{'article':40s} {'tokens':>6s} {'zh':>5s} {'word%':>6s} {'any%':>6s} "
          f"{'pinyin%':>7s} {'jieba%':>6s} {'ms':>6s}")
    for item in builtin_articles():
        start = time.perf_counter()
        analysis = analyzer.analyze_path(item.path)
        ms = (time.perf_counter() - start) * 1000
        zh = [t for t in analysis.tokens if has_han(t.text)]
        word = sum(t.source == "word" for t in zh)
        any_gloss = sum(t.gloss is not None for t in zh)
        han_chars = [(p, c) for t in zh for p, c in zip(t.pinyin, t.text, strict=True)
                     if has_han(c)]
        pinyin_ok = sum(bool(p) for p, _ in han_chars)
        plain = [w for w in jieba.lcut(to_simplified(analysis.text)) if has_han(w)]
        plain_hit = sum(dictionary.contains(w) for w in plain)
        print(f"{item.path.name:40s} {len(analysis.tokens):6d} {len(zh):5d} "
              f"{100 * word / len(zh):6.1f} {100 * any_gloss / len(zh):6.1f} "
              f"{100 * pinyin_ok / max(1, len(han_chars)):7.1f} "
              f"{100 * plain_hit / len(plain):6.1f} {ms:6.0f}")
    largest = ARTICLES / "meta-alexandr-wang-lecun-review.txt"
    cmd = [PYTHON, "-m", "app", "analyze", str(largest)]
    run_fresh(cmd, dict(os.environ))  # warm caches
    runs = [run_fresh(cmd, dict(os.environ)) for _ in range(5)]
    print(f"zhreader analyze {largest.name}: median {median([r.seconds for r in runs]):.3f} s, "
          f"peak {max(r.peak_mib for r in runs):.1f} MiB (fresh process, caches warm, 5 runs)")


if __name__ == "__main__":
    main()
