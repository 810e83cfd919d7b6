"""A last step of the merge (`combine`) for everyday phrases read as names: a verb glued to a
word for a body or land (热爱 + 党, 抗议 + 政府, 强 + 军) or such a word with a conjunction
glued on (党 + 和) is a deed or half of a pair, and names nothing; a saying about land
(深山老林, 大江南北) is everywhere, no place; a gang or a household described (国际贩毒集团,
普通家庭) is a kind of group, no body.
"""

from __future__ import annotations

from app.core.language.entities.lexicon import _KNOWN, cue_set, cues
from app.core.language.entities.mentions import _Context, _Mention

# How CC-CEDICT marks a saying (大江南北 "north and south of the Yangtze (idiom)").
_IDIOM = "(idiom)"


def _not_deeds_on_bodies(ctx: _Context, mentions: list[_Mention]) -> list[_Mention]:
    """Drops a body or place that ends in a verb and a bare body word ([verbs_on_bodies] +
    [bare_bodies]: 热爱祖国, 爱军, 学校组织学生拥军), a bare body word and a conjunction
    (党和), or two bare body words joined (人民和军队); a name the lists know stays (a person
    爱军 is untouched: only bodies and places are read so)."""
    return [m for m in mentions if not _deed_on_a_body(ctx, m)]


def _deed_on_a_body(ctx: _Context, m: _Mention) -> bool:
    if m.type not in ("organization", "place") or m.priority >= _KNOWN:
        return False
    form = ctx.simple[m.start : m.end]
    bare = cue_set("bare_bodies")
    joins = cue_set("glued_conjunctions")
    if form[-1] in joins and form[:-1] in bare:
        return True
    if any(form[at] in joins and form[:at] in bare and form[at + 1 :] in bare
           for at in range(1, len(form) - 1)):  # fmt: skip
        return True  # 人民和军队: two bare words joined, no one body
    verbs = cue_set("verbs_on_bodies")
    return any(
        form[cut:] in bare
        and any(form[at:cut] in verbs and (at == 0 or m.start + at in ctx.starts)
                for at in range(cut))
        for cut in range(1, len(form))
    )  # 学校组织学生 + 拥 + 军: a span ending in a deed on a body is a clause, no name


def _not_sayings_of_land(ctx: _Context, mentions: list[_Mention]) -> list[_Mention]:
    """Drops a place that is a saying about land: four characters pairing two kinds of land
    ([paired_land_chars] second and fourth: 深山老林, 五湖四海, 山山水水) with neither half a
    place's name, or a word CC-CEDICT knows only as an idiom (大江南北, capitalised for the
    river in it)."""
    return [m for m in mentions if not _saying_of_land(ctx, m)]


def _saying_of_land(ctx: _Context, m: _Mention) -> bool:
    if m.type != "place" or m.priority >= _KNOWN:
        return False
    form = ctx.simple[m.start : m.end]
    if form in ctx.lex.places:
        return False
    entries = ctx.entries.get(form, ())
    if entries and all(e.proper and _IDIOM in " ".join(e.senses) for e in entries):
        return True
    land = cue_set("paired_land_chars")
    if len(form) != 4 or form[1] not in land or form[3] not in land:
        return False
    return not any(_named(ctx, half) for half in (form[:2], form[2:]))


def _named(ctx: _Context, word: str) -> bool:
    """A place's name of the lists or a proper word of CC-CEDICT (天山, 汉江)."""
    return word in ctx.lex.places or any(e.proper for e in ctx.entries.get(word, ()))


def _not_kinds_of_groups(ctx: _Context, mentions: list[_Mention]) -> list[_Mention]:
    """Drops an organisation that is a kind of group described: a gang named only by its crime
    and its reach (国际贩毒集团, 跨国诈骗团伙: [gang_reaches], [crime_words], [gang_heads])
    or a household (普通家庭, 贫困人家: [households])."""
    return [m for m in mentions if not _kind_of_group(ctx, m)]


def _kind_of_group(ctx: _Context, m: _Mention) -> bool:
    if m.type != "organization" or m.priority >= _KNOWN:
        return False
    form = ctx.simple[m.start : m.end]
    if form.endswith(cues("households")):
        return True
    head = next((h for h in cues("gang_heads") if form.endswith(h)), "")
    crime = next((c for c in cues("crime_words") if form[: -len(head)].endswith(c)), "")
    if not head or not crime:
        return False
    reach = form[: -len(head) - len(crime)]
    return not reach or reach in cue_set("gang_reaches")
