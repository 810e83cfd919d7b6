"""Steps of the merge (`combine`) that concern places: where a place the tagger or the rules
found begins and ends (a place run on into everyday words or a village's division, a street
address, a chain of places), which of the rules' places a tagger span keeps apart, and the
places news writing shows by context (a dateline's town, a forecast's city, a venue).
"""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise

from app.core.language.entities.composed import _REGION_PART
from app.core.language.entities.given import given_score
from app.core.language.entities.lexicon import (
    _CRF,
    _DICT,
    _DOTS,
    _FUNCTION_TAGS,
    _KNOWN,
    _TAGGER,
    _fold,
    cue_set,
    cues,
    longest_first,
)
from app.core.language.entities.mentions import (
    _Context,
    _first_from,
    _last_before,
    _marks_at,
    _Mention,
    _only_place,
    _Spans,
)
from app.core.language.entities.people import _dotted_foreign
from app.core.language.entities.shaped import _DATE_DIGIT, _DATELINE_DATE
from app.core.language.entities.tagged import (
    _everyday,
    _opening_place,
    _unnamed_words,
    _where_one_goes,
    _word_at,
)
from app.core.text.chars import all_han


def _places_before_words(
    ctx: _Context, chosen: list[_Mention], rules: list[_Mention]
) -> list[_Mention]:
    """巴西 + 动物学家, 某国 + 农业, 某省 + 林业 + 系统: an organisation that is a place (or a
    chain of places) and then only everyday words with no head a body's name ends in (公司,
    大学, 委员会, 银行 ...) names the place, which the words describe: a reader looks up the
    country, not "某国农业" as a body. A body CC-CEDICT or the name lists know stays whole
    (中国银行, 日本航空), and so does one whose words end as bodies do (某国石油公司)."""
    places = _Spans(m for m in rules if m.type == "place")
    people = {m.start for m in chosen if m.type == "person"}
    out: list[_Mention] = []
    for m in chosen:
        body = m.type == "organization" and m.priority < _KNOWN
        opening = _places_then_words(ctx, m, places) if body else []
        if body and not opening and m.end in people:
            opening = _nationality(ctx, m)
        out.extend(opening or [m])
    return out


def _nationality(ctx: _Context, m: _Mention) -> list[_Mention]:
    """西班牙人 + 某某: a country's people right before a person's name says where the person
    is from; it is the country, not the club or body of that name (the tagger's guess)."""
    form = ctx.simple[m.start : m.end]
    if len(form) < 3 or form[-1] != "人" or form[:-1] not in ctx.lex.places:
        return []
    return [_Mention(m.start, m.end - 1, "place", _CRF)]


def _places_then_words(ctx: _Context, m: _Mention, places: _Spans) -> list[_Mention]:
    """The places that open m when the rest of it is everyday words and no body's head."""
    form = ctx.simple[m.start : m.end]
    if not all_han(form) or ctx.entries.get(form) or form in ctx.lex.bodies:
        return []
    chain: list[_Mention] = []
    at = m.start
    while at < m.end:
        found = [p for p in places.overlapping(at, at + 1) if p.start == at and p.end < m.end]
        if found:
            chain.append(max(found, key=lambda p: p.end).copy())
        elif cut := _opening_place(ctx.lex, ctx.simple[at : m.end]):
            chain.append(_Mention(at, at + cut, "place", _CRF))
        else:
            break
        at = chain[-1].end
    if not chain or not _everyday_tail(ctx, at, m.end):
        return []
    return chain


def _everyday_tail(ctx: _Context, start: int, end: int) -> bool:
    """start:end is everyday words (a token's rest the dictionary knows, then whole tokens),
    numbers and function words, none a name, ending in nothing a body's name ends in."""
    tail = ctx.simple[start:end]
    heads = cues("body_parts") + cues("trades") + cues("place_firm_words")
    if ctx.lex.org_shaped(tail) or tail.endswith(heads) or tail[-1] in cue_set("place_last_chars"):
        return False  # 某国石油公司, 某市传媒, 某国平安: a body's or a firm's name
    words: list[tuple[str, str]] = []
    inside = ctx.token_range(start, end)
    if start not in ctx.starts and inside.start > 0:  # 某国 + 农业 as one token, 某 + 族
        _, token_end, tag = ctx.tokens[inside.start - 1]
        rest = ctx.simple[start : min(token_end, end)]
        if tag == "j" or (len(rest) > 1 and not ctx.entries.get(rest)):
            return False
        words.append((rest, "x"))
        start = token_end
    if start < end:
        tiles = ctx.tiling(start, end)
        if not tiles:
            return False
        words += [(ctx.simple[s:e], tag) for s, e, tag in tiles]
    for word, tag in words:
        if tag == "j":
            return False  # 某市 + 交警, 某市 + 邮电: a body's short name
        if word in ctx.lex.places or word in ctx.lex.bodies or word in ctx.lex.suffixes:
            return False
        entries = ctx.entries.get(word)
        if entries and any(e.proper for e in entries):
            return False
        if not entries and tag not in _FUNCTION_TAGS:
            return False  # 某市 + 岚 + 翼: a name the segmenter cut into characters
    return True


