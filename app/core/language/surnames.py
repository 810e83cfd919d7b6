"""Chinese surnames, single and compound, as `dictionaries/entity_surnames.txt` lists them.

Three stages ask whether a character opens a name: the segmenter (李华说 → 李华 + 说), the
pinyin reader (a surname's own reading: 单 Shàn, 曾 Zēng) and the names' lexicon. The list
lives here, below all three, so none of them imports another stage to read it.
"""

from __future__ import annotations

from functools import cache

from app.core.paths import dictionary_lines


@cache
def surnames() -> frozenset[str]:
    """Read once per process: the file is project data that never changes while it runs."""
    found: set[str] = set()
    for line in dictionary_lines("entity_surnames.txt"):
        # One line of single-character surnames, then compound ones separated by spaces.
        found.update(line.split() if " " in line.strip() else line.strip())
    return frozenset(found)
