"""Organisations composed of an owner, plain nouns and an organisation head (中国 + 文化 + 助学 +
委员会, 美国 + 财政部长), and token runs CC-CEDICT knows as one name.

A country before a generic kind (美国 + 公司, 非洲 + 球队) is the place, not an organisation.
"""

from __future__ import annotations

import re

from app.core.language.entities.glosses import _proper_senses, _type_from_gloss
from app.core.language.entities.lexicon import (
    _COMPOSED,
    _DICT,
    _FUNCTION_TAGS,
    _NUMERALS,
    _PERSON_TAGS,
    _fold,
    _Lexicon,
    cue_set,
    cues,
)
from app.core.language.entities.mentions import (
    _COUNTED_TAGS,
    _Context,
    _Mention,
    _named_place_word,
)
from app.core.language.entities.press import _in_title
from app.core.text.chars import all_han
from app.core.types import EntityType


def _is_anchor(ctx: _Context, index: int) -> bool:
    start, end, tag = ctx.tokens[index]
    word = ctx.simple[start:end]
    if tag in ("nt", "j") and _everyday_body_tag(ctx, word):
        return False  # 研发/j + 中心: "to develop", no owner of the centre
    if tag == "ns" and _plain_area(ctx, word):
        return False  # 山区/ns + 学校: "mountain areas", schools there, no owner
    if tag in ("ns", "nt", "nz", "j", "nrt") or (tag in _PERSON_TAGS and len(word) >= 2):
        return True
    if word.isascii() and word[:1].isupper():
        return True
    if word in ctx.lex.bodies or word in ctx.lex.body_prefixes:
        return True
    return bool(_proper_senses(ctx.entries.get(word, ())))


def _plain_area(ctx: _Context, word: str) -> bool:
    """A word jieba tags a place that CC-CEDICT knows only as an everyday word for a kind of
    area (山区 "mountain area", 郊区 "suburbs", ending in 区) and no name list knows: it names
    no place. (Not 西南 or 城关: everyday words that also name regions and towns.)"""
    return word[-1] == "区" and word not in ctx.lex.places and _plain_word(ctx, word)


_REGION_PART = re.compile(r"[东南西北中]{1,3}部")


def _everyday_body_tag(ctx: _Context, word: str) -> bool:
    """人均/j "per capita", 研发/j "to develop": a word jieba's dictionary tags an
    organisation or an abbreviation that CC-CEDICT knows only as an everyday word (no
    capitalised sense) with a sense of doing or measuring, that no name list knows and that
    has no organisation ending, is no body: it owns none and heads none (某村 + 人均 + 收入,
    研发 + 中心). 交警 "traffic police" or 武警 "armed police" still head and own one."""
    entries = ctx.entries.get(word, ())
    lex = ctx.lex
    if not entries or any(e.proper or any(c.isupper() for c in "".join(e.senses)) for e in entries):
        return False
    if word in lex.bodies or word in lex.body_prefixes or word in lex.places or word in lex.known:
        return False
    if lex.org_shaped(word):
        return False
    openers = cue_set("doing_gloss_openers")
    return any(
        sense.split(" ", 1)[0] in openers for e in entries for sense in e.senses if " " in sense
    )


def _everyday_deed(ctx: _Context, word: str) -> bool:
    """加盟 "to join", 访问 "to visit": a word the dictionary knows only as an everyday word
    with a sense of doing, that no name list knows."""
    entries = ctx.entries.get(word, ())
    lex = ctx.lex
    if not entries or any(e.proper for e in entries) or word in lex.places or word in lex.known:
        return False
    return any(sense.startswith("to ") for e in entries for sense in e.senses)


def _head_type(ctx: _Context, index: int) -> EntityType | None:
    """The type a name ending with this token has: 大学, or a body such as 公安局 or 宣传部."""
    start, end, tag = ctx.tokens[index]
    word = ctx.simple[start:end]
    lex = ctx.lex
    etype = lex.suffixes.get(word)
    if etype is not None:
        return etype
    if _REGION_PART.fullmatch(word):
        return None  # 黄淮 + 中南部: a part of a region, not a ministry (部)
    if tag == "nt" or lex.bodies.get(word) == "organization":
        return "organization"
    if tag != "t" and _type_from_gloss(_proper_senses(ctx.entries.get(word, ()))) == "organization":
        return "organization"  # 上海 + 交大, but not 某地 + 现代/t "modern" (Hyundai too)
    if len(word) == 2 and word[1] in "队" and word[0] in "男女球":
        return "organization"  # 印尼 + 女队
    if len(word) >= 3 and all_han(word) and _fold(word) not in lex.stop:
        for cut in (3, 2, 1):
            etype = lex.suffixes.get(word[-cut:])
            if etype is not None and _fold(word[-2:]) not in lex.stop:
                return etype
    return None