def _as_venue(ctx: _Context, m: _Mention) -> _Mention:
    """某某体育中心, 某某购物中心: an organisation no list knows that ends in a centre named for
    what happens there as at a venue is the place (People's Daily and CLUENER both mark such
    centres places; the rules and the tagger read 中心 as a body's head)."""
    if m.type != "organization" or m.priority >= _KNOWN:
        return m
    if not ctx.simple.endswith(cues("venue_centres"), m.start, m.end):
        return m
    m = m.copy()
    m.type = "place"
    return m


def _place_of_a_unit(ctx: _Context, m: _Mention) -> bool:
    """挪威 + 克朗, 北京 + 时间: a country before its currency or a city before its time zone
    names the unit, not the place (unless a reader put it on the known-name list)."""
    return (m.type == "place" and m.priority < _KNOWN
            and ctx.simple[m.end : m.end + 3].startswith(_units()))


@cache
def _units() -> tuple[str, ...]:
    return (*cues("currencies"), "时间")


# ... and a two-character place no dictionary knows (see `_unknown_pair_place`).
PLACE_BACKED = 0.5


def _unknown_pair_place(ctx: _Context, m: _Mention) -> bool:
    """入夏, 馆内, 蒙上, 北南: two characters jieba tags as a place that no dictionary or name
    list knows are mostly a phrase it glued (on People's Daily dev 5 of about 45 were places,
    on the CLUENER slice 0 of 14), so only the tagger's backing keeps one."""
    if m.type != "place" or m.priority != _TAGGER or m.length != 2:
        return False
    form = ctx.simple[m.start : m.end]
    if ctx.simple.startswith(cues("festivals"), m.end):
        return False  # 某镇 + 戏剧节, 某地 + 博览会: a gathering named for where it is held
    return not ctx.entries.get(form) and form not in ctx.lex.places


def _places_of_descriptions(
    ctx: _Context, crf: list[_Mention], rules: list[_Mention]
) -> list[_Mention]:
    """印度政府, 俄政府, 美军, 哥伦比亚警方, 山东公安机关: a place, then ordinary words ending in
    a body its people or state form, names the place and nothing more (People's Daily dev marks
    the place alone 41 times of 43 before 政府; CLUENER counts such spans as bodies, and a
    reader looks up the place). So do 中美关系, 印巴两国 (the two countries) and 台北多云转晴 (a
    forecast). A place the rules found keeps their mention and English."""
    out: list[_Mention] = []
    rule_places = _Spans(m for m in rules if m.type == "place")
    leaders = {m.start: m for m in rules if m.type == "person"}
    for c in crf:
        places = (_leading_places(ctx, c, rule_places) if c.type in ("organization", "place")
                  else [])
        leader = leaders.get(c.start)
        if places and _descriptive_tail(ctx, places[-1].end, c.end):
            out.extend(p.copy() for p in places)
        elif c.type == "organization" and leader and ctx.simple[leader.end : c.end] == "政府":
            out.append(leader.copy())  # 克林顿 + 政府: a president's administration
        else:
            out.append(c)
    return out


def _leading_places(ctx: _Context, c: _Mention, rule_places: _Spans) -> list[_Mention]:
    """The places that open c and end before it does: the rules' (中 + 美 in 中美关系), else
    the place list's entry or a one-character country."""
    if ctx.entries.get(ctx.simple[c.start : c.end]):
        return []  # 中国银行, 美军: the dictionary's own word
    found = [m for m in rule_places.inside(c.start, c.end) if m.end < c.end]
    chain: list[_Mention] = []
    at = c.start
    for m in sorted(found, key=lambda m: (m.start, -m.end)):
        if m.start == at or (chain and m.start == at + 1 and ctx.simple[at] in "、和与"):
            chain.append(m)
            at = m.end
    if chain:
        return chain
    form = ctx.simple[c.start : c.end]
    cut = _opening_place(ctx.lex, form)
    if cut:
        return [_Mention(c.start, c.start + cut, "place", _CRF)]
    if form[0] in cue_set("country_short") and c.start + 1 in ctx.ends:
        return [_Mention(c.start, c.start + 1, "place", _CRF)]
    return []


