"""Named sites of local news: development zones, stations, bridges, reservoirs, farms
(某江经济技术开发区, 某山机场, 某月大桥, 某峰水库). Chinese names such a site by the town or
landmark it stands at and the kind of site, and a reader looks the whole up as one place, not
as the town and a common noun (People's Daily tags 某元火车站 and 某户大桥 whole)."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from app.core.language.entities.lexicon import (
    _COMPOSED,
    _KNOWN,
    _fold,
    cue_pattern,
    cue_set,
    longest_first,
)
from app.core.language.entities.mentions import _Context, _Edits, _Mention, _Spans
from app.core.text.chars import all_han

# Tags jieba gives a village's name before its body (白石/nr + 村党支部, 东坡/ns, 青石/n).
_NAME_TAGS = frozenset({"ns", "nr", "nz", "n", "j"})
# Tags of a name a site is named after that nothing else found (望月/nr + 大桥).
_SITE_NAME_TAGS = frozenset({"ns", "nr", "nz"})


def _sites_after_places(ctx: _Context, mentions: list[_Mention]) -> list[_Mention]:
    """A place found in the text, then a kind of site ([site_kinds]) as whole words, is one
    place: 清江 + 经济技术开发区, 临江 + 火车站. Run last, over the chosen mentions, so a
    longer address the tagger read whole stays as it is. Not after a country or a region
    (美国 + 机场: a country's airports), a county or a town (某县 + 大街: its streets), nor
    where the kind runs on into a body's name (某区 + 管委会: the body is the organisation)."""
    out: list[_Mention] = []
    for i, m in enumerate(mentions):
        nxt = mentions[i + 1].start if i + 1 < len(mentions) else len(ctx.simple)
        end = _site_end(ctx, m)
        if end and end <= nxt:
            m = m.copy()
            m.end = end
        out.append(m)
    return out


def _site_end(ctx: _Context, m: _Mention) -> int:
    """Where the site named after place m ends, 0 if no kind of site follows it."""
    form = ctx.simple[m.start : m.end]
    if m.type != "place" or m.priority >= _KNOWN or m.end not in ctx.ends:
        return 0
    if len(form) < 2 or form in ctx.lex.places or form[-1] in cue_set("division_chars"):
        return 0
    kind = next((k for k in longest_first("site_kinds") if ctx.simple.startswith(k, m.end)), "")
    end = m.end + len(kind)
    if not kind or end not in ctx.ends or _runs_into_body(ctx, end) or _streets(ctx, kind, end):
        return 0
    return end


def _streets(ctx: _Context, kind: str, end: int) -> bool:
    """某城 + 街道 + 上, 某区 + 社区 + 里: the town's streets or communities, where a
    subdistrict's or a community's word has a spot word after it."""
    return kind in cue_set("neighbourhood_endings") and ctx.simple[end : end + 1] in cue_set(
        "localisers"
    )


def _unnamed_sites(ctx: _Context, mentions: list[_Mention]) -> list[_Mention]:
    """望月/nr + 大桥, 荣湖/nr + 街道: a site ([site_kinds]) after a word jieba tags a place or
    a name that nothing was found in is one place; jieba tags the name only as a name (望月 is
    also "full moon"), so no dictionary sense is asked of it."""
    taken = _Spans(mentions)
    added = []
    for m in cue_pattern("site_kinds").finditer(ctx.simple):
        b, e = m.span()
        if not b or b not in ctx.starts or e not in ctx.ends or _streets(ctx, m.group(), e):
            continue
        s, _, tag = ctx.tokens[bisect_left(ctx.token_starts, b) - 1]
        name = ctx.simple[s:b]
        if tag not in _SITE_NAME_TAGS or not 2 <= b - s <= 3 or not all_han(name):
            continue
        if _fold(name) in ctx.lex.stop or name in ctx.lex.places or taken.any_overlapping(s, e):
            continue
        if not _runs_into_body(ctx, e):
            added.append(_Mention(s, e, "place", _COMPOSED))
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


def _runs_into_body(ctx: _Context, end: int) -> bool:
    """The word after the site ends a body's name (某区 + 管委会, 某机场 + 集团)."""
    at = bisect_left(ctx.token_starts, end)
    if at == len(ctx.tokens):
        return False
    s, e, _ = ctx.tokens[at]
    return ctx.lex.org_ending(ctx.simple[s:e]) == e - s  # 管委会, not 排队 (队 of a team)


def _village_bodies(ctx: _Context, mentions: list[_Mention]) -> list[_Mention]:
    """某某村 + 党支部, 某某 + 村委会, 某某社区 + 居委会: a village's, a town's or a
    neighbourhood's body ([village_bodies]) right after the place's name is one organisation
    with it. The panel otherwise lists the village and leaves the body out, stops at 党 of
    党支部, starts at 村 of 村党支部, or runs the body on into the verb after it. Where the
    village is named in full before a body that opens with its 村 again, the two stay apart."""
    edits = _Edits(mentions)
    for b, e in _body_spans(ctx):
        near = edits.candidates(b - _NAME_REACH, b)  # the village's name token reaches back
        start = _village_start(ctx, near, b, e)
        if start is None:
            continue
        if ctx.simple[b - 1] == ctx.simple[b] and any(m.end == b for m in near):
            start = b  # 某某村 + 村委会: the village named in full stays a place of its own
        edits.put(_Mention(start, e, "organization", _COMPOSED))
    return edits.items


# How far before a body its village's name token may start (a name of two or three characters).
_NAME_REACH = 3


def _body_spans(ctx: _Context) -> list[tuple[int, int]]:
    """Where a village's body ([village_bodies]) stands as whole words."""
    spans = []
    for m in re.finditer(f"(?=({cue_pattern('village_bodies').pattern}))", ctx.simple):
        b, e = m.start(), m.start() + len(m.group(1))  # found overlapping: 村党支部, 党支部
        if b and b in ctx.starts and e in ctx.ends:
            spans.append((b, e))
    return spans


def _village_start(ctx: _Context, mentions: list[_Mention], b: int, e: int) -> int | None:
    """Where the village owning the body at b:e starts: a chosen place or body that ends in a
    division at b (or runs into the body: 某某村党 + 支部), else, before a body that opens
    with 村 (村委会, 村党支部), the two- or three-character name token before it."""
    for m in mentions:
        if m.type in ("place", "organization") and m.start < b <= m.end <= e \
                and (m.start, m.end) != (m.start, e) and _division_end(ctx.simple[m.start : b]):
            return m.start
    if ctx.simple[b] not in cue_set("village_divisions"):
        return None
    at = bisect_left(ctx.token_starts, b)
    s, _, tag = ctx.tokens[at - 1]
    name = ctx.simple[s:b]
    if tag not in _NAME_TAGS or not 2 <= len(name) <= 3 or _fold(name) in ctx.lex.stop:
        return None
    if any(m.start < b and m.end > s and m.type != "person" for m in mentions):
        return None
    return s


def _division_end(form: str) -> bool:
    """Whether a place's name ends in a division (某某村, 某某镇, 某某社区)."""
    divisions, endings = _division_words()
    return len(form) >= 2 and (form[-1] in divisions or form.endswith(endings))


@cache
def _division_words() -> tuple[frozenset[str], tuple[str, ...]]:
    """The division characters and the neighbourhood endings, put together once."""
    divisions = cue_set("division_chars") | cue_set("village_divisions")
    return divisions, tuple(cue_set("neighbourhood_endings"))
