"""Where zhreader's contextual pinyin goes wrong on the CSMSC dev half, by error class.

    .venv/bin/python benchmarks/pinyin_errors.py [--chars 为得长] [--limit N] [--examples K]

For each scored polyphone (scoring of bench_pinyin.py) that zhreader reads wrong, which part
of the reader decided it: an override, a dictionary word (one listed reading, or the network
choosing between listed readings), a word the segmenter split, the adverbial-地 rule, a
context rule of `polyphone_rules`, the network on a lone character, or the character table.
With --examples it prints each error's segmented, tagged clause: for finding error *classes*
on dev (tune on dev only; never on the held-back half), never for writing a rule from a
sentence.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.bench_pinyin import (
    _plain,
    everyday_targets,
    is_right,
    load_everyday,
    numbered,
)


class _Sources:
    """Which part of the reader decided each character of one sentence: the plan, the
    overrides, the tags and the rules' verdicts are worked out once per sentence."""

    def __init__(self, reader, text: str, words) -> None:
        from app.core.language.pinyin import _simplified_for_lookup

        self._reader, self._text, self._words = reader, text, words
        self._plan = reader._plan(text, _simplified_for_lookup(text), words)
        self._overrides = reader.override_readings(self._plan.simplified, words)
        self._ruled: dict[int, str] | None = None

    def __call__(self, i: int) -> str:
        plan = self._plan
        if i in self._overrides:
            return "override"
        if i in plan.joined:
            return "split-word"
        for start, candidates in plan.words:
            if start <= i < start + len(candidates.readings[0]):
                return "word-choice"
        if i in plan.fixed:
            return "word" if self._text[i] != "地" else "word/de-rule"
        if i in plan.pending:
            if self._ruled is None:
                self._ruled = self._reader._rule_readings(
                    self._text, plan.simplified, self._words, plan.pending
                )
            return "rule" if i in self._ruled else "network"
        return "table"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--chars", default="", help="only these characters")
    parser.add_argument("--examples", type=int, default=0, help="contexts per character")
    args = parser.parse_args()
    import jieba

    jieba.setLogLevel(60)
    from app.core.analysis.analyzer import Analyzer

    reader = Analyzer().reader
    rows = load_everyday(args.limit)
    targets = everyday_targets(rows)
    by_row: dict[int, list[tuple[int, str, bool]]] = {}
    for r, i, label, sandhi in targets:
        if not args.chars or rows[r][0][i] in args.chars:
            by_row.setdefault(r, []).append((i, label, sandhi))
    sources: Counter = Counter()
    per: Counter = Counter()
    shown: Counter = Counter()
    for r, items in by_row.items():
        text = rows[r][0]
        words = reader.words(text)
        out = reader.read(text, words)
        sources_of = None
        for i, label, sandhi in items:
            got = _plain(numbered(out[i]) if out[i] else "")
            if is_right(got, label, sandhi):
                continue
            if sources_of is None:
                sources_of = _Sources(reader, text, words)
            source = sources_of(i)
            sources[source] += 1
            per[text[i], source, label, got] += 1
            if shown[text[i]] < args.examples:
                shown[text[i]] += 1
                tagged = reader._tagged_spans(text, words) or [(s, e, "") for s, e in words]
                k = next(n for n, (s, e, _) in enumerate(tagged) if s <= i < e)
                ctx = " ".join(
                    f"{text[s:e]}/{t}" for s, e, t in tagged[max(0, k - 4) : k + 5]
                )
                print(f"{text[i]} {label}->{got} [{source}]  {ctx}")
    print("\nerrors by source:", dict(sources.most_common()))
    print("\nworst (char, source, gold, got):")
    for (ch, source, label, got), n in per.most_common(60):
        print(f"  {n:3} {ch} {source:12} {label}->{got}")


if __name__ == "__main__":
    main()