def _descriptive_tail(ctx: _Context, start: int, end: int) -> bool:
    """What follows the places is a description, not the rest of a name: 两国/关系 ... (two
    states' relations), a forecast, or ordinary words ending in a body a place forms (政府,
    警方, 公安机关; not 湖南省政府 or 北京市人民政府, a province's or city's own government)."""
    tail = ctx.simple[start:end]
    # 华南 + 大部, 黄淮 + 中南部: a part of a region, as forecasts name it.
    if (tail.startswith(_description_openings()) and not _body_of_relations(ctx, tail)) \
            or _REGION_PART.fullmatch(tail) or tail == "大部":
        return True
    last = next((h for h in longest_first("descriptive_heads") if tail.endswith(h)), None)
    if last is None or (last == "军" and len(tail) > 1):
        return False  # 加拿大海军, 新四军: a named force
    if last == "政府" and ctx.simple[start - 1] in "省市县区州":
        return False
    return len(tail) == len(last) or _ordinary_words(ctx, start, end)


def _body_of_relations(ctx: _Context, tail: str) -> bool:
    """合作 + 组织, 友好 + 协会, 经贸 + 委员会: words of relations that end as a body's name
    does name a body the places form (某某合作组织, 某某经贸委员会), not the relations; but
    after a count of the states (两国 + 相关银行) the bodies are many, each of one state."""
    if tail.startswith(cues("state_counts")):
        return False
    return ctx.lex.org_ending(tail) > 0 or tail.endswith(cues("body_parts"))


@cache
def _description_openings() -> tuple[str, ...]:
    return cues("relations") + cues("weather") + ("等国",)


def _ordinary_words(ctx: _Context, start: int, end: int) -> bool:
    """start:end is whole tokens of everyday Han words (公安机关, 电信管理部门), no name."""
    return _unnamed_words(ctx, start, end, frozenset(), han_only=True)


def _surname_and_place_word(ctx: _Context, c: _Mention, inner: list[_Mention]) -> bool:
    """刘 + 秀英, 苏 + 长青: a surname (which may also abbreviate a province or a state, 苏),
    then a given name (which may also be some district's name, 秀英 of Haikou), is the person
    the tagger read, not places around a stray surname (but a place the lists hold stays
    one: 江 + 西 is no name, nor is a name ending in a division: 曾 + 湘乡)."""
    if c.length != 3 or ctx.simple[c.start] not in ctx.lex.surnames:
        return False
    given = ctx.simple[c.start + 1 : c.end]
    parts = {(c.start, c.start + 1), (c.start + 1, c.end)}
    if not inner or any(m.type != "place" or (m.start, m.end) not in parts for m in inner):
        return False
    return given not in ctx.lex.places and given[-1] not in cue_set("division_chars") \
        and given_score(given) > 0


def _translit_name_with_place_piece(ctx: _Context, c: _Mention, inner: list[_Mention]) -> bool:
    """穆索 + 昆瓦/ns: a foreign name the tagger read whole, all transliteration, whose piece
    jieba guessed a place is still one person, when no list or dictionary knows that piece as
    a place (but 某某 + 巴黎: a name and a city)."""
    if c.length < 4 or not ctx.lex.transliterated(ctx.simple[c.start : c.end]):
        return False
    pieces = [ctx.simple[m.start : m.end] for m in inner if m.type == "place"]
    return bool(pieces) and not any(
        p in ctx.lex.places or ctx.entries.get(p) for p in pieces
    )