# Characters that describe a kind of place rather than name one (大 + 桥, 小 + 城镇, 古 + 庙).
_DESCRIBING = frozenset("大小古老新旧内外多南北东西中高长深远近上下前后")


_MIDDLE_TAGS = frozenset({"n", "ng", "nz", "vn", "j", "ns", "nt", "b", "s", "m"})


def _org_head(ctx: _Context, index: int) -> tuple[int, int, EntityType, bool] | None:
    """(start, end, type, stands alone) of a name ending at this token: 大学, 公安局, 财政部(长).

    A head that stands alone (财政部, 司法 + 部长) is a name even with nothing before it."""
    if index not in ctx.org_heads:
        ctx.org_heads[index] = _find_org_head(ctx, index)
    return ctx.org_heads[index]


def _find_org_head(ctx: _Context, index: int) -> tuple[int, int, EntityType, bool] | None:
    start, end, _ = ctx.tokens[index]
    word = ctx.simple[start:end]
    lex = ctx.lex
    if word.endswith(cues("events")):
        return None  # 春节 + 音乐会/nt: a gathering, not the body that holds it
    if _counted_unit(ctx, index):
        return None  # 两 + 台 + 机组: a count of machines, not a station (电视台)
    if word in cue_set("chief_endings") and index > 0:  # 司法 + 部长: the minister of 司法部
        s, e, t = ctx.tokens[index - 1]
        before = ctx.simple[s:e]
        plain = t in ("n", "vn", "nz") and _fold(before) not in lex.stop | cue_set("acting")
        if e == start and len(before) == 2 and plain:
            return s, start + 1, "organization", True
        return None
    if len(word) >= 4 and word.endswith(cues("chief_endings")) and all_han(word):
        return start, end - 1, "organization", True  # 财政部长 -> 财政部
    joined = _joined_head(ctx, index)
    if joined is not None:
        return joined, end, "organization", False  # 总 + 厂: the longer ending, not 厂 alone
    etype = lex.suffixes.get(word)
    if etype is not None:
        return start, end, etype, False
    if _short_body_tag(ctx, index) and index > 0 and _place_right_before(ctx, index):
        gloss = _type_from_gloss(_proper_senses(ctx.entries.get(word, ())))
        plain = _everyday_body_tag(ctx, word)  # 某村 + 人均 "per capita": no body
        if word not in lex.places and gloss in (None, "organization") and not plain:
            return start, end, "organization", False  # 某市 + 妇联, 某市 + 交警
    if _head_type(ctx, index) == "organization":
        return start, end, "organization", False
    return None


def _counted_unit(ctx: _Context, index: int) -> bool:
    """两 + 台, 三 + 座, 几 + 所: one character jieba tags a measure word right after a number
    counts things (两台机组 "two generating units"); it ends no body's name as 台 of 电视台 or
    所 of 研究所 does."""
    start, end, tag = ctx.tokens[index]
    if tag != "q" or end - start != 1 or index == 0:
        return False
    _, before_end, before_tag = ctx.tokens[index - 1]
    return before_tag == "m" and before_end == start


def _short_body_tag(ctx: _Context, index: int) -> bool:
    """A two-character word the segmenter read as an abbreviation (妇联/j), or as a proper noun
    ending as only bodies' names end (侨联/nz, 台联/nz): a place before it may own it."""
    start, end, tag = ctx.tokens[index]
    if end - start != 2:
        return False
    return tag == "j" or (tag == "nz" and ctx.simple[end - 1] in cue_set("org_last_chars"))


def _place_right_before(ctx: _Context, index: int) -> bool:
    """A place ends right before token `index`: a word jieba tags a place, or the division's
    one character it cut off one (某县/ns + 妇联, 某/ns + 县 + 妇联: the county's federation)."""
    if ctx.tokens[index - 1][2] == "ns":
        return True
    return ctx.tokens[index - 1][1] == ctx.tokens[index][0] and _county_of_its_own(ctx, index - 1)


def _joined_head(ctx: _Context, index: int) -> int | None:
    """研究 + 会, 总 + 会, 促进 + 会: the start of an organisation's head the segmenter split
    before its last character (会 read as "can"), or None."""
    start, end, _ = ctx.tokens[index]
    if end - start != 1 or index == 0 or ctx.tokens[index - 1][1] != start:
        return None
    cut = ctx.lex.org_ending(ctx.simple[ctx.tokens[index - 1][0] : end])
    return end - cut if cut >= 2 else None


# How many tokens an owner may stand before its head (中国 + 绿色 + 食品 + 质量 + 认证 + 指导 +
# 委员会): People's Daily dev +0.001 over 5.
OWNER_REACH = 7


def _ordinal(word: str) -> bool:
    """九十, 第五: a number or an ordinal in Chinese numerals (not 5月, not 25日)."""
    return all(ch in _NUMERALS for ch in word.removeprefix("第"))


