"""Names in a coordinated list take the kind of the list's found members.

News prose lists people, places and bodies in a row (A、B和C). Where one member was found
as a name and the next, of the same shape, was not (an unknown full name with a surname next
to a person; a county next to a county; a ministry next to a ministry), the missed member is
very likely the same kind of name: two of a list share a kind. The shape test keeps the rule
narrow: a member the dictionary reads as an everyday word, or one already part of another
name, is left alone.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from app.core.language.entities.lexicon import _COMPOSED, _KNOWN, cue_set, cues
from app.core.language.entities.mentions import _Context, _Mention, _Spans
from app.core.language.entities.tagged import _everyday
from app.core.text.chars import all_han

_LONGEST_ITEM = 8  # a body's name in a list seldom runs longer (外交部, 某省建设厅)


def _listed_alike(ctx: _Context, mentions: list[_Mention]) -> list[_Mention]:
    """张三、 + 李四, 甲县、 + 乙县 + 和丙县, 外交部和 + 内政部: a list member beside a found
    name of one kind, shaped like it and no everyday word, is a name of that kind too (a
    person: two or three characters opening with a surname; a place or body: the same
    place or body ending). Found members pass the kind on along the list."""
    out = _glued_pair_people(ctx, _split_glued_bodies(ctx, _counted_members(ctx, mentions)))
    fresh = [m for m in out if m.type in ("person", "place", "organization")]
    while fresh:
        taken = _Spans(out)
        added: list[_Mention] = []
        for m in fresh:
            for s, e in _neighbours(ctx, m):
                inner = taken.overlapping(s, e)
                if any(a.start < e and s < a.end for a in added):
                    continue
                if (
                    inner
                    and not (m.type == "person" and _misread_name(ctx, inner, s, e))
                    and not (m.type == "organization" and _owner_only(ctx, inner, s, e))
                ):
                    continue
                if inner:  # (rebuilt only when there is something to drop)
                    out = [x for x in out if x not in inner]
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
            2 <= len(item) - len(ctx.lex.surname_of(item)) + 1 <= 3
            and 2 <= len(form) <= 4
            and ctx.lex.surname_of(form) in ctx.lex.surnames
            and ctx.lex.surname_of(item) in ctx.lex.surnames
            and not ctx.entries.get(item)
            and item[-1] in ctx.lex.given_chars
            and ctx.simple[end : end + 1] not in ctx.lex.given_chars  # not 许国 of 许国栋
            and not _cut_off_before(ctx, end)
        )
    if m.type == "organization":
        cut = ctx.lex.org_ending(form)
        if 0 < cut < len(item) and item.endswith(form[-cut:]):
            return True
        words = ctx.tiling(start, end)
        plain = sum(_everyday(ctx, ctx.simple[s:e]) for s, e, _ in words)
        described = any(tag[:1] in _NOT_IN_A_NAME for _, _, tag in words)
        if plain >= 3 or described or not _opens_member(ctx, start):
            return False
        return _same_head(ctx, form, item)
    last = form[-1]
    return (
        ctx.lex.suffixes.get(last) == "place"
        and len(form) > 1
        and len(item) > 1
        and item[-1] == last
    )


# A count of divisions right after a list (三县, 两省, 四个城市, 三个设区市); not 两市 + 场.
_COUNTED_DIVISIONS = re.compile(
    r"(?:[两二三四五六七八九]|十[一二三四五六七八九]?)个?(?:设区市|省区|省市|县市|城市|[省市县区州盟旗])(?!场)"
)


def _counted_members(ctx: _Context, mentions: list[_Mention]) -> list[_Mention]:
    """甲、乙、丙 + 三县, 某某、某某 + 两省: the members of a list that a count of divisions
    follows are that many places, once one of them was found as a place; the last one is
    the member most often missed (its word runs into the count: 山 + 东三省, 围场/n + 三县); a
    mention running from it into the count is cut back to it, and a member guessed as a
    person or a work (青龙 read as a work) is that place."""
    out = list(mentions)
    for hit in _COUNTED_DIVISIONS.finditer(ctx.simple):
        members = _members_before(ctx, out, hit.start())
        if len(members) < 2:
            continue
        places = {(m.start, m.end) for m in out if m.type == "place"}
        if not places.intersection(members):
            continue
        for s, e in members:
            crossing = [m for m in out if m.start == s and e < m.end <= hit.end()]
            typed = [
                m for m in out
                if (m.start, m.end) == (s, e) and m.type in ("person", "work")
                and m.priority < _KNOWN
            ]  # fmt: skip
            out = [m for m in out if m not in crossing and m not in typed]
            if not any(m.start < e and s < m.end for m in out):
                out.append(_Mention(s, e, "place", _COMPOSED))
    return sorted(out, key=lambda m: m.start)


def _members_before(ctx: _Context, mentions: list[_Mention], end: int) -> list[tuple[int, int]]:
    """The spans of the list members (two to four Han characters each, split by 、 or a
    conjunction) ending at `end`; the first one is a found mention's span."""
    joins = cue_set("list_joins")
    members: list[tuple[int, int]] = []
    while True:
        cut = next(
            (k for k in range(end - 3, max(0, end - 5) - 1, -1)
             if ctx.simple[k] in joins and (ctx.simple[k] == "、" or k in ctx.starts)),
            None,
        )  # fmt: skip
        if cut is None or not all_han(ctx.simple[cut + 1 : end]):
            break
        members.append((cut + 1, end))
        end = cut
    first = next(((m.start, m.end) for m in mentions if m.end == end and 2 <= m.length <= 4), None)
    if members and first:
        members.append(first)
    return members