def _split_places(ctx: _Context, crf: list[_Mention], rules: list[_Mention]) -> list[_Mention]:
    """青海省柳曲县: the rules' places tiling most of the tagger's place replace it, and
    places tiling all of any span (美国德克萨斯州休斯敦); a person is one name (江泽民访华 is
    江泽民 + 华, not a person)."""
    out = []
    spans = _Spans(rules)
    for c in crf:
        if c.type == "place" and _foreign_place(ctx, c.start, c.end):
            out.append(c)  # 南里奥格朗德州: one foreign place, not 南里 + 德州
            continue
        if c.type == "person" and _dotted_foreign(ctx, c):
            out.append(c)  # 莉萨·托马斯: one person, not 莉萨·托 + 马斯
            continue
        if c.type == "place" and _street_address(ctx, c):
            out.append(c)  # 广州市 + 花都区 + 新华路 12 号: one address, not three places
            continue
        inner = [m for m in spans.inside(c.start, c.end) if m.length < c.length]
        places = [
            m for m in inner
            if m.type == "place" and not _facility(ctx, m)
            and not (m.length > 2 and _everyday(ctx, ctx.simple[m.start : m.end]))
        ]  # fmt: skip  (国家公园 of 某某国家公园: a kind of place, not the park's name)
        bodies = _bodies_and_places(ctx, c, inner)
        if bodies:
            out.extend(m.copy() for m in bodies)  # 某市铁路局 + 某市: a bureau and a city
            continue
        covered = sum(m.length for m in places)
        if places and (covered == c.length or (c.type == "place" and covered * 2 >= c.length)):
            out.extend(
                _village_tail(ctx, c, places) + _village_head(ctx, c, places)
                + _chain_gaps(ctx, c, places) + _translit_heads(ctx, c, places)
                + _foreign_tail(ctx, c, places) + _misjoined_villages(ctx, c, places)
            )
            continue
        if c.type != "place" and _place_chain(ctx, c, places):
            continue
        owned = _owned_facility(ctx, c, places)
        if owned is not None:
            out.append(owned)
            continue
        if c.type == "person" and _dotted_pieces(ctx, c, inner):
            out.append(c)  # 朱莉 + · + 杜库诺: a given name and a family name, one person
            continue
        if c.type == "person" and (len(inner) >= 2 or any(m.type != "person" for m in inner)) \
                and not _surname_and_place_word(ctx, c, inner) \
                and not _translit_name_with_place_piece(ctx, c, inner):
            continue
        out.append(c)
    return out


def _bodies_and_places(ctx: _Context, c: _Mention, inner: list[_Mention]) -> list[_Mention]:
    """成都铁路局 + 重庆 (车务段): the rules' organisations, each with an organisation's ending,
    and places tiling all of the tagger's place, one organisation at least: no place's name
    holds a bureau's, so they are the names (none when they do not tile it so). So are two
    places or more, then one body, that tile the tagger's organisation (某省 + 某市 + 某镇供销社:
    the province and the city are places of their own, as People's Daily marks them)."""
    if c.type not in ("place", "organization"):
        return []
    chain: list[_Mention] = []
    at = c.start
    for m in sorted(inner, key=lambda m: (m.start, -m.end)):
        if m.start == at and m.type in ("place", "organization"):
            chain.append(m)
            at = m.end
    bodies = [m for m in chain if m.type == "organization"]
    if at != c.end or not bodies:
        return []
    if not all(ctx.lex.org_ending(ctx.simple[m.start : m.end]) for m in bodies):
        return []
    one_body = len(bodies) == 1 and chain[-1] is bodies[0] and len(chain) >= 3
    if c.type == "organization" and not one_body:
        return []  # but 某省 + 某市 + 某镇供销社: a chain of places, then one body
    return chain


def _dotted_pieces(ctx: _Context, c: _Mention, inner: list[_Mention]) -> bool:
    """The tagger's person is the rules' people joined by middle dots and nothing else: the
    parts of one foreign name (some of whose characters, 朱 of 朱莉, are no transliteration
    characters, so the dotted rule does not join them)."""
    if len(inner) < 2 or any(m.type != "person" for m in inner):
        return False
    pieces = sorted(inner, key=lambda m: m.start)
    if pieces[0].start != c.start or pieces[-1].end != c.end:
        return False
    return all(
        b.start == a.end + 1 and ctx.simple[a.end] in _DOTS
        for a, b in pairwise(pieces)
    )


# A house number, a floor or a room: 86号, 12号楼, 3楼, 2层, B座.
_HOUSE_NUMBER = re.compile(r"[\dA-Za-z０-９一二三四五六七八九十百零〇]+(?:号院?|号楼|[层楼室座])$")


def _street_address(ctx: _Context, c: _Mention) -> bool:
    """The tagger's place that runs on to a street, a house number or a floor (汾江中路,
    南京路 86 号, a city + a district + a road + 3 楼) is one address: CLUENER marks the
    whole, and a reader looking for it wants the whole, where the rules would list the city,
    the district and half the street's name as places of their own."""
    form = ctx.simple[c.start : c.end]
    if _HOUSE_NUMBER.search(form):
        return True
    ending = next((t for t in longest_first("street_endings") if form.endswith(t)), "")
    return bool(ending) and len(form) > len(ending) + 1


