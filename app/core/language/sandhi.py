"""Tone sandhi of 一 and 不 for display: the tones a speaker says, from citation tones.

The reader and the dictionary give citation tones (一 yī, 不 bù). Spoken Mandarin changes
them before another syllable: 不 before a fourth tone is bú (不要 bú yào); 一 before a
fourth tone is yí (一样 yí yàng), before the others yì (一天 yì tiān). 一 keeps yī when it
counts or orders (第一, 十一, 一九九一, 一月) and at the end of a word group (统一).
The window offers both, consistently, for every 一 and 不 (View → Spoken tones).
"""

from __future__ import annotations

from collections.abc import Sequence

_TONE = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0300": 4}
_DIGITS = frozenset("〇零一二两三四五六七八九十百千万亿")
# After 一: calendar and ordinal words where it stays yī.
_KEEPS_YI_BEFORE = frozenset("月号日楼层")


def tone(syllable: str) -> int:
    """1-4, or 5 for a neutral (unmarked) syllable."""
    import unicodedata

    for ch in unicodedata.normalize("NFD", syllable):
        if ch in _TONE:
            return _TONE[ch]
    return 5


def spoken(text: str, readings: Sequence[str]) -> list[str]:
    """`readings` (one syllable per character of `text`, "" for non-Han) with the sandhi
    tones of 一 and 不 applied; every other syllable unchanged."""
    out = list(readings)
    for i, (ch, syllable) in enumerate(zip(text, readings, strict=True)):
        if ch not in "一不" or not syllable:
            continue
        following = readings[i + 1] if i + 1 < len(readings) else ""
        if not following:
            continue  # last syllable of a group: citation tone
        next_tone = tone(following)
        if ch == "不":
            if syllable == "bù" and next_tone == 4:
                out[i] = "bú"
            continue
        if syllable != "yī":
            continue
        before = text[i - 1] if i > 0 else ""
        after = text[i + 1]
        if before == "第" or before in _DIGITS or after in _DIGITS or after in _KEEPS_YI_BEFORE:
            continue
        if next_tone == 4 or (next_tone == 5 and following in ("ge", "gè")):
            out[i] = "yí"
        elif next_tone in (1, 2, 3):
            out[i] = "yì"
    return out
