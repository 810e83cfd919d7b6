"""Mentions of the known-name list and of the names the user added."""

from __future__ import annotations

from bisect import bisect_right

from app.core.language.entities.glosses import equivalent_of
from app.core.language.entities.lexicon import (
    _ADDED,
    _KNOWN,
    _fold,
    _literal_pattern,
    _simplify,
    cue_set,
)
from app.core.language.entities.mentions import _Context, _Mention
from app.core.text.chars import has_han
from app.core.user.corrections import Corrections


def _known_mentions(ctx: _Context) -> list[_Mention]:
    out: list[_Mention] = []
    by_first = ctx.lex.known_by_first
    simple = ctx.simple
    pos = 0
    while pos < len(simple):
        candidates = by_first.get(simple[pos])
        if not candidates:
            pos += 1
            continue
        for form, key in candidates:  # longest first
            end = pos + len(form)
            if not simple.startswith(form, pos) or not _known_fits(ctx, form, pos, end):
                continue
            known = ctx.lex.known[key]
            out.append(_Mention(pos, end, known.type, _KNOWN, known.english, known))
            pos = end - 1
            break
        pos += 1
    return out


def _equivalent_mentions(ctx: _Context) -> list[_Mention]:
    """賓士 = "Taiwan equivalent of 奔驰": another region's spelling of a known name is that
    name (its type and English), though the list holds only the mainland spelling."""
    linked = {
        word: known
        for word, found in ctx.entries.items()
        for e in found
        for ref in equivalent_of(e)
        if (known := ctx.lex.known.get(_fold(ref))) is not None
    }
    if not linked:
        return []
    out = []
    for start, end, _ in ctx.tokens:
        known = linked.get(ctx.simple[start:end])
        if known is not None:
            out.append(_Mention(start, end, known.type, _KNOWN, known.english, known))
    return out


def _known_fits(ctx: _Context, form: str, start: int, end: int) -> bool:
    simple = ctx.simple
    if (
        form[0].isascii()
        and form[0].isalnum()
        and start
        and simple[start - 1].isascii()
        and (simple[start - 1].isalnum())
    ):
        return False  # inside a longer Latin word
    if form[-1].isascii() and form[-1].isalnum():
        after = simple[end : end + 2]
        if after[:1].isascii() and after[:1].isalnum():
            return False
        if after[:1] in "-." and after[1:2].isascii() and after[1:2].isalnum():
            return False  # GPT-3 in GPT-3.5
    # A short Chinese name inside a longer word is not that name; one the segmenter cut
    # across two words (块辉 + 达) is, since its own words were never a real split.
    # So is one whose last character opens a longer word (日 + 产量: "daily output", not Nissan).
    glued = _inside_one_token(ctx, start, end) or end not in ctx.ends
    return not (has_han(form) and len(form) <= 2 and (glued or _compound_part(ctx, start, end)))


def _inside_one_token(ctx: _Context, start: int, end: int) -> bool:
    index = bisect_right(ctx.token_ends, start)  # the token holding `start`
    if index >= len(ctx.tokens):
        return False
    s, e, _ = ctx.tokens[index]
    return s <= start and end <= e and (s, e) != (start, end)


def _compound_part(ctx: _Context, start: int, end: int) -> bool:
    """红富士 + 苹果, 原油 + 日产 + 量: a short name that is part of a compound noun here."""
    index = bisect_right(ctx.token_ends, start)  # the token starting at `start`
    if index >= len(ctx.tokens) or ctx.tokens[index][0] != start:
        return False
    before = ctx.tokens[index - 1] if index else None
    after = ctx.tokens[index + 1] if index + 1 < len(ctx.tokens) else None
    common = any(not e.proper for e in ctx.entries.get(ctx.simple[start:end], ()))
    if common and before and before[2] in ("n", "nz", "nr") and before[1] - before[0] >= 2:
        return True  # 苹果 is also the fruit
    if common and _crop_context(ctx, index):
        return True  # 采摘 + 苹果, 苹果 + 产量: the crop a farm grows
    return bool(after and after[0] == end and after[1] - after[0] == 1 and after[2] == "n")


def _crop_context(ctx: _Context, index: int) -> bool:
    """采摘 + 苹果 "picking apples", 苹果 + 丰收 "a good apple harvest": a known firm's name that
    is also an everyday word (the fruit) right after a verb of growing or picking, or right
    before a word of harvests and orchards ([crop_before], [crop_after]), is that crop."""
    before = ctx.tokens[index - 1] if index else None
    after = ctx.tokens[index + 1] if index + 1 < len(ctx.tokens) else None
    start, end, _ = ctx.tokens[index]
    if before and before[1] == start and ctx.simple[before[0] : start] in cue_set("crop_before"):
        return True
    return bool(after and after[0] == end and ctx.simple[end : after[1]] in cue_set("crop_after"))


def _added_mentions(ctx: _Context, corrections: Corrections) -> list[_Mention]:
    out = []
    for name, etype in corrections.added.items():
        pattern = _literal_pattern([_simplify(name)])
        if pattern is None:
            continue
        for m in pattern.finditer(ctx.simple):
            out.append(_Mention(m.start(), m.end(), etype, _ADDED))
    return out