def _village_tail(ctx: _Context, c: _Mention, places: list[_Mention]) -> list[_Mention]:
    """邢台县 + 北关屯村, 泰山 + 寨: where the rules' places stop short of the tagger's place
    and what is left ends in a division (村, 镇, 乡, 寨, 庄 ...), the last place runs on to that
    division (the rules read 南市 and left 屯村 out). Only the tail is returned: the places
    come from the rules."""
    last = max(places, key=lambda m: m.end)
    tail = ctx.simple[last.end : c.end]
    if c.type == "place" and tail in cue_set("facility_tails") and last.priority < _KNOWN:
        longer = last.copy()  # 松江 + 大桥, 青川 + 火车站: the place named after the town
        longer.end = c.end
        return [longer]
    divisions = cue_set("village_divisions")
    if c.type != "place" or not tail or len(tail) > 4 or tail[-1] not in divisions:
        return []
    if ctx.simple[last.end - 1] in cue_set("division_chars") and len(tail) >= 3 \
            and all_han(tail) and last.end in ctx.ends:
        return [_Mention(last.end, c.end, "place", _CRF)]  # 岷山县 + 柳禾营镇: a place of its own
    if len(tail) > 3:
        return []
    if not all_han(tail) or last.priority >= _KNOWN or last.end not in ctx.ends:
        return []
    longer = last.copy()
    longer.end = c.end
    return [longer]


def _owned_facility(ctx: _Context, c: _Mention, places: list[_Mention]) -> _Mention | None:
    """英国 + 诺曼大桥: a place the rules know opening the tagger's place, the rest a name and
    a facility word: the rest is a place of its own (the opening place is the rules')."""
    first = next((m for m in places if m.start == c.start), None)
    form = ctx.simple[c.start : c.end]
    tail = next((t for t in longest_first("facility_tails") if form.endswith(t)), "")
    if c.type != "place" or first is None or not tail or c.end - first.end < len(tail) + 2:
        return None
    if first.end not in ctx.ends or any(m.start >= first.end for m in places):
        return None
    if _everyday(ctx, _word_at(ctx, first.end)):
        return None  # 俄 + 东部空军基地: a description, the whole is the tagger's
    rest = c.copy()
    rest.start = first.end
    return rest


def _facility(ctx: _Context, m: _Mention) -> bool:
    """大桥, 火车站: a word for a kind of place the rules took for a place (jieba's ns) is no
    part of a place's name to split it at."""
    return ctx.simple[m.start : m.end] in cue_set("facility_tails")


def _chain_gaps(ctx: _Context, c: _Mention, places: list[_Mention]) -> list[_Mention]:
    """某某县 + 花石乡 + 某某村: in a chain of divisions the tagger read whole, a stretch between
    two of the rules' places that ends in a division (乡, 镇, 村 ...) and whose ends are word
    ends is a place of its own (jieba cut 花石/n + 乡/n, so the rules missed the township;
    jieba tagged 某某州/nr a person, so they missed the prefecture)."""
    divisions = cue_set("division_chars") | cue_set("village_divisions") | cue_set("prefectures")
    ordered = sorted(places, key=lambda m: m.start)
    out = []
    for left, right in pairwise(ordered):
        gap = ctx.simple[left.end : right.start]
        if not 2 <= len(gap) <= 4 or not all_han(gap) or gap[-1] not in divisions:
            continue
        if left.end not in ctx.ends or right.start not in ctx.starts:
            continue
        s, e, _ = ctx.tokens_within(left.end, right.start)[-1]
        if e - s > 1 and any(not x.proper for x in ctx.entries.get(ctx.simple[s:e], ())):
            continue  # 某国 + 南部城市 + 某城: a kind of place (城市, 县城), no name
        out.append(_Mention(left.end, right.start, "place", _CRF))
    return out


def _misjoined_villages(ctx: _Context, c: _Mention, places: list[_Mention]) -> list[_Mention]:
    """某某乡 + 果 + 桃村, 某某县 + 沿渡河 + 镇罗坪村: in a chain of divisions the tagger read
    whole, the segmenter cut a village's first character off (果/ng + 桃村/ns) or glued a
    town's last character onto the village after it (镇罗坪村/ns); after a division, the
    village runs on from the division's end, and a town ends at that glued character."""
    if c.type != "place":
        return []
    divisions = cue_set("division_chars") | cue_set("village_divisions")
    out = []
    for left, right in pairwise(sorted(places, key=lambda m: m.start)):
        gap, form = ctx.simple[left.end : right.start], ctx.simple[right.start : right.end]
        if ctx.simple[left.end - 1] not in divisions or form[-1] not in divisions:
            continue
        if right.priority >= _KNOWN or not gap or not all_han(gap):
            continue
        if left.end not in ctx.ends or right.start not in ctx.starts:
            continue
        if any(t in _FUNCTION_TAGS for _, _, t in ctx.tokens_within(left.end, right.start)):
            continue  # 某镇 + 和 + 平村: "and", no part of a name
        if len(gap) <= 2 and len(form) == 2 and not _everyday(ctx, form):
            out.append(_Mention(left.end, right.end, "place", _CRF))  # 果 + 桃村
        elif 2 <= len(gap) <= 3 and len(form) >= 4 and form[0] in divisions:
            out.append(_Mention(left.end, right.start + 1, "place", _CRF))  # 沿渡河 + 镇
            out.append(_Mention(right.start + 1, right.end, "place", _CRF))  # 罗坪村
    return out


