"""Mentions from jieba's part-of-speech tags, checked against the dictionary and name shapes.

jieba tags many plain phrases ns/nt (长足进展, 上半场): an ns/nt word no dictionary knows must
look like a name (an organisation or place ending, or transliteration characters), else it is
dropped or, for 中国航天, cut to its place. Tried and dropped: skipping two-character brands
that are also everyday words (山水, 美的): it cost as many real brands (匹克) as it saved.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from app.core.language.entities.composed import (
    _DESCRIBING,
    _REGION_PART,
    _country_class,
    _dictionary_person,
    _everyday_place,
    _head_type,
)
from app.core.language.entities.glosses import (
    _acronym_gloss,
    _gloss_names,
    _one_body_gloss,
    _proper_senses,
    _type_from_gloss,
    division_gloss,
)
from app.core.language.entities.lexicon import (
    _DICT,
    _FUNCTION_TAGS,
    _NAME_TAGS,
    _NUMERALS,
    _PERSON_TAGS,
    _TAGGER,
    _fold,
    _Lexicon,
    cue_set,
    cues,
)
from app.core.language.entities.mentions import _Context, _Mention, _only_place
from app.core.language.entities.shaped import _kind_before
from app.core.text.chars import all_han
from app.core.types import EntityType, Entry


def _valid_person(word: str, entries: tuple[Entry, ...], lex: _Lexicon, tag: str = "nr") -> bool:
    if len(word) < 2 or len(word) > 6 or not all_han(word):
        return False
    if len(word) > 4 and not lex.transliterated(word):
        return False
    if entries:
        return bool(_proper_senses(entries)) and not any(not e.proper for e in entries)
    if lex.transliterated(word) and (len(word) >= 3 or tag == "nrt"):
        return len(word) <= 4 or tag in _PERSON_TAGS  # 内塔尼亚胡
    surname = lex.surname_of(word)
    return surname in lex.surnames and 1 <= len(word) - len(surname) <= 2


def _body_ending(word: str) -> bool:
    """The word ends in an ending of two characters or more that only a body's name has
    (海关, 公司, 委员会), with a name before it: jieba's place tag on it is wrong."""
    return any(
        len(end) >= 2 and len(word) > len(end) and word.endswith(end)
        for end in cues("unambiguous_org_endings")
    )


def _spot_of_a_thing(ctx: _Context, word: str) -> bool:
    """胡同口, 马路边, 村子里: an everyday word and a localiser (the alley's mouth, by the road)
    that jieba tags a person for its first character's surname; so too an everyday word and
    the show it names (纪念 + 展, a memorial exhibition); not a word the dictionary knows
    whole."""
    if len(word) != 3 or ctx.entries.get(word):
        return False
    if word[-1] not in cue_set("localisers") and word[-1] not in cue_set("show_tails"):
        return False
    entries = ctx.entries.get(word[:2], ())
    return bool(entries) and not any(e.proper for e in entries)


def _spot_by_one(ctx: _Context, start: int, word: str) -> bool:
    """田头, 山下, 江边: a one-character thing and a localiser (the field's edge, below the
    hill) that the tagger reads as a surname and a given name, where the segmenter cut the
    first character off as no person's (田/n + 头; not 巴里/ns, one word: Barry or Bari); so
    too a sport and its circles (田 + 坛 "athletics", 泳 + 坛)."""
    if len(word) != 2 or start + 1 not in ctx.ends:
        return False
    if word[1] not in cue_set("localisers") and word[1] not in cue_set("field_circles"):
        return False
    first = ctx.token_range(start, start + 1)
    return len(first) == 1 and not ctx.tokens[first.start][2].startswith("nr")


def _described_word(ctx: _Context, word: str) -> bool:
    """范围广, 速度快: an everyday noun and a one-character word of degree that says how it
    is (the scope is wide), which jieba tags a person for the noun's first character; not a
    name whose first two characters only happen to make a word (方向 + 东)."""
    if len(word) != 3 or word[2] not in cue_set("degree_words"):
        return False
    entries = ctx.entries.get(word[:2], ())
    return bool(entries) and not any(e.proper for e in entries)


def _measure_not_surname(ctx: _Context, start: int, word: str) -> bool:
    """这段时间, 一张照片, 几周里: after a demonstrative or numeral, 段/张 are measure words
    and 周 is "week", not a surname; 一批 + 高素质: what a count of things opens describes
    them, no person (a count of works may name its maker: 一幅 + 某某的画)."""
    return (
        start > 0
        and ctx.simple[start - 1] in "这那一每各几两某该此本整半哪"
        and (word[0] in "段张条位家项名支台件把口根层届次场批包周")
    ) or (
        start > 1
        and ctx.simple[start - 2] in "这那一每各几两某该此整半哪"
        and ctx.simple[start - 1] in cue_set("things_counted")
    )


def _name_prefix(ctx: _Context, start: int, word: str) -> _Mention | None:
    """邓小平理论, 马克思主义: the tagger's word starts with a person the dictionary knows
    (not 胡志明市, a city the dictionary knows by the whole word); a person and a place's or a
    body's ending (某某 + 纪念馆, + 研究会) is that place or body, named for the person."""
    senses = _proper_senses(ctx.entries.get(word, ()))
    if senses and _type_from_gloss(senses) not in (None, "person"):
        return None
    for cut in (3, 2):
        entries = ctx.entries.get(word[:cut]) or ()
        person = bool(entries) and _type_from_gloss(_proper_senses(entries)) == "person"
        if person and (ctx.entries.get(word[cut:]) or len(word) - cut >= 2):
            kind = ctx.lex.suffixes.get(word[cut:])
            if kind in ("place", "organization"):
                return _Mention(start, start + len(word), kind, _DICT)  # 某某 + 纪念馆
            whole = _surname_gloss(entries) and _given_rest(ctx, word[cut:])
            return _Mention(start, start + (len(word) if whole else cut), "person", _DICT)
    return None


