"""Simplified/traditional detection and length-preserving conversion.

Analysis (segmentation, pinyin, NER) runs on simplified text; the window shows the
article in its own script. Conversion therefore must keep every character at its
offset so word boundaries map back one to one.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache, lru_cache

from app.core.types import Script

# Code points OpenCC's character tables cover: CJK Unified Ideographs, Extension A,
# Extension B and the compatibility ideographs.
_HAN_RANGES = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00), (0x20000, 0x2A6E0))


@cache
def _converter(config: str):
    import opencc

    return opencc.OpenCC(config)


def _char_by_char(config: str) -> dict[str, str]:
    """Every character OpenCC's `config` changes, converted alone (so no phrase rule applies).

    Read through OpenCC's own API in one call (~10 ms): the native package keeps its
    tables compiled, and one conversion per line keeps neighbours from forming phrases.
    """
    chars = [chr(code) for lo, hi in _HAN_RANGES for code in range(lo, hi)]
    converted = _converter(config).convert("\n".join(chars)).split("\n")
    return {
        ch: out for ch, out in zip(chars, converted, strict=True) if len(out) == 1 and out != ch
    }


@cache
def char_t2s_table() -> dict[int, str]:
    """OpenCC's traditional -> simplified character table, for str.translate, with the
    variants OpenCC leaves (`_variant_table`).

    For lists of names, where phrase rules do not apply and speed matters.
    """
    return {ord(ch): out for ch, out in _char_tables()[0].items()} | _variant_table()


_VARIANTS_FILE = "script_variants.tsv"


@cache
def _variant_table() -> dict[int, str]:
    """Hong Kong and Taiwan variants OpenCC's t2s keeps (衞, 敍, 妳), to their simplified
    characters: left as they were, 衞生署 was no word the segmenter or the dictionary knew."""
    from app.core.paths import dictionary_lines

    try:
        lines = dictionary_lines(_VARIANTS_FILE)
    except OSError:
        return {}
    pairs = (line.partition("\t")[::2] for line in lines)
    return {ord(v): s for v, s in pairs if len(v) == 1 and len(s) == 1}


_TABLES_FILE = "opencc_characters.tsv"


def compute_char_tables() -> tuple[dict[str, str], dict[str, str]]:
    """OpenCC's t2s and s2t one-character maps, worked out through its API (slow, 60 MB)."""
    return _char_by_char("t2s"), _char_by_char("s2t")


@cache
def _char_tables() -> tuple[dict[str, str], dict[str, str]]:
    """The t2s and s2t character maps, as shipped in `dictionaries/` (milliseconds to read;
    working them out would load the s2t phrase tables, 26 MB, on every first start)."""
    from app.core.paths import dictionary_lines

    tables: dict[str, dict[str, str]] = {"t2s": {}, "s2t": {}}
    try:
        for line in dictionary_lines(_TABLES_FILE):
            direction, char, converted = line.split("\t")
            tables[direction][char] = converted
    except (OSError, ValueError, KeyError):
        return compute_char_tables()
    return tables["t2s"], tables["s2t"]


@cache
def _char_sets() -> tuple[frozenset[str], frozenset[str]]:
    """Characters that exist only in one script (changed by one direction, not the other)."""
    to_simp, to_trad = (table.keys() for table in _char_tables())
    variants = {chr(code) for code in _variant_table()}
    return frozenset((to_simp | variants) - to_trad), frozenset(to_trad - to_simp)


def detect_script(text: str) -> Script:
    """Majority vote of script-specific characters; ties (and no Chinese) say simplified."""
    trad_only, simp_only = _char_sets()
    trad = sum(1 for ch in text if ch in trad_only)
    simp = sum(1 for ch in text if ch in simp_only)
    return "traditional" if trad > simp else "simplified"


# OpenCC converts in one native call that holds the GIL: a million characters froze the
# window ~0.1 s while a worker converted them. Lines this long at most go in one call
# (no phrase spans a line end, so the result is the same).
_CONVERT_CHARS = 20_000


def _line_batches(text: str, size: int) -> Iterator[str]:
    """`text` in runs of whole lines of about `size` characters (a longer line alone)."""
    start = 0
    while start < len(text):
        cut = text.find("\n", start + size)
        end = len(text) if cut < 0 else cut + 1
        yield text[start:end]
        start = end


def _convert_aligned(text: str, config: str) -> str:
    if len(text) <= _CONVERT_CHARS:
        return _convert_batch(text, config)
    return "".join(_convert_batch(batch, config) for batch in _line_batches(text, _CONVERT_CHARS))


def _convert_batch(text: str, config: str) -> str:
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
    return _convert_aligned(text, "t2s").translate(_variant_table())


def to_traditional(text: str) -> str:
    """Simplified -> traditional with len(result) == len(text)."""
    return _convert_aligned(text, "s2t")