def _meeting_places(ctx: _Context, mentions: list[_Mention]) -> list[_Mention]:
    """在 + 某某勒 + 会见: a transliterated "person" between 在 and a verb of meeting or holding
    (会见, 会晤, 举行) is the city where they met; a person before 在 + name is in their view
    (在某某看来) or their presence (在某某主持下), neither a verb of meeting."""
    verbs = cues("meeting_verbs")
    for m in mentions:
        if m.type != "person" or m.priority >= _KNOWN or ctx.simple[m.start - 1 : m.start] != "在":
            continue
        form = ctx.simple[m.start : m.end]
        if len(form) >= 2 and ctx.lex.transliterated(form) and ctx.simple.startswith(
            verbs, m.end
        ):
            m.type = "place"
    return mentions


def _states_before_offices(ctx: _Context, mentions: list[_Mention]) -> list[_Mention]:
    """某某亚 + 总统 + 某·某: a transliterated name right before a state's office that a
    person's name follows is the state the officer serves (an unknown country jieba read as a
    name), not a second person: a title stands between a state and a name, not two names."""
    people = {m.start for m in mentions if m.type == "person"}
    offices = longest_first("state_offices")
    for m in mentions:
        if m.type != "person" or m.priority >= _KNOWN or m.length < 2:
            continue
        if not ctx.lex.transliterated(ctx.simple[m.start : m.end]):
            continue
        office = next((w for w in offices if ctx.simple.startswith(w, m.end)), "")
        if office and m.end + len(office) in people:
            m.type = "place"
    return mentions


def _foreign_tail(ctx: _Context, c: _Mention, places: list[_Mention]) -> list[_Mention]:
    """在 + 巴西 + 贝伦/nr: where the rules' places stop short of the tagger's place after a
    preposition of place and the rest is whole words of transliteration characters, the rest
    is a foreign city of that country (jieba tagged it a given name, so the rules missed it;
    elsewhere a country and a name may be a player or a firm: 某国 + 某某 + 等队员)."""
    last = max(places, key=lambda m: m.end)
    tail = ctx.simple[last.end : c.end]
    if c.type != "place" or len(tail) < 2 or last.end not in ctx.starts or c.end not in ctx.ends:
        return []
    if ctx.simple[c.start - 1 : c.start] not in cue_set("place_prepositions"):
        return []
    if not ctx.lex.transliterated(tail) or _fold(tail) in ctx.lex.stop:
        return []
    return [_Mention(last.end, c.end, "place", _CRF)]


def _translit_heads(ctx: _Context, c: _Mention, places: list[_Mention]) -> list[_Mention]:
    """意大利 + 卡 + 普里岛: in the tagger's place, one transliteration character left between
    two of the rules' places, the second a transliteration too, opens the second's name (jieba
    cut 卡/n off the island's name)."""
    translit = ctx.lex.translit
    out = []
    for left, right in pairwise(sorted(places, key=lambda m: m.start)):
        if right.start - left.end != 1 or right.priority >= _KNOWN:
            continue
        if ctx.simple[left.end] in translit and ctx.simple[right.start] in translit:
            longer = right.copy()
            longer.start = left.end
            out.append(longer)
    return out


def _village_head(ctx: _Context, c: _Mention, places: list[_Mention]) -> list[_Mention]:
    """青 + 庄乡: where the rules' first place is one character and a division, and the
    tagger's place starts one character before it, that character opens the place's name."""
    first = min(places, key=lambda m: m.start)
    form = ctx.simple[first.start : first.end]
    if c.type != "place" or first.start != c.start + 1 or len(form) != 2:
        return []
    if form[-1] not in cue_set("division_chars") or first.priority >= _KNOWN:
        return []
    if not all_han(ctx.simple[c.start]) or c.start not in ctx.starts:
        return []
    longer = first.copy()
    longer.start = c.start
    return [longer]