def _surname_gloss(entries: Iterable[Entry]) -> bool:
    """桥本 "Hashimoto (Japanese surname)", 松下 "Matsushita (name)": a family name alone."""
    return any(
        "surname" in sense or sense.endswith("(name)")
        for sense in _proper_senses(tuple(entries))
    )


def _given_rest(ctx: _Context, rest: str) -> bool:
    """健太郎, 宏之助: what follows a family name in one word is its given name when no
    dictionary knows it as a word (邓小平 + 理论 is the man's theory)."""
    return 2 <= len(rest) <= 3 and all_han(rest) and not ctx.entries.get(rest)


def _given_after_surname(ctx: _Context, index: int) -> int | None:
    """金 / 志 / 贤, 江 / 宏伟: a surname the tagger split from its given name."""
    given, tokens = ctx.lex.given_chars, ctx.tokens
    start, end = tokens[index][0], tokens[index][1]
    if _measure_not_surname(ctx, start, ctx.simple[start:end]):
        return None  # 几周里: "a few weeks", not 周 + a given name
    for k in (index + 1, index + 2):
        if k >= len(tokens) or end - tokens[index][0] >= 3:
            break
        s, e, tag = tokens[k]
        part = ctx.simple[s:e]
        if tag in _FUNCTION_TAGS or tag[0] in "vf" or not all(ch in given for ch in part):
            break
        if part in cue_set("titles"):
            break  # 温 + 先生: a title, however name-like its characters
        if e - tokens[index][0] > 3:
            break
        end = e
    return end if end > tokens[index][1] else None


def _word_before(ctx: _Context, index: int) -> str:
    """The token right before token `index` ("" when a gap or nothing is there)."""
    s, e, _ = ctx.tokens[index - 1]
    return ctx.simple[s:e] if e == ctx.tokens[index][0] else ""


def _word_at(ctx: _Context, start: int) -> str:
    """The token that starts at `start`."""
    k = ctx.token_range(start, len(ctx.simple)).start
    return ctx.simple[ctx.tokens[k][0] : ctx.tokens[k][1]]


# jieba's tags on a surname standing before a title (唐/nr 外长, 钱/n 局长); not 于/p, 和/c.
_SURNAME_TAGS = {"nr", "n", "ng", "nz", "zg"}


def _titled_surname(ctx: _Context, start: int, end: int) -> bool:
    """唐 + 外长, 钱 + 局长, 钟 + 副 + 局长: a surname right before a title or role stands for
    the person (news writing's 江主席, 陈老师; People's Daily marks the surname alone)."""
    word = ctx.simple[start:end]
    if word not in ctx.lex.surnames or _measure_not_surname(ctx, start, word):
        return False
    if start not in ctx.starts:
        return False
    if ctx.simple[start - 1 : start] in cue_set("pointing"):
        return False  # 全党 + 同志, 该党 + 主席: the whole party's, that party's, no 党 + a title
    if end not in ctx.ends and any(not e.proper for e in ctx.entries.get(_word_at(ctx, start), ())):
        return False  # 古老 "ancient", not 古 + 老
    if ctx.simple[max(0, start - 1) : end] in cue_set("title_openers"):
        return False  # 联 + 席 + 总裁: jieba cut 联席 "joint" apart, 席 is no surname here
    return _title_at(ctx, end)


def _title_at(ctx: _Context, end: int) -> bool:
    """A title or role starting at `end` that ends a word (not 古 + 老 of 复古 / 老照片); 副/总
    may come before it (钟 + 副局长, 江 + 总书记) or open it (李 + 总理, 王 + 总统)."""
    starts = (end, end + 1) if ctx.simple[end : end + 1] in ("副", "总") else (end,)
    return any(
        ctx.simple.startswith(title, at) and at + len(title) in ctx.ends
        for at in starts for title in _person_titles()
    )


@cache
def _person_titles() -> tuple[str, ...]:
    """Titles, roles and forms of address (部长, 教授, 先生, 女士: news writing's 鲍先生, 孟教授
    stand for the person the surname names), not 总 (王总 is the boss's nickname in web text)
    nor 家 (王家 + 坪 is a village). People's Daily dev +0.0017 (both halves gain), the CLUENER
    slice -0.0012 (it leaves the surname before 先生 unmarked), Weibo dev unchanged."""
    return tuple((cue_set("titles") | cue_set("roles")) - {"家", "总"})


def _given_name_end(ctx: _Context, index: int, word: str, end: int) -> int:
    """张海 + 清: the tagger often cuts the last character off a three-character name."""
    if (
        end != ctx.tokens[index][1]
        or len(word) != 2
        or word[0] not in ctx.lex.surnames
        or index + 1 >= len(ctx.tokens)
    ):
        return end
    s, e, tag = ctx.tokens[index + 1]
    nxt = ctx.simple[s:e]
    given = nxt in ctx.lex.given_chars and tag not in _FUNCTION_TAGS
    if e - s == 1 and all_han(nxt) and (given or tag == "ng"):  # 李铁 + 贤/ng
        return e
    return end


