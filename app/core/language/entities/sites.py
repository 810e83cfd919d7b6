"""Named sites of local news: development zones, stations, bridges, reservoirs, farms
(某江经济技术开发区, 某山机场, 某月大桥, 某峰水库). Chinese names such a site by the town or
landmark it stands at and the kind of site, and a reader looks the whole up as one place, not
as the town and a common noun (People's Daily tags 某元火车站 and 某户大桥 whole)."""

from __future__ import annotations

from bisect import bisect_left

from app.core.language.entities.lexicon import _KNOWN, cue_set, longest_first
from app.core.language.entities.mentions import _Context, _Mention


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
    if not kind or end not in ctx.ends or _runs_into_body(ctx, end):
        return 0
    return end


def _runs_into_body(ctx: _Context, end: int) -> bool:
    """The word after the site ends a body's name (某区 + 管委会, 某机场 + 集团)."""
    at = bisect_left(ctx.token_starts, end)
    if at == len(ctx.tokens):
        return False
    s, e, _ = ctx.tokens[at]
    return ctx.lex.org_ending(ctx.simple[s:e]) == e - s  # 管委会, not 排队 (队 of a team)