def _everyday_place(ctx: _Context, index: int) -> bool:
    """Token `index` is a place name that is also an everyday word (CC-CEDICT lists a common
    sense too: 新建 "newly built" and the county 新建, 大都 "mostly", 湖里 "in the lake") and
    reads as the everyday word here: right after an adverb, which only the everyday word takes
    (将 + 新建 + 学校); or, for a two-character word whose names are no place, or only a county,
    district or town of that name (or a dynasty's capital), unless a verb of going or a
    preposition of place comes right before it. Regions stay (东北 Northeast China, 海湾 the
    Gulf), and so do places of their own (东方 the East, 匹克 the company)."""
    s, e, tag = ctx.tokens[index]
    word = ctx.simple[s:e]
    entries = ctx.entries.get(word, ())
    proper = _proper_senses(entries)
    kind = _type_from_gloss(proper)
    if not (tag == "ns" or kind == "place") or all(entry.proper for entry in entries):
        return False
    if _after_adverb(ctx, index):
        return True
    if len(word) != 2 or word in cue_set("compass_regions") or not proper:
        return False
    minor = all(_MINOR_PLACE.search(sense) for sense in proper)
    if kind not in (None, "place") or (kind == "place" and not minor):
        return False
    return ctx.simple[s - 1 : s] not in cue_set("place_prepositions")


def _after_adverb(ctx: _Context, index: int) -> bool:
    """An adverb token ends right where token `index` starts."""
    if index == 0:
        return False
    _, end, tag = ctx.tokens[index - 1]
    return tag == "d" and end == ctx.tokens[index][0]


# A proper sense that names only a small division (or a historical capital) of that name.
_MINOR_PLACE = re.compile(r"\b(?:county|district|township|town|village|dynasty|Dynasty)\b")


# Directional and result complements that end a two-character verb of the sentence (派出,
# 送往, 运抵, 撤回): no body names its task so.
_DIRECTED_ENDS = frozenset("出入往抵回到")