def _place_prefix(ctx: _Context, word: str) -> list[tuple[int, int]]:
    """法国人, 中国京剧, 阿尔巴尼亚族, 德国总理: a country or region opening a longer word,
    and the place a rest like 京剧 names (`_capitalised_country`).

    Not 法国队 or 中国银行: a word ending in an organisation ending is a name of its own."""
    if len(word) < 3 or word in ctx.lex.places:
        return []
    proper = _proper_senses(ctx.entries.get(word, ()))
    if proper and _type_from_gloss(proper) not in (None, "work"):
        return []  # 巴西利亚, Brasília: a name of its own, not 巴西 + 利亚 (but 越南 + 战争)
    cut = _opening_place(ctx.lex, word)
    if not cut or any(word[cut:].endswith(suffix) for suffix in ctx.lex.suffixes):
        return []
    if word[cut:] in cue_set("landforms"):
        return []  # 江汉 + 平原: the plain the region names is one place
    inner = _capitalised_country(ctx, word[cut:])  # 中国 + 京剧: the 京 of Beijing opera too
    return [(0, cut)] + [(cut + s, cut + e) for s, e in inner]


def _placed_body(lex: _Lexicon, word: str) -> bool:
    """俄罗斯国家杜马/ns: a place and a body that is a name on its own, which the segmenter
    made one word of, name that body (not the place and nothing more)."""
    cut = _opening_place(lex, word) if len(word) >= 4 else 0
    return bool(cut) and lex.bodies.get(word[cut:]) == "organization"


def _opening_place(lex: _Lexicon, form: str) -> int:
    """The length of the longest entry of the place list that opens `form` with a character
    or more after it (美国 of 美国人); 0 when none does."""
    for cut in range(len(form) - 1, 1, -1):
        if form[:cut] in lex.places:
            return cut
    return 0


def _listed_place_before_tail(ctx: _Context, word: str, tag: str) -> list[tuple[int, int]]:
    """台湾当局/nz, 英国首相/nz: a place of the lists and a generic word (`_glued_places`'s
    tails) that jieba made one proper noun of, not a place or a body: the place stands."""
    if tag != "nz" or len(word) < 4 or word[-2:] not in cue_set("generic_tails"):
        return []
    return [(0, len(word) - 2)] if word[:-2] in ctx.lex.places else []


def _glued_places(word: str, tag: str, common: bool) -> list[tuple[int, int]]:
    """中美, 俄, 美方, 对华, 中美关系, 中国政府: the place names inside one tagger word.

    `common`: the dictionary also knows the word as an ordinary word (非法, 华美)."""
    if len(word) > 2 and word[-2:] in cue_set("generic_tails") and tag in ("ns", "nt", "j", "n"):
        head = word[:-2]  # every generic tail has two characters
        if len(head) > 2 and head[-2:] in cue_set("generic_tails"):
            head = head[:-2]  # 湖北省 + 人民 + 政府: the province, whose own government it is
    elif len(word) > 2 or not word:
        return []
    elif (
        len(word) == 2
        and word[0] in cue_set("travel")
        and word[1] in cue_set("country_short")
        and not common
    ):
        return [(1, 2)]  # 对华, 离京
    elif (
        len(word) == 2
        and word[0] in cue_set("visit")
        and word[1] in cue_set("country_short")
        and word[1] != "日"
    ):
        return [(1, 2)]  # 来华, 驻华, 访美: common words that still name the place
    elif word[0] not in cue_set("country_short"):
        return []
    elif len(word) == 2 and word[1] in "方军籍" and not common:
        return [(0, 1)]  # 美方 (not 亚军 "runner-up", an everyday word)
    elif len(word) == 2 and not common:
        head = word  # 中日 ('t'), 中印 ('nt'): whatever the tag
    elif tag not in ("ns", "j") or (len(word) == 2 and common):
        return []  # 美德 "virtue", 华美 "magnificent": an everyday word, not two states
    else:
        head = word
    if (
        len(head) <= 2
        and all(ch in cue_set("country_short") for ch in head)
        and head not in cue_set("whole_short")
    ):
        return [(i, i + 1) for i in range(len(head))]
    if head != word and len(head) >= 2 and tag in ("ns", "nt"):
        return [(0, len(head))]
    return []


def _native_place(ctx: _Context, index: int, word: str) -> list[tuple[int, int]]:
    """浙江 + 温州人/nr, 河南 + 某沟/nr + 人: a place and 人 say where someone comes from. A
    word no dictionary knows that is a known place and 人 names that place; so does an
    unknown two-character "name" between a place and 人 (a village or county the
    dictionaries do not list, as 籍贯 is written)."""
    if ctx.entries.get(word):
        return []
    if len(word) >= 3 and word[-1] == "人" and _known_place(ctx, word[:-1]):
        return [(0, len(word) - 1)]
    tokens = ctx.tokens
    if len(word) != 2 or tokens[index][2] not in _PERSON_TAGS or index == 0:
        return []
    if index + 1 >= len(tokens) or ctx.simple[tokens[index + 1][0] : tokens[index + 1][1]] != "人":
        return []
    before = _word_before(ctx, index)
    return [(0, 2)] if len(before) >= 2 and _known_place(ctx, before) else []


def _known_place(ctx: _Context, form: str) -> bool:
    """A place of the name lists, or one the dictionary knows only as a city, county,
    province or the like (not 威尼斯人, the Venetian, a casino's name as often as a people)."""
    entries = ctx.entries.get(form, ())
    return form in ctx.lex.places or (
        _only_place(entries) and any(_DIVISION_GLOSS.search(s) for s in _proper_senses(entries))
    )


# A gloss that names an administrative division: "Wenzhou, prefecture-level city in Zhejiang".
_DIVISION_GLOSS = re.compile(r"\b(?:city|county|prefecture|province|district|town(?:ship)?)\b")


