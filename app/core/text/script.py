"""Simplified/traditional detection and length-preserving conversion.

Analysis (segmentation, pinyin, NER) runs on simplified text; the window shows the
article in its own script. Conversion therefore must keep every character at its
offset so word boundaries map back one to one.
"""

from __future__ import annotations

from functools import cache, lru_cache

from app.core.types import Script


@cache
def _converter(config: str):
    import opencc

    return opencc.OpenCC(config)


@cache
def _char_sets() -> tuple[frozenset[str], frozenset[str]]:
    """Characters that exist only in one script (from OpenCC's character tables)."""
    from pathlib import Path

    import opencc

    base = Path(opencc.__file__).parent / "dictionary"

    def keys(name: str) -> set[str]:
        out: set[str] = set()
        with open(base / name, encoding="utf-8") as fh:
            for line in fh:
                key, _, values = line.rstrip("\n").partition("\t")
                # A key that maps only to itself is shared by both scripts.
                if len(key) == 1 and values.split(" ")[0] != key:
                    out.add(key)
        return out

    trad_only = keys("TSCharacters.txt")
    simp_only = keys("STCharacters.txt")
    return frozenset(trad_only - simp_only), frozenset(simp_only - trad_only)


def detect_script(text: str) -> Script:
    """Majority vote of script-specific characters; ties (and no Chinese) say simplified."""
    trad_only, simp_only = _char_sets()
    trad = sum(1 for ch in text if ch in trad_only)
    simp = sum(1 for ch in text if ch in simp_only)
    return "traditional" if trad > simp else "simplified"


def _convert_aligned(text: str, config: str) -> str:
    conv = _converter(config)
    out = conv.convert(text)
    if len(out) == len(text):
        return out
    # A phrase rule changed the length somewhere: redo line by line, then per character.
    parts: list[str] = []
    for line in text.splitlines(keepends=True):
        converted = conv.convert(line)
        if len(converted) != len(line):
            converted = "".join(
                c if len(c := conv.convert(ch)) == 1 else ch for ch in line
            )
        parts.append(converted)
    return "".join(parts)


@lru_cache(maxsize=4)
def to_simplified(text: str) -> str:
    """Traditional -> simplified with len(result) == len(text).

    Cached: segmentation, pinyin and entities each ask for the same article's conversion.
    """
    return _convert_aligned(text, "t2s")


def to_traditional(text: str) -> str:
    """Simplified -> traditional with len(result) == len(text)."""
    return _convert_aligned(text, "s2t")