def _owner_start(ctx: _Context, index: int, head_word: str) -> int | None:
    """The first token of the place, body or name that owns the head at `index`.

    Plain nouns may sit between owner and head (中国 + 文化 + 助学 + 委员会, 某市 + 中级 +
    人民法院); 的, verbs of more than two characters, punctuation and stop words end the run."""
    lex, tokens = ctx.lex, ctx.tokens
    first = None
    j = index - 1
    while j >= 0 and index - j <= OWNER_REACH and tokens[j][1] == tokens[j + 1][0]:
        s, e, t = tokens[j]
        w = ctx.simple[s:e]
        wordlike = all_han(w) or (w.isascii() and w.isalnum())
        if not wordlike or _fold(w) in lex.stop or tokens[index][1] - s > 16:
            break
        if j > 0 and w[0] in "日月" and w[-1] in "讯电" and tokens[j - 1][2] == "m":
            break  # 6月17 + 日讯 + 新华社: a dateline, not an owner
        if w in cue_set("roles"):
            break  # 法国 + 外长 + 杜邦: a title between a place and a name joins no body
        if w in cue_set("meeting_verbs"):
            break  # 在 + 某市 + 举办 + 经学院 + 毕业典礼: holding an event is the sentence's
            # verb, the task of no body (a body's task: 中国 + 文化 + 助学 + 委员会)
        words = len(head_word) >= 2 or j < index - 1  # not 某某 + 村 + 党 (+ 支部)
        town = _bare_division_start(ctx, j) if len(w) <= 2 and words else None
        if town is None and words and len(w) == 1 and w in cue_set("division_chars") and j > 0 \
                and _is_anchor(ctx, j - 1):
            town = tokens[j - 1][0]  # 思茅 + 区 + 茶叶 + 协会: a district the segmenter cut
        if town is not None:  # 峰 + 高 + 镇 + 农民 + 合作社: the town the segmenter cut owns it,
            first = ctx.token_range(town, s).start  # and the places before it are places
            break  # of their own
        if j > 0 and ctx.simple[s - 1 : e] in cue_set("kept_in"):
            break  # 现藏 + 某地 + 博物院: "now kept in", not 藏 (Tibet) owning the museum
        if w in cue_set("joint_states") or _state_side(ctx, j):
            break  # 中法 + 两国 + 有关 + 公司: the two states' bodies, not one body; 美 + 方:
            # a state's side in talks, the subject of what follows
        if w in lex.suffixes and j != index - 1 and t != "nt":
            break  # 大学 ... 学院: the run already holds a complete name
        if _after_adverb(ctx, j) and _everyday_place(ctx, j):
            break  # 将 + 新建 + 学校: the verb "build new", not the county 新建 (an everyday
            # word with no adverb may sit inside a body's name: 和平 + 基金会)
        if len(w) == 1 and j > 0 and _visited_state(ctx, j):
            break  # 访 + 华 + 新华社: the state a visit goes to owns no body after it
        if first is not None and t == "ns" and _everyday_deed(ctx, w):
            break  # 加盟/ns + 某地 + 某队: "to join" the team the place owns, no owner itself
        if w in lex.places or (_is_anchor(ctx, j) and (t not in _PERSON_TAGS or j == index - 1)) \
                or _numbered_by_city(ctx, j, index) or _brand_in_firm(ctx, j, index, head_word):
            first = j  # a person owns only the head right after it (宋庆龄 + 基金会)
        elif j == index - 1 and _field_name(ctx, j, head_word):
            first = j  # 语文 + 出版社: a publisher is named by its field
        elif t in _PERSON_TAGS and len(w) >= 3 and w[-1] in cue_set("village_divisions") \
                and not any(not e.proper for e in ctx.entries.get(w, ())):
            first = j  # 某某镇/nr + 供销 + 社: a town the segmenter tags a person owns it,
            break  # and the county before the town is a place of its own
        elif t == "v" and w in cue_set("founding_verbs"):
            break  # 某县政府 + 组建 + 防汛抗旱指挥部: the sentence's verb, the body after it
        elif t == "v" and len(w) == 2 and j > 0 and w[1] not in _DIRECTED_ENDS and (
                tokens[j - 1][2] in ("n", "vn") or _brand_before_trade(ctx, j, head_word)):
            pass  # 中国 + 文化 + 助学 + 委员会: a verb that names the body's task (not 派 +
            # 出: a deed done towards somewhere, the sentence's own verb)
        elif t == "v" and _task_verb(ctx, w, index, head_word):
            pass  # 某市 + 扶贫 + 开发 + 领导小组: a task body is named by what it does
        elif t == "v" and len(w) == 2 and j == index - 1 and len(head_word) == 1:
            pass  # 联合国 + 扶贫 + 署: the task before a one-character head is its name
        elif t == "f" and len(w) == 2:
            pass  # 中国 + 中外 + 书画 + 艺术 + 研究会: a two-character locative qualifies the name
        elif t == "f" and tokens[j + 1][2] == "s":
            pass  # 某市 + 西 + 海岸 + 足球俱乐部: a compass point before a place word names a part
        elif t == "an":
            pass  # 国务院 + 安全/an + 生产 + 委员会: a field jieba reads as an adjective-noun
        elif t in ("t", "m") and w in cue_set("ages_in_names"):
            pass  # 某市 + 青年/t + 企业家 + 协会: jieba reads the age group as a time word
        elif t not in _MIDDLE_TAGS or (t == "m" and not _ordinal(w)):
            break  # 北京 + 七十 + 中学, 曲阳县 + 第二 + 中学, but not 北京 + 5月 + 25日电
        j -= 1
    if first is None:
        return None
    if len(head_word) == 1 and first == index - 1 and tokens[index - 1][2] in _PERSON_TAGS \
            and not _named_reef(ctx, index, head_word):
        return None  # 杨 + 部 is not an organisation
    owner = ctx.simple[tokens[first][0] : tokens[first][1]]
    if head_word == "政府" and first == index - 1 and _dictionary_person(ctx, owner):
        return None  # 尼克松 + 政府: a president's administration names the president
    premises = cue_set("premises_words")
    whole = ctx.simple[tokens[first][0] : tokens[index][1]]
    if head_word in premises and (tokens[first][2] in _PERSON_TAGS or _named_owner(ctx, owner)) \
            and all(ctx.simple[s:e] in premises for s, e, _ in tokens[first + 1 : index]) \
            and not ctx.entries.get(whole):  # a building CC-CEDICT names as a whole
        return None  # 某公司 + 大楼, 某组织 + 总部 + 大楼, 张三 + 办公室: where the name is
    return first


def _task_verb(ctx: _Context, word: str, index: int, head_word: str) -> bool:
    """扶贫 + 开发 + 领导小组, 打击 + 走私 + 工作组: a two-character verb before the head of a
    body set up for a task ([task_heads], or 办公室 right after one) names that task (a verb
    that founds or runs a body, [founding_verbs], ended the owner's run before)."""
    if len(word) != 2 or word[1] in _DIRECTED_ENDS:
        return False
    heads = cue_set("task_heads")
    s, e, _ = ctx.tokens[index - 1]
    return head_word in heads or (head_word == "办公室" and ctx.simple[s:e] in heads)


def _brand_before_trade(ctx: _Context, j: int, head_word: str) -> bool:
    """某区 + 金穗/nr + 种植 + 专业合作社: a two-character verb of the trade (token `j`) after
    a brand jieba read as a person's name, in a works', a firm's or a co-operative's name
    ([works_endings]); the brand is read by `_brand_in_firm`."""
    s, e, tag = ctx.tokens[j - 1]
    return tag in _PERSON_TAGS and e - s >= 2 and head_word in cue_set("works_endings")