def _capitalised_country(ctx: _Context, word: str) -> list[tuple[int, int]]:
    """对美, 反华, 侵华, 华侨, 京剧: a two-character word CC-CEDICT spells with one capital, on a
    character that stands for a country or city (duì Měi, fǎn Huá, Jīng jù), beside a word of
    relations or of people and arts: that character names the place, as news annotation marks
    it. Not 日元, 英文 or 华北 (money, a language, a region), not 中华 or 美中 (both capitals:
    a name or a pair the other rules read), nor 中山 or 美国, names of their own."""
    entries = ctx.entries.get(word, ())
    if len(word) != 2 or not entries or word in ctx.lex.places:
        return []
    proper = _proper_senses(entries)
    if proper and _type_from_gloss(proper) not in (None, "work"):
        return []  # (京剧, "Beijing opera", is a kind of theatre, not a work)
    short = cue_set("country_short")
    for entry in entries:
        syllables = entry.pinyin_numbered.split()
        if len(syllables) != 2:
            continue
        capitals = [i for i, syl in enumerate(syllables) if syl[:1].isupper()]
        if len(capitals) != 1 or word[capitals[0]] not in short:
            continue
        at = capitals[0]
        if word[1 - at] in cue_set("country_before" if at else "country_after"):
            return [(at, at + 1)]
    return []


def _paired_country(ctx: _Context, pos: int) -> bool:
    """中 + 美, 中、阿: a one-character country next to another one."""
    text, short = ctx.simple, cue_set("country_short")
    before, after = text[pos - 1 : pos], text[pos + 1 : pos + 2]
    alone_before = pos - 1 in ctx.starts and pos in ctx.ends  # a one-character token
    alone_after = pos + 1 in ctx.starts and pos + 2 in ctx.ends
    if text[pos] not in short:
        alone_before = alone_after = False  # 中以 + 2∶0: 以 is "by", but 中、阿 two states
    elif before == "、" or after == "、":
        short = short | cue_set("pair_countries")
    if (before and before in short and alone_before) or (after and after in short and alone_after):
        return True
    return (after == "、" and text[pos + 2 : pos + 3] in short) or (
        before == "、" and pos >= 2 and text[pos - 2] in short
    )


def _state_context(ctx: _Context, index: int) -> bool:
    """Whether a one-character country or city token names it here."""
    return _abbreviated_state(ctx, index) or _country_context(ctx, ctx.tokens[index][0])


def _abbreviated_state(ctx: _Context, index: int) -> bool:
    """俄 + 指责, 英 + 外交大臣: a character jieba tags as an abbreviation (j) that, standing
    alone, means nothing but its state or city (not 法 "law", 亚 "second", 日 "day"), unless a
    given-name character follows (英 + 子)."""
    start, end, tag = ctx.tokens[index]
    if tag != "j" or ctx.simple[start:end] not in cue_set("state_abbreviations"):
        return False
    if _port_of(ctx, index):
        return False
    after = ctx.tokens[index + 1] if index + 1 < len(ctx.tokens) else None
    return not (after and after[1] - after[0] == 1 and after[2] in ("ng", "nr", "zg"))


def _port_of(ctx: _Context, index: int) -> bool:
    """果园 + 港, 洋山 + 港, 白石/nr + 港 + 务: 港 right after a word of two characters or more
    that names or describes a place (or that jieba took for a person's name) is that place's
    port, not Hong Kong (赴 + 港, 粤 + 港 stay Hong Kong)."""
    start, end, _ = ctx.tokens[index]
    if ctx.simple[start:end] != "港" or index == 0:
        return False
    s, e, tag = ctx.tokens[index - 1]
    named = tag in ("n", "nz", "ns") or tag in _PERSON_TAGS
    return e == start and e - s >= 2 and named and all_han(ctx.simple[s:e])


def _state_initial(ctx: _Context, index: int) -> bool:
    """叙 + 总统, 菲 + 贸易顺差, 对 + 南 + 提出: a state's one-character short name, tagged a
    place or an abbreviation, standing alone between words: after punctuation, a function word
    or a word of two or more characters that is no name (not 亨 + 巴 + 大桥, 箭 + 塔, 一 + 波),
    and before such a word or a particle (not 巴 + 蛇, 德 + 比: derby, 阿·德米特里)."""
    start, end, tag = ctx.tokens[index]
    if tag not in ("ns", "j") or ctx.simple[start:end] not in cue_set("state_initials"):
        return False
    if index + 1 >= len(ctx.tokens):
        return False
    s, e, after = ctx.tokens[index + 1]
    if not all_han(ctx.simple[s:e]):
        return False
    if e - s == 1 and after not in _STATE_FOLLOWERS:
        return False
    if e - s > 1 and after in _NAME_OR_SHORT:
        return False
    if index > 0:
        b, _, before = ctx.tokens[index - 1]
        if before in _NAME_OR_SHORT or ctx.simple[b:start] == "·":
            return False
        if start - b == 1 and before != "x" and (before not in _FUNCTION_TAGS or before in "mrq"):
            return False
    return True


# Name tags (or an abbreviation's) around a one-character state say it is a piece of a name;
# the particles and adverbs that may follow one (巴 + 的, 德 + 并, 厄 + 一 + 货轮).
_NAME_OR_SHORT = _NAME_TAGS | {"j"}
_STATE_FOLLOWERS = frozenset({"uj", "ul", "u", "c", "d", "m"})


def _country_context(ctx: _Context, pos: int) -> bool:
    """A lone 美/俄/华 is a country only next to another country, a verb of travel or a joiner."""
    before = ctx.simple[pos - 1 : pos]
    after = ctx.simple[pos + 1 : pos + 2]
    return bool(
        (before and before in "访赴驻来抵离对与和同、在及" + "".join(cues("country_short")))
        or (after and after in "、方军国关及和与同将总两" + "".join(cues("country_short")))
    )


def _central_committee(word: str) -> bool:
    """某盟中央/nt, 某党中央/nt: the segmenter's word for a party's central committee (a party
    of two or more characters and 中央) names that body, though 中央 ends no other name."""
    return len(word) >= 4 and word.endswith("中央")


