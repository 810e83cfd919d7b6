"""Where the trained tagger and the rules meet: one list of mentions from both.

The tagger learnt its types and boundaries from CLUENER (sports clubs by their city's name,
companies, game and film titles, scenic spots); the rules follow People's Daily's habits and
know what no training text shows (English names, the known-name list, the user's corrections).
Measured on People's Daily dev, Weibo dev and the held-out CLUENER slice, the tagger decides
wherever it speaks, except that
- the known-name list and the user's additions win over it;
- Latin script stays with the Latin rules (CLUENER holds little English, and its guesses
  there cut "Uber Eats 和 AXON" or a URL slug into names);
- a place the rules split into places (青海省 + 曲麻莱县) is split, and a span the dictionary
  glosses as a place stays a place (巴西 is a country in news, however football-like the
  sentence);
- the rules fill the gaps it leaves: a bare country (CLUENER seldom marks one, a reader wants
  it listed), bodies, dotted and quoted names; but not a person guessed from jieba's tag
  alone, which was right 51 % of the time on People's Daily dev and 13 % on CLUENER, unless
  the tagger's probabilities half back it (`BACKED`) or it has a full Chinese name's shape;
- news writing a reader reads as places: a place before its government, army or police
  (印度政府, 哥伦比亚警方: the place), two states before their relations, a dateline's and a
  forecast's city; and a body made of everyday words only (农村信用社) is no name;
- where the tagger wavers (its marginal probabilities, see SURE and WEAK) the rules win, and
  a span it joins across a title (日本首相山口健太郎) or onto everyday words (南宁雷阵雨) is
  left to the rules.
The steps about people live in `people.py`, places in `places.py`, bodies in `bodies.py`,
the press in `press.py`, lists in `listed.py`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping

from app.core.language.entities.abroad import (
    _after_the_country,
    _counted_groups,
    _federal_states,
    _foreign_divisions,
    _japanese_ministries,
    _seats_speaking,
    _towns_after_kinds,
    _with_chamber,
)
from app.core.language.entities.bodies import (
    _branch_after,
    _countries_as_teams,
    _described_parties,
    _field_bodies,
    _firms_listed,
    _half_believed_bodies,
    _joined_branches,
    _listed_body_types,
    _session_alone,
    _with_allies,
    _with_party,
    _with_units,
)
from app.core.language.entities.composed import (
    _country_class,
    _head_type,
    _named_owner,
    _short_body_tag,
)
from app.core.language.entities.latin import rating_grade
from app.core.language.entities.lexicon import (
    _COMPOSED,
    _CRF,
    _DICT,
    _DOTS,
    _FUNCTION_TAGS,
    _KNOWN,
    _LATIN,
    _TAGGER,
    WEEKDAY,
    _fold,
    cue_set,
    cues,
    longest_first,
)
from app.core.language.entities.listed import _listed_alike
from app.core.language.entities.mentions import (
    _Context,
    _Mention,
    _named_place_word,
    _resolve_overlaps,
    _Spans,
)
from app.core.language.entities.people import (
    _after_placed_title,
    _backing_needed,
    _bare_person,
    _common_words,
    _complete_people,
    _dashed_people,
    _dotted_people,
    _full_name,
    _given_names_alone,
    _introduced,
    _japanese_given_after,
    _leaders_of_parties,
    _led_groups,
    _listed_person,
    _not_state_sides,
    _people_before_deeds,
    _role_inside,
    _surname_of_titled,
    _title_before_person,
    _unshaped_long,
    _wavering_people,
    _whole_foreign_names,
    _whole_given_names,
    _word_of_someone,
)
from app.core.language.entities.phrases import (
    _not_deeds_on_bodies,
    _not_kinds_of_groups,
    _not_sayings_of_land,
)
from app.core.language.entities.places import (
    _HOUSE_NUMBER,
    PLACE_BACKED,
    _as_venue,
    _dateline_apart,
    _descriptive_tail,
    _divisions_before_their_heads,
    _foreign_place,
    _keep_dictionary_places,
    _meeting_places,
    _place_of_a_unit,
    _places_before_words,
    _places_by_context,
    _places_of_descriptions,
    _shrines,
    _split_places,
    _states_before_offices,
    _unknown_pair_place,
)
from app.core.language.entities.press import (
    _dateline_sources,
    _papers_employing,
    _papers_of_places,
    _papers_reporting,
    _press_sites,
    _voices_of_places,
    _whole_papers,
)
from app.core.language.entities.regions import _cut_before_pairs, _not_compass_parts
from app.core.language.entities.sites import (
    _sites_after_places,
    _unnamed_sites,
    _village_bodies,
)
from app.core.language.entities.tagged import (
    _described_word,
    _everyday,
    _everyday_compound,
    _measure_not_surname,
    _spot_by_one,
    _spot_of_a_thing,
    _unnamed_words,
)
from app.core.language.entities.tagger import Scored
from app.core.text.chars import HAN_CLASS, TONE_MARKED_VOWELS, all_han, has_han
from app.core.types import EntityType

_LATIN_LETTER = re.compile(r"[A-Za-z]")
_CAPITAL = re.compile(r"[A-Z]")
# Nothing a name holds: brackets, quotes, sentence punctuation, spaces, path characters.
# 哈哈哈, 啊啊啊: laughter and cries, not a name (a name repeats a character twice at most).
_REPEATS = re.compile(r"(.)\1\1")
# A lower-case syllable with a tone mark: a reading left in the text (經(jīng) damaged), no name.
_SYLLABLE_LETTERS = f"a-zü{TONE_MARKED_VOWELS}"
_READING = re.compile(f"[{_SYLLABLE_LETTERS}]*[{TONE_MARKED_VOWELS}][{_SYLLABLE_LETTERS}]*")
# A numeral or demonstrative and a measure word open a description, not a name.
_COUNTED = re.compile(r"[一两几这那该每某此各][家个所位名座支只条间批]")
_NOT_IN_NAME = re.compile(r"[\s@#＃()（）\[\]【】《》“”\"「」,，。、:：;；!?！？/|.]")


# The tagger's confidence in a span (see EntityTagger.tag) below which a place of its own is
# dropped (SURE), and an organisation or place gives way to any rule's mention it overlaps
# (WEAK). Out of its training domain (People's Daily's longer news sentences, weather tables)
# the CRF wavers, and its wavering spans are mostly wrong: measured on the dev sets, the two
# move People's Daily dev from 0.761 to 0.775 F1, Weibo dev from 0.463 to 0.471 and the
# CLUENER slice from 0.728 to 0.731 (organisations at 0.5; 0.6 after the news-writing rules,
# People's Daily dev +0.001). An organisation of its own below 0.6 is dropped too: People's
# Daily dev 0.796 -> 0.798, the CLUENER slice 0.720 -> 0.721 (Weibo dev one name fewer).
# WEAK's organisation entry acts only above SURE's: below SURE the tagger's organisation is
# already gone (re-tuned on 1 December over that stop's rules; no other value of either won on
# both halves of People's Daily dev without costing the CLUENER slice).
SURE: dict[EntityType, float] = {"person": 0.0, "organization": 0.6, "place": 0.6, "work": 0.0}
WEAK: dict[EntityType, float] = {"person": 0.0, "organization": 0.6, "place": 0.7, "work": 0.0}


def combine(
    ctx: _Context,
    rules: list[_Mention],
    tagged: Iterable[Scored],
    support: Mapping[tuple[int, int, EntityType], float] | None = None,
) -> list[_Mention]:
    """The tagger's scored mentions `tagged` and the rules' `rules` as one non-overlapping list;
    `support`: the tagger's belief in each rule mention (`EntityTagger.tag_and_support`)."""
    tagged = list(tagged)
    support = support or {}
    foreign = {(s, e) for s, e, t, _ in tagged if t != "work" and _foreign_place(ctx, s, e)}
    crf = [
        _Mention(s, e, "place" if (s, e) in foreign else t, _CRF) for s, e, t, sure in tagged
        if (s, e) in foreign
        or (sure >= SURE[t] and not (t == "person" and _unshaped_long(ctx, s, e, sure)))
    ]  # fmt: skip
    sure_of = {(s, e): 1.0 if (s, e) in foreign else sure for s, e, _, sure in tagged}
    crf = _wavering_people(ctx, crf, rules, sure_of)
    crf = _repeated_divisions(ctx, _led_groups(ctx, _without_latin_tail(ctx, crf)))
    crf = [m for m in _before_brackets(ctx, crf) if _plausible(ctx, m) and not _role_inside(ctx, m)]
    people = {m.start for m in rules if m.type == "person"}
    crf = _not_state_sides(ctx, crf, rules)
    crf = [m for m in crf if not _title_before_person(ctx, m, people)]
    crf = [_surname_of_titled(ctx, _after_placed_title(ctx, m)) for m in crf]
    crf = _defer_to_latin(ctx, crf, rules)
    crf = _defer_to_known(_names_before_premises(ctx, crf, rules), rules)
    crf = _unquoted_works_named(ctx, crf, rules)
    crf = _not_over_states(ctx, _not_inside_titles(ctx, crf, rules), rules)
    crf = _cut_before_pairs(ctx, _not_compass_parts(ctx, crf), rules)
    crf = _cut_plain_tails(ctx, crf, rules)
    crf = _leaders_of_parties(ctx, _people_before_deeds(ctx, crf, rules), rules)
    crf = _cut_body_tails(ctx, _cut_counted_tails(ctx, crf))
    crf = _start_at_a_word(ctx, crf)
    crf = _split_listed_bodies(ctx, _with_fields(ctx, crf))
    crf = _not_joined_bodies(ctx, crf, rules)
    crf = _places_of_descriptions(ctx, crf, rules)
    crf = _branches_with_firms(ctx, _complete_bodies(ctx, crf, rules), rules)
    crf = _japanese_given_after(ctx, _complete_people(crf, rules), rules)
    crf = _with_allies(ctx, _owned_bodies(ctx, crf, rules))
    crf = _keep_dictionary_places(ctx, _split_places(ctx, crf, rules), rules)
    crf = _places_by_context(ctx, _dateline_apart(ctx, crf, rules), rules)
    crf = _type_by_ending(ctx, _dotted_people(ctx, crf, rules))
    crf = _listed_body_types(ctx, crf)
    weak = _half_believed_bodies(ctx, tagged, SURE["organization"])
    weak = [m for m in weak if _plausible(ctx, m)]
    kept: list[_Mention] = []
    for m in crf:
        (weak if sure_of.get((m.start, m.end), 1.0) < WEAK[m.type] else kept).append(m)
    crf = kept + _placed_bodies(ctx, tagged, rules)
    strong = [m for m in rules if m.priority >= _KNOWN]
    chosen = _resolve_overlaps(crf + strong)
    taken = _Spans(chosen)
    fillers = [
        m for m in rules
        if m.priority < _KNOWN and not taken.any_overlapping(m.start, m.end)
        and not (
            m.type == "person" and m.priority == _TAGGER
            and not (_introduced(ctx, m) or _full_name(ctx, m) or _listed_person(ctx, m, chosen))
            and support.get((m.start, m.end, m.type), 0.0) < _backing_needed(ctx, m)
        )
        and not (
            _unknown_pair_place(ctx, m)
            and support.get((m.start, m.end, m.type), 0.0) < PLACE_BACKED
        )
    ]  # fmt: skip
    chosen = _resolve_overlaps(chosen + fillers)
    taken = _Spans(chosen)
    chosen = _resolve_overlaps(
        chosen + [m for m in weak if not taken.any_overlapping(m.start, m.end)]
    )
    chosen = _places_before_words(ctx, chosen, rules)
    chosen = [
        _as_venue(ctx, _without_feature_tail(ctx, m)) for m in chosen
        if not _place_of_a_unit(ctx, m) and not _level_only(ctx, m) and not _kind_only(ctx, m)
    ]  # fmt: skip
    chosen = [m.copy() for m in chosen]  # the rules' own mentions are left as they were
    chosen = _papers_reporting(ctx, _whole_papers(ctx, chosen))
    chosen = _voices_of_places(ctx, _papers_employing(ctx, chosen))
    chosen = _dateline_sources(ctx, _press_sites(ctx, _papers_of_places(ctx, chosen)))
    chosen = _whole_foreign_names(ctx, _whole_given_names(ctx, chosen))
    chosen = _dashed_people(ctx, [_bare_person(ctx, m) for m in chosen])
    chosen = _joined_branches(ctx, _dotted_bodies(ctx, _with_session(ctx, chosen)))
    chosen = _with_units(ctx, chosen)
    chosen = _firms_listed(ctx, _countries_as_teams(ctx, _with_party(ctx, chosen)))
    chosen = _described_parties(ctx, _missions_as_places(ctx, chosen))
    chosen = _given_names_alone(ctx, _divisions_before_their_heads(ctx, chosen))
    chosen = _sites_after_places(ctx, _shrines(ctx, _levels_of_bodies(ctx, chosen)))
    chosen = _village_bodies(ctx, _unnamed_sites(ctx, chosen))
    chosen = _seats_speaking(ctx, _japanese_ministries(ctx, chosen))
    chosen = _after_the_country(ctx, _with_chamber(ctx, _counted_groups(ctx, chosen)))
    chosen = _towns_after_kinds(ctx, _foreign_divisions(ctx, chosen))
    chosen = _federal_states(ctx, chosen)
    chosen = _not_sayings_of_land(ctx, _not_deeds_on_bodies(ctx, chosen))
    chosen = _not_kinds_of_groups(ctx, chosen)
    return _listed_alike(ctx, _meeting_places(ctx, _states_before_offices(ctx, chosen)))


