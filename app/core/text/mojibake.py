"""Re-aligning GBK text that was decoded one byte out of step.

Some portals inserted a pinyin reading in the middle of a character's two GBK bytes;
the decoder then lost the lead byte (leaving `?` or `?wù)`) and read the following
bytes in wrong pairs, so `是什么讓人工智能研究充滿` came out as `撌鞘裁醋屓斯ぶ悄苎芯砍錆M`
until an ASCII-range trail byte (the `M`) put it back in step. Re-encoding such a run
as GBK and dropping its first byte gives the text back. A repair is kept only when the
re-aligned text is made of dictionary words and the damaged text is not, so clean
sentences (which rarely even reach the check: damage is full of rare characters) are
never touched, and the text never grows.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache

from app.core.text.chars import TONE_MARKED_VOWELS, is_bmp_han
from app.core.text.encoding import _common_hanzi

WordTest = Callable[[str], bool]  # a dictionary's headword test (either script)

# A lost byte as the decoder left it: `?`, or `?` plus the rest of the pinyin reading
# that was inserted after it (`?wù)`, `?jīng)`).
_TONED = TONE_MARKED_VOWELS + "ü"
_MARKER = re.compile(rf"\?(?:[a-z{_TONED}]{{1,6}}\))?")
_ANNOTATION = re.compile(rf"^[(（][a-z{_TONED}]{{1,6}}[)）]")
# ASCII punctuation that stood for a full-width GBK character before the article was
# normalised (`,F` was `，F`, i.e. bytes a3 ac 46).
_FULLWIDTH_OF = {",": "，", ";": "；", ":": "：", "!": "！"}
_ASCII_OF = {value: key for key, value in _FULLWIDTH_OF.items()} | {"？": "?"}
# Punctuation a lost lead byte may have belonged to, when no word confirms a character.
_LOST_PUNCTUATION = frozenset("。，、；：？！「」《》")
_CLUSTER_GAP = 8  # damaged characters this close together belong to one damaged spot
_LEFT_REACH = 8  # how far before the first odd character a run may start
_MAX_RUN = 48  # characters; a longer run is not one decoding accident
_CONTEXT = 4  # characters each side used to judge words across a repair's edges
_MAX_WORD = 5


@dataclass(frozen=True)
class _Repair:
    start: int
    end: int
    replacement: str
    gain: int  # Han characters newly covered by dictionary words
    share: float  # share of the replacement's Han characters covered by words


def repair_mojibake(text: str, is_word: WordTest) -> str:
    """`text` with one-byte-misaligned GBK runs re-decoded; unchanged if none is sure.

    `is_word` is the dictionary's headword test (`Analyzer.is_headword`): a repair is kept
    only when it reads as dictionary words."""
    pieces: list[str] = []
    position = 0
    for start, end, replacement in repaired_spans(text, is_word):
        pieces.append(text[position:start])
        pieces.append(replacement)
        position = end
    if not pieces:
        return text
    pieces.append(text[position:])
    return "".join(pieces)


def repaired_spans(text: str, is_word: WordTest) -> list[tuple[int, int, str]]:
    """(start, end, replacement) of every repair `repair_mojibake` makes, in text order;
    lets a caller show or check exactly what changed."""
    seeds = _suspicious_positions(text)
    if not seeds:
        return []
    repairs: list[_Repair] = []
    for low, high in _clusters(text, seeds):
        repairs.extend(_repair_cluster(text, low, high, is_word))
    # Follow the article's own habit: normalised text writes `，` as `,`.
    ascii_punctuation = text.count(",") > text.count("，")
    spans = []
    for repair in sorted(repairs, key=lambda item: item.start):
        replacement = repair.replacement
        if ascii_punctuation:
            replacement = "".join(_ASCII_OF.get(ch, ch) for ch in replacement)
        spans.append((repair.start, repair.end, replacement))
    return spans


# --- finding damaged spots cheaply -------------------------------------------------


def _is_odd(ch: str) -> bool:
    """Characters that real Chinese prose rarely uses but misaligned GBK often yields."""
    code = ord(ch)
    if is_bmp_han(ch):
        return ch not in _common_hanzi()
    return (
        0x2150 <= code <= 0x27BF  # number forms, enclosed numbers, box drawing, shapes
        or 0x3040 <= code <= 0x30FF  # kana: GBK row a4/a5 read out of step
        or 0xE000 <= code <= 0xF8FF  # private use
        or 0xFF21 <= code <= 0xFF5A  # full-width Latin letters
        or 0xAC00 <= code <= 0xD7A3  # Hangul
    )


_SCAN_PIECE = 50_000


def _suspicious_positions(text: str) -> list[int]:
    # Judge each distinct character once; an article repeats a few hundred of them.
    # set() of a piece at a time: one call over a million characters holds the GIL
    # long enough to freeze the window while a worker thread loads the article.
    distinct: set[str] = set()
    for lo in range(0, len(text), _SCAN_PIECE):
        distinct.update(text[lo:lo + _SCAN_PIECE])
    odd = {ch for ch in distinct if ch == "?" or _is_odd(ch)}
    if not odd:
        return []
    pattern = re.compile("[" + "".join(re.escape(ch) for ch in sorted(odd)) + "]")
    return [match.start() for match in pattern.finditer(text)]


def _clusters(text: str, seeds: list[int]) -> list[tuple[int, int]]:
    """Groups of nearby suspicious positions on one line, as (first, last) positions."""
    clusters: list[tuple[int, int]] = []
    for seed in seeds:
        if clusters:
            low, high = clusters[-1]
            if seed - high <= _CLUSTER_GAP and "\n" not in text[high:seed]:
                clusters[-1] = (low, seed)
                continue
        clusters.append((seed, seed))
    return clusters


# --- candidate repairs --------------------------------------------------------------


@cache
def _gbk(ch: str) -> bytes | None:
    """The bytes `ch` had in the damaged GBK stream, None if it cannot be part of a run."""
    ch = _FULLWIDTH_OF.get(ch, ch)
    if ord(ch) < 0x80:
        return None
    try:
        encoded = ch.encode("gbk")
    except UnicodeEncodeError:
        return None
    return encoded if len(encoded) == 2 else None


def _is_trail_ascii(ch: str) -> bool:
    """An ASCII character that was a GBK trail byte read on its own (`M` in `錆M`)."""
    return 0x40 <= ord(ch) <= 0x7E


def _run_end(text: str, start: int) -> int | None:
    """Where a misaligned run from `start` ends: after a trail-byte ASCII character, or
    before a lost-byte `?`; None when it ends any other way (not this kind of damage)."""
    position = start
    limit = min(len(text), start + _MAX_RUN)
    while position < limit:
        ch = text[position]
        if _gbk(ch) is not None:
            position += 1
            continue
        if _is_trail_ascii(ch) and position > start:
            return position + 1
        if ch == "?" and position > start:
            return position
        return None
    return None


def _repair_cluster(text: str, low: int, high: int, is_word: WordTest) -> list[_Repair]:
    line_start = text.rfind("\n", 0, low) + 1
    line_end = text.find("\n", high)
    line_end = len(text) if line_end < 0 else line_end
    candidates: list[_Repair] = []
    for start in range(max(line_start, low - _LEFT_REACH), min(high + 2, line_end)):
        # A run starts where the byte was lost, or at (or just after) an odd character.
        if _gbk(text[start]) is None:
            continue
        after_marker = _marker_ending_at(text, start) is not None
        near_odd = _is_odd(text[start]) or (start > 0 and _is_odd(text[start - 1]))
        if not (after_marker or near_odd):
            continue
        end = _run_end(text, start)
        if end is None or end > line_end:
            continue
        candidate = _decode_run(text, start, end, is_word)
        if candidate is not None:
            candidates.append(candidate)
    chosen: list[_Repair] = []
    ranked = sorted(candidates, key=lambda item: (-item.gain, item.start))
    for candidate in ranked:
        if all(candidate.end <= kept.start or candidate.start >= kept.end for kept in chosen):
            chosen.append(candidate)
    return chosen


def _decode_run(text: str, start: int, end: int, is_word: WordTest) -> _Repair | None:
    """The run re-read one byte later, if that reads as dictionary words; characters
    split by a lost byte at either edge are put back when a word says which they were."""
    data = b"".join(_gbk(ch) or ch.encode("ascii") for ch in text[start:end])
    body = data[1:]
    dangling = None
    if len(body) % 2:
        dangling = body[-1]  # a lead byte whose trail was lost in the following `?`
        body = body[:-1]
    try:
        core = body.decode("gbk")
    except UnicodeDecodeError:
        return None
    # Every pair of a real run is a two-byte character: the run would have ended at an
    # ASCII one, so a lone ASCII byte means this is not the right reading.
    if not core or any(ord(ch) < 0x80 for ch in core) or not _mostly_common(core):
        return None
    span_start, span_end, replacement = start, end, core
    marker = _marker_ending_at(text, start)
    if marker is not None:
        pairs = (bytes((lead, data[0])) for lead in range(0x81, 0xFF))
        lost = _lost_character(pairs, _context_left(text, marker), replacement, is_word)
        if lost is not None:
            span_start, replacement = marker, lost + replacement
    following = _MARKER.match(text, end)
    if dangling is not None and following is not None:
        pairs = (bytes((dangling, trail)) for trail in range(0x40, 0xFF) if trail != 0x7F)
        lost = _lost_character(pairs, replacement, _context_right(text, following.end()),
                                  is_word)
        if lost is not None:
            span_end, replacement = following.end(), replacement + lost
    if len(replacement) > span_end - span_start:
        return None
    return _judged(text, span_start, span_end, replacement, is_word)


def _mostly_common(text: str) -> bool:
    common = _common_hanzi()
    han = [ch for ch in text if is_bmp_han(ch)]
    if not han:
        return False
    rare = sum(1 for ch in han if ch not in common)
    return rare <= len(han) // 5


def _judged(
    text: str, start: int, end: int, replacement: str, is_word: WordTest
) -> _Repair | None:
    """Keep a replacement only if dictionary words clearly prefer it to what is there."""
    left = _context_left(text, start)
    right = _context_right(text, end)
    before = _covered(left + text[start:end] + right, len(left), len(left) + end - start,
                      is_word)
    after = _covered(left + replacement + right, len(left), len(left) + len(replacement),
                     is_word)
    han = sum(1 for ch in replacement if is_bmp_han(ch))
    share = after / han if han else 0.0
    gain = after - before
    if gain < 1 or share < 0.6:
        return None
    return _Repair(start, end, replacement, gain, share)


def _context_left(text: str, start: int) -> str:
    line_start = text.rfind("\n", 0, start) + 1
    return text[max(line_start, start - _CONTEXT) : start]


def _context_right(text: str, end: int) -> str:
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    following = text[end : min(line_end, end + _CONTEXT + 8)]
    # In raw text the run's last character may still carry its reading: `F(xiàn)在`.
    return _ANNOTATION.sub("", following, count=1)[:_CONTEXT]


def _covered(text: str, low: int, high: int, contains: WordTest) -> int:
    """Han characters of text[low:high] inside multi-character dictionary words, for the
    reading of `text` that covers the most characters there."""
    size = len(text)
    best = [0] * (size + 1)
    for index in range(size - 1, -1, -1):
        best[index] = best[index + 1]
        if not is_bmp_han(text[index]):
            continue
        for length in range(2, min(_MAX_WORD, size - index) + 1):
            word = text[index : index + length]
            if not is_bmp_han(word[-1]):
                break
            if contains(word):
                inside = max(0, min(high, index + length) - max(low, index))
                best[index] = max(best[index], inside + best[index + length])
    return best[0]


# --- the character whose byte was lost ---------------------------------------------


def _marker_ending_at(text: str, position: int) -> int | None:
    """Start of a lost-byte marker that ends right at `position`, else None."""
    for start in range(position - 1, max(-1, position - 9), -1):
        if text[start] == "?":
            match = _MARKER.match(text, start)
            return start if match and match.end() == position else None
    return None


def _lost_character(
    pairs: Iterable[bytes], left: str, right: str, contains: WordTest
) -> str | None:
    """The one character among `pairs` that makes a dictionary word with its neighbours
    (`left` + ? + `right`); failing that, the one sentence punctuation mark among them."""
    common = _common_hanzi()
    left_han = left[-1:] if left[-1:] and is_bmp_han(left[-1]) else ""
    right_han = right[:2] if len(right) >= 2 and is_bmp_han(right[0]) else right[:1]
    scored: list[tuple[int, str]] = []
    punctuation: list[str] = []
    for pair in pairs:
        try:
            ch = pair.decode("gbk")
        except UnicodeDecodeError:
            continue
        if ch in _LOST_PUNCTUATION:
            punctuation.append(ch)
            continue
        if ch not in common:
            continue
        words = []
        if left_han:
            words.append(left_han + ch)
        if right_han and is_bmp_han(right_han[0]):
            words.append(ch + right_han[0])
            if len(right_han) == 2 and is_bmp_han(right_han[1]):
                words.append(ch + right_han)
        if any(contains(word) for word in words):
            scored.append((_covered(left + ch + right, 0, len(left) + 1 + len(right), contains),
                           ch))
    if scored:
        scored.sort(reverse=True)
        if len(scored) == 1 or scored[0][0] > scored[1][0]:
            return scored[0][1]
        return None
    return punctuation[0] if len(punctuation) == 1 else None