def _numbered_by_city(ctx: _Context, j: int, index: int) -> bool:
    """余姚/nr + 第一 + 中学: a city jieba tagged a person's name, which the dictionary or the
    lists know as a place, right before the head or before only its number (not 某城/nr +
    战胜 + 某队: a foreign city before what happens there)."""
    s, e, t = ctx.tokens[j]
    if t not in _PERSON_TAGS or not _named_place_word(ctx, ctx.simple[s:e]):
        return False
    return all(tag in ("m", "b") for _, _, tag in ctx.tokens[j + 1 : index])


def _field_name(ctx: _Context, index: int, head_word: str) -> bool:
    """语文 + 出版社, 社科 + 出版社: a two-character noun (token `index`) names a body whose
    head takes its name from its field; not a kind of body (地方 + 出版社 "local publishers",
    大学 + 出版社) nor one counted or pointed at (一家 + 图书 + 出版社, 许多 + ...)."""
    s, e, tag = ctx.tokens[index]
    word = ctx.simple[s:e]
    if head_word not in cue_set("field_named_heads") or tag not in ("n", "nz") or e - s != 2:
        return False
    if word in cue_set("kinds_not_fields"):
        return False
    return index == 0 or ctx.tokens[index - 1][2] not in ("m", "q", "r", "mq", "rz", "a")


def _brand_in_firm(ctx: _Context, j: int, index: int, head_word: str) -> bool:
    """A word jieba tagged a person's name (token `j`) that stands inside a firm's name is its
    brand: between a place and the firm's trade (广州 + 白云山 + 制药 + 总厂; not a division,
    某某镇/nr + 供销社, where the town names the body, nor a transliteration, a foreign
    university's name), or, no dictionary word, before only its trade's nouns (and two-character
    verbs: 种植 "growing") and a works', a firm's or a co-operative's ending (某省 + 博远 + 印染
    + 厂: the place before it stays its owner; 某区 + 金穗 + 种植 + 专业合作社); a town
    jieba tagged a person's name is its place there too (托克托/nr + 发电 + 公司)."""
    tokens = ctx.tokens
    s, e, t = tokens[j]
    word = ctx.simple[s:e]
    if t not in _PERSON_TAGS:
        return False
    if j > 0 and tokens[j - 1][2] == "ns" and len(word) >= 2 and all_han(word) \
            and word[-1] not in cue_set("division_chars") \
            and not ctx.lex.transliterated(word) and tokens[j + 1][2] in ("n", "vn"):
        return True
    if j == index - 1 or head_word not in cue_set("works_endings"):
        return False
    if ctx.entries.get(word) and not _named_place_word(ctx, word):
        return False
    return all(tag in ("n", "vn", "b") or (tag == "v" and end - start == 2)
               for start, end, tag in tokens[j + 1 : index])  # 种植 + 专业 + 合作社


def _named_reef(ctx: _Context, index: int, head_word: str) -> bool:
    """仁爱/nr + 礁: a reef or an island is named with a word jieba took for a given name;
    two characters and an island's kind are the place (one character is a surname: 杨 + 部)."""
    s, e, _ = ctx.tokens[index - 1]
    return e - s >= 2 and head_word in cue_set("island_kinds")


def _state_side(ctx: _Context, index: int) -> bool:
    """美 + 方, 中 + 方: token `index` is 方 "side" after a one-character state, the party
    that speaks or acts in diplomatic writing."""
    s, e, _ = ctx.tokens[index]
    if ctx.simple[s:e] != "方" or index == 0:
        return False
    ps, pe, _ = ctx.tokens[index - 1]
    return pe == s and ctx.simple[ps:pe] in cue_set("country_short")


def _named_owner(ctx: _Context, form: str) -> bool:
    """A company, body or person a reader knows by name, before a word for its premises
    (`premises_words`): on the name list, Latin, or a CC-CEDICT name that is no place."""
    known = ctx.lex.known.get(_fold(form))
    if known is not None:
        return known.type in ("organization", "person")
    if form.isascii() and any(ch.isalpha() for ch in form):
        return True
    senses = _proper_senses(ctx.entries.get(form, ()))
    return bool(senses) and form not in ctx.lex.places and _type_from_gloss(senses) != "place"


def _visited_state(ctx: _Context, index: int) -> bool:
    """访 + 华, 驻 + 华, 赴 + 美: a one-character state right after the one-character verb that
    makes one word with it (CC-CEDICT's 访华, 驻华)."""
    s = ctx.tokens[index][0]
    ps, pe, _ = ctx.tokens[index - 1]
    return pe == s and pe - ps == 1 and ctx.simple[ps] in cue_set("country_before")