def _missions_as_places(ctx: _Context, mentions: list[_Mention]) -> list[_Mention]:
    """某国驻华使馆, 中国 + 驻 + 某国大使馆, 驻京办事处: a mission is named by the state that
    sends it and the place it is posted to; those places are the names (as People's Daily
    marks them), not a body "某国大使馆" cut out of the phrase."""
    out: list[_Mention] = []
    for m in mentions:
        if m.type != "organization" or m.priority >= _KNOWN:
            out.append(m)
            continue
        form = ctx.simple[m.start : m.end]
        mission = next((w for w in longest_first("missions") if form.endswith(w)), "")
        at = form.find("驻")
        if not mission:
            out.append(m)
            continue
        if at < 0 and ctx.simple[m.start - 1 : m.start] != "驻":
            out.append(m)  # 马赛总领事馆, 美国大使馆: the mission is named by its seat
            continue  # (驻 + 某国大使馆: the host only)
        host = (m.start + at + 1, m.end - len(mission))
        owner = (m.start, m.start + at) if at > 0 else None
        spans = [s for s in (owner, host) if s is not None]
        if not all(_named_place(ctx, *s) for s in spans):
            out.append(m)
            continue
        out += [_Mention(s, e, "place", _COMPOSED) for s, e in spans]
    return out