def _split_glued_bodies(ctx: _Context, mentions: list[_Mention]) -> list[_Mention]:
    """县文联 + 和县/ns + 科协: jieba reads a conjunction and the next body's level as one word
    (和县, a county's name), so the tagger's span runs over both bodies; each half ending
    as a body's name ends makes them two."""
    joins, levels = cue_set("list_joins"), cue_set("division_chars")
    out: list[_Mention] = []
    for m in mentions:
        cut = next(
            (s for s, e, _ in ctx.tokens_within(m.start, m.end)
             if e - s == 2 and ctx.simple[s] in joins and ctx.simple[s + 1] in levels
             and m.start + 2 <= s and s + 3 <= m.end),
            None,
        ) if m.type == "organization" else None  # fmt: skip
        halves = [(m.start, cut), (cut + 1, m.end)] if cut is not None else []
        two = bool(halves) and all(ctx.lex.org_shaped(ctx.simple[s:e]) for s, e in halves)
        out += [replace(m, start=s, end=e) for s, e in halves] if two else [m]
    return out


def _glued_pair_people(ctx: _Context, mentions: list[_Mention]) -> list[_Mention]:
    """某某某同/nr + 某某某, 某某某 + 同某某某/nr: jieba glues a conjunction onto the full name
    beside another person (同 and 和 are given-name characters too); the name without it, a
    surname and one or two characters, is a person of the pair."""
    out = list(mentions)
    taken = _Spans(out)
    for m in mentions:
        if m.type != "person":
            continue
        for s, e in (_glued_before(ctx, m), _glued_after(ctx, m)):
            name = ctx.simple[s:e]
            if (
                2 <= len(name) <= 3
                and all_han(name)
                and name[0] in ctx.lex.surnames
                and not taken.any_overlapping(s, e)
            ):
                out.append(_Mention(s, e, "person", _COMPOSED))
    return sorted(out, key=lambda m: m.start)


def _glued_before(ctx: _Context, m: _Mention) -> tuple[int, int]:
    """某某某 of a name token 某某某同/nr ending right before m (an empty span if none)."""
    i = bisect_left(ctx.token_starts, m.start) - 1
    joined = i >= 0 and ctx.tokens[i][1] == m.start and ctx.tokens[i][2] == "nr"
    if not joined or ctx.simple[m.start - 1] not in cue_set("glued_conjunctions"):
        return 0, 0
    return ctx.tokens[i][0], m.start - 1


def _glued_after(ctx: _Context, m: _Mention) -> tuple[int, int]:
    """某某某 of a name token 同某某某/nr starting right after m (an empty span if none)."""
    i = bisect_left(ctx.token_starts, m.end)
    joined = i < len(ctx.tokens) and ctx.tokens[i][0] == m.end and ctx.tokens[i][2] == "nr"
    if not joined or ctx.simple[m.end] not in cue_set("glued_conjunctions"):
        return 0, 0
    return m.end + 1, ctx.tokens[i][1]


def _misread_name(ctx: _Context, inner: list[_Mention], start: int, end: int) -> bool:
    """吳國/ns + 強, 司马/work + 晓峰 beside people: a guessed place or work inside a member
    that has a person's shape (and no place's or body's ending), or its given name alone, is
    part of a name the segmenter cut wrong, so the member replaces them."""
    return ctx.lex.suffixes.get(ctx.simple[end - 1]) is None and all(
        (m.type != "person" or m.start > start) and m.priority < _KNOWN
        and start <= m.start and m.end <= end and m.length < end - start
        for m in inner
    )  # fmt: skip


# Tags of words that describe a body rather than name it (一旦, 三家, 的, 这个).
_NOT_IN_A_NAME = frozenset("mrudcpq")


def _same_head(ctx: _Context, form: str, item: str) -> bool:
    """某国足协、+ 某国排协, 某作协、+ 某出版社: a member shaped as a body is a body too where it
    ends as the found one does (a short head such as 协 that no ending list holds), or ends
    in a body's head of its own and names more than a level's body (省政府, 各级政府: a
    level's or every level's body, which names none). The caller keeps out descriptions
    (小区 + 物业 + 公司: three everyday words; 某杯 + 的 + 八支 + 球队)."""
    if len(item) == len(form) >= 3 and item[-1] == form[-1] and ctx.lex.org_shaped(item):
        return True
    openers = cue_set("division_chars") | cue_set("unnamed_member_openers")
    leveled = item[0] in openers or item.endswith(cues("unnamed_member_endings"))
    return len(item) >= 3 and ctx.lex.org_ending(item) > 0 and not leveled


def _opens_member(ctx: _Context, start: int) -> bool:
    """Whether a list member can start at `start`: after a mark, a conjunction, a verb or a
    preposition (由 + 某某, 和 + 某某), not inside a longer name (总社 + 某研究所)."""
    if start == 0 or not all_han(ctx.simple[start - 1]):
        return True
    i = bisect_left(ctx.token_starts, start)
    return i > 0 and ctx.tokens[i - 1][1] == start and ctx.tokens[i - 1][2][:1] in ("c", "p", "v")


def _owner_only(ctx: _Context, inner: list[_Mention], start: int, end: int) -> bool:
    """中国/ns + 排协 beside a body: the place that opens the member is the body's owner."""
    return all(m.type == "place" and m.start == start and m.end < end for m in inner)