def _place_chain(ctx: _Context, c: _Mention, places: list[_Mention]) -> bool:
    """美国 + 德克萨斯州 + 休斯敦: places at both ends and no organisation ending between."""
    starts = any(m.start == c.start for m in places)
    ends = any(m.end == c.end for m in places)
    form = ctx.simple[c.start : c.end]
    return starts and ends and not ctx.lex.org_ending(form)


def _posted_to(ctx: _Context, c: _Mention) -> bool:
    """驻 + 新德里 + 高级专员, 在 + 某城 + 提起, 抵 + 某城: after a verb of being posted,
    arriving or visiting, or 在, the name is where, not a body (a club named after its city
    is played or lost to, 败 + 于 + 某城: not posted to)."""
    return ctx.simple[c.start - 1 : c.start] in cue_set("posted_at")


def _keep_dictionary_places(
    ctx: _Context, crf: list[_Mention], rules: list[_Mention]
) -> list[_Mention]:
    """A span CC-CEDICT glosses as a place stays a place, whatever the tagger says; so does a
    name on the place list it took for a person (江淮, 黄淮: regions, not 江 + 淮), and a name
    CC-CEDICT knows only as a place that the tagger took for a body where one is posted or is
    (驻 + 新德里 + 高级专员)."""
    places = {(m.start, m.end) for m in rules if m.type == "place" and m.priority == _DICT}
    for c in crf:
        listed = c.type == "person" and ctx.simple[c.start : c.end] in ctx.lex.places
        capital = c.type == "organization" and _posted_to(ctx, c) and _only_place(
            ctx.entries.get(ctx.simple[c.start : c.end], ()))
        if (c.start, c.end) in places or listed or capital or _city_of_meeting(ctx, c, rules):
            c.type = "place"
    return _glossed_places_over_guesses(ctx, crf, rules)


def _glossed_places_over_guesses(
    ctx: _Context, crf: list[_Mention], rules: list[_Mention]
) -> list[_Mention]:
    """桂林 + 的经济, 抵达 + 佛罗伦萨: a word CC-CEDICT knows only as a place, which the rules
    read as that place, stays a place after a word of being at or going to it where the tagger
    guessed a body (CLUENER's clubs are called by their city), or there and before 的 where it
    guessed a person (a surname-like first character); not in a sentence about a match
    (佛罗伦萨 + 主场 + 战胜 is the club, 前锋 + 马龙 a player)."""
    places = {(m.start, m.end) for m in rules if m.type == "place"}
    for c in crf:
        if c.type not in ("person", "organization") or (c.start, c.end) not in places:
            continue
        form = ctx.simple[c.start : c.end]
        if not _only_place(ctx.entries.get(form, ())) or ctx.lex.org_ending(form) > 0:
            continue  # 国家环保总局: "State ... Administration", a body by its ending
        if ctx.simple[c.end : c.end + 1] in _DOTS or _about_a_match(ctx, c.start, c.end):
            continue  # 马龙·某某, 前锋 + 马龙: a person; 拉齐奥 + 主场: the club
        if _where_one_is(ctx, c.start) or (
            c.type == "person" and ctx.simple[c.end : c.end + 1] == "的"
        ):
            c.type = "place"  # (来自 + 金山 + 的 + 网游: the firm, so no 的 for a body)
    return crf


def _where_one_is(ctx: _Context, start: int) -> bool:
    """A word of being at or going to a place ends right before `start` (在, 抵达, 前往)."""
    if ctx.simple.endswith("来自", 0, start):
        return False  # 来自 + 某某: a firm's product or a club's player as often as a town's
    return _where_one_goes(ctx, start)


def _about_a_match(ctx: _Context, start: int, end: int) -> bool:
    """The sentence around start:end has a word of sport (队, 比赛, 主场, 击败), where a city
    names its club and a county's name may be a player's."""
    ends = _marks_at(ctx.simple, "。！？\n")
    sentence = ctx.simple[_last_before(ends, start) + 1 : _first_from(ends, end, len(ctx.simple))]
    return any(word in sentence for word in cues("sports_sentence_words"))


def _city_of_meeting(ctx: _Context, c: _Mention, rules: list[_Mention]) -> bool:
    """某城 + 会议, 某城 + 峰会: a city the dictionary knows only as a place, before a word of
    meeting, is where the meeting is held (the tagger reads X会议 as a body's name)."""
    if c.type != "organization" or not ctx.simple.startswith(cues("meetings_held_at"), c.end):
        return False
    ruled = any((m.start, m.end) == (c.start, c.end) and m.type == "place" for m in rules)
    return ruled and _only_place(ctx.entries.get(ctx.simple[c.start : c.end], ()))