def _tagger_mentions(ctx: _Context) -> list[_Mention]:
    out: list[_Mention] = []
    lex = ctx.lex
    for index, (start, end, tag) in enumerate(ctx.tokens):
        word = ctx.simple[start:end]
        common = any(not e.proper for e in ctx.entries.get(word, ()))
        unknown_nt = tag == "nt" and not ctx.entries.get(word) and (
            not (ctx.lex.org_shaped(word) or _central_committee(word)) or _place_ending(ctx, word)
        )  # (国家 + 某某博物馆/nt: 馆 ends bodies' names, 博物馆 a building's, which decides)
        if tag in ("ns", "nt") and _placed_body(lex, word):
            out.append(_Mention(start, end, "organization", _TAGGER))  # 俄罗斯国家杜马/ns
            continue
        places = (
            _glued_places(word, tag, common)
            or _listed_place_before_tail(ctx, word, tag)
            or _capitalised_country(ctx, word)
            or _country_class(word, lex, tag)
            or _native_place(ctx, index, word)
            or (
                # 中国足协: the tagger's own name, but 中国 + 航天 when nothing says organisation
                _place_prefix(ctx, word) if tag != "nt" or unknown_nt else []
            )
        )
        if len(word) == 1 and word in cue_set("pair_countries") and _paired_country(ctx, start):
            places = [(0, 1)]  # 中(f) + 美(ns), 中、阿
        elif len(word) == 1 and _state_initial(ctx, index):
            places = [(0, 1)]  # 叙 + 总统, 菲 + 贸易赤字
        elif len(word) == 1 and places and not _state_context(ctx, index):
            continue  # 好美: the adjective, not America
        places = [(s, e) for s, e in places if e - s < 2 or not _everyday(ctx, word[s:e])]
        if places:
            out.extend(
                _Mention(start + s, start + e, _owner_type(ctx, word[s:e]), _TAGGER)
                for s, e in places
            )
            continue
        if len(word) == 1 and tag in _SURNAME_TAGS and _titled_surname(ctx, start, end):
            out.append(_Mention(start, end, "person", _TAGGER))  # 唐 + 外长, 钱 + 局长
            continue
        if len(word) == 1 and tag == "nr" and word in lex.surnames:
            name_end = _given_after_surname(ctx, index)
            if name_end is not None:
                out.append(_Mention(start, name_end, "person", _TAGGER))  # 金 + 志 + 远
            continue
        if _fold(word) in lex.stop or not all_han(word) or len(word) < 2:
            continue
        if _REGION_PART.fullmatch(word):
            continue  # 中南部/nt: a part of a region, not a ministry
        if tag in ("ns", "nt") and _deed_and_its_object(ctx, word):
            continue  # 铺平道路/ns, 统一安排/nt: a deed, no place or body
        if word in lex.bodies:
            out.append(_Mention(start, end, lex.bodies[word], _DICT))
            continue
        if word in lex.places:  # 伊拉克/nrt, 科索沃/nr: the tagger's guess loses to geography
            out.append(_Mention(start, end, "place", _DICT))
            continue
        if tag == "nz" and len(word) >= 3 and not ctx.entries.get(word):
            etype = _head_type(ctx, index)
            if etype == "place" and _kind_of_place(ctx, word):
                continue  # 高速 + 铁路: a kind of railway, not one
            if etype is not None and etype != "work":
                out.append(_Mention(start, end, etype, _TAGGER))  # 突尼斯队
                continue
        if len(word) >= 4 and tag not in ("ns", "nt") and not _everyday(ctx, word):
            head = _name_prefix(ctx, start, word)  # (马拉 + 松赛: 马拉松赛 "marathon race")
            if head is not None:
                out.append(head)
                continue
        if tag in _PERSON_TAGS and word[0] in lex.surnames and word[1:] in cue_set("titles"):
            out.append(_Mention(start, start + 1, "person", _TAGGER))  # 陈 of 陈老师
            continue
        if tag in _PERSON_TAGS and word[-1] in "说是的了在和与" and (
            len(word) == 3 or (len(word) == 4 and word[0] in lex.surnames)
        ):
            word, end = word[:-1], end - 1  # 赵华说, 钱立平在
        entries = ctx.entries.get(word, ())
        proper = _proper_senses(entries)
        common = any(not e.proper for e in entries)
        gloss_type = _type_from_gloss(proper) if proper else None
        if proper and not _gloss_names(proper[0]):
            continue  # "Lie group": a capitalised term, not a name
        if tag in _PERSON_TAGS:
            if _measure_not_surname(ctx, start, word) or word[0] in "的了在是就和与被把给":
                continue
            if _spot_of_a_thing(ctx, word):
                continue  # 在 + 胡同口: a spot, not 胡 + 同口
            if _described_word(ctx, word):
                continue  # 服务 + 范围广: the scope is wide, not 范 + 围广
            before = ctx.simple[start - 1 : start]
            if before and before in _NUMERALS and word[1] in _NUMERALS:
                continue  # 一石三鸟: an idiom that counts, not a name
            if before in ("就", "甚") and word[0] == "连" and len(word) == 3:
                start, word = start + 1, word[1:]  # 就连小扎: "even 小扎"
            elif len(word) == 3 and word[0] in "连和从向于将对以与同" and not entries:
                continue  # 阶段连禅修: "even meditation", 连 is not the surname here
            if gloss_type == "place" and _at_a_place(ctx, start, end, proper):
                out.append(_Mention(start, end, "place", _TAGGER))  # 搬到 + 万全: the county,
                continue  # not "perfectly safe" (jieba tags hundreds of such towns a person)
            town = word[-1] in cue_set("division_chars") and (
                len(word) >= 3 or (index > 0 and _word_before(ctx, index) in cue_set("going_to"))
            )
            if town and not common:  # 某某镇/nr, 到 + 梁镇/nr, 花莲县/nr (Hualien County)
                out.append(_Mention(start, end, "place", _TAGGER))
                continue
            if gloss_type is None and _bare_name_gloss(ctx, entries, proper) and (
                _person_acts_after(ctx, end) or _person_cue(ctx, start, end)
            ):
                out.append(_Mention(start, end, "person", _DICT))  # "Saddam" + 会见
                continue
            if entries and gloss_type is None and not _titled(ctx, start):
                continue  # the dictionary knows the word but not as a person (总统 + 哈桑: one)
            if _valid_person(word, entries, lex, tag):
                etype = gloss_type or "person"
                if etype == "person" and _foreign_after_kind(ctx, start, word):
                    etype = "place"  # 港口 + 布兰卡/nr: the port's name
                end = _given_name_end(ctx, index, word, end) if etype == "person" else end
                out.append(_Mention(start, end, etype, _TAGGER))
            continue
        if tag == "ns" and not entries and word not in lex.places:
            divided = len(word) >= 3 and word[-1] in cue_set("division_chars")
            if _person_cue(ctx, start, end) and not divided:  # (某某省 + 省长: the province)
                out.append(_Mention(start, end, "person", _TAGGER))  # 罗山/ns + 说
                continue
            if len(word) >= 3 and not _place_like(ctx, word):
                continue  # 上半场, 热爱祖国: jieba's ns on phrases no dictionary knows
            if len(word) == 2 and word[0] in _DESCRIBING and word[1] in _PLACE_NOUNS:
                continue  # 大桥, 古庙, 内河: a kind of place, described
        if tag == "ns" and len(word) == 2 and word[0] in _DESCRIBING and word[1] in _PLACE_NOUNS \
                and gloss_type != "place" and _self_named(entries) and word not in lex.places:
            continue  # 特 + 大桥/ns: a big bridge, though CC-CEDICT's 大桥 is a beauty of legend
        if tag == "ns" and common and gloss_type == "organization":
            continue  # 山水: scenery, not the Sansui company (jieba reads a place, not a firm)
        if tag in ("ns", "nt") and (not entries or proper or tag == "nt" or _referred(entries)):
            named_body = tag == "nt" and lex.org_ending(word) > 0
            named_body = named_body and word[-1] not in cue_set("works_kinds")  # 加工厂: a kind
            named_body = named_body or (tag == "nt" and _one_body_gloss(entries))
            if common and not proper and not _acronym_gloss(entries) and not named_body:
                continue  # but 国家队, 自由党, 国民议会: an ending says it is a body
            if tag == "ns" and common and _everyday_place(ctx, index):
                continue  # 大都 "mostly", 新建 "newly built", 蓝牙: the everyday word
            if unknown_nt and _place_ending(ctx, word):
                out.append(_Mention(start, end, "place", _TAGGER))  # 北京图书大厦
                continue
            if unknown_nt:
                continue  # 国际原油, 长足进展: jieba's nt on phrases no dictionary knows
            etype = gloss_type or ("place" if tag == "ns" else "organization")
            if etype == "place" and _body_ending(word):
                etype = "organization"  # 某港海关/ns: the customs house, not the port
            if tag == "ns" and etype == "person" and _at_a_place(ctx, start, end, proper):
                etype = "place"  # 在 + 华盛顿: a person first, a city too
            if etype == "place" and _person_sense_doing(ctx, start, end, proper):
                out.append(_Mention(start, end, "person", _DICT))  # 某南 + 会见: a region
                continue  # first, a statesman too (the dictionary says so, not the tagger)
            out.append(_Mention(start, end, etype, _TAGGER))
            continue
        if proper and common and gloss_type == "place" and _weather_after(ctx, end):
            out.append(_Mention(start, end, "place", _DICT))  # 海口 + 多云: the city's forecast
            continue
        if proper and not common and _counting(ctx, index):
            continue  # 三台 + 机床: a count of machines, not Santai county
        if proper and not common:
            etype = gloss_type or _type_from_tag(tag)
            if etype == "place" and _unplaced_county(ctx, start, word, tag, proper):
                continue  # 鉴 + 宝应 + 者, 小金 + 人: halves of other words, not the counties
            if etype is not None and (etype != "work" or gloss_type == "work"):
                out.append(_Mention(start, end, etype, _DICT))
    return out