def _dictionary_person(ctx: _Context, form: str) -> bool:
    """Whether CC-CEDICT knows the word as a person's name first (and no name list as a place)."""
    proper = _proper_senses(ctx.entries.get(form, ()))
    return bool(proper) and form not in ctx.lex.places and _type_from_gloss(proper) == "person"


def _head_continues(ctx: _Context, index: int, end: int) -> bool:
    """The head's token is glued to a one-character token that makes another word of it, or
    to a contest the head's kind plays (某国女篮 + 邀请赛: the tournament, not the team)."""
    if index + 1 >= len(ctx.tokens) or end != ctx.tokens[index][1]:
        return False
    s, e, _ = ctx.tokens[index + 1]
    word = ctx.simple[s:e]
    return s == end and (word in cue_set("head_continuations") or word in cue_set("events"))


def _class_of_country(ctx: _Context, owner: int, end: int) -> bool:
    """美国 + 公司, 非洲 + 球队, 韩国 + 男 + 团: a country or region (token `owner`) before a
    generic kind of organisation ending at `end`, however the segmenter cut the kind."""
    s, e, _ = ctx.tokens[owner]
    return ctx.simple[s:e] in ctx.lex.places and ctx.simple[e:end] in cue_set("class_heads")


def _country_class(word: str, lex: _Lexicon, tag: str = "") -> list[tuple[int, int]]:
    """美国公司 as one tagger word: a country and a generic kind of organisation. A bank
    jieba's dictionary lists as a body (瑞士银行/nt) is that bank: banks are named so."""
    if tag == "nt" and word.endswith("银行"):
        return []
    for cut in (2, 3, 4):
        if word[:cut] in lex.places and word[cut:] in cue_set("class_heads"):
            return [(0, cut)]
    return []


def _composed_mentions(ctx: _Context) -> list[_Mention]:
    """Owner + head (美国 + 财政部, 纽约 + 大学, 中国 + 人民 + 银行), and token runs CC-CEDICT
    knows as one name."""
    out: list[_Mention] = []
    tokens = ctx.tokens
    for i in range(len(tokens)):
        head = _org_head(ctx, i)
        if head is None:
            continue
        start, end, etype, alone = head
        if _head_continues(ctx, i, end) or _repeated_head(ctx, start, end):
            continue
        index = i - 1 if start < tokens[i][0] else i
        first = _owner_start(ctx, index, ctx.simple[start:end]) if index > 0 else None
        if first is not None and first < index and _class_of_country(ctx, first, end):
            continue
        if etype == "place" and first is not None and first < index - 1:
            first = index - 1 if _is_anchor(ctx, index - 1) else None  # 塔科马 + 市 only
        if first is not None:
            out.append(_Mention(tokens[first][0], end, etype, _COMPOSED))
        elif alone:
            out.append(_Mention(start, end, etype, _COMPOSED))
    out += _split_heads(ctx)
    out += _cut_team_names(ctx)
    out += _crown_bodies(ctx)
    out += _bare_divisions(ctx)
    # Runs of 2-4 tokens whose concatenation is a CC-CEDICT proper name.
    for i in range(len(tokens)):
        for n in (4, 3, 2):
            if i + n > len(tokens):
                continue
            s, e = tokens[i][0], tokens[i + n - 1][1]
            word = ctx.simple[s:e]
            entries = ctx.entries.get(word)
            if not entries:
                continue
            senses = _proper_senses(entries)
            if senses and all_han(word):
                gloss_type = _type_from_gloss(senses)
                # 台 + 积 + 电, not 展示 + 台前: a run holding a measure word or a number names
                # a firm the segmenter cut, seldom a place or a person.
                counted = any(t in _COUNTED_TAGS for _, _, t in tokens[i : i + n])
                if gloss_type is not None and (not counted or gloss_type == "organization"):
                    out.append(_Mention(s, e, gloss_type, _DICT))
                break
    return out


_SPLIT_HEAD_TAGS = frozenset({"n", "vn", "nz", "j"})


def _repeated_head(ctx: _Context, start: int, end: int) -> bool:
    """某民主党 + 党 + 首, 某会 + 会 + 员: a one-character ending right after a word that ends
    in the same character opens the word after the name (党首 "party leader", cut in two by the
    segmenter), it ends no second name."""
    return end - start == 1 and start > 0 and ctx.simple[start - 1] == ctx.simple[start]


