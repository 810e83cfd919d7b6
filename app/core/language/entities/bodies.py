"""Organisations the tagger, trained on CLUENER's company and club names, misses or cuts short
in news writing.

People's Daily names a unit inside a body with the body (某市国税局 + 党组, 某医院 + 宣教科,
某中学 + 教导处: `_with_units`), a party committee by its level alone (乡党委, 厅党组:
`_level_committees`), and many everyday bodies the tagger only half believes in (货币局,
警察工会: `_half_believed_bodies`); a body of the name list the segmenter cut into words is
looked up whole (`_listed_bodies`) and keeps the list's type over the tagger's
(`_listed_body_types`), places listed as a tournament's teams are the teams
(`_countries_as_teams`), 中共 before one of the party's bodies or congresses is part of its
name (`_with_party`), and a body states form together is named with their short or full names
(中法 + 经贸促进会, 中、尼 + 登山队: `_allied_bodies`, `_with_allies`). A works' short name the
segmenter cut (邯 + 钢: `_works_short_names`) and a quoted body (“帐篷小学”: `_quoted_bodies`)
are found too, and so is a firm named by its short name and trade before a founder or a
chairman (某某 + 科技 + 创始人: `_firms_by_trade`). `_level_committees`, `_listed_bodies`,
`_allied_bodies`, `_works_short_names`, `_quoted_bodies` and `_firms_by_trade` are rule sources
(`rule_mentions`); the others are steps of `combine`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from app.core.language.entities.composed import (
    _MIDDLE_TAGS,
    OWNER_REACH,
    _head_continues,
    _named_owner,
    _ordinal,
    _org_head,
    _owner_start,
)
from app.core.language.entities.glosses import (
    _proper_senses,
    _type_from_gloss,
    coordinated,
)
from app.core.language.entities.lexicon import (
    _COMPOSED,
    _CRF,
    _DICT,
    _FUNCTION_TAGS,
    _KNOWN,
    _NAME_TAGS,
    _PERSON_TAGS,
    _fold,
    cue_pattern,
    cue_set,
    cues,
    longest_first,
)
from app.core.language.entities.mentions import (
    _Context,
    _Mention,
    _named_place_word,
    _runs,
    _Spans,
)
from app.core.language.entities.tagged import _opening_place
from app.core.language.entities.tagger import Scored
from app.core.text.chars import all_han

# How far a unit's name may run after its body's (宣教科, 新区 + 分厂, 华星 + 影视 + 中心).
UNIT_TOKENS = 3
UNIT_CHARS = 6
_UNIT_TAGS = frozenset({"n", "nz", "vn", "j", "b", "m"})
_BODY_TAGS = frozenset({"n", "nz", "vn", "v", "j", "b", "ng", "zg"})


def _with_units(ctx: _Context, mentions: list[_Mention]) -> list[_Mention]:
    """某局 + 党组, 某医院 + 宣教科, 某报社 + 影视中心: an organisation followed right away by
    the name of a unit inside it (a few nouns ending in an organisation's head) names that unit,
    body included; a mention the unit's words held gives way to it."""
    absorbed: set[int] = set()
    out: list[_Mention] = []
    for m in mentions:
        end = _unit_end(ctx, m) if m.type == "organization" and id(m) not in absorbed else 0
        if not end:
            out.append(m)
            continue
        inner = [n for n in mentions if m.end <= n.start < end]
        if all(n.type == "organization" and n.end <= end for n in inner):
            m = m.copy()
            m.end = end
            absorbed.update(id(n) for n in inner)
        out.append(m)
    return [m for m in out if id(m) not in absorbed]


def _unit_end(ctx: _Context, m: _Mention) -> int:
    """The end of a unit's name that starts right at m.end, or 0: at most UNIT_TOKENS everyday
    nouns (no name of their own: 汇丰集团 + 中国区, 某银行 + 新浪 are two names) ending in a
    unit's or an organisation's head, and not a word the head goes on into (科 + 员)."""
    inside = ctx.token_range(m.end, min(len(ctx.simple), m.end + UNIT_CHARS))
    if not inside or ctx.tokens[inside.start][0] != m.end:
        return 0
    if ctx.simple.startswith(cues("trial_stages"), m.end):
        return 0  # 某法院 + 一审判处: the court's first instance sentenced, no unit 审判处
    s, e, _ = ctx.tokens[inside.start]
    if ctx.simple[s:e] in cue_set("premises_words") and _named_owner(
        ctx, ctx.simple[m.start : m.end]
    ):
        return 0  # xAI + 办公室: the company's office, no unit of it
    for k in range(inside.start, min(inside.stop, inside.start + UNIT_TOKENS)):
        s, e, tag = ctx.tokens[k]
        word = ctx.simple[s:e]
        if not all_han(word) or _fold(word) in ctx.lex.stop:
            return 0
        if tag not in _UNIT_TAGS and not _unit_verb(ctx, k):
            return 0
        if (
            word in cue_set("roles")
            or word in ctx.lex.bodies
            or word in cue_set("descriptive_heads")  # 某党 + 政府: what it forms, no unit
            or _proper_senses(ctx.entries.get(word, ()))
        ):
            return 0
        if tag == "m" and not _ordinal(word):
            return 0  # 某队 + 两队: a count, not a unit
        tail = ctx.simple[m.end : e]
        headed = tail.endswith(cues("unit_heads")) or ctx.lex.org_ending(word) >= 2
        if headed and len(tail) >= 2 and ctx.simple[e : e + 1] not in cue_set("unit_continuations"):
            return e
    return 0


def _unit_verb(ctx: _Context, index: int) -> bool:
    """宣教 + 科, 飞行 + 部, 社会学 + 系(v): a verb the segmenter split off a unit's one-character
    head names the unit's task (the head alone, tagged a verb, is the head)."""
    s, e, _ = ctx.tokens[index]
    if ctx.simple[s:e] in cue_set("unit_chars"):
        return True
    if e - s != 2 or index + 1 >= len(ctx.tokens):
        return False
    ns, ne, _ = ctx.tokens[index + 1]
    return ns == e and ctx.simple[ns:ne] in cue_set("unit_chars")


# How long a committee's name after its level may be (党总支, 人武部), and a listed body's
# name the segmenter cut into words (世界经济论坛).
COMMITTEE_CHARS = 3
LISTED_BODY_CHARS = 8


def _level_committees(ctx: _Context) -> list[_Mention]:
    """乡 + 党委, 厅 + 党组, 站 + 党委, 团 + 县委, 区 + 委: a committee of the party, the youth
    league or the armed forces named by the level or the unit it sits in is that body (the
    unit's name is the text's own: 这个乡, 该厅); People's Daily marks each as an
    organisation. The level must be a token of its own (the segmenter reads 下乡 as one word)."""
    out: list[_Mention] = []
    tokens = ctx.tokens
    levels = cue_set("committee_levels")
    committees = cue_set("level_committees")
    for i in range(len(tokens) - 1):
        s, e, _ = tokens[i]
        if ctx.simple[s:e] not in levels:
            continue
        for n in (1, 2):
            if i + n >= len(tokens) or tokens[i + n][1] - e > COMMITTEE_CHARS:
                break
            end = tokens[i + n][1]
            joined = ctx.simple[s:end]
            if ctx.simple[e:end] in committees or ctx.lex.bodies.get(joined) == "organization":
                out.append(_Mention(s, end, "organization", _COMPOSED))
                break
    return out


def _bare_parties(ctx: _Context) -> list[_Mention]:
    """工党 + 政府, 保守党 + 议员, 绿党 + 领袖: a party family's word (CC-CEDICT's "labor
    party", an everyday word) right before the party's government, members or leader names
    the one party the text is about; not after 的, a count or a pointing word (各国的保守党),
    nor inside a longer name a place or a body opens (英国工党)."""
    out: list[_Mention] = []
    families = cue_set("party_families")
    if not any(family in ctx.simple for family in families):
        return out  # most texts name no party: no walk over their tokens
    tokens = ctx.tokens
    after = cue_set("party_after") | cue_set("roles") | cue_set("after_body")
    for i in range(len(tokens) - 1):
        s, e, _ = tokens[i]
        if ctx.simple[s:e] not in families or tokens[i + 1][0] != e:
            continue
        if ctx.simple[e : tokens[i + 1][1]] not in after:
            continue
        if i > 0 and tokens[i - 1][1] == s and (
            tokens[i - 1][2] in ("ns", "nt", "m", "uj")
            or ctx.simple[tokens[i - 1][0] : s] in cue_set("pointing")
        ):
            continue
        out.append(_Mention(s, e, "organization", _COMPOSED))
    return out


# A session's number (第十届, 十三届) before a body's name.
_SESSION = re.compile("第?[一二三四五六七八九十百]+届")


def _session_alone(form: str) -> bool:
    """第十届理事会, 十三届执委会: a session's number and only a council's everyday word name
    a term of a body the text names elsewhere, no body of their own (六届人大常委会 names 人大)."""
    session = _SESSION.match(form)
    return session is not None and form[session.end() :] in cue_set("session_councils")


# A school's number and 中 (secondary) or 小 (primary), or 附中 / 附小, the school attached to a
# university: after its city or its university's short name, the school's short name.
_SCHOOL_SHORT = re.compile("(?:[一二三四五六七八九十]{1,3}|附)[中小]")
# How long the city or university before a school's short name may be (北京, 北师大).
SCHOOL_OWNER_CHARS = 3


def _short_school_names(ctx: _Context) -> list[_Mention]:
    """北京 + 四中, 某市 + 十一中, 人大 + 附中: a city or a university's short name, then a
    number and 中 or 小, or 附中 / 附小, is a school's short name (the 4th Secondary School of
    Beijing); the segmenter reads the city alone (成都 + 七 + 中) or the whole as a place. Not
    before a character that makes another word (三中全会, 二中院)."""
    out: list[_Mention] = []
    simple = ctx.simple
    for m in _SCHOOL_SHORT.finditer(simple):
        s, e = m.span()
        if e not in ctx.ends or simple[e : e + 1] in cue_set("not_school_after"):
            continue
        for n in range(SCHOOL_OWNER_CHARS, 1, -1):
            owner = simple[s - n : s] if s >= n else ""
            if s - n in ctx.starts and _school_owner(ctx, owner):
                out.append(_Mention(s - n, e, "organization", _COMPOSED))
                break
    return out


def _school_owner(ctx: _Context, form: str) -> bool:
    """A city, or a body or university the lists or CC-CEDICT know (人大, 清华)."""
    key = _fold(form)
    if not all_han(form) or key in ctx.lex.stop:
        return False
    if _named_place_word(ctx, form) or ctx.lex.bodies.get(form) == "organization":
        return True
    known = ctx.lex.known.get(key)
    if known is not None:
        return known.type in ("organization", "place")
    return _type_from_gloss(_proper_senses(ctx.entries.get(form, ()))) == "organization"


# A tagger's organisation it half believes (below combine.SURE) is weighed when it has a body's
# shape (see `_half_believed_bodies`).
BODY_SHAPED = 0.45


def _half_believed_bodies(ctx: _Context, tagged: Iterable[Scored], below: float) -> list[_Mention]:
    """货币局, 警察工会, 市接待处, 华星通讯: whole everyday words the tagger half believes are
    an organisation, where they end in an organisation's head or jieba, too, read one body's
    name. They count as the tagger's wavering spans (combine.WEAK: kept where nothing else
    is); `below` is the confidence the tagger's own organisations need. Not with a person's
    or a place's word inside (张永和 + 协调办, 柳村 + 团支部: the name runs on before)."""
    out: list[_Mention] = []
    for start, end, etype, sure in tagged:
        wavering = etype == "organization" and BODY_SHAPED <= sure < below
        if wavering and _body_shaped(ctx, start, end):
            out.append(_Mention(start, end, "organization", _CRF))
    return out


def _body_shaped(ctx: _Context, start: int, end: int) -> bool:
    """Whole words, one jieba reads as a body's name or everyday ones ending in a body's head."""
    form = ctx.simple[start:end]
    tiles = ctx.tiling(start, end)
    if not tiles or not all_han(form) or len(form) < 2:
        return False
    if len(tiles) == 1 and tiles[0][2] == "nt":
        return True
    if any(tag not in _BODY_TAGS for _, _, tag in tiles) or form[-1] == "党":
        return False
    return form.endswith(cues("unit_heads")) or ctx.lex.org_ending(form) > 0


def _listed_bodies(ctx: _Context) -> list[_Mention]:
    """世界 + 经济 + 论坛, 区 + 委: a body on the name list that the segmenter cut into words
    (the list is looked up word by word elsewhere)."""
    out: list[_Mention] = []
    tokens = ctx.tokens
    for i in range(len(tokens)):
        for n in (4, 3, 2):
            if i + n > len(tokens) or tokens[i + n - 1][1] - tokens[i][0] > LISTED_BODY_CHARS:
                continue
            s, e = tokens[i][0], tokens[i + n - 1][1]
            etype = ctx.lex.bodies.get(ctx.simple[s:e])
            if etype is not None:
                out.append(_Mention(s, e, etype, _DICT))
                break
    return out


def _one_of_a_kind_bodies(ctx: _Context) -> list[_Mention]:
    """国际 + 某某 + 组织, 国家 + 原子能 + 机构, 全球 + 环境 + 基金: a word that makes a body
    one of its kind (international, national, global), the field it works in and a word for a
    body, as the segmenter's words, name that body; 国际 + 武联: such a word and a body's short
    name. Not 一些国际组织 or 国际金融机构等: a kind of body, counted or listed as a kind."""
    out: list[_Mention] = []
    tokens, simple = ctx.tokens, ctx.simple
    for i, (start, end, _) in enumerate(tokens[:-1]):
        if simple[start:end] not in cue_set("one_of_a_kind_openers") or _a_kind_before(ctx, start):
            continue
        ns, ne, ntag = tokens[i + 1]
        if ntag in ("j", "ns", "nt") and ne - ns >= 2 and ctx.lex.org_shaped(simple[ns:ne]):
            if not ctx.entries.get(simple[ns:ne]):
                out.append(_Mention(start, ne, "organization", _COMPOSED))  # 国际 + 武联/ns
            continue
        for k in range(i + 2, min(i + 4, len(tokens))):
            if not _field_token(ctx, tokens[k - 1]):
                break
            if ctx.simple[tokens[k - 1][0] : tokens[k - 1][1]] in cue_set("kind_fields"):
                break  # 国际 + 人权 + 组织: a kind of body
            hs, he, _ = tokens[k]
            if simple[hs:he] in cue_set("one_of_a_kind_heads") and not _a_kind_after(ctx, he):
                out.append(_Mention(start, he, "organization", _COMPOSED))
                break
    return out


def _field_token(ctx: _Context, token: tuple[int, int, str]) -> bool:
    """A word that can name the field a body works in: two or more characters of a noun."""
    s, e, tag = token
    word = ctx.simple[s:e]
    return e - s >= 2 and all_han(word) and tag not in _FUNCTION_TAGS and tag[:1] != "v" and (
        _fold(word) not in ctx.lex.stop and word not in cue_set("one_of_a_kind_heads")
    )


def _a_kind_before(ctx: _Context, start: int) -> bool:
    """一些 + 国际组织, 各 + 国际机构: a count or a "every" before: a kind, not a name."""
    return ctx.simple[max(0, start - 2) : start].endswith(cues("kinds_counted_before"))


def _a_kind_after(ctx: _Context, end: int) -> bool:
    """国际金融机构 + 等 / 和其他: listed as a kind."""
    return ctx.simple.startswith(cues("kinds_listed_after"), end)


def _listed_body_types(ctx: _Context, crf: list[_Mention]) -> list[_Mention]:
    """世界经济论坛 + 报告: a name on the body list is that body, whatever type the tagger read
    from the words around it (a report's title, a forum's place)."""
    for c in crf:
        listed = ctx.lex.bodies.get(ctx.simple[c.start : c.end])
        if listed is not None:
            c.type = listed
    return crf


_GROUP = re.compile(r"(?:[A-Ha-h]|[甲乙丙丁])组的?$")


def _countries_as_teams(ctx: _Context, mentions: list[_Mention]) -> list[_Mention]:
    """A组的 + 日本、韩国, 对 + 荷兰、瑞典 + 等强队, 巴西和 + 阿根廷队, 某国 + vs: places
    listed as a tournament group's members, before a word for teams, beside a team or facing
    one another are the teams (People's Daily and CLUENER both mark them organisations)."""

    def listed(prev: _Mention, m: _Mention) -> bool:
        return (
            prev.type == "place"
            and m.start - prev.end == 1
            and ctx.simple[prev.end] in cue_set("list_joins")
        )

    teams: set[int] = set()
    for run in _runs(mentions, listed):
        places = [m for m in run if m.type == "place" and m.priority < _KNOWN]
        if not places:
            continue
        first, last = run[0], run[-1]
        before = ctx.simple[max(0, first.start - 3) : first.start]
        after = ctx.simple[last.end : last.end + 4]
        team_last = last.type == "organization" and ctx.simple[last.end - 1] == "队"
        if (
            _GROUP.search(before)
            or after.startswith(cues("team_words_after"))
            or (team_last and len(run) > 1)
            or before.lower().endswith("vs")
            or after.lower().startswith("vs")
        ):
            teams.update(id(m) for m in places)
    out: list[_Mention] = []
    for m in mentions:
        if id(m) in teams:
            m = m.copy()
            m.type = "organization"
        out.append(m)
    return out


_LISTED_NAMES = re.compile(r"((?:[\u4e00-\u9fff]{2,4}、){2,}[\u4e00-\u9fff]{2,4})等")


def _firms_listed(ctx: _Context, mentions: list[_Mention]) -> list[_Mention]:
    """青禾、远帆、北辰 + 等一批民营企业: three or more short names listed before 等 and,
    a few characters on, a word for firms are those firms, whatever each alone looked like
    (a place, a word, nothing); a person or a name the lists know keeps its type. Names
    that share their first character (小X、小Y) are kinds of firms."""
    firms: list[_Mention] = []
    places = {(m.start, m.end) for m in mentions if m.type == "place"}
    for match in _LISTED_NAMES.finditer(ctx.simple):
        after = ctx.simple[match.end() : match.end() + 8]
        at_firm = min((after.find(w) for w in cues("firm_words_after") if w in after), default=-1)
        between = after[: max(at_firm, 0)]
        if at_firm < 0 or between.startswith("地") or any(
            w in between for w in cues("not_firm_lists")
        ):
            continue  # 甲市、乙市、丙市 + 等城市的企业: places where firms are, not firms
        items, at = [], match.start()
        for piece in match.group(1).split("、"):
            items.append((at, at + len(piece)))
            at += len(piece) + 1
        first_start, first_end = items[0]
        first_start = max(
            (s for s in range(first_start, first_end - 1) if s in ctx.starts), default=first_end
        )
        items[0] = (first_start, first_end)
        if any(e - s < 2 or s not in ctx.starts or e not in ctx.ends for s, e in items):
            continue
        if len({ctx.simple[s] for s, _ in items[1:]}) == 1:
            continue  # 小炼铁、小化工、小硫磺: kinds of works, not their names
        if all(item in places for item in items):
            continue  # 甲省、乙省、丙省 + 等大型企业: each a place, where the firms are
        firms += [_Mention(s, e, "organization", _COMPOSED) for s, e in items]
    if not firms:
        return mentions
    spans = {(m.start, m.end) for m in firms}
    kept = [
        m for m in mentions
        if not any(s < m.end and m.start < e for s, e in spans)
        or m.type == "person" or m.priority >= _KNOWN
    ]  # fmt: skip
    taken = _Spans(kept)
    firms = [m for m in firms if not taken.any_overlapping(m.start, m.end)]
    return sorted(kept + firms, key=lambda m: m.start)


def _with_party(ctx: _Context, mentions: list[_Mention]) -> list[_Mention]:
    """中共 + 十五大, 中共 + 某市委: the party's short name right before one of its bodies or
    congresses is part of that body's name (a reader looks up the whole)."""
    by_end = {m.end: m for m in mentions}
    absorbed: set[int] = set()
    longer: dict[int, int] = {}
    for m in mentions:
        if m.type != "organization":
            continue
        party = next((p for p in cues("party_names") if ctx.simple.endswith(p, 0, m.start)), "")
        if not party or m.start - len(party) not in ctx.starts:
            continue
        before = by_end.get(m.start)
        if before is not None and before.start < m.start - len(party):
            continue  # the party's name ends a longer name of its own
        if before is not None:
            absorbed.add(id(before))
        longer[id(m)] = m.start - len(party)
    out = [m for m in mentions if id(m) not in absorbed]
    for i, m in enumerate(out):
        if id(m) in longer:
            out[i] = m.copy()
            out[i].start = longer[id(m)]
    return out


def _allied_bodies(ctx: _Context) -> list[_Mention]:
    """中法 + 经贸 + 促进会, 中、尼 + 联合 + 登山队, 中国、尼泊尔 + 登山队: a body two or more
    states form together, named by the states' short or full names right before its own, is
    one organisation, the states included (elsewhere a pair of states stays two places). Not
    before a generic kind (中美 + 合资 + 公司) or a count of states (中美 + 两国). Found once
    per text (`_with_allies` asks again after the tagger)."""
    if ctx.allied is None:
        ctx.allied = _allied_spans(ctx)
    return [_Mention(s, e, "organization", _COMPOSED) for s, e in ctx.allied]


def _allied_spans(ctx: _Context) -> tuple[tuple[int, int], ...]:
    out: list[tuple[int, int]] = []
    tokens = ctx.tokens
    for i, (s, e, _) in enumerate(tokens):
        head = _org_head(ctx, i)
        if head is None or head[2] != "organization" or _head_continues(ctx, i, e):
            continue
        if ctx.simple[head[0] : e] in cue_set("class_heads"):
            continue
        j = i if head[0] >= s else i - 1  # the head's first token (促进 + 会)
        k = j
        while k > 0 and j - k < OWNER_REACH and tokens[k - 1][1] == tokens[k][0]:
            first = _states_before(ctx, k)
            if first is not None:
                out.append((tokens[first][0], e))
                break
            if not _body_word(ctx, k - 1):
                break
            k -= 1
    return tuple(out)


def _body_word(ctx: _Context, index: int) -> bool:
    """An everyday word that may stand in a body's own name (经贸, 联合, 反洗钱)."""
    s, e, tag = ctx.tokens[index]
    word = ctx.simple[s:e]
    if not all_han(word) or _fold(word) in ctx.lex.stop or tag in ("ns", "nr", "nrt"):
        return False
    if word in cue_set("roles") or word in cue_set("joint_states"):
        return False
    if tag == "m" and not _ordinal(word):
        return False
    return tag in _MIDDLE_TAGS or tag == "zg" or (tag == "v" and len(word) == 2)


def _described_parties(ctx: _Context, mentions: list[_Mention]) -> list[_Mention]:
    """南非 + 执政党 + 某某大会: a state, a word for its ruling or opposition party, and the
    party's own name are the state and the party; the word between describes, it is not
    part of one body's name (the state owns no "ruling party" of that name)."""
    words = cue_set("party_descriptors")
    out: list[_Mention] = []
    for m in mentions:
        if m.type != "organization" or m.priority >= _KNOWN:
            out.append(m)
            continue
        inner = [(s, e) for s, e, _ in ctx.tokens_within(m.start, m.end)
                 if m.start < s and e < m.end and ctx.simple[s:e] in words]
        if not inner:
            out.append(m)
            continue
        s, e = inner[0]
        state, party = ctx.simple[m.start : s], ctx.simple[e : m.end]
        if _named_place_word(ctx, state) and len(party) >= 2 and ctx.lex.org_shaped(party):
            out.append(_Mention(m.start, s, "place", m.priority))
            out.append(_Mention(e, m.end, "organization", m.priority))
        else:
            out.append(m)
    return out


def _with_allies(ctx: _Context, crf: list[_Mention]) -> list[_Mention]:
    """中、 + 尼联合登山队, 美加反 + 走私…工作组: where the tagger's organisation lies inside a
    body states form together (`_allied_bodies`), that body is the name."""
    if not any(c.type == "organization" for c in crf):
        return crf
    _allied_bodies(ctx)  # the rules found them already; this only reads what they found
    out: list[_Mention] = []
    for c in crf:
        whole = next(((s, e) for s, e in ctx.allied or () if s <= c.start and c.end <= e), None)
        if c.type == "organization" and whole is not None:
            c = _Mention(*whole, "organization", _COMPOSED)
        out.append(c)
    return out


def _states_before(ctx: _Context, index: int) -> int | None:
    """The first token of two or more states named right before token `index` (美中, 美 + 中,
    中、尼, 中国、尼泊尔), or None. A one-character state is a country's short name, or any
    one-character name tagged so after 、 (斯, Slovakia); full names need the 、 between."""
    tokens = ctx.tokens
    country_short, initials = cue_set("country_short"), cue_set("state_initials")
    states = 0
    k = index - 1
    first = None
    while k >= 0 and tokens[k][1] == tokens[k + 1][0]:
        s, e, tag = tokens[k]
        word = ctx.simple[s:e]
        listed = k > 0 and ctx.simple[tokens[k - 1][0] : tokens[k - 1][1]] == "、"
        after_list = ctx.simple[e : e + 1] == "、"
        short = [ch in country_short or ch in initials for ch in word]
        if len(word) == 2 and all(short) and word[0] != word[1]:
            if word in cue_set("whole_short") or word in ctx.lex.places or _one_place(ctx, word):
                break  # 印尼, 南非, 中华, 加沙 (Gaza): one place
            states += 2
        elif (len(word) == 1 and (short[0] or (listed and tag in ("nr", "ns", "j")))) or (
            len(word) >= 2 and word in ctx.lex.places and (listed or after_list)
        ):
            states += 1
        else:
            break
        first = k
        if listed:
            k -= 2
            continue
        k -= 1
    return first if states >= 2 else None


def _one_place(ctx: _Context, word: str) -> bool:
    """加沙 "Gaza": a word of two states' characters that CC-CEDICT knows only as a name, and
    as no coordination of two (中美 "China-USA", 中非 "China-Africa (relations)")."""
    entries = ctx.entries.get(word, ())
    return bool(entries) and all(e.proper for e in entries) and not coordinated(entries)


def _works_short_names(ctx: _Context) -> list[_Mention]:
    """柳 + 钢, 一 + 汽: a city's one-character name, or a number, before the one
    character of a works' industry, the segmenter cutting both into words of their own, is the
    works' short name (Liuzhou Steel, First Automobile Works), not a city and a metal."""
    out: list[_Mention] = []
    tokens = ctx.tokens
    for i in range(1, len(tokens)):
        s, e, _ = tokens[i]
        ps, pe, ptag = tokens[i - 1]
        if e - s != 1 or pe - ps != 1 or pe != s:
            continue
        if ctx.simple[s] not in cue_set("works_short_heads"):
            continue
        first = ctx.simple[ps]
        numbered = ptag == "m" and first in cue_set("works_numbers")
        if not (numbered or ptag in ("ns", "j")):
            continue
        if i >= 2 and tokens[i - 2][1] == ps and tokens[i - 2][2] == "m" and not all_han(
            ctx.simple[tokens[i - 2][0] : ps]
        ):
            continue  # 5 + 一 + 汽: a count
        out.append(_Mention(ps, e, "organization", _COMPOSED))
    return out


_QUOTED_NAME = re.compile(r"[“「『\"]([^“”「」『』\"]{3,12})[”」』\"]")


def _quoted_bodies(ctx: _Context) -> list[_Mention]:
    """“抗旱保苗领导小组”, “流动小学”: Chinese words in quotation marks that end in a body's head
    name that body (news writing quotes the name of a body it has just set up or nicknamed);
    so do quoted words right after a word for a band or a troupe (乐队 + “某某计划”), whatever
    they end in."""
    out: list[_Mention] = []
    groups = cues("group_words")
    for m in _QUOTED_NAME.finditer(ctx.simple):
        name = m.group(1)
        start, end = m.start(1), m.end(1)
        tiles = ctx.tiling(start, end)
        if not all_han(name) or not tiles or "的" in name:
            continue
        if ctx.simple.endswith(groups, 0, m.start()) and _fold(name) not in ctx.lex.stop:
            out.append(_Mention(start, end, "organization", _COMPOSED))
            continue
        if len(tiles) < 2:
            continue
        head = ctx.simple[tiles[-1][0] : end]
        if ctx.lex.suffixes.get(head) != "organization" or head in cue_set("class_heads"):
            continue  # “资产重组”, “壳公司”: a phrase or a kind, not a body's name
        if _fold(name) not in ctx.lex.stop:
            out.append(_Mention(start, end, "organization", _COMPOSED))
    return out


# How many tokens each field of a body named for two fields may take (广播 + 电视, 城乡 + 建设).
FIELD_TOKENS = 2
_FIELD_TAGS = frozenset({"n", "vn", "l", "nz", "ns"})
_GLOSS_WORD = re.compile(r"[a-z]+")


def _field_bodies(ctx: _Context) -> list[_Mention]:
    """人力资源 + 和 + 社会保障部, 文化 + 和 + 旅游 + 部, 某省 + 林业 + 和 + 草原 + 厅: a body
    named for two fields joined by a conjunction is one organisation, from the first field (or
    the place or body owning it) to the head, where the name ends as a government body's does.
    The first part must be a field (`_field_word`): not a place, not a body of its own (某市妇联
    + 和 + 某市团委 are two, as `combine._split_listed_bodies` reads them), not a word for
    people (记者 + 和 + 外交部发言人); and the second part no name of its own (专家 + 和 + 卫生部:
    CC-CEDICT's Ministry of Health). Found once per text (`combine` asks again)."""
    if ctx.fields is None:
        ctx.fields = _field_spans(ctx)
    return [_Mention(s, e, "organization", _COMPOSED) for s, e in ctx.fields]


def _field_spans(ctx: _Context) -> tuple[tuple[int, int], ...]:
    out: list[tuple[int, int]] = []
    tokens = ctx.tokens
    joins = cue_set("list_joins") - {"、"}
    for i in range(1, len(tokens) - 1):
        s, e, _ = tokens[i]
        if ctx.simple[s:e] not in joins:
            continue
        end = _field_head_end(ctx, i)
        first = i - 1
        if end is None or not _field_word(ctx, first) or tokens[first][1] != s:
            continue
        if first > 0 and tokens[first - 1][1] == tokens[first][0] and _field_word(ctx, first - 1):
            first -= 1  # 广播 + 电视 + 和 + 新闻 + 出版局
        owner = _owner_start(ctx, first, ctx.simple[s:end])
        if owner is not None:
            first = owner
        out.append((tokens[first][0], end))
    return tuple(out)


def _field_head_end(ctx: _Context, join: int) -> int | None:
    """Where the second field's body ends: a few plain words after the conjunction at token
    `join`, ending in an organisation's head the field bodies end in (部, 局, 委员会), that
    together name no body, place or person of their own; else None."""
    tokens = ctx.tokens
    start = tokens[join][1]
    for k in range(join + 1, min(len(tokens), join + 1 + FIELD_TOKENS + 1)):
        s, e, tag = tokens[k]
        word = ctx.simple[s:e]
        if tokens[k - 1][1] != s or not all_han(word):
            return None  # (a word the stop list keeps from standing alone may name a field)
        head = _org_head(ctx, k)
        if word in cue_set("chief_endings") and k > join + 1:
            head = (s, s + 1, "organization", True)  # 建设 + 部长: the minister of 建设部
        elif tag in _PERSON_TAGS or word in cue_set("roles"):
            return None
        if head is not None and head[2] == "organization" and not _head_continues(ctx, k, e):
            end = head[1]
            tail = ctx.simple[start:end]
            ending = tail[len(tail) - ctx.lex.org_ending(tail) :]
            if ending not in cue_set("field_body_heads") or len(tail) < 2:
                return None  # 保险 + 公司, 俱乐部, 党委: no government body's head
            if _named_alone(ctx, tail) or _opening_place(ctx.lex, tail):
                return None  # 专家和 + 卫生部, 合作和 + 韩国外交部
            return end
        verb = tag == "v" and len(word) == 2  # 港口 + 疏浚 + 部: the body's task
        if (tag not in _FIELD_TAGS and not verb) or tag == "ns" or _named_alone(ctx, word):
            return None
    return None


def _named_alone(ctx: _Context, form: str) -> bool:
    """A name of its own: on a name list or capitalised in CC-CEDICT (教育部, 红十字)."""
    lex = ctx.lex
    if form in lex.places or form in lex.bodies or _fold(form) in lex.known:
        return True
    return bool(_proper_senses(ctx.entries.get(form, ())))


def _field_word(ctx: _Context, index: int) -> bool:
    """Token `index` is a field a body may be named for (工业, 住房, 人力资源, 生态环境): an
    everyday noun, no name, no body's name (妇联, 协会) and no word for people or the units
    they form (学生, 企业: their last character or their English gloss tells)."""
    s, e, tag = ctx.tokens[index]
    word = ctx.simple[s:e]
    if len(word) < 2 or not all_han(word) or tag not in _FIELD_TAGS:
        return False
    if tag == "ns" and not ctx.entries.get(word):
        return False  # a place jieba knows and CC-CEDICT does not (海洋/ns is an everyday word)
    lex = ctx.lex
    if _fold(word) in lex.stop or word in lex.body_prefixes or _named_alone(ctx, word):
        return False
    if word in cue_set("roles") or word in cue_set("offices") or lex.org_shaped(word):
        return False
    if word[-1] in cue_set("people_word_endings"):
        return False
    people = cue_set("people_gloss_words")
    senses = [sense for entry in ctx.entries.get(word, ()) for sense in entry.senses]
    return not any(w in people for sense in senses for w in _GLOSS_WORD.findall(sense.lower()))


# How many tokens and characters a firm's own name may take before its trade (星 + 澜 + 科技).
FIRM_NAME_TOKENS = 2
FIRM_NAME_CHARS = 4
# Tags of words no firm's name holds: function words, directions (中/f) and times (今年/t).
_NOT_FIRM_NAME_TAGS = frozenset(_FUNCTION_TAGS | {"f", "t"})


def _firms_by_trade(ctx: _Context) -> list[_Mention]:
    """某某 + 科技 + 创始人 + 某某, 某某 + 资本 + 合伙人 + 某某: a short name and a trade right
    before an office only a firm has (its founder, chairman, partner, chief executive) and
    the person holding it name that firm, though no 公司 follows and the segmenter cut the
    name into plain words; so does a word taken for a name right before 股份 or 控股."""
    out: list[_Mention] = []
    tokens, simple = ctx.tokens, ctx.simple
    trades = cue_set("trades")
    for i in range(1, len(tokens)):
        s, e, _ = tokens[i]
        if simple[s:e] not in trades:
            continue
        if _listed_short_name(ctx, i):
            first: int | None = i - 1
        else:
            first = _firm_name_start(ctx, i) if _officer_after(ctx, e) else None
        if first is not None:
            out.append(_Mention(tokens[first][0], e, "organization", _COMPOSED))
    return out


def _officer_after(ctx: _Context, at: int) -> bool:
    """Offices of a firm start at `at` (创始人, 兼, CEO) and a person's name follows them:
    某某科技 + 创始人兼CEO + 某某 (not 传统汽车 + 董事长们, a kind of firm's chairmen)."""
    simple, offices, seen = ctx.simple, longest_first("firm_offices"), False
    while True:
        office = next((o for o in offices if simple.startswith(o, at)), "")
        if office:
            at, seen = at + len(office), True
        elif seen and simple[at : at + 1] in _OFFICE_JOINS:
            at += 1
        else:
            break
    if not seen or at not in ctx.starts:
        return False
    s, e, tag = ctx.tokens[ctx.token_range(at, len(simple)).start]
    return tag in _PERSON_TAGS or (e - s == 1 and simple[s:e] in ctx.lex.surnames)


# What joins two offices one person holds (创始人 + 兼 + CEO, 董事长 + 、 + 总裁).
_OFFICE_JOINS = frozenset({"兼", "、", "和", "及", "暨"})


def _firm_name_start(ctx: _Context, index: int) -> int | None:
    """The first token of the firm's own name before its trade at `index`: one or two
    content tokens of two to four characters, starting where a clause, a function word or a
    verb ends (not 中将 + 某某 + 科技: a word glued before the name is no part of it)."""
    tokens, simple = ctx.tokens, ctx.simple
    for first in range(max(0, index - FIRM_NAME_TOKENS), index):
        if not 2 <= tokens[index][0] - tokens[first][0] <= FIRM_NAME_CHARS:
            continue
        words = [(simple[s:e], tag) for s, e, tag in tokens[first:index]]
        if any(
            tag in _NOT_FIRM_NAME_TAGS or not all_han(word) or word in ctx.lex.stop
            or word in cue_set("trades")
            for word, tag in words
        ):  # fmt: skip
            continue
        before = tokens[first - 1][2] if first > 0 else "x"
        if before in _NOT_FIRM_NAME_TAGS or before[0] == "v":
            return first
    return None


def _listed_short_name(ctx: _Context, index: int) -> bool:
    """某某 + 股份, 某某 + 控股: a listed company's short name, the segmenter having taken the
    name before the trade at `index` for a name of its own (a person's, mostly)."""
    s, e, _ = ctx.tokens[index]
    if ctx.simple[s:e] not in cue_set("listed_trades"):
        return False
    b, before_end, tag = ctx.tokens[index - 1]
    return before_end == s and tag in _NAME_TAGS and before_end - b >= 2


def _place_named_firms(ctx: _Context) -> list[_Mention]:
    """宁德 + 时代 + 在某地建厂, 中国 + 人寿 + 与 + 某某签约, 中国 + 平安 + 旗下: a firm named
    by its city or country and a word that names no trade (an age, safety, life insurance),
    right before what a firm does, is that firm, not the place (the segmenter cut the name and
    the rules read its place alone). Not the place's own era or peace (某地 + 时代 + 的, a
    clause's last words)."""
    out: list[_Mention] = []
    simple = ctx.simple
    for found in cue_pattern("place_firm_words").finditer(simple):
        e, end = found.start(), found.end()
        if e not in ctx.ends or end not in ctx.ends or end not in ctx.starts:
            continue
        s = ctx.tokens[ctx.token_range(0, e).stop - 1][0]  # the word that ends at e
        if not _named_place_word(ctx, simple[s:e]):
            continue
        after = ctx.tokens[ctx.token_range(end, len(simple)).start]
        follow = simple[after[0] : after[1]]
        if follow in cue_set("owning_after") or (after[2][0] in "vpc" and follow != "的"):
            out.append(_Mention(s, end, "organization", _COMPOSED))
    return out


def _joined_branches(ctx: _Context, mentions: list[_Mention]) -> list[_Mention]:
    """某矿业集团 + 某某煤矿, 某电网公司 + 某某供电公司: a firm's organisation right before a
    branch, works or mine's is one name, the branch's, named with the firm it belongs to."""
    out: list[_Mention] = []
    for m in mentions:
        last = out[-1] if out else None
        if last is not None and m.type == last.type == "organization" and last.end == m.start \
                and _branch_after(ctx, last.start, last.end, m.end):
            last = last.copy()
            last.end = m.end
            out[-1] = last
            continue
        out.append(m)
    return out


def _branch_after(ctx: _Context, start: int, firm_end: int, end: int) -> bool:
    """start:firm_end ends in a firm's or a bank's word ([firm_parents]) and firm_end:end, all
    Chinese, in a branch's, a works' or a mine's ([branch_endings])."""
    rest = ctx.simple[firm_end:end]
    return (
        ctx.simple[start:firm_end].endswith(cues("firm_parents"))
        and all_han(rest)
        and len(rest) >= 2
        and rest.endswith(cues("branch_endings"))
    )