def _named_place(ctx: _Context, start: int, end: int) -> bool:
    """start:end is a state's or a region's one-character name, a place of the name lists
    or one CC-CEDICT glosses as a place."""
    form = ctx.simple[start:end]
    if len(form) == 1:
        return form in cue_set("country_short") or form in cue_set("region_short")
    return _named_place_word(ctx, form)


def _dotted_bodies(ctx: _Context, mentions: list[_Mention]) -> list[_Mention]:
    """某·某 + 大学, 某·某 + 公司: a dotted foreign name right before an organisation's head
    names the body (a university or a firm called after its founders), not a person beside it."""
    by_end = {m.end: m for m in mentions if m.type == "person"}
    absorbed: set[int] = set()
    out: list[_Mention] = []
    for m in mentions:
        dotted = m.type == "person" and any(d in ctx.simple[m.start : m.end] for d in _DOTS)
        head = _head_after(ctx, m.end) if dotted else 0
        before = by_end.get(m.start - 1) if m.type == "organization" else None
        if head:
            m = m.copy()
            m.type, m.end = "organization", head
        elif before is not None and ctx.simple[m.start - 1] in _DOTS:
            m = m.copy()
            m.start = before.start
            absorbed.add(id(before))
        out.append(m)
    return [m for m in out if id(m) not in absorbed]


def _head_after(ctx: _Context, end: int) -> int:
    """The end of the organisation ending (公司, 大学) that is the token right at `end`, or 0."""
    inside = ctx.token_range(end, len(ctx.simple))
    if not inside or ctx.tokens[inside[0]][0] != end:
        return 0
    s, e, _ = ctx.tokens[inside[0]]
    return e if ctx.lex.suffixes.get(ctx.simple[s:e]) == "organization" else 0


_SESSION = re.compile(r"(?:第?[一二三四五六七八九十百\d０-９]{1,4}|首)届$")


def _with_session(ctx: _Context, mentions: list[_Mention]) -> list[_Mention]:
    """十一届 + 人大常委会, 某市 + 首届 + 立法会: a legislature or committee is named with its
    session, and with the place whose session it is (People's Daily and CLUENER both mark
    the whole: 第二届全国人民代表大会, 某省十届人大常委会); the place is not listed apart."""
    endings = cues("session_bodies")
    by_end = {m.end: m for m in mentions if m.type == "place"}
    absorbed: set[int] = set()
    out: list[_Mention] = []
    for m in mentions:
        body = m.type == "organization" and m.priority < _KNOWN
        session = body and _SESSION.search(ctx.simple[max(0, m.start - 6) : m.start])
        if not session or not ctx.simple[m.start : m.end].endswith(endings):
            out.append(m)
            continue
        m = m.copy()
        m.start -= len(session.group())
        place = by_end.get(m.start)
        if place is not None:
            m.start = place.start
            absorbed.add(id(place))
        out.append(m)
    return [m for m in out if id(m) not in absorbed]


def _without_feature_tail(ctx: _Context, m: _Mention) -> _Mention:
    """米尔顿河堤坝, 克里姆林宫内, 红溪河口: a place ending in an everyday word for a
    feature or part of it, or a river's mouth, names the place before that word (the tagger,
    trained on addresses, reads on; People's Daily marks the name alone, and a reader looks
    up the name). So does a compass region before 地区 (西南地区: 西南), and a village before
    the word its division opens again (柳桥村 + 村干部, not 柳桥村村)."""
    if m.type != "place" or m.priority >= _KNOWN:
        return m
    form = ctx.simple[m.start : m.end]
    tail = next((t for t in cues("feature_tails") if form.endswith(t)), "")
    if not tail and len(form) >= 4 and form[-2:] in ("河口", "江口"):
        tail = "口"  # 北仑河 + 口: the river's mouth, not a town called 河口
    doubled = len(form) >= 3 and form[-1] == form[-2] and form[-1] in cue_set("village_divisions")
    if not tail and doubled and m.end - 1 in ctx.starts:
        tail = form[-1]  # 柳桥村 + 村/zg (干部): the village, then its cadres, not 柳桥村村
    if not tail and form.startswith(cues("compass_regions")):
        head = next(r for r in cues("compass_regions") if form.startswith(r))
        if form[len(head) :].startswith("地区"):
            tail = form[len(head) :]  # 西北 + 地区东南部: the region, not its part
    if not tail or len(form) - len(tail) < 2:
        return m
    m = m.copy()
    m.end -= len(tail)
    return m


def _level_only(ctx: _Context, m: _Mention) -> bool:
    """省政府, 特区政府, 临时政府: a government named only by its level or its standing is
    no name (which one, the text says elsewhere); People's Daily marks none of them, while
    湖南省政府 stays a body. (CLUENER marks 中央政府 and 地方政府, so those are left alone.)"""
    return m.type == "organization" and m.priority < _KNOWN and (
        ctx.simple[m.start : m.end] in cue_set("level_governments")
    )


def _kind_only(ctx: _Context, m: _Mention) -> bool:
    """县市, 小城镇, 沿江五县, 百强县, 大中城市: words for kinds of places with only sizes,
    numbers and positions before them name no place, nor does a longer everyday word CC-CEDICT
    knows only as such (国家公园); the name lists' and CC-CEDICT's proper places aside (中国,
    中山, 万州)."""
    form = ctx.simple[m.start : m.end]
    if m.type != "place" or m.priority >= _KNOWN or m.length < 2 or form in ctx.lex.places:
        return False  # 中 of 中美: a state's short name
    entries = ctx.entries.get(form, ())
    if any(e.proper for e in entries):
        return False
    if m.length >= 3 and entries:
        return True  # 大江南北, 深山老林: an everyday word or saying
    return all(ch in cue_set("generic_place_chars") for ch in form)


# Han characters and then Latin letters glued on: 某某yyds, 某某nb.
_HAN_THEN_LATIN = re.compile(f"([{HAN_CLASS}]{{2,}})[A-Za-z]+")


def _without_latin_tail(ctx: _Context, crf: list[_Mention]) -> list[_Mention]:
    """某某yyds, 某某nb: posts glue slang onto a person's name with no space; the tagger
    reads the letters into the name, and a name mixing the scripts is then dropped whole.
    The Han part, where the segmenter ends a word, is the person (a work's or a club's
    letters and numbers, 某游戏2, are its own)."""
    for c in crf:
        m = _HAN_THEN_LATIN.fullmatch(ctx.simple[c.start : c.end])
        if c.type == "person" and m and c.start + m.end(1) in ctx.ends:
            c.end = c.start + m.end(1)
    return crf