def _split_heads(ctx: _Context) -> list[_Mention]:
    """山西省 + 科 + 协, 某市 + 地质 + 所, 某国 + 组委 + 会: a body's short name the segmenter cut
    in two (a word, then one character that ends organisations' names) after the place or body
    that owns it is one organisation, owner included."""
    out: list[_Mention] = []
    tokens = ctx.tokens
    for i in range(2, len(tokens)):
        s, e, _ = tokens[i]
        ps, pe, ptag = tokens[i - 1]
        if e - s != 1 or pe != s or ptag not in _SPLIT_HEAD_TAGS or not 1 <= pe - ps <= 2:
            continue
        joined = ctx.simple[ps:e]
        ending = joined.endswith(ctx.lex.long_suffixes)
        if not all_han(joined) or not (ending or ctx.simple[s] in cue_set("split_head_last")):
            continue
        after = ctx.simple[e : tokens[i + 1][1]] if i + 1 < len(tokens) else ""
        if after in cue_set("org_last_chars") or ctx.lex.suffixes.get(after) == "organization":
            continue  # 柳树 + 联 + 校: the name goes on
        first = _owner_start(ctx, i - 1, joined)
        if first is not None and _class_of_country(ctx, first, e):
            continue  # 韩国 + 男 + 团: a Korean boy band, a kind
        if first is not None and first < i - 1 and tokens[first][2] in ("ns", "nt", "j"):
            out.append(_Mention(tokens[first][0], e, "organization", _COMPOSED))
    return out


def _cut_team_names(ctx: _Context) -> list[_Mention]:
    """五 + 牛 + 队, 松 + 日 + 队: a team named after its sponsor, which the segmenter cut into
    single characters before 队, is one organisation (with the place before it: 某市 + 松日队)."""
    out: list[_Mention] = []
    tokens = ctx.tokens
    for i in range(2, len(tokens)):
        s, e, _ = tokens[i]
        if ctx.simple[s:e] != "队":
            continue
        (s1, e1, _), (s2, e2, _) = tokens[i - 2], tokens[i - 1]
        pair = ctx.simple[s1:e2]
        if e1 - s1 != 1 or e2 - s2 != 1 or e1 != s2 or e2 != s or not all_han(pair):
            continue
        if pair[1] in cue_set("team_units") or any(ch in cue_set("not_team_chars") for ch in pair):
            continue  # 三 + 中 + 队, 群 + 小 + 队: a unit; 两 + 支 + 队, 能 + 派 + 队: no name
        if i + 1 < len(tokens) and ctx.simple[tokens[i + 1][0]] in cue_set("team_continuations"):
            continue  # 队 + 员, 队 + 长: the word goes on
        start = s1
        if i >= 3 and tokens[i - 3][2] == "ns" and tokens[i - 3][1] == s1:
            start = tokens[i - 3][0]
        out.append(_Mention(start, e, "organization", _COMPOSED))
    return out


def _crown_bodies(ctx: _Context) -> list[_Mention]:
    """皇家 + 某城: "royal" before a city's name, with no head after it, names a club or a firm
    called after the crown and the city (Real Madrid, Royal Antwerp), not the city."""
    out: list[_Mention] = []
    tokens = ctx.tokens
    for i in range(len(tokens) - 1):
        s, e, _ = tokens[i]
        ps, pe, _ = tokens[i + 1]
        if ctx.simple[s:e] not in cue_set("crown_words") or ps != e:
            continue
        place = ctx.simple[ps:pe]
        if not _named_place_word(ctx, place):
            continue
        if not (i + 2 < len(tokens) and _head_type(ctx, i + 2) is not None):
            out.append(_Mention(s, pe, "organization", _COMPOSED))
    return out


# How many characters a town's or village's name may have before its division (沙河 + 镇).
VILLAGE_NAME_REACH = 3


def _bare_divisions(ctx: _Context) -> list[_Mention]:
    """沙 + 汊 + 镇, 书 + 林 + 村, 网 + 市镇: a town or village the segmenter does not know, cut
    into characters (or its last one glued to the division: 市镇 "towns"), is a place: two or
    three Han characters of content words, then a division (镇, 乡, 村, 庄 ...), where a clause
    starts, after a preposition of place (在, 从, 到), 的 or the county that holds it. Not an
    everyday word (小镇, 古镇, 乡村, 下乡), nor a kind of village (贫困 + 村), nor a count or a
    pointer (两个 + 村, 各 + 乡, 本 + 镇)."""
    out: list[_Mention] = []
    for i in range(1, len(ctx.tokens)):
        start = _bare_division_start(ctx, i)
        if start is not None:
            out.append(_Mention(start, ctx.tokens[i][1], "place", _COMPOSED))
    return out


def _kind_of_division(ctx: _Context, start: int, end: int) -> bool:
    """贫困 + 村, 重点 + 县, 示范 + 乡: the one everyday word before a division says what kind
    of village or county it is; but a noun of things (杨柳 + 县, 青石 + 乡, 王家 + 镇) names
    it, as most of China's towns and villages are named."""
    tiles = ctx.tiling(start, end)
    if len(tiles) != 1 or not _plain_word(ctx, ctx.simple[start:end]):
        return False
    if _in_title(ctx, start, end):
        return True  # 《某域镇魂曲》: a title's words, cut apart, name no town
    return tiles[0][2] not in _NAMING_TAGS or ctx.simple[start:end] in cue_set("division_kinds")