# What follows the city of a report's source, with or without the date: 3月8日电, 电, 消息.
_FILED_FROM = re.compile(rf"(?:{_DATE_DIGIT}{{1,2}}月{_DATE_DIGIT}{{1,3}}日)?(?:[电讯]|报道|消息)")


def _places_by_context(
    ctx: _Context, crf: list[_Mention], rules: list[_Mention]
) -> list[_Mention]:
    """本报巴黎3月8日电, 曼谷雷阵雨: a name the rules read as a place, before a dateline's date
    or a forecast, is that place (the tagger, which never saw a dateline or a weather table,
    guesses an organisation there)."""
    places = {(m.start, m.end) for m in rules if m.type == "place"}
    for c in crf:
        if c.type == "place" or (c.start, c.end) not in places:
            continue
        after = ctx.simple[c.end : c.end + 8]
        if _DATELINE_DATE.match(after) or after.startswith(cues("weather")):
            c.type = "place"
    return crf


def _dateline_apart(
    ctx: _Context, crf: list[_Mention], rules: list[_Mention]
) -> list[_Mention]:
    """新华社内罗毕4月12日电, 据某社某城消息: the tagger, which never saw a dateline, reads the
    agency and the city it was filed from as one body; they are the agency and that city (the
    rules' places there, 新华社 + 某国 + 某城, else the whole rest)."""
    out: list[_Mention] = []
    for c in crf:
        form = ctx.simple[c.start : c.end]
        opener = next((o for o in longest_first("dateline_openers") if form.startswith(o)), "")
        cut = c.start + len(opener)
        if not opener or c.end - cut < 2 or not _FILED_FROM.match(ctx.simple, c.end):
            out.append(c)
            continue
        if any(m.start == c.start and m.end == cut and m.type == c.type for m in rules):
            out.append(_Mention(c.start, cut, "organization", c.priority))  # not 本报
        places = sorted(
            (m for m in rules if m.type == "place" and cut <= m.start and m.end <= c.end),
            key=lambda m: m.start,
        )
        tiled = bool(places) and places[0].start == cut and places[-1].end == c.end and all(
            a.end == b.start for a, b in pairwise(places)
        )
        whole = _Mention(cut, c.end, "place", c.priority)
        out.extend([m.copy() for m in places] if tiled else [whole])
    return out


def _divisions_before_their_heads(ctx: _Context, chosen: list[_Mention]) -> list[_Mention]:
    """某某 + 省 + 省长, 某某 + 州 + 州长: a name read as a person, then a division and that
    division's head (the governor, the mayor), is the division, a place; no one's name is
    followed by 省省长."""
    out: list[_Mention] = []
    for m in chosen:
        at = m.end
        kind = ctx.simple[at : at + 1]
        if m.type == "person" and kind and kind in cue_set("division_chars") \
                and ctx.simple.startswith(kind + "长", at + 1):
            m = m.copy()
            m.type, m.end = "place", at + 1
        out.append(m)
    return out


def _foreign_place(ctx: _Context, start: int, end: int) -> bool:
    """莱克伍德县, 苏扎克区, 马拉若岛: transliteration characters ending in a place's kind
    are one foreign place, however jieba cut them (莱克/nrt + 伍德县, 苏/j + 扎克/nrt + 区)
    and however unsure the tagger, which reads them whole, is; the rules' pieces are people
    and places that are not there."""
    form = ctx.simple[start:end]
    if len(form) < 4 or form[-1] not in cue_set("foreign_place_kinds"):
        return False
    return ctx.lex.transliterated(form[:-1])


def _shrines(ctx: _Context, mentions: list[_Mention]) -> list[_Mention]:
    """某家祠, 某帝陵, 某氏 + 宗祠: the segmenter tags a shrine's or a tomb's name a person's;
    no person's name ends in a shrine's last character ([shrine_endings]), and a person's name
    right before a whole word for a clan's shrine ([shrine_words]) names that shrine."""
    out: list[_Mention] = []
    for m in mentions:
        if m.type != "person" or m.priority >= _KNOWN:
            out.append(m)
            continue
        k = ctx.token_range(m.end, len(ctx.simple)).start
        word = ctx.simple[ctx.tokens[k][0] : ctx.tokens[k][1]] if k < len(ctx.tokens) else ""
        if m.end in ctx.starts and word in cue_set("shrine_words"):
            m.type, m.end = "place", m.end + len(word)
        elif m.length >= 2 and ctx.simple[m.end - 1] in cue_set("shrine_endings"):
            m.type = "place"
        out.append(m)
    return out