def _before_brackets(ctx: _Context, crf: list[_Mention]) -> list[_Mention]:
    """某某抵抗运动（某某: a body the tagger ran on into the short name in brackets after it
    is the words before the bracket, when they are whole words (the short name is linked to
    it as its gloss); the whole span, bracket inside, is no name."""
    out = []
    for m in crf:
        form = ctx.simple[m.start : m.end]
        at = next((i for i, ch in enumerate(form) if ch in "（("), -1)
        closed = "）" in form or ")" in form  # 某某（北京）装饰公司: a seat inside a firm's name
        if m.type == "organization" and at >= 4 and m.start + at in ctx.ends and not closed:
            m = m.copy()
            m.end = m.start + at
        out.append(m)
    return out


def _plausible(ctx: _Context, m: _Mention) -> bool:
    """A span a reader would accept as a name: no bracket, space or stop word inside, a
    person of two characters or more (never a lone surname or 他), Latin without Han."""
    form = ctx.simple[m.start : m.end]
    if _NOT_IN_NAME.search(form) or _fold(form) in ctx.lex.stop or _REPEATS.search(form):
        return False
    if _READING.fullmatch(form) or rating_grade(ctx, m.start, m.end):
        return False  # (下调至 CCC: a rating grade, not a body)
    if m.type == "person" and (len(form) < 2 or WEEKDAY.fullmatch(form)):
        return False
    if m.type == "person" and _spot_of_a_thing(ctx, form):
        return False  # 胡同口, 马路边: a spot by a thing, not 胡 + a given name
    if m.type == "person" and _spot_by_one(ctx, m.start, form):
        return False  # 来到 + 田头: the field's edge, not 田 + a given name
    if m.type == "person" and _described_word(ctx, form):
        return False  # 辐射 + 范围广: the scope is wide, not 范 + a given name
    if m.type == "person" and _measure_not_surname(ctx, m.start, form):
        return False  # 那张 + 小巧的: a measure word and what it counts, not 张 + a given name
    if m.type != "work" and "的" in form:
        return False  # 印度的加尔各答, 成都的博物馆: two names or a phrase (a title may hold 的)
    if m.type != "person" and form.endswith(cues("currencies")):
        return False  # 挪威克朗, 欧元: money
    if m.type == "organization" and form.endswith(cues("events")):
        return False  # 亚运会, 上海国际茶文化博览会: a gathering, not a body
    if m.type == "organization" and form.endswith(cues("not_org_endings")):
        return False  # 环球飞行, 新闻公报: an act or a text, not a body
    if m.type == "organization" and _session_alone(form):
        return False  # 第十届理事会: a term of a council, which body's the text says elsewhere
    entries = ctx.entries.get(form)
    if entries and not any(e.proper for e in entries) and not _standing_body(m, form):
        return False  # 莱姆病 (Lyme disease), 老师: a word the dictionary knows, not a name
    if m.type == "person" and _word_of_someone(ctx, m):
        return False  # 爷爷教 + 孙子: the grandson, not Sun Tzu
    if m.type == "person" and _common_words(ctx, m):
        return False  # 辛勤 + 努力: two everyday words, not a name
    if m.type == "organization" and _everyday_phrase(ctx, m) and not _owning(ctx, m):
        return False  # 上市公司, 农村信用社, 环保部门: a kind of body, not one body
    if m.type == "organization" and _country_class(form, ctx.lex, _one_tag(ctx, m)) \
            and not entries:
        return False  # 美国公司: American companies, not one company (but 中国银行 is one)
    if m.type in ("organization", "place") and _everyday_compound(ctx, m.start, m.end):
        return False  # 海洋生物/nt, 信息安全/nz: two everyday words, one thing
    if m.type == "place" and _verb_inside(ctx, m):
        return False  # 某镇某池畔 + 建成 + 开馆: a place's name holds no verb (a run-on)
    if _COUNTED.match(form):
        return False  # 一家信托公司, 这所大学: a trust company, not a name
    if form.startswith(cues("size_words")):
        return False  # 大型 + 数据中心: a large data centre, a kind of place, not one place
    if m.type == "organization" and form[-2:] in cue_set("generic_tails"):
        return form[:-2] not in ctx.lex.places  # 美国军方, 印度政府: the country is the name
    if _LATIN_LETTER.search(form) and not (m.type == "place" and _HOUSE_NUMBER.search(form)):
        return not has_han(form) and form.count("-") <= 1  # (but an address's B座 is fine)
    return True


def _owning(ctx: _Context, m: _Mention) -> bool:
    """某某 + 集团 + 旗下: a group of everyday words that owns the firms after it is one group
    (the tagger read a name; a kind of group owns none)."""
    form = ctx.simple[m.start : m.end]
    return ctx.simple.startswith(cues("owning_after"), m.end) and form.endswith(
        cues("owning_heads")
    )


def _one_tag(ctx: _Context, m: _Mention) -> str:
    """jieba's tag when m is exactly one of its words, else ""."""
    tiles = ctx.tiling(m.start, m.end)
    return tiles[0][2] if len(tiles) == 1 else ""


def _verb_inside(ctx: _Context, m: _Mention) -> bool:
    """A word past the span's first that jieba tags a plain verb (建成, 介绍, 撞), and no
    place's ending: the tagger, which learnt CLUENER's long addresses, ran a place on into
    what happens there."""
    form = ctx.simple[m.start : m.end]
    if form[-1] in cue_set("place_last_chars") or any(
        ctx.lex.suffixes.get(form[-cut:]) is not None for cut in (1, 2, 3)
    ):
        return False  # 某某适用房小区, 某文化城: a name may hold a verb and end as places do
    return any(tag == "v" for s, _, tag in ctx.tokens_within(m.start, m.end) if s > m.start)


def _standing_body(m: _Mention, form: str) -> bool:
    """海军, 空军, 村委会: an everyday word that, where the tagger reads a body, means the one
    force or committee the text is about (People's Daily marks 海军 3 times of 3, 村委会 2 of 3,
    CLUENER 海军 2 of 2); 法院, 党委, 市政府 stay words (a body only now and then)."""
    return m.type == "organization" and form in cue_set("standing_bodies")


def _everyday_phrase(ctx: _Context, m: _Mention) -> bool:
    """The span is two or more of the segmenter's words, each an everyday dictionary word and
    none a place or a body's own name (上市 + 公司, 地方 + 政府): it describes, it names nothing
    (but a body that is one of a kind says so first: 国际, 国家, 皇家)."""
    words = [ctx.simple[s:e] for s, e, _ in ctx.tiling(m.start, m.end)]
    if len(words) < 2:
        return False
    lex = ctx.lex
    if words[0] in lex.body_prefixes or words[0] in cue_set("unique_prefixes"):
        return False  # 国际刑事法院, 皇家邮政, 国家银行: one body of its kind
    return all(
        all_han(w) and w not in lex.places and w not in lex.bodies
        and (entries := ctx.entries.get(w)) and not any(e.proper for e in entries)
        for w in words
    )  # fmt: skip


