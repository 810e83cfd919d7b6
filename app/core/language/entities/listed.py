"""Names in a coordinated list take the kind of the list's found members.

News prose lists people, places and bodies in a row (A、B和C). Where one member was found
as a name and the next, of the same shape, was not (an unknown full name with a surname next
to a person; a county next to a county; a ministry next to a ministry), the missed member is
very likely the same kind of name: two of a list share a kind. The shape test keeps the rule
narrow: a member the dictionary reads as an everyday word, or one already part of another
name, is left alone.
"""

from __future__ import annotations

from bisect import bisect_left

from app.core.language.entities.lexicon import _COMPOSED, cue_set
from app.core.language.entities.mentions import _Context, _Mention, _Spans
from app.core.language.entities.tagged import _everyday
from app.core.text.chars import all_han

_LONGEST_ITEM = 8  # a body's name in a list seldom runs longer (外交部, 某省建设厅)


def _listed_alike(ctx: _Context, mentions: list[_Mention]) -> list[_Mention]:
    """张三、 + 李四, 甲县、 + 乙县 + 和丙县, 外交部和 + 内政部: a list member beside a found
    name of one kind, shaped like it and no everyday word, is a name of that kind too (a
    person: two or three characters opening with a surname; a place or body: the same
    place or body ending). Found members pass the kind on along the list."""
    out = list(mentions)
    fresh = [m for m in out if m.type in ("person", "place", "organization")]
    while fresh:
        taken = _Spans(out)
        added: list[_Mention] = []
        for m in fresh:
            for s, e in _neighbours(ctx, m):
                if taken.any_overlapping(s, e) or any(a.start < e and s < a.end for a in added):
                    continue
                added.append(_Mention(s, e, m.type, _COMPOSED))
        out += added
        fresh = added
    return sorted(out, key=lambda m: m.start)


def _neighbours(ctx: _Context, m: _Mention) -> list[tuple[int, int]]:
    """The spans of the list members right before and after m shaped as m is."""
    form = ctx.simple[m.start : m.end]
    if not all_han(form):
        return []
    joins = cue_set("list_joins")
    found: list[tuple[int, int]] = []
    if ctx.simple[m.end : m.end + 1] in joins and m.end + 1 in ctx.starts:
        start = m.end + 1
        ends = [e for e in range(start + 2, min(len(ctx.simple), start + _LONGEST_ITEM) + 1)
                if e in ctx.ends]  # fmt: skip
        if m.type == "person":
            ends.reverse()  # 许国栋 rather than its first two characters
        span = next(((start, e) for e in ends if _alike(ctx, m, form, start, e)), None)
        if span:
            found.append(span)
    if m.start > 0 and ctx.simple[m.start - 1] in joins and m.start - 1 in ctx.ends:
        end = m.start - 1
        starts = [s for s in range(end - 2, max(0, end - _LONGEST_ITEM) - 1, -1)
                  if s in ctx.starts]  # fmt: skip
        span = next(((s, end) for s in starts if _alike(ctx, m, form, s, end)), None)
        if span:
            found.append(span)
    return found


# Tags of the one-character words that may follow a listed name (说, 等, 在, 和, 也, 三):
# verbs, prepositions, particles, conjunctions, adverbs, pronouns, numbers, localisers.
_MAY_FOLLOW_A_NAME = frozenset("vpucdrmfy")


def _cut_off_before(ctx: _Context, end: int) -> bool:
    """许国 + 栋: a one-character word of another kind right after the member is most
    likely the rest of a name the segmenter cut (a name is seldom followed by a lone noun
    or measure word), so the member is no whole name."""
    i = bisect_left(ctx.token_starts, end)
    if i == len(ctx.tokens) or ctx.tokens[i][0] != end:
        return False
    start, stop, tag = ctx.tokens[i]
    alone = stop - start == 1 and all_han(ctx.simple[start:stop])
    return alone and tag[:1] not in _MAY_FOLLOW_A_NAME


def _alike(ctx: _Context, m: _Mention, form: str, start: int, end: int) -> bool:
    """Whether simple[start:end] has the shape of m's name `form` and no everyday reading."""
    item = ctx.simple[start:end]
    if not all_han(item) or any(ch in cue_set("list_joins") for ch in item) or _everyday(ctx, item):
        return False
    if m.type == "person":
        return (
            2 <= len(item) <= 3
            and 2 <= len(form) <= 4
            and form[0] in ctx.lex.surnames
            and item[0] in ctx.lex.surnames
            and not ctx.entries.get(item)
            and item[-1] in ctx.lex.given_chars
            and ctx.simple[end : end + 1] not in ctx.lex.given_chars  # not 许国 of 许国栋
            and not _cut_off_before(ctx, end)
        )
    if m.type == "organization":
        cut = ctx.lex.org_ending(form)
        return 0 < cut < len(item) and item.endswith(form[-cut:])
    last = form[-1]
    return (
        ctx.lex.suffixes.get(last) == "place"
        and len(form) > 1
        and len(item) > 1
        and item[-1] == last
    )