def _unplaced_county(ctx: _Context, start: int, word: str, tag: str, senses: list[str]) -> bool:
    """A two-character county or town CC-CEDICT names ("Mizhi County in Yulin") that jieba
    reads as a common noun is the place only where a place is: after a word of being at or
    going to it (在, 抵达) or before 的; elsewhere the two characters are as often halves of
    other words (鉴 + 宝应 + 者, 小金 + 人)."""
    if tag != "n" or len(word) != 2 or not division_gloss(senses):
        return False
    return not _where_one_goes(ctx, start) and ctx.simple[start + 2 : start + 3] != "的"


def _where_one_goes(ctx: _Context, start: int) -> bool:
    """A word of being at or going to a place ends right before `start` (在, 抵达, 前往)."""
    before = ctx.simple[max(0, start - 3) : start]
    return before[-1:] in cue_set("locative") or before.endswith(cues("travel_verbs"))


_BARE_NAME = re.compile(r"[A-Z][a-z]{2,}")


def _bare_name_gloss(ctx: _Context, entries: Iterable[Entry], proper: list[str]) -> bool:
    """A name jieba tags a person's whose every capitalised sense is one bare name that names
    no place ("Saddam", a statesman known by one name): CC-CEDICT says nothing of its type
    (bare names of regions, towns and brands look the same), so only what is said of it
    around, with the jieba tag, makes it a person."""
    return (
        bool(proper)
        and all(_BARE_NAME.fullmatch(sense) for sense in proper)
        and not any(sense in ctx.lex.place_english for sense in proper)
        and not any(not e.proper for e in entries)
    )