def _defer_to_latin(ctx: _Context, crf: list[_Mention], rules: list[_Mention]) -> list[_Mention]:
    """A Latin name the rules found is theirs: the tagger may only agree on its span, and
    its type wins only over a type the rules guessed from a lone word's shape, with no cue
    around it (CLUENER's English is game and company names; the rules know AI labs, people,
    papers and the words that introduce them)."""
    latin = {(m.start, m.end): m for m in rules if m.priority == _LATIN}
    latin_spans = _Spans(latin.values())
    cased = _CAPITAL.search(ctx.simple) is not None  # some texts are lower-cased throughout
    out = []
    for c in crf:
        same = latin.get((c.start, c.end))
        if same is None and latin_spans.any_overlapping(c.start, c.end):
            continue
        form = ctx.simple[c.start : c.end]
        if same is None and form.isascii() and form.islower() and cased:
            continue  # superintelligence, lifetime: a word where the writer capitalises names
        if same is None and _LATIN_LETTER.search(form):
            c.guessed = " " not in form  # a lone word the rules skipped
            if c.type == "person" and _not_personal(c, ctx):
                c.type = "organization"
        if same is not None and not same.guessed:
            c.type = same.type
        elif same is not None:  # both guessed: the tagger's type, unless it says person of
            c.guessed = True  # a word no person is called (OpenAI, iPhone, GPT4)
            if c.type == "person" and _not_personal(c, ctx):
                c.type = same.type
        out.append(c)
    return out


def _not_personal(m: _Mention, ctx: _Context) -> bool:
    """OpenAI, iPhone, GPT4, IMDB: capitals inside a word or digits are not a person's name."""
    form = ctx.simple[m.start : m.end]
    return any(ch.isupper() for ch in form[1:]) or any(ch.isdigit() for ch in form)


def _names_before_premises(
    ctx: _Context, crf: list[_Mention], rules: list[_Mention]
) -> list[_Mention]:
    """xAI + 办公室, 某集团 + 总部 + 大楼, 张三 + 办公室 + 门口: where the tagger runs a name the
    rules found (a known company or body, or a person) on into a word for its premises, and
    perhaps everyday words after it, the name is that company, body or person alone."""
    names = {m.start: m for m in rules if m.type == "person" or (
        m.type == "organization" and _named_owner(ctx, ctx.simple[m.start : m.end]))}
    premises = longest_first("premises_words")
    out = []
    for c in crf:
        name = names.get(c.start) if c.type in ("organization", "place") else None
        word = next((w for w in premises if name and ctx.simple.startswith(w, name.end)), "")
        after = name.end + len(word) if name and word else 0
        if name and name.end < c.end and word and after <= c.end and after in ctx.ends and (
            after == c.end or _plain_words(ctx, after, c.end) or _locative(ctx, after, c.end)
        ):
            out.append(name.copy())
        else:
            out.append(c)
    return out


def _locative(ctx: _Context, start: int, end: int) -> bool:
    """start:end is whole tokens the segmenter tags as places or directions (门口, 里, 外)."""
    inside = ctx.tiling(start, end)
    return bool(inside) and all(tag in ("s", "f") for _, _, tag in inside)


def _defer_to_known(crf: list[_Mention], rules: list[_Mention]) -> list[_Mention]:
    """获祖克柏力 is 祖克柏: a known name beats a tagger span around it, unless that span
    starts with it and names an organisation or work (Meta + 超级智能实验室)."""
    known = _Spans(m for m in rules if m.priority >= _KNOWN)
    out = []
    for c in crf:
        span = (c.start, c.end)
        clash = [k for k in known.overlapping(*span) if (k.start, k.end) != span]
        if all(k.start == c.start and k.end < c.end and c.type in ("organization", "work")
               for k in clash):  # fmt: skip
            out.append(c)
    return out


def _unquoted_works_named(
    ctx: _Context, crf: list[_Mention], rules: list[_Mention]
) -> list[_Mention]:
    """桥本龙太郎 + 今天 + 会见: a tagger's "work" outside title marks over the very span a
    rule reads from the dictionary as a person is that person (news names its works in 《》)."""
    people = {(m.start, m.end) for m in rules if m.type == "person" and m.priority >= _DICT}
    for c in crf:
        if c.type == "work" and (c.start, c.end) in people and not _in_title_marks(ctx, c):
            c.type = "person"
    return crf


def _in_title_marks(ctx: _Context, c: _Mention) -> bool:
    """Whether a title or quotation mark opens or closes right at the span."""
    before, after = ctx.simple[c.start - 1 : c.start], ctx.simple[c.end : c.end + 1]
    return (bool(before) and before in "《“\"「『") or (bool(after) and after in "》”\"」』")


def _not_inside_titles(
    ctx: _Context, crf: list[_Mention], rules: list[_Mention]
) -> list[_Mention]:
    """《你好，某某某》, 《再见！某某》: a title written as a sentence (a comma, an exclamation or
    a question inside) is one work, so the name the tagger reads in it, the person the film
    speaks to, is not a name of the text (the tagger never reads a title with punctuation
    whole). A title listing names (《某某、某某文选》) names people of the text: People's Daily
    marks them. (Places inside titles are listed apart by `_names_in_titles`.)"""
    titles = [
        m for m in rules
        if m.type == "work" and ctx.simple[m.start - 1 : m.start] == "《"
        and ctx.simple[m.end : m.end + 1] == "》"
        and any(p in ctx.simple[m.start : m.end] for p in "，,！!？?")
    ]  # fmt: skip
    return [
        c for c in crf
        if not any(t.start <= c.start and c.end <= t.end and c.length < t.length for t in titles)
    ]


def _not_over_states(ctx: _Context, crf: list[_Mention], rules: list[_Mention]) -> list[_Mention]:
    """英法德三国领导人, 中俄蒙三国边境: a tagger's work with no title marks that opens on a
    run of one-character states the rules read (two or more, side by side) is those states
    and the words after them, not a book or a film; the rules' states stay."""
    states = {m.start for m in rules if m.type == "place" and m.length == 1}
    return [
        c for c in crf
        if not (
            c.type == "work" and c.start in states and c.start + 1 in states
            and ctx.simple[c.start - 1 : c.start] != "《"
        )
    ]  # fmt: skip


def _cut_plain_tails(ctx: _Context, crf: list[_Mention], rules: list[_Mention]) -> list[_Mention]:
    """成都 + 雷阵雨, 纽约大学 + 计算机科学, 英伟达 + 研究科学家: a place or organisation the
    rules found, then only everyday words with no name ending, is that name and nothing more.
    (A place before an organisation's words is left whole here: whether 山东公安机关 names
    only 山东 is `_places_of_descriptions`' call; so is a chain of divisions, 某县 + 某乡 +
    某村, whose next place the rules found right after the first.)"""
    first: dict[tuple[int, EntityType], _Mention] = {}
    for m in sorted(rules, key=lambda m: m.end):
        first.setdefault((m.start, m.type), m)  # the shortest rule mention at each start
    chained = {m.start for m in rules if m.type == "place"}
    out = []
    for c in crf:
        p = first.get((c.start, c.type)) if c.type in ("place", "organization") else None
        known = first.get((c.start, "person")) if c.type in ("place", "organization") else None
        trade = p is not None and c.type == "organization" and (
            ctx.simple[p.end : c.end] in cue_set("trades")
        )  # 京东 + 物流: a trade right after a firm names its arm, no everyday tail
        chain = c.type == "place" and p is not None and p.end in chained
        if p is not None and p.end < c.end and _plain_words(ctx, p.end, c.end) and not trade \
                and not chain:
            out.append(p.copy())
        elif known is not None and known.priority == _DICT and known.end < c.end \
                and known.end not in ctx.starts and _everyday(ctx, ctx.simple[known.end : c.end]):
            out.append(known.copy())  # 毛泽东 + 思想: the dictionary's person opens one word
        else:
            out.append(c)
    return out