# jieba's tags on an everyday word that may name a town or village (杨柳/nr, 青石/n, 王家/n).
_NAMING_TAGS = frozenset({"n", "nr", "ns", "nz", "ng"})


def _bare_division_start(ctx: _Context, index: int) -> int | None:
    """Where the town or village `_bare_divisions` reads ending with token `index` starts, or
    None (found once per token)."""
    if index not in ctx.division_starts:
        ctx.division_starts[index] = _find_division_start(ctx, index)
    return ctx.division_starts[index]


def _find_division_start(ctx: _Context, index: int) -> int | None:
    s, e, _ = ctx.tokens[index]
    word = ctx.simple[s:e]
    if word[-1] not in cue_set("village_divisions") or e - s > 2:
        return None
    start = _glued_division_start(ctx, index) if e - s == 2 else _division_name_start(ctx, index)
    if start is None:
        return None
    form, name = ctx.simple[start:e], ctx.simple[start : e - 1]
    if len(name) < 2 or name[0] in cue_set("pointing") or name[0] in _NUMERALS:
        return None  # 渔 + 村, 邻 + 县: one character before a division says what kind
    if _plain_word(ctx, form) or _kind_of_division(ctx, start, s):
        return None
    return start


def _glued_division_start(ctx: _Context, index: int) -> int | None:
    """网 + 市镇: the start of a town's name whose last character the segmenter glued to its
    division in an everyday word for a kind of place (市镇, 城镇), one name character before
    it."""
    s, e, _ = ctx.tokens[index]
    ps, pe, tag = ctx.tokens[index - 1]
    before = ctx.simple[ps:pe]
    if pe != s or pe - ps != 1 or not all_han(before) or tag in _FUNCTION_TAGS or tag[0] in "vf":
        return None
    glued = ctx.simple[s:e]
    if glued[0] not in cue_set("generic_place_chars") or not _plain_word(ctx, glued):
        return None  # 唐 + 知县: Magistrate Tang, an office (知县) and no kind of place
    if before in _DESCRIBING or before in cue_set("generic_place_chars"):
        return None  # 小 + 城镇: small towns; 县 + 乡村: counties and villages
    return ps if _opens_place(ctx, index - 1) else None


def _division_name_start(ctx: _Context, index: int) -> int | None:
    """The farthest start, up to `VILLAGE_NAME_REACH` characters before the division at
    `index`, of a run of content words that a place's opening context precedes."""
    found = None
    end = ctx.tokens[index][0]
    j = index - 1
    while j >= 0 and ctx.tokens[j][1] == ctx.tokens[j + 1][0]:
        s, _, tag = ctx.tokens[j]
        if end - s > VILLAGE_NAME_REACH or not all_han(ctx.simple[s:end]):
            break
        if tag in _FUNCTION_TAGS or tag[0] in "vf" or tag == "t":
            break  # (今年 + 全 + 县 "the whole county this year": a time word opens the clause)
        if _county_of_its_own(ctx, j):
            return ctx.tokens[j][1]  # 积石山 + 县 + 柳沟 + 乡: the town starts after 县
        if _opens_place(ctx, j):
            found = s
        j -= 1
    return found


def _county_of_its_own(ctx: _Context, index: int) -> bool:
    """积石山/ns + 县/zg: token `index` is a division's one character the segmenter cut off the
    place before it, which ends that place's name, not opens the next town's (柳沟乡)."""
    s, e, _ = ctx.tokens[index]
    if e - s != 1 or ctx.simple[s] not in cue_set("division_chars") or index == 0:
        return False
    ps, pe, tag = ctx.tokens[index - 1]
    return pe == s and pe - ps >= 2 and (tag == "ns" or ctx.simple[ps:pe] in ctx.lex.places)


def _opens_place(ctx: _Context, index: int) -> bool:
    """A place's name may start at token `index`: a clause starts there, or a preposition of
    place, 的 or a place (the county before its town) comes right before it."""
    if index == 0:
        return True
    s, e, tag = ctx.tokens[index - 1]
    before = ctx.simple[s:e]
    if not all_han(before):
        return not before.isalnum()
    if before in cue_set("place_prepositions") or before == "的":
        return True
    if tag == "c" and s >= 2 and ctx.simple[s - 1] in cue_set("division_chars"):
        return True  # 某某县 + 和 + 某某乡: the second of two places joined by a conjunction
    if tag == "t":
        return True  # 如今 + 沙河镇: a time word opens the clause
    if len(before) < 2:
        return False  # 陇/ns + 穷 + 村: one character is the name's own, no county
    return tag == "ns" or before in ctx.lex.places or before[-1] in cue_set("division_chars")


def _plain_word(ctx: _Context, word: str) -> bool:
    """A word the dictionary knows, and only as an everyday word."""
    entries = ctx.entries.get(word, ())
    return bool(entries) and not any(e.proper for e in entries)