def _person_sense_doing(ctx: _Context, start: int, end: int, senses: list[str]) -> bool:
    """A name CC-CEDICT glosses as a region first and a person last (Annam ... Kofi Annan),
    before what only people do, in its clause (+ 今天 + 会见, + 在讲话中): the person."""
    if not any(sense[:1].isupper() and _type_from_gloss([sense]) == "person" for sense in senses):
        return False
    return _person_acts_after(ctx, end)


def _person_acts_after(ctx: _Context, end: int) -> bool:
    """What only people do, within the clause after a name (+ 今天 + 会见, + 在讲话中)."""
    clause = re.split(r"[，。；！？、,;!?]", ctx.simple[end : end + 8], maxsplit=1)[0]
    return any(act in clause for act in cues("person_only_acts"))


def _titled(ctx: _Context, start: int) -> bool:
    """A title, role or office ends right before `start` (总统 + 哈桑)."""
    return ctx.simple[max(0, start - 4) : start].endswith(_person_cue_words()[1])


def _referred(entries: Iterable[Entry]) -> bool:
    """洋山港 = "see 洋山深水港", 阜平 = "see 阜平县": every entry only points to another
    name's entry, so the dictionary says nothing against jieba's tag (a name it knows)."""
    entries = tuple(entries)
    return bool(entries) and all(e.proper and e.references for e in entries) and not any(
        _proper_senses((e,)) for e in entries
    )


def _self_named(entries: Iterable[Entry]) -> bool:
    """Every entry is a name CC-CEDICT glosses by its own reading ("Da Qiao, one of the Two
    Qiaos ..."): someone or something called so, no place that a described kind (大 + 桥)
    could be (but "Shenzhen and Hong Kong" for 深港 names places)."""
    entries = tuple(entries)
    return bool(entries) and all(
        e.proper and bool(e.senses)
        and e.senses[0].startswith(re.sub(r"\d", "", e.pinyin_numbered) + ",")
        for e in entries
    )


def _counting(ctx: _Context, index: int) -> bool:
    """三台/m + 机床/n: a word jieba reads as a numeral and a measure, right before a noun,
    counts that noun, though CC-CEDICT knows it as a place too (四川 + 三台 stays the county)."""
    start, end, tag = ctx.tokens[index]
    if tag != "m" or ctx.simple[start] not in _NUMERALS or index + 1 >= len(ctx.tokens):
        return False
    s, _, after = ctx.tokens[index + 1]
    return s == end and after.startswith("n") and after not in _NAME_TAGS


# A two-character ns word no dictionary knows that is a describing character (`_DESCRIBING`)
# before a place noun names a kind of place (大 + 桥, 古 + 庙, 内 + 河, 南 + 国), not one place
# (but 西山, 东湖: hills and lakes are named so).
_PLACE_NOUNS = frozenset("桥庙河湾国极城村镇港岸区")


def _foreign_after_kind(ctx: _Context, start: int, word: str) -> bool:
    """A transliterated name of three characters or more right after a word for a kind of
    place (城市, 首都, 港口) is that place's name."""
    return len(word) >= 3 and ctx.lex.transliterated(word) and _kind_before(
        ctx, start
    )


def _owner_type(ctx: _Context, form: str) -> EntityType:
    """克林顿 + 政府: the owner before a generic tail is a place unless the dictionary knows it
    only as a person (a president's administration)."""
    return "person" if len(form) > 1 and _dictionary_person(ctx, form) else "place"


def _at_a_place(ctx: _Context, start: int, end: int, senses: list[str]) -> bool:
    """在 + 华盛顿, 去了 + 哥伦布: a word the dictionary knows as a person first and a place too
    (George Washington, Washington, D.C.), or as a place and an everyday word (万全 "perfectly
    safe", the county), is the place after a word of being at or going to; elsewhere
    (哥伦布 + 当年, 考虑得很 + 万全) the person or the word."""
    if not any(_type_from_gloss([sense]) == "place" for sense in senses):
        return False
    before = ctx.simple[start - 1 : start]
    if start - 1 in ctx.starts and before == "了":
        before = ctx.simple[start - 2 : start - 1]
    k = ctx.token_range(start, len(ctx.simple)).start
    if (before and before in cue_set("locative")) or _listed_with_place(ctx, start, end, k):
        return True
    if k > 0 and ctx.tokens[k - 1][1] == start:
        s, e, _ = ctx.tokens[k - 1]
        return ctx.simple[s:e] in cue_set("travel_verbs")  # 抵达 + 华盛顿
    return False


def _listed_with_place(ctx: _Context, start: int, end: int, i: int) -> bool:
    """纽约和 + 华盛顿, 华盛顿 + 、巴黎: a word joined to a place right before or after it is
    listed with that place (a list holds one kind of name), so it names a place too. `i`:
    the index of the word's first token."""
    joins = cue_set("list_joins")
    neighbours = []
    if i >= 2 and ctx.simple[start - 1 : start] in joins and ctx.tokens[i - 1][0] == start - 1:
        neighbours.append(ctx.tokens[i - 2])
    after = i + 2 < len(ctx.tokens) and ctx.tokens[i + 1][0] == end
    if after and ctx.simple[end : end + 1] in joins and ctx.tokens[i + 1][1] == end + 1:
        neighbours.append(ctx.tokens[i + 2])
    return any(
        e - s >= 2 and (tag == "ns" or _known_place(ctx, ctx.simple[s:e]))
        for s, e, tag in neighbours
    )


def _kind_of_place(ctx: _Context, word: str) -> bool:
    """高速 + 铁路: two everyday words, the last a kind of place, name a kind of place."""
    return len(word) == 4 and _everyday(ctx, word[:2]) and _everyday(ctx, word[2:])