def _cut_counted_tails(ctx: _Context, crf: list[_Mention]) -> list[_Mention]:
    """某集团公司某某电厂 + 首台机组, 某某制药厂 + 三条生产线: where the tagger runs a body on
    into a numeral and a measure word, the count opens a description of what the body has or
    does (however its last word ends: 机组 is no 组); the body ends before it."""
    out = []
    for c in crf:
        tiles = ctx.tiling(c.start, c.end) if c.type == "organization" else []
        cut = next((
            s for (s, _, tag), (_, _, after) in itertools.pairwise(tiles)
            if tag == "m" and after == "q" and s > c.start
        ), None)  # fmt: skip
        if cut is not None and ctx.lex.org_ending(ctx.simple[c.start : cut]) \
                and _unnamed_words(ctx, cut, c.end, _PLAIN_UNKNOWN_TAGS):
            c = _Mention(c.start, cut, c.type, c.priority)
        out.append(c)
    return out


def _cut_body_tails(ctx: _Context, crf: list[_Mention]) -> list[_Mention]:
    """党中央 + 机关, 欧盟 + 机构, 某组织 + 成员国, 某基金会 + 组织(实施): a body's whole name,
    then a word for its offices, its members or what it does, is the body alone (the tagger
    learnt from CLUENER to run on; the word after it names no second body)."""
    tails = longest_first("after_body")
    for c in crf:
        form = ctx.simple[c.start : c.end]
        paper = c.type == "work" and form.endswith("记者")  # 某晚报 + 记者: a paper's reporter
        if c.type != "organization" and not paper:
            continue
        tail = next((t for t in tails if form.endswith(t) and len(form) >= len(t) + 2), None)
        if tail is None:
            continue
        head = form[: -len(tail)]
        whole = head in ctx.lex.bodies or ctx.lex.org_shaped(head) or head.endswith(
            cues("body_parts"))
        if whole and c.end - len(tail) in ctx.ends:
            c.end -= len(tail)
    return crf


def _repeated_divisions(ctx: _Context, crf: list[_Mention]) -> list[_Mention]:
    """某某村 + 村委会, 某某镇 + 镇政府: the division's character comes twice, and the tagger
    takes the second into the place (某某村村) and starts the body after it (委会): the repeated
    character opens the word the segmenter made of it, so the place ends before it and a body
    there starts with it."""
    out = []
    for c in crf:
        if c.type in ("place", "organization"):
            c = c.copy()
            if _repeat_at(ctx, c.end - 1):
                c.end -= 1  # 某某村 + 村: the place ends before the committee's word
            if c.type == "organization" and _repeat_at(ctx, c.start - 1):
                c.start -= 1  # 委会 -> 村委会
        out.append(c)
    return out


def _repeat_at(ctx: _Context, at: int) -> bool:
    """The character at `at` repeats the division character before it and opens a word of two
    characters or more (村 + 村委会, 镇 + 镇政府)."""
    return (
        at > 0
        and at in ctx.starts
        and at + 1 not in ctx.starts
        and ctx.simple[at] == ctx.simple[at - 1]
        and ctx.simple[at] in cue_set("division_chars")
    )


def _start_at_a_word(ctx: _Context, crf: list[_Mention]) -> list[_Mention]:
    """该国 + 青松集团, 本市 + 旅游办公室: the place word after a demonstrative points back
    to a place already named; the body starts after it (and 去了 + 趟 + 某地 after the trip's
    measure word). 据 + 某某影业 + 透露: a preposition that opens no name, which jieba glued
    to an unknown name (据某某/nr), is not the name's."""
    glued = cue_set("glued_prepositions")
    for c in crf:
        if c.length >= 3 and ctx.simple[c.start] in glued and c.type != "work":  # (《在某地》)
            c.start += 1
            continue
        pointed = ctx.simple[c.start - 1 : c.start] in cue_set("pointing")
        place_word = ctx.simple[c.start] in cue_set("pointed_places") and c.start + 1 in ctx.starts
        pointed_body = c.type == "organization" and pointed and place_word and c.length >= 4
        if pointed_body or _trip_counted(ctx, c):
            c.start += 1
    return crf


def _trip_counted(ctx: _Context, c: _Mention) -> bool:
    """去了 + 趟 + 某地: the measure word of a trip ("went on a trip to") is no part of the
    place after it, however the tagger ran it in; the name starts at the segmenter's next word."""
    if c.length < 3 or c.start + 1 not in ctx.starts:
        return False
    tokens = ctx.tokens_within(c.start, c.start + 1)
    return ctx.simple[c.start] in cue_set("trip_measures") and len(tokens) == 1


def _with_fields(ctx: _Context, crf: list[_Mention]) -> list[_Mention]:
    """人力资源和 + 社会保障部, 某省 + 林业和草原厅: where the tagger names only a part of a body
    named for two fields (`_field_bodies`), an organisation or a place inside it, that body is
    the name (once, however many parts the tagger found)."""
    _field_bodies(ctx)  # the rules found them already; this only reads what they found
    spans = ctx.fields or ()
    if not spans:
        return crf
    out: list[_Mention] = []
    seen: set[tuple[int, int]] = set()
    for c in crf:
        whole = next(((s, e) for s, e in spans if s <= c.start and c.end <= e), None)
        if whole is None or c.type not in ("organization", "place"):
            out.append(c)
        elif whole not in seen:
            seen.add(whole)
            out.append(_Mention(*whole, "organization", _COMPOSED))
    return out


def _split_listed_bodies(ctx: _Context, crf: list[_Mention]) -> list[_Mention]:
    """某市妇联 + 和 + 某市团委: the tagger may read two bodies joined by a conjunction as one.
    Each part ending as a body's name ends makes them two; a name that only reads as a body
    whole (住房和城乡建设部: 住房 ends no body) stays one, and so does a body named for two
    fields inside the tagger's span (某省林业和草原局 + 和 + 某县政府 are two)."""
    out: list[_Mention] = []
    joins = cue_set("list_joins")
    fields = ctx.fields or ()
    for c in crf:
        cuts = [
            (s, e) for s, e, tag in ctx.tokens_within(c.start, c.end)
            if tag in ("c", "p") and ctx.simple[s:e] in joins and c.start < s and e < c.end
            and not any(fs < s and e < fe for fs, fe in fields)
        ] if c.type == "organization" else []  # fmt: skip
        bounds = [c.start] + [b for cut in cuts for b in cut] + [c.end]
        parts = list(zip(bounds[::2], bounds[1::2], strict=True))
        bodies = bool(cuts) and all(
            e - s >= 2 and ctx.lex.org_shaped(ctx.simple[s:e]) for s, e in parts
        )
        if not bodies:
            out.append(c)
            continue
        for s, e in parts:
            part = c.copy()
            part.start, part.end = s, e
            out.append(part)
    return out


def _levels_of_bodies(ctx: _Context, chosen: list[_Mention]) -> list[_Mention]:
    """县 + 教育局, 市 + 卫生健康委员会: a division's one character standing as a word of its
    own right before a body names that level's body, and belongs to its name (as 市委 and 县妇联
    do); not where a place name comes before it (柏溪 + 县: the rules name the county's body)
    and not where another name holds it."""
    taken = {m.end for m in chosen}
    out: list[_Mention] = []
    for m in chosen:
        k = ctx.token_range(m.start - 1, m.start)
        if m.type == "organization" and len(k) == 1 and m.start not in taken \
                and ctx.simple[m.start - 1] in cue_set("division_chars") \
                and (k[0] == 0 or _opens_level(ctx, k[0] - 1)):
            m = m.copy()
            m.start -= 1
        out.append(m)
    return out


