"""Parts of China named by a province's one-character name and a compass direction (某省
简称 + 东/西南: 皖南, 浙西南, 川西北) and rivers named by the part of their course or basin
(某河 + 流域, 某江 + 中下游): regional names weather, farming and economy news use every day,
which jieba cuts or glues in ways the other rules do not read as places.
"""

from __future__ import annotations

import re

from app.core.language.entities.glosses import _proper_senses, _type_from_gloss
from app.core.language.entities.lexicon import _DICT, _KNOWN, cue_set, cues
from app.core.language.entities.mentions import _Context, _Mention

# The tags jieba gives a province's name standing alone before a direction (浙/ns + 西南,
# 川/j + 西北); a lone character tagged otherwise is an everyday word (藏/v "hide").
_INITIAL_TAGS = frozenset({"ns", "j"})

# A sense that says where in a province a word lies ("west of Liaoning", "northern Jiangsu").
_COMPASS_SENSE = re.compile(r"(?:(?:north|south)?(?:east|west)?(?:ern)?|north|south|central)"
                            r"(?:ern)? (?:of |part of )?[A-Z]", re.IGNORECASE)


def _province_parts(ctx: _Context) -> list[_Mention]:
    """赣南, 浙西南, 川西北, 冀东: a province's one-character name and a compass direction,
    as one word of jieba's or as that name alone and the direction word, name a part of the
    province (the way 苏南 and 陕北 are glossed): the whole is one place. 中 counts only
    inside one word (鲁中), since 苏 + 中 may as well be two states."""
    initials, directions = cue_set("province_part_initials"), cues("province_part_directions")
    out: list[_Mention] = []
    for index, (start, end, tag) in enumerate(ctx.tokens):
        word = ctx.simple[start:end]
        if not word or word[0] not in initials:
            continue
        if len(word) > 1:
            rest = word[1:]
            if (rest in directions or rest == "中") and _unglossed_part(ctx, word):
                out.append(_Mention(start, end, "place", _KNOWN))
            continue
        if tag not in _INITIAL_TAGS or index + 1 >= len(ctx.tokens):
            continue
        _, after_end, _ = ctx.tokens[index + 1]
        if ctx.simple[end:after_end] in directions:
            out.append(_Mention(start, after_end, "place", _KNOWN))
    return out


def _unglossed_part(ctx: _Context, word: str) -> bool:
    """A one-word part the dictionary does not know as something else (a person, a body or
    an everyday word): 晋中 the city, 赣南 the region, but not a word of its own."""
    entries = ctx.entries.get(word, ())
    if not entries:
        return True
    if all(_COMPASS_SENSE.match(s) for e in entries for s in e.senses):
        return True  # 辽西 "west of Liaoning": CC-CEDICT's lower-case sense is the region
    if any(not e.proper for e in entries):
        return False
    return _type_from_gloss(_proper_senses(entries)) in (None, "place")


def _basin_rivers(ctx: _Context) -> list[_Mention]:
    """汉水流域/ns, 淮河流域/ns: jieba makes one word of a river and the part of its course
    or basin after it; the river is the name (the word after it is no part of it, as for
    [feature_tails])."""
    tails = cues("basin_tails")
    rivers = cue_set("river_last_chars")
    out: list[_Mention] = []
    for start, end, tag in ctx.tokens:
        if tag != "ns" or end - start < 4:
            continue
        word = ctx.simple[start:end]
        tail = next((t for t in tails if word.endswith(t)), "")
        head = word[: len(word) - len(tail)] if tail else ""
        if len(head) >= 2 and (head[-1] in rivers or head in ctx.lex.places):
            out.append(_Mention(start, start + len(head), "place", _DICT))
    return out


def _compass_continents(ctx: _Context) -> list[_Mention]:
    """中东欧/ns, 西北欧/ns, 中南美/ns: two compass characters and a continent's one-character
    name are one region (Central and Eastern Europe), not 中东 (the Middle East) and a
    character left over; two characters only (中美, 中欧) are pairs, read elsewhere."""
    compass, continents = cue_set("compass_halves"), cue_set("continent_initials")
    out: list[_Mention] = []
    for start, end, tag in ctx.tokens:
        word = ctx.simple[start:end]
        if tag == "ns" and len(word) == 3 and word[:2] in compass and word[2] in continents:
            out.append(_Mention(start, end, "place", _DICT))
    return out


def _great_regions(ctx: _Context) -> list[_Mention]:
    """大西北/ns, 大西南/ns: "the great Northwest" is China's compass region with a word of
    praise before it; the region is the name a reader looks up."""
    regions = cue_set("compass_regions")
    out: list[_Mention] = []
    for start, end, tag in ctx.tokens:
        word = ctx.simple[start:end]
        if tag == "ns" and len(word) == 3 and word[0] == "大" and word[1:] in regions:
            out.append(_Mention(start + 1, end, "place", _DICT))
    return out


def _cut_before_pairs(ctx: _Context, crf: list[_Mention], rules: list[_Mention]) -> list[_Mention]:
    """大西北 + 中蒙 + 边界: a tagger's place that ends on a pair of one-character places the
    rules read (中 + 蒙, 京 + 津) glued words before it to the pair; the pair stays the rules'
    places, and the tagger's span is dropped (the words before are the rules' call)."""
    singles = {
        m.start for m in rules if m.type == "place" and m.length == 1 and m.priority < _KNOWN
    }
    return [
        c for c in crf
        if not (
            c.type == "place" and c.length >= 4 and c.start not in singles
            and c.end - 2 in singles and c.end - 1 in singles
        )
    ]  # fmt: skip


# Compass parts and nothing more (东中西部 + 地区, 中西部, 东南部一带).
_COMPASS_PARTS = re.compile(r"[东南西北中]{1,4}部(?:地区|一带)?")


def _not_compass_parts(ctx: _Context, crf: list[_Mention]) -> list[_Mention]:
    """东中西部地区, 中西部: the parts of a country or region named by compass points alone
    are no place's name (which country, the text says elsewhere); before a continent or a
    state of the place list (南部 + 非洲), the part names that place, as 非洲 + 南部 does."""
    out: list[_Mention] = []
    for c in crf:
        form = ctx.simple[c.start : c.end]
        part = _COMPASS_PARTS.match(form) if c.type == "place" else None
        if part is not None and part.end() == len(form):
            continue
        if part is not None and form[part.end() :] in ctx.lex.places:
            c = c.copy()
            c.start += part.end()
        out.append(c)
    return out