def _everyday(ctx: _Context, word: str) -> bool:
    """人民 of 人民政府: a word the dictionary knows only as an everyday word, and no place."""
    entries = ctx.entries.get(word, ())
    return bool(entries) and word not in ctx.lex.places and not any(e.proper for e in entries)


def _everyday_compound(ctx: _Context, start: int, end: int) -> bool:
    """海洋生物/nt, 中央处理器/nt, 信息安全/nz: one segmenter word that jieba's dictionary tags
    a name but no dictionary knows, made of two everyday words (海洋 + 生物), the last no
    ending a place's or a body's name has (not 某某 + 保险, 某某 + 乐队): it describes a
    thing, it names no place or body."""
    form = ctx.simple[start:end]
    tiles = ctx.tiling(start, end)
    if len(tiles) != 1 or tiles[0][2] not in ("nt", "ns", "nz") or len(form) < 4:
        return False
    lex = ctx.lex
    if ctx.entries.get(form) or form in lex.places or form in lex.bodies or form in lex.known:
        return False
    if _deed_and_its_object(ctx, form):
        return True
    if form[-1] in cue_set("place_last_chars") or _body_ending(form) or form[0] == "第":
        return False  # (第二 + 炮兵: a numbered unit)
    if form.endswith(cues("compound_name_heads")) or form.endswith(cues("landforms")):
        return False  # (某某 + 酒店, 某某 + 山脉: a hotel's, a range's name)
    if form[:2] in lex.body_prefixes or form[:2] in cue_set("unique_prefixes"):
        return False  # 中央 + 财政, 国际 + 某某: one body of its kind
    if any(lex.suffixes.get(form[-cut:]) is not None for cut in (1, 2, 3)):
        return False
    return any(
        _everyday(ctx, form[:cut]) and _everyday(ctx, form[cut:])
        and form[cut:] not in cue_set("trades")
        for cut in (2, 3) if len(form) - cut >= 2
    )  # fmt: skip


def _deed_and_its_object(ctx: _Context, form: str) -> bool:
    """铺平道路, 重建家园, 戒严地区, 统一安排: four characters jieba's dictionary tags a place or a
    body that no dictionary knows whole, an everyday verb ("to pave") and an everyday word
    that no name ends in: a deed and what it is done to, or a kind of area (but 建设 +
    银行, 解放 + 大道, 联合 + 早报: a bank, a street, a paper)."""
    lex = ctx.lex
    if len(form) != 4 or ctx.entries.get(form) or form in lex.bodies or form in lex.known:
        return False
    head, tail = form[:2], form[2:]
    if not (_everyday(ctx, head) and _everyday(ctx, tail)) or tail in lex.suffixes:
        return False
    if tail in cue_set("street_endings") or tail in cue_set("trades") or _body_ending(form):
        return False
    if tail in cue_set("compound_name_heads") or tail in cue_set("press_heads"):
        return False
    if tail.endswith(cues("press_endings")) or tail.endswith(cues("landforms")):
        return False
    return any(e.senses and e.senses[0].startswith("to ") for e in ctx.entries[head])


def _unnamed_words(
    ctx: _Context, start: int, end: int, unknown_tags: frozenset[str], han_only: bool = False
) -> bool:
    """start:end is whole tokens none of which the dictionary knows as a name; a longer token
    it does not know at all passes only with one of `unknown_tags` (and, `han_only`, every
    token is Han). The shared test of `combine._plain_words` and `places._ordinary_words`."""
    inside = ctx.tiling(start, end)
    if not inside:
        return False
    for s, e, tag in inside:
        word = ctx.simple[s:e]
        if han_only and not all_han(word):
            return False
        entries = ctx.entries.get(word)
        if entries and any(x.proper for x in entries):
            return False
        if not entries and e - s > 1 and tag not in unknown_tags:
            return False
    return True


def _weather_after(ctx: _Context, end: int) -> bool:
    """A forecast follows (多云, 小雨转晴): the word before it is the place forecast for."""
    return ctx.simple[end : end + 3].startswith(cues("weather"))


def _place_ending(ctx: _Context, word: str) -> bool:
    """An unknown word ending in a place ending of two or more characters (大厦, 广场)."""
    return any(ctx.lex.suffixes.get(word[-cut:]) == "place" for cut in (3, 2) if len(word) > cut)


def _person_cue(ctx: _Context, start: int, end: int) -> bool:
    """A word the tagger took for a place, said to speak or titled as a person (罗山 + 说,
    某某山 + 院士)."""
    before, after = ctx.simple[max(0, start - 4) : start], ctx.simple[end : end + 4]
    said_after, said_before = _person_cue_words()
    return after.startswith(said_after) or before.endswith(said_before)


@cache
def _person_cue_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words after and before a name that say it is a person's, joined once."""
    return (
        cues("person_cues_after") + cues("roles") + cues("scholar_titles"),
        cues("person_cues_before") + cues("roles") + cues("offices"),
    )


def _place_like(ctx: _Context, word: str) -> bool:
    """An unknown word shaped like a place name: a place ending, or a transliteration."""
    if word[-1] in cue_set("place_last_chars") or ctx.lex.suffixes.get(word[-1]) == "place":
        return True
    if any(ctx.lex.suffixes.get(word[-cut:]) == "place" for cut in (3, 2)):
        return True
    return ctx.lex.transliterated(word)


_TAG_TYPES: dict[str, EntityType] = {
    "nr": "person", "nrt": "person", "nrfg": "person", "ns": "place", "nt": "organization",
    "nz": "work",
}  # fmt: skip


def _type_from_tag(tag: str) -> EntityType | None:
    return _TAG_TYPES.get(tag)
