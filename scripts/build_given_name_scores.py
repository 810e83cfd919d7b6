"""Compile how much likelier each character is in a Chinese given name than in running text
into `dictionaries/entity_given_scores.txt`.

Run from the repository root with the project's venv: `python scripts/build_given_name_scores.py`.
jieba's own word list (dict.txt, MIT, shipped in the `jieba` package) tags some 60,000 words
`nr`; those that are a single-character surname (dictionaries/entity_surnames.txt) and one or
two more characters are full names, whose given-name characters are counted (each name once,
whatever its frequency: a famous person's count says nothing about the character), except
where the two characters after the surname are an everyday word of the list (王先生, 李大哥).
Every word of the list, weighted by its frequency, gives each character's share of running text. A
character's score is the natural log of its share of given-name characters over its share of
text, both smoothed by a half count: 萍, 伟 score high, 的, 是 low. Every character of the
word list is written; one it never holds (rare, so nothing speaks against a name) scores 0.
Deterministic: the same jieba version gives the same file.
"""

from __future__ import annotations

import math
import sys
from collections import Counter
from importlib.metadata import version
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

OUT = REPO / "dictionaries" / "entity_given_scores.txt"
# A name's two last characters that the list holds as a word of another tag at least this
# often are a title or kin word (先生, 大哥, 将军), not a given name: such names are skipped.
EVERYDAY = 300
NAME_TAGS = frozenset({"nr", "nrfg", "nrt", "nz", "ns"})


def _jieba_words() -> list[tuple[str, int, str]]:
    import jieba

    path = Path(jieba.__file__).parent / "dict.txt"
    words = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 3:
                words.append((parts[0], int(parts[1]), parts[2]))
    return words


def scores() -> tuple[dict[str, float], int]:
    """Each character's log ratio and how many names were counted."""
    from app.core.language.surnames import surnames

    single = {s for s in surnames() if len(s) == 1}
    words = _jieba_words()
    common = {w: (f, t) for w, f, t in words}
    in_names: Counter[str] = Counter()
    names = 0
    for word, _, tag in words:
        if tag == "nr" and len(word) in (2, 3) and word[0] in single:
            if _everyday(common.get(word[1:])):
                continue  # 王 + 先生, 李 + 将军: a surname and a title, not a given name
            names += 1
            in_names.update(word[1:])
    in_text: Counter[str] = Counter()
    for word, freq, _ in words:
        for ch in word:
            in_text[ch] += freq
    name_total, text_total = sum(in_names.values()), sum(in_text.values())

    def ratio(ch: str, count: float) -> float:
        share_in_names = (count + 0.5) / name_total
        share_in_text = (in_text[ch] + 0.5) / text_total
        return math.log(share_in_names / share_in_text)

    table = {ch: ratio(ch, in_names[ch]) for ch in in_text if _han(ch)}
    return table, names


def _everyday(entry: tuple[int, str] | None) -> bool:
    """A word of the list that is no name and frequent enough to be an everyday word."""
    return entry is not None and entry[1] not in NAME_TAGS and entry[0] >= EVERYDAY


def _han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def main() -> int:
    table, names = scores()
    header = [
        "# Given-name character scores: the natural log of a character's share of the given-name",
        "# characters of jieba's dict.txt (jieba " + version("jieba") + ", MIT) over its share of",
        f"# running text. Names: the {names} nr words that are a one-character surname (see",
        "# entity_surnames.txt) and one or two characters, each counted once; text: every word",
        "# of dict.txt weighted by its frequency; both smoothed by half a count. A name whose",
        "# last two characters the list holds as a word with no name tag at least",
        f"# {EVERYDAY} times (王先生) is left out. A character not listed scores 0.",
        "# Compiled by scripts/build_given_name_scores.py (deterministic).",
        "# Columns: character, score.",
    ]
    rows = [f"{ch}\t{score:.2f}" for ch, score in sorted(table.items())]
    OUT.write_text("\n".join(header + rows) + "\n", encoding="utf-8")
    print(f"wrote {len(rows)} characters to {OUT.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