def _opens_level(ctx: _Context, index: int) -> bool:
    """Token `index` leaves a division's character after it as no place's end: a function
    word, a verb or punctuation (联合 + 县 + 教育局, 。 + 市 + 卫健委), not a name; nor a
    pronoun (该 + 市 "this city": the text named the city before, the body is the office)."""
    s, e, tag = ctx.tokens[index]
    return e == ctx.tokens[index + 1][0] and tag != "r" and (
        tag in _FUNCTION_TAGS or tag[0] == "v" or not all_han(ctx.simple[s:e]))


def _not_joined_bodies(
    ctx: _Context, crf: list[_Mention], rules: list[_Mention]
) -> list[_Mention]:
    """某县妇联 + 联合 + 县医院: the tagger ran a body the rules found and what it does with
    another body (a verb of joint action, [joint_verbs]) into one name; no name holds such a
    verb after a whole body's name, and the rules' bodies stand."""
    ends = {m.end for m in rules if m.type == "organization"}
    joint = cue_set("joint_verbs")
    return [
        c for c in crf
        if not any(
            s in ends and s > c.start and ctx.simple[s:e] in joint
            for s, e, _ in ctx.tokens_within(c.start, c.end)
        )
    ]  # fmt: skip


def _complete_bodies(
    ctx: _Context, crf: list[_Mention], rules: list[_Mention]
) -> list[_Mention]:
    """挪威农林 + 部长, 泰国农业 + 部长: where the rules composed a longer organisation from the
    same start (a minister's title holds its ministry's last character), theirs is the name; so
    it is where the tagger stops a character or a head short of a name the segmenter cut (某省残
    + 联, 某国男子网 + 球队), and where it names only the everyday word for a kind of body that
    the rules found owned by the town or firm before it (某某镇 + 供销社)."""
    chiefs = cue_set("chief_endings")
    longest = _longest_bodies(m for m in rules if ctx.simple[m.end - 1 : m.end + 1] in chiefs)
    out = []
    composed = _longest_bodies(rules)
    owned = {m.end: m for m in sorted(rules, key=lambda m: -m.start) if m.type == "organization"}
    for c in crf:
        body = longest.get(c.start)
        whole = owned.get(c.end) if body is None and c.type == "organization" else None
        if whole is not None and whole.start < c.start \
                and _unnamed_words(ctx, c.start, c.end, _PLAIN_UNKNOWN_TAGS):
            body = whole  # 某某镇 + 供销社: the tagger's kind of body, the rules' owner before it
        cut = composed.get(c.start) if body is None else None
        if cut is not None and cut.end > c.end and _rest_of_a_body(ctx, c.end, cut.end):
            body = None if ctx.lex.org_shaped(ctx.simple[c.start : c.end]) else cut  # 某银行 + 新浪
        elif cut is not None and cut.end > c.end and _affiliated(ctx, c.end, cut.end):
            body = cut  # 某大学 + 医学院附属第一医院: the hospital, named with its university
        elif cut is not None and cut.end > c.end and _branch_of(ctx, c, cut):
            body = cut  # 某学会 + 心血管病学分会: the branch, named with the society it belongs to
        elif cut is not None and cut.end > c.end and _known_body(ctx, c):
            body = cut  # 欧盟 + 对外行动署: an agency named with the union it belongs to
        longer = body is not None and (body.end > c.end or body.start < c.start)
        out.append(body.copy() if c.type == "organization" and body and longer else c)
    return out


def _branches_with_firms(
    ctx: _Context, crf: list[_Mention], rules: list[_Mention]
) -> list[_Mention]:
    """某银行股份有限公司 + 北京分行, 某石化公司 + 炼油厂: where the tagger stops at a firm's
    legal name and the rules composed, from the same start, a branch, a works or a mine of it
    (`_branch_after`), the branch is the name a reader looks up."""
    composed = _longest_bodies(rules)
    out = []
    for c in crf:
        cut = composed.get(c.start) if c.type == "organization" else None
        if cut is not None and cut.end > c.end and _branch_after(ctx, c.start, c.end, cut.end):
            c = cut.copy()
        out.append(c)
    return out


def _branch_of(ctx: _Context, c: _Mention, cut: _Mention) -> bool:
    """The tagger's organisation is a whole body (ending in a body's head) and the rules' longer
    one ends in a word for a branch or a committee of it ([society_branch_endings]: 某学会 +
    儿科学分会): the branch is one name, its parent's held in it."""
    parent = ctx.simple[c.start : c.end]
    return ctx.lex.org_shaped(parent) and ctx.simple[c.end : cut.end].endswith(
        cues("society_branch_endings"))


def _known_body(ctx: _Context, c: _Mention) -> bool:
    """The tagger's organisation is one the name list knows (欧盟, 联合国): a longer body the
    rules composed from it is its agency or organ, whose name holds the parent's."""
    known = ctx.lex.known.get(_fold(ctx.simple[c.start : c.end]))
    return known is not None and known.type == "organization"


def _affiliated(ctx: _Context, start: int, end: int) -> bool:
    """start:end (after the tagger's body) holds a word saying what follows belongs to it
    (附属, 附设: 某大学附属第一医院): the rules' longer body is one name, the hospital's."""
    return any(ctx.simple[s:e] in cue_set("affiliated_words") for s, e, _ in ctx.tiling(start, end))


def _rest_of_a_body(ctx: _Context, start: int, end: int) -> bool:
    """start:end is one character that ends bodies' names (残 + 联) or one token that is a
    body's head (男子网 + 球队) or short name (某市 + 妇联/j): the rest of a name the tagger
    stopped short of."""
    if end - start == 1:
        return ctx.simple[start] in cue_set("org_last_chars")
    inside = ctx.token_range(start, end)
    return len(inside) == 1 and ctx.tokens[inside[0]][0] == start and (
        _head_type(ctx, inside[0]) == "organization" or _short_body_name(ctx, inside[0]))


def _short_body_name(ctx: _Context, index: int) -> bool:
    """妇联/j, 侨联/nz: a short name ending as bodies' names end (not 一战/j, the war)."""
    end = ctx.tokens[index][1]
    return _short_body_tag(ctx, index) and ctx.simple[end - 1] in cue_set("org_last_chars")


def _longest_bodies(rules: Iterable[_Mention]) -> dict[int, _Mention]:
    """start -> the longest organisation the rules composed there (the first of equals)."""
    longest: dict[int, _Mention] = {}
    for m in rules:
        if m.priority != _COMPOSED or m.type != "organization":
            continue
        if m.start not in longest or m.end > longest[m.start].end:
            longest[m.start] = m
    return longest


# A tagger's organisation it half believes down to this, opening with a place and ending in a
# body's head, is that body (see `_placed_bodies`).
PLACED = 0.3


