"""Names of railways and roads: 京沪铁路, 沪昆高速公路, 兰新高铁. Chinese writes a line by the
first characters of the places it joins and the kind of line, and a reader looks the line up
as a place (People's Daily tags 京沪铁路 a place), not as two towns and a word."""

from __future__ import annotations

import re

from app.core.language.entities.glosses import _proper_senses, _type_from_gloss, coordinated
from app.core.language.entities.lexicon import _COMPOSED, _fold, cue_set, longest_first
from app.core.language.entities.mentions import _Context, _Mention
from app.core.text.chars import HAN_CLASS

# Tags jieba gives the initials of a line's places (沪/j 昆/ns, 川藏/j); not nr, which it
# gives as well to 申奥 "the Olympic bid" (申奥 + 公路片 "road movie").
_NAME_TAGS = frozenset({"ns", "j"})


def _route_names(ctx: _Context) -> list[_Mention]:
    """沪昆 + 高速公路 + 贵州段, 京港澳 + 高速公路: two or three initials of places, then a
    kind of line ([route_kinds]), name one line; the places after it (贵州 of 贵州段) stay
    places of their own. The initials must read as places, not as a word (全省, 城际, 新建
    + 铁路: a kind of line) nor as one place (中国, 上海 + 高铁: a country's or a city's
    railways)."""
    kinds = "|".join(longest_first("route_kinds"))
    out: list[_Mention] = []
    for m in re.finditer(f"(?=([{HAN_CLASS}]{{2,3}}?)(?:{kinds}))", ctx.simple):
        start, initials = m.start(), m.group(1)
        end = start + len(initials)
        kind = next(k for k in longest_first("route_kinds") if ctx.simple.startswith(k, end))
        line_end = end + len(kind)
        if start not in ctx.starts or line_end not in ctx.ends:
            continue  # whole words: not 某某 + 铁路局, a bureau
        if _line_initials(ctx, start, end, line_end):
            out.append(_Mention(start, line_end, "place", _COMPOSED))
    return out


def _line_initials(ctx: _Context, start: int, end: int, line_end: int) -> bool:
    """Whether start:end reads as the initials of a line's places (see `_route_names`)."""
    initials = ctx.simple[start:end]
    lex = ctx.lex
    if initials in lex.places or initials in lex.known or _fold(initials) in lex.stop:
        return False
    entries = ctx.entries.get(initials, ())
    if entries and not any(e.proper for e in entries):
        return False  # 全省, 城际, 新建: everyday words
    if _type_from_gloss(_proper_senses(entries)) == "place" and not coordinated(entries):
        return False  # 西安至 + 安康 + 铁路: a railway to one city, named by the city
    tokens = ctx.tiling(start, end)
    if not tokens:  # 京九铁路/nz: one word jieba knows as a name, the line's own
        whole = ctx.tiling(start, line_end)
        return (
            len(whole) == 1 and whole[0][2] == "nz"
            and bool(_proper_senses(ctx.entries.get(ctx.simple[start:line_end], ())))
        )
    known = set(cue_set("region_short")) | cue_set("route_initials")
    return (
        all(ch in known for ch in initials)
        or all(tag in _NAME_TAGS for _, _, tag in tokens)
        or bool(_proper_senses(entries))
    )
