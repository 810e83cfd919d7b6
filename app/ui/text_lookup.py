"""What the popup says about text that is not a token: Alt+hover and selections.

A token's popup explains the segmenter's word; when the segmenter is wrong, the learner
needs the dictionary's view instead: every headword starting at the character under the
mouse (longest first, like Zhongwen), or exactly the selected span.
"""

from __future__ import annotations

import bisect

from app.core.text.script import to_simplified, to_traditional
from app.core.types import Analysis
from app.ui.popup import WordInfo

CHARS_NOTE = "Dictionary matches from this character (Alt)"
SELECTION_NOTE = "Selection"


def reading_between(analysis: Analysis, starts: list[int], start: int,
                    end: int) -> tuple[str, ...]:
    """The contextual reading of each character of [start, end), from the tokens there."""
    reading: list[str] = []
    index = max(0, bisect.bisect_right(starts, start) - 1)
    tokens = analysis.tokens
    while index < len(tokens) and tokens[index].start < end:
        token = tokens[index]
        lo, hi = max(start, token.start), min(end, token.end)
        reading.extend(token.pinyin[lo - token.start : hi - token.start])
        index += 1
    reading.extend([""] * (end - start - len(reading)))
    return tuple(reading[: end - start])


def span_info(analysis: Analysis, starts: list[int], dictionary, start: int, end: int,
              mode: str) -> tuple[WordInfo, int, int]:
    """(what the popup shows, start, end of the text it explains).

    mode "chars": the longest headword starting at `start`, then the shorter ones;
    mode "selection": exactly [start, end) — its entries, else its longest-match parts.
    `dictionary` may be None (no index could be built): the popup then shows pinyin only.
    """
    text = analysis.text
    entries: tuple = ()
    parts: tuple = ()
    shorter: tuple = ()
    if mode == "chars":
        matches = dictionary.prefix_matches(text, start) if dictionary is not None else []
        length = matches[0][0] if matches else 1
        end = start + length
        if matches:
            entries = tuple(matches[0][1])
            shorter = tuple((text[start : start + n], tuple(found)) for n, found in matches[1:])
        note = CHARS_NOTE
    else:
        if dictionary is not None:
            entries = tuple(dictionary.lookup(text[start:end]))
            if not entries:
                parts = tuple((p, tuple(e)) for p, e in dictionary.decompose(text[start:end]))
        note = SELECTION_NOTE
    word = text[start:end]
    traditional = entries[0].traditional if entries else to_traditional(word)
    if analysis.script == "traditional":
        traditional = word
    info = WordInfo(
        word=word,
        simplified=to_simplified(word),
        traditional=traditional,
        pinyin=reading_between(analysis, starts, start, end),
        entries=entries,
        parts=parts,
        shorter=shorter,
        note=note,
    )
    return info, start, end