def _placed_bodies(
    ctx: _Context, tagged: Iterable[Scored], rules: list[_Mention]
) -> list[_Mention]:
    """中国 + 绿色食品质量认证机构资格审查委员会, 青岛 + 女子排球队: where the tagger half believes
    (PLACED up to SURE) a body that opens with a place the rules found, and the rest is
    everyday words ending in a body's head with no other name among them (no chain of places,
    no person, no description such as 政府 or 当局), the body is the name, not the place."""
    place_at = {m.start: m for m in rules if m.type == "place"}
    out: list[_Mention] = []
    for start, end, etype, sure in tagged:
        place = place_at.get(start)
        if etype != "organization" or not PLACED <= sure < SURE[etype] or place is None:
            continue
        rest = ctx.simple[place.end : end]
        tiles = ctx.tiling(place.end, end)
        if len(rest) < 2 or not all_han(rest) or not tiles or not ctx.lex.org_shaped(rest):
            continue
        if any(tag not in _PLACED_TAGS for _, _, tag in tiles):
            continue
        if any(ctx.simple[s:e] in cue_set("meeting_verbs") for s, e, _ in tiles):
            continue  # 银川 + 举办 + 经学院: the place where the sentence's event is held
        last = ctx.simple[tiles[-1][0] : tiles[-1][1]]
        if len(last) == 2 and last not in ctx.lex.suffixes and ctx.entries.get(last):
            continue  # 俄国内 + 政局: "the political situation", a word, not a bureau (局)
        if any(m.type in ("place", "person") and place.end <= m.start < end for m in rules):
            continue
        if _descriptive_tail(ctx, place.end, end):
            continue
        out.append(_Mention(start, end, "organization", _CRF))
    return out


_PLACED_TAGS = frozenset({"n", "nz", "vn", "v", "j", "b", "ng", "nt", "l"})


def _owned_bodies(
    ctx: _Context, crf: list[_Mention], rules: list[_Mention]
) -> list[_Mention]:
    """河北曲阳县 + 第二中学, 中国 + 城市交通规划指导委员会: where the tagger names only the
    place that opens a body the rules composed up to its head, the body is the name. So it is
    where the tagger cuts such a body into its place chain and a head of everyday words
    (某省某市某区 + 人民检察院, + 市场监督管理局): the head alone names no one body."""
    bodies = _longest_bodies(rules)
    taken, named = _Spans(crf), _Spans(m for m in rules if m.type in ("place", "person"))
    first_places = {m.start: m for m in sorted(rules, key=lambda m: -m.end) if m.type == "place"}
    out: list[_Mention] = []
    absorbed: set[int] = set()
    for c in crf:
        body = bodies.get(c.start) if c.type == "place" else None
        county = first_places.get(c.start) if body is None and c.type == "place" else None
        if county is not None and county.end < c.end:
            body = bodies.get(county.end)  # 某县 + 某某镇农民合作社: the tagger's 某县某某镇
        else:
            county = None
        if body is None or body.end <= c.end:
            out.append(c)
            continue
        rest = taken.overlapping(c.end, body.end)
        if rest == [] or (
            not named.any_overlapping(c.end, body.end)
            and all(_plain_head(ctx, m, body.end) for m in rest)
        ):
            out.extend([county.copy(), body.copy()] if county is not None else [body.copy()])
            absorbed.update(id(m) for m in rest)
        else:
            out.append(c)
    return [m for m in out if id(m) not in absorbed]


def _plain_head(ctx: _Context, m: _Mention, end: int) -> bool:
    """m is an organisation ending at `end` whose words the segmenter tags as no name
    (人民检察院/nt, 市场 监督 管理局): no name of its own (某某乡/nr + 小学: the township names
    the school)."""
    tiles = ctx.tiling(m.start, m.end)
    return m.type == "organization" and m.end == end and bool(tiles) and not any(
        tag.startswith(("nr", "ns", "nz")) for _, _, tag in tiles)


# An unknown word of these tags may stand among plain words (a verb, an adverb, a noun ...).
_PLAIN_UNKNOWN_TAGS = frozenset({"v", "d", "vn", "n", "a"})


def _plain_words(ctx: _Context, start: int, end: int) -> bool:
    """start:end is whole tokens, everyday words or function words, ending in no name head."""
    if not _unnamed_words(ctx, start, end, _PLAIN_UNKNOWN_TAGS):
        return False
    tail = ctx.simple[start:end]
    parts = tail.endswith(cues("body_parts")) or tail[-1] in cue_set("place_last_chars")
    if parts or ctx.lex.org_shaped(tail):
        return False  # 社会学系, 艺术团, 研究室: the words name a part of the body
    return _head_type(ctx, ctx.token_range(start, end)[-1]) is None


def _task_centre(ctx: _Context, c: _Mention) -> bool:
    """某某海洋环境 + 预报 + 中心, 某某水利枢纽 + 管理 + 中心: a centre named for the work it
    does (a verb or an action noun right before 中心) is a body, not a place to go to (but
    活动中心, 购物中心: the venue centres)."""
    form = ctx.simple[c.start : c.end]
    if len(form) < 5 or not form.endswith("中心") or form.endswith(cues("venue_centres")):
        return False
    tiles = ctx.tiling(c.start, c.end)
    if len(tiles) < 3 or tiles[-1][0] != c.end - 2:
        return False  # 中心 a word of its own, after the owner and the task
    s, e, tag = tiles[-2]
    return e - s == 2 and tag in ("v", "vn")


def _landform_after(ctx: _Context, end: int) -> str:
    """The landform word (沙地, 草原, 盆地) that is the whole token starting at `end`, or "":
    a name right before one names the landform, not a person."""
    k = ctx.token_range(end, len(ctx.simple)).start
    if end not in ctx.starts or k >= len(ctx.tokens):
        return ""
    word = ctx.simple[ctx.tokens[k][0] : ctx.tokens[k][1]]
    return word if word in cue_set("landforms") else ""


def _type_by_ending(ctx: _Context, crf: list[_Mention]) -> list[_Mention]:
    """多伦多大学 is an organisation, not a place: an ending that only organisations have types
    the name, whatever the tagger guessed; and no person's name ends in a suffix. A body the
    tagger ends in a word for a stretch of land (某地 + 地带, + 半岛) is that place."""
    land = cues("place_only_endings")
    for c in crf:
        form = ctx.simple[c.start : c.end]
        if c.type == "person" and len(form) >= 3 and form[-1] in cue_set("village_divisions"):
            c.type = "place"  # 张湾 + 县: no person's name ends in a county or a village
            continue
        if c.type == "organization" and len(form) > 2 and form.endswith(land):
            c.type = "place"
            continue
        if c.type == "place" and _task_centre(ctx, c):
            c.type = "organization"
            continue
        landform = _landform_after(ctx, c.end) if c.type == "person" and len(form) >= 3 else ""
        if landform:
            c.type, c.end = "place", c.end + len(landform)  # 毛乌素 + 沙地: the sandy land
            continue
        for cut in (4, 3, 2, 1):  # 1: 青山单板 + 厂, a works the tagger took for a place
            ending = ctx.lex.suffixes.get(form[-cut:]) if len(form) > cut else None
            if ending is not None and cut == 1 and c.type == "person":
                break  # 邵建军, 黎军: a given name may end so
            if ending is not None:
                if c.type == "person" or form[-cut:] in cue_set("unambiguous_org_endings"):
                    c.type = ending  # but 中心, 联盟, 社区 may name a place, a game, a body
                break
    return crf


