"""Steps of the merge (`combine`) that concern people: whether a name only jieba or the
tagger found is a person, and where a person's name begins and ends (a full name the tagger
ran on into what the person does, a foreign name cut at its dot, a bare surname).
"""

from __future__ import annotations

import re

from app.core.language.entities.given import _RANK, given_score
from app.core.language.entities.glosses import _proper_senses
from app.core.language.entities.lexicon import (
    _COMPOSED,
    _CRF,
    _DOTS,
    _KNOWN,
    cue_set,
    cues,
    longest_first,
)
from app.core.language.entities.mentions import _Context, _Mention
from app.core.language.entities.tagged import (
    _everyday,
    _person_cue,
    _person_titles,
    _place_ending,
    _title_at,
    _titled_surname,
    _word_at,
)
from app.core.text.chars import all_han, has_han

# Below this a person of four Han characters or more with no compound surname is dropped
# (`_unshaped_long`).
SURE_LONG_PERSON = 0.7


def _dashed_people(ctx: _Context, chosen: list[_Mention]) -> list[_Mention]:
    """约翰—史密斯: two transliterated names joined by a dash (an older way to write the dot
    between a foreign given name and surname) are one person."""
    out: list[_Mention] = []
    for m in sorted(chosen, key=lambda m: m.start):
        prev = out[-1] if out else None
        joined = prev is not None and m.start == prev.end + 1 and (
            ctx.simple[prev.end] in "—－" or (ctx.simple[prev.end] == "-" and _titled(ctx, prev))
        )
        if joined and prev is not None and prev.type == m.type == "person" and all(
            ch in ctx.lex.translit for ch in ctx.simple[prev.start : m.end] if ch not in "—－-"
        ):
            out[-1] = prev.copy()
            out[-1].end = m.end
        else:
            out.append(m)
    return [_with_dashed_surname(ctx, m, out) for m in out]


def _titled(ctx: _Context, m: _Mention) -> bool:
    """A role or office ends right before the mention (外长 + 某某斯-某某亚: one person's
    double surname, where 某某-某某会晤 joins two people by a hyphen)."""
    return ctx.simple.endswith(tuple(cue_set("roles") | cue_set("offices")), 0, m.start)


def _with_dashed_surname(ctx: _Context, m: _Mention, chosen: list[_Mention]) -> _Mention:
    """迪亚斯-卡内尔, 冈萨雷斯-奥拉切亚: a transliterated person whose second surname, after a
    hyphen, jieba cut into pieces no rule named (卡/n + 内尔/ns) is one person with it; the
    run of transliteration characters after the hyphen ends at a word's end."""
    dash = m.end
    if m.type != "person" or dash >= len(ctx.simple) or ctx.simple[dash] not in "-‐－—":
        return m
    if not ctx.lex.transliterated(ctx.simple[m.start : m.end]):
        return m
    end = dash + 1
    while end < len(ctx.simple) and ctx.simple[end] in ctx.lex.translit:
        end += 1
    while end > dash + 2 and end not in ctx.ends:
        end -= 1
    if end - dash - 1 < 2 or end not in ctx.ends:
        return m
    if any(o is not m and o.start < end and o.end > dash for o in chosen):
        return m  # a name of its own follows (普京—特朗普会晤: two people)
    m = m.copy()
    m.end = end
    return m


def _bare_person(ctx: _Context, m: _Mention) -> _Mention:
    """王平 + 都, 毛 + 主席, 刘 + 家: a person's mention ends before an adverb or particle
    jieba cut off as a word of its own, and a surname with a title or 家 after it is the
    surname (People's Daily marks 毛 of 毛主席 and 刘 of 刘家, as the tagger's own mentions
    are cut in `_surname_of_titled`); the name lists' and the user's names stay as listed."""
    if m.type != "person" or m.priority >= _KNOWN:
        return m
    last = ctx.tokens_within(m.end - 1, m.end)
    cut_off = bool(last) and last[0][0] == m.end - 1 and last[0][2] in _AFTER_NAME_TAGS
    if m.length >= 3 and cut_off and ctx.simple[m.end - 1] in _NOT_GIVEN:
        m = m.copy()
        m.end -= 1  # 王平 + 都/d 表示
    tail = _not_the_name(ctx, m)
    if tail:
        m = m.copy()
        m.end -= tail
    family = ctx.simple[m.start : m.end]
    if m.length == 2 and family[1] == "家" and family[0] in ctx.lex.surnames:
        m = m.copy()
        m.end -= 1  # 刘家原来很穷: the Liu family
    return _surname_of_titled(ctx, m.copy())


# Tags of one-character words that follow a name and are never its last character.
_AFTER_NAME_TAGS = frozenset({"d", "u", "uj", "ul", "uz", "p", "c"})


def _not_the_name(ctx: _Context, m: _Mention) -> int:
    """How many characters at the end of a person's mention are no part of the name: a rank
    (某某 + 九段), the 摄 of a photo's credit line (记者 + 某某 + 摄, where the line ends), or
    the first character of the next word, which jieba ran into a three-character name
    (罗某送 + 进, 袁某以 + 三比一, 胡某激 + 动): rarer in given names than in text, it makes a
    dictionary word with what follows or is a preposition, and the two before it are a
    surname and a given name by themselves."""
    form, end = ctx.simple[m.start : m.end], m.end
    if len(form) >= 4 and _RANK.fullmatch(form, len(form) - 2):
        return 2
    if len(form) >= 3 and form[-1] == "摄" and (
        end == len(ctx.simple) or ctx.simple[end] in _LINE_ENDS
    ):
        return 1
    if len(form) != 3 or end - 1 in ctx.starts or form[0] not in ctx.lex.surnames:
        return 0
    if ctx.entries.get(form) or given_score(form[-1]) > _GLUED_SCORE or given_score(form[1]) <= 0:
        return 0  # 江泽民 + 主席: the dictionary's name; 张建民 + 主持: 民 is common in names
    if form[-1] in _GLUED_JOINERS and end < len(ctx.simple) and has_han(ctx.simple[end]):
        return 0 if _word_at(ctx, end) in cue_set("after_name") else 1
    opened = (ctx.simple[end - 1 : end + n] for n in (2, 1))
    return 1 if any(_everyday(ctx, word) for word in opened) else 0


# A last character at most this name-like may be the next word's first (`_not_the_name`).
_GLUED_SCORE = -1.0
# Where a photo's credit line ends (记者 + 某某 + 摄).
_LINE_ENDS = frozenset(" \n\t）)】]，。；")
# Prepositions and joiners jieba runs into a name before the words they govern.
_GLUED_JOINERS = frozenset("以在把被向从对将于为给跟与和同")


def _whole_foreign_names(ctx: _Context, chosen: list[_Mention]) -> list[_Mention]:
    """兰德 + 里, 马里斯 + 科: a person's name of transliteration characters runs on over the
    transliteration characters after it, to where a word ends (jieba and the tagger stop
    where a syllable is also a word of its own: 里 "inside"), and back over those before
    it from where a word starts that no dictionary knows (卡布 + 罗夫斯基; not 巴西 + X)."""
    taken = {i for m in chosen for i in range(m.start, m.end)}
    simple, translit = ctx.simple, ctx.lex.translit
    for m in chosen:
        form = simple[m.start : m.end]
        last = re.split(f"[{_DOTS}]", form)[-1]  # 让·科瓦尔斯 + 基: the surname after the dot
        if m.type != "person" or len(last) < 2 or not ctx.lex.transliterated(last):
            continue
        end = m.end
        while end < len(simple) and simple[end] in translit and end not in taken \
                and end + 1 - m.start <= 7:
            end += 1
        if end > m.end and _everyday(ctx, _word_at(ctx, m.end)):
            continue  # 布雷顿 + 森林: a word of its own follows the name
        if end > m.end and (end in ctx.ends or end == len(simple)):
            taken.update(range(m.end, end))
            m.end = end  # a copy: see combine's last step
        start = m.start
        while start > 0 and simple[start - 1] in translit and start - 1 not in taken \
                and m.end - start + 1 <= 7:
            start -= 1
        start = next((s for s in range(start, m.start) if s in ctx.starts), m.start)
        before = simple[start : m.start]
        if start < m.start and m.start in ctx.starts and not ctx.entries.get(before) \
                and before not in ctx.lex.places:
            taken.update(range(start, m.start))
            m.start = start  # 多尔 + 维斯基: syllables before it no dictionary knows
    return chosen


def _whole_given_names(ctx: _Context, chosen: list[_Mention]) -> list[_Mention]:
    """刘文 + 文”, 林秋 + 之同志: a surname and one character, then one more character that
    ends the clause or comes before a title, is a three-character name cut short (the tagger
    and jieba stop at two when the third is a rare given-name character)."""
    starts = {m.start for m in chosen}
    for m in chosen:
        if m.type != "person" or m.length != 2 or ctx.simple[m.start] not in ctx.lex.surnames:
            continue
        third, rest = ctx.simple[m.end : m.end + 1], ctx.simple[m.end + 1 : m.end + 3]
        if not third or not all_han(third) or third in _NOT_GIVEN or m.end in starts:
            continue
        if third in "副总" and rest.startswith(_person_titles()):
            continue  # 韩立 + 副总裁: the title's own first character
        if not rest or not has_han(rest[0]) or rest.startswith(_person_titles()):
            m.end += 1
    return chosen


def _given_names_alone(ctx: _Context, chosen: list[_Mention]) -> list[_Mention]:
    """张俊平 ... 俊平 + 开通了: news and features call a person the text has named in full by
    the given name alone; where those two characters stand as whole words elsewhere (jieba
    cuts an unknown given name into single characters, so nothing else finds it), they are
    that person. Not a given name that is an everyday word (王建国 ... 建国 + 以来), nor one
    two people of the text share."""
    owners: dict[str, int] = {}
    for m in chosen:
        form = ctx.simple[m.start : m.end]
        if m.type != "person" or not all_han(form):
            continue
        surname = ctx.lex.surname_of(form)
        if surname in ctx.lex.surnames and len(form) - len(surname) == 2:
            given = form[len(surname) :]
            owners[given] = owners.get(given, 0) + 1
    given_names = [g for g, count in owners.items() if count == 1 and not _everyday(ctx, g)]
    if not given_names:
        return chosen
    taken = {i for m in chosen for i in range(m.start, m.end)}
    found: list[_Mention] = []
    for given in given_names:
        for at in (hit.start() for hit in re.finditer(given, ctx.simple)):
            end = at + len(given)
            if at in ctx.starts and end in ctx.ends and not any(i in taken for i in range(at, end)):
                found.append(_Mention(at, end, "person", _COMPOSED))
                taken.update(range(at, end))
    return sorted(chosen + found, key=lambda m: m.start) if found else chosen


# Characters that follow a name as words of their own (particles, verbs of saying,
# conjunctions), never its third character.
_NOT_GIVEN = frozenset("的了说和与在是等也都就吗呢啊吧呀哦嘛及跟同对把被让给向从")


# A person only jieba's tag found is kept where the tagger gives it at least this support.
BACKED = 0.3


# ... or this much where its given name is no likelier in names than in text (高 + 素质).
UNNAMELIKE_BACKED = 0.5


def _backing_needed(ctx: _Context, m: _Mention) -> float:
    """The tagger's support a person only jieba's tag found needs to be kept: more where the
    characters after the surname read as a word, not a given name (jieba's 高悬, 付现金)."""
    return UNNAMELIKE_BACKED if given_score(ctx.simple[m.start + 1 : m.end]) <= 0 else BACKED


def _unshaped_long(ctx: _Context, start: int, end: int, sure: float) -> bool:
    """辛勤努力, 宣传教育, 健康平安: four Han characters or more that open with no compound
    surname and are no transliteration are a person only when the tagger is sure (山口健太郎,
    东条英机 are; of the unsure ones on the dev sets, 3 of 19 were people)."""
    form = ctx.simple[start:end]
    if end - start < 4 or sure >= SURE_LONG_PERSON or not all_han(form):
        return False
    return form[:2] not in ctx.lex.surnames and not ctx.lex.transliterated(form)


def _introduced(ctx: _Context, m: _Mention) -> bool:
    """总统 + 拉莫斯, 曲建平 + 说: a name a title or a verb of saying introduces (a person jieba
    alone guessed was right 6 of 6 times so on People's Daily dev, 0 of 1 on the CLUENER
    slice; without such a word 10 of 25 and 3 of 25)."""
    if m.length == 1:
        return _titled_surname(ctx, m.start, m.end)  # 江 + 主席, 陈 + 老师
    return _person_cue(ctx, m.start, m.end)


def _listed_person(ctx: _Context, m: _Mention, chosen: list[_Mention]) -> bool:
    """张三、 + 李四, 李四 + 、王五: a name jieba alone guessed, listed with 、 right beside a
    person the tagger or the rules are sure of, is a person too (two of a list share a kind)."""
    if m.length < 2:
        return False
    before = ctx.simple[m.start - 1 : m.start] == "、"
    after = ctx.simple[m.end : m.end + 1] == "、"
    return any(
        c.type == "person"
        and ((before and c.end + 1 == m.start) or (after and m.end + 1 == c.start))
        for c in chosen
    )


def _full_name(ctx: _Context, m: _Mention) -> bool:
    """邵景川, 柏雨岚: one word jieba tags as a person, a surname and two characters that make
    no dictionary word with it or with each other, the last a given-name character and no
    place ending, is a full Chinese name without a title around it (not 纪律性, 白金卡,
    查号台, 高林深, 罗森堡)."""
    form = ctx.simple[m.start : m.end]
    tiles = ctx.tiling(m.start, m.end)
    if m.length != 3 or not tiles or len(tiles) > 2 or form[0] not in ctx.lex.surnames:
        return False
    if any(tag != "nr" for _, _, tag in tiles):
        return False  # (高允/nr + 连/nr: jieba's two name pieces are one name)
    if any(ctx.entries.get(w) for w in (form, form[:2], form[1:])):
        return False
    last = form[-1]
    return (
        last in ctx.lex.given_chars
        and last not in cue_set("place_last_chars")
        and last not in ctx.lex.suffixes
    )


# Below this confidence a tagger's organisation or place that the rules read as a person is one.
PERSON_OVER = 0.7


def _wavering_people(
    ctx: _Context,
    crf: list[_Mention],
    rules: list[_Mention],
    sure: dict[tuple[int, int], float],
) -> list[_Mention]:
    """拉西纳亚克 + 议长, 伯恩费尔: where jieba and the name's shape say person and the tagger
    only half believes its organisation or place, the name is a person's (right 8 of 12 times
    on People's Daily dev and 5 of 12 on the CLUENER slice; the tagger's type was right 2 of
    12 times on each). However sure the tagger is, a name the rules call a person that an
    office or a verb of saying follows is the person (see `_spoken_or_titled`)."""
    people = {(m.start, m.end) for m in rules if m.type == "person"}
    for c in crf:
        span = (c.start, c.end)
        if c.type in ("organization", "place") and span in people and (
            sure[span] < PERSON_OVER or _spoken_or_titled(ctx, c.end)
        ):
            c.type = "person"
    return crf


def _spoken_or_titled(ctx: _Context, end: int) -> bool:
    """邓春阳 + 副总裁, 伯格曼 + 总统, 伯格曼 + 称: a name followed by an office (a whole
    word) or a verb of saying is someone who holds it or speaks. On the dev sets the tagger's
    sure organisation or place of such a name was wrong every time (People's Daily 3 of 3, the
    CLUENER slice 1 of 1); a surname-and-given-name or transliteration shape alone was not
    evidence enough (on the same span the tagger was right 2 times and the rules 1 on People's
    Daily dev; 33 and 2 on the CLUENER slice)."""
    return ctx.simple.startswith(cues("person_cues_after"), end) or _title_at(ctx, end)


def _surname_of_titled(ctx: _Context, m: _Mention) -> _Mention:
    """李老师, 毛主席, 胡老: a surname and an office the tagger took as one name are the person
    the surname stands for (as 唐 + 外长 is), not a name of three characters; nor a place or a
    body the tagger read there (在 + 赵师傅 + 的指导下: no place)."""
    if m.length <= 4 and _titled_surname(ctx, m.start, m.start + 1):
        title_end = m.start + 1 + max(
            (len(t) for t in _person_titles() if ctx.simple.startswith(t, m.start + 1)), default=0
        )
        if title_end == m.end:
            m.end, m.type = m.start + 1, "person"
    return m


def _role_inside(ctx: _Context, m: _Mention) -> bool:
    """日本首相山口健太郎, 巴西外援罗伯托: a title inside joins a place and a person, it is
    not one name (but 秘鲁总统廉政委员会 ends as a body does, unless a verb or a joiner follows the
    title).
    """
    roles = cue_set("roles")
    inner = [(ctx.simple[s:e], t) for s, e, t in ctx.tokens_within(m.start, m.end)
             if m.start < s and e < m.end]
    at = [i for i, (word, _) in enumerate(inner) if word in roles]
    if not at:
        return False
    if any(i + 1 < len(inner) and inner[i + 1][1] in ("v", "p", "c") for i in at):
        return True  # 某国工党 + 领袖 + 批评 + 保守党政府, 某党 + 干事长 + 与 + 某党: a leader,
        # then what they did or whom they met
    form = ctx.simple[m.start : m.end]
    return not ctx.lex.org_ending(form)


def _title_before_person(ctx: _Context, m: _Mention, people: set[int]) -> bool:
    """诗人 + 北岛, 画家 + 某某: a place or a person the tagger opened with an office or a
    trade's title, where a rule's person starts right after it (`people`: such starts), is
    the title and that person, not one name (作家 + 出版社 ends as a body does, and stays)."""
    if m.type not in ("place", "person"):
        return False
    first = ctx.tiling(m.start, m.end)[:1]
    if not first or first[0][1] not in people or m.end - first[0][1] < 2:
        return False
    title = ctx.simple[m.start : first[0][1]]
    return title in cue_set("roles") or title in cue_set("offices")


def _after_placed_title(ctx: _Context, m: _Mention) -> _Mention:
    """德国总理/nr + 朔尔茨: a person the tagger opened with a state and its title (jieba
    keeps some such pairs as one word) is the name after the title."""
    if m.type != "person":
        return m
    form = ctx.simple[m.start : m.end]
    for cut in range(2, min(len(form) - 3, 5) + 1):
        if form[:cut] not in ctx.lex.places:
            continue
        title = next((t for t in longest_first("roles") if form.startswith(t, cut)), "")
        if title and len(form) - cut - len(title) >= 2:
            m = m.copy()
            m.start += cut + len(title)
            return m
    return m


def _led_groups(ctx: _Context, crf: list[_Mention]) -> list[_Mention]:
    """某大学化学系 + 某某 + 院士 + 团队: the tagger may read a body, the scientist who leads a
    group in it, the title and the word for the group as one organisation; they are the body
    and the person (the group is named after him, no name of its own)."""
    out: list[_Mention] = []
    titles, surnames = cue_set("scholar_titles"), ctx.lex.surnames
    for m in crf:
        form = ctx.simple[m.start : m.end]
        if m.type != "organization" or not form.endswith(cues("led_groups")):
            out.append(m)
            continue
        title = next(
            (s for s, e, _ in ctx.tokens_within(m.start, m.end)
             if m.start < s and ctx.simple[s:e] in titles
             and ctx.simple.startswith(cues("led_groups"), e) and e < m.end),
            None,
        )  # fmt: skip
        if title is None:
            out.append(m)
            continue
        for size in (3, 2):
            name = ctx.simple[title - size : title]
            owner = ctx.simple[m.start : title - size]
            if title - size < m.start or not all_han(name):
                continue
            if name[0] not in surnames and name[:2] not in surnames:
                continue
            if owner and not ctx.lex.org_shaped(owner):
                continue
            if owner:
                out.append(_Mention(m.start, title - size, "organization", m.priority))
            out.append(_Mention(title - size, title, "person", m.priority))
            break
        else:
            out.append(m)
    return out


def _word_of_someone(ctx: _Context, m: _Mention) -> bool:
    """老人的 + 孙子, 他 + 老子: a word with an everyday sense as well as a namesake's (孙子
    "grandson" and Sun Tzu) right after 的 or a pronoun is the everyday word someone has,
    unless the text says a person speaks or holds a title (孙子 + 说); not after a verb (有 +
    a film star whose name is a word too)."""
    form = ctx.simple[m.start : m.end]
    entries = ctx.entries.get(form, ())
    if len(form) < 2 or not any(not e.proper for e in entries) or _person_cue(ctx, m.start, m.end):
        return False
    k = ctx.token_range(m.start, m.end).start
    if k == 0 or ctx.tokens[k - 1][1] != m.start:
        return False
    before = ctx.simple[ctx.tokens[k - 1][0] : m.start]
    return before == "的" or before in cue_set("pronouns")


def _common_words(ctx: _Context, m: _Mention) -> bool:
    """The span is two or more of the segmenter's words, each an everyday dictionary word of
    two characters or more (a person's name is one word, or a surname and a given name)."""
    words = [ctx.simple[s:e] for s, e, _ in ctx.tiling(m.start, m.end)]
    if len(words) < 2:
        return False
    return all(
        len(w) >= 2 and (entries := ctx.entries.get(w)) and not any(e.proper for e in entries)
        for w in words
    )


def _people_before_deeds(
    ctx: _Context, crf: list[_Mention], rules: list[_Mention]
) -> list[_Mention]:
    """某允达 + 独立办: a tagger's organisation or place that opens with a Chinese full name
    the rules found and goes on with a verb or an adverb (what the person does) is the person:
    a body's own name does not run from a person's name into a verb, unless it ends as bodies
    or places do (某某 + 投资公司)."""
    people = {m.start: m for m in rules if m.type == "person" and _chinese_full_name(ctx, m)}
    out = []
    for c in crf:
        p = people.get(c.start) if c.type in ("organization", "place") else None
        if p is None or p.end >= c.end or p.end not in ctx.starts:
            out.append(c)
            continue
        tag = ctx.tokens[ctx.token_range(p.end, c.end).start][2]
        form = ctx.simple[c.start : c.end]
        ending = ctx.lex.org_ending(form) >= 2 or _place_ending(ctx, form)
        if tag in _DEED_TAGS and not ending:
            out.append(_Mention(p.start, p.end, "person", _CRF))
        else:
            out.append(c)
    return out


def _leaders_of_parties(
    ctx: _Context, crf: list[_Mention], rules: list[_Mention]
) -> list[_Mention]:
    """赛塔 + 一行: a tagger's place that is a rule's person right before 一行 ("and party") is
    the visitor who leads the party; a place is travelled to, it leads no party."""
    people = {(m.start, m.end) for m in rules if m.type == "person"}
    return [
        _Mention(c.start, c.end, "person", c.priority)
        if c.type == "place" and (c.start, c.end) in people
        and ctx.simple.startswith("一行", c.end) else c
        for c in crf
    ]  # fmt: skip


def _not_state_sides(
    ctx: _Context, mentions: list[_Mention], rules: list[_Mention]
) -> list[_Mention]:
    """马尔代夫 ... 马方 + 重视, 与韩方合作: where the rules read the first character as a
    state (shaped._named_state_initials, or a state's one-character name), 某方 is that
    state's side, not a person surnamed 马 whom jieba (马方/nr) or the tagger saw in the two
    characters, nor an organisation the tagger made of 韩方."""
    initials = {m.start for m in rules if m.type == "place" and m.end - m.start == 1}
    return [
        c for c in mentions
        if not (c.type in ("person", "organization") and c.end - c.start == 2
                and c.start in initials and ctx.simple[c.start + 1] == "方")
    ]  # fmt: skip


# jieba's tags on the word after a name that say the person acts: verbs and adverbs.
_DEED_TAGS = frozenset({"v", "vd", "d", "ad"})


def _chinese_full_name(ctx: _Context, m: _Mention) -> bool:
    """A surname (one character or two) and one or two Han characters."""
    form = ctx.simple[m.start : m.end]
    surname = ctx.lex.surname_of(form)
    return surname in ctx.lex.surnames and 1 <= len(form) - len(surname) <= 2 and all_han(form)


def _complete_people(crf: list[_Mention], rules: list[_Mention]) -> list[_Mention]:
    """局长 + 方向东 + 会见: where the tagger stops a person one character short of the name
    a title introduced (方向 + 东), the rules' name is the person; so where it starts one
    character late (首相 + 山 + 口健太郎: the Japanese family name cut)."""
    titled = {m.start: m for m in rules if m.type == "person" and m.priority == _COMPOSED}
    titled_end = {m.end: m for m in rules if m.type == "person" and m.priority == _COMPOSED}
    out = []
    for c in crf:
        name = titled.get(c.start) if c.type == "person" else None
        late = titled_end.get(c.end) if c.type == "person" else None
        if name is not None and name.end == c.end + 1:
            out.append(name.copy())
        elif late is not None and late.start == c.start - 1:
            out.append(late.copy())
        else:
            out.append(c)
    return out


def _japanese_given_after(
    ctx: _Context, crf: list[_Mention], rules: list[_Mention]
) -> list[_Mention]:
    """加藤 + 胜 + 信 + 官房长官: where the tagger's person is only a Japanese family name the
    dictionary knows and the rules read a given name after it (shaped._japanese_full_names),
    the person is the full name."""
    full = {m.start: m for m in rules if m.type == "person" and m.priority == _COMPOSED}
    out = []
    for c in crf:
        name = full.get(c.start) if c.type == "person" and 2 <= c.end - c.start <= 3 else None
        senses = _proper_senses(tuple(ctx.entries.get(ctx.simple[c.start : c.start + 2], ())))
        if name is not None and name.end - c.start in (4, 5) and c.end < name.end and any(
            "Japanese surname" in sense for sense in senses
        ):
            out.append(name.copy())
        else:
            out.append(c)
    return out


def _dotted_people(ctx: _Context, crf: list[_Mention], rules: list[_Mention]) -> list[_Mention]:
    """菲利克斯·希尔: a transliterated name with a middle dot the rules call a person is one."""
    people = {(m.start, m.end) for m in rules if m.type == "person"}
    for c in crf:
        dotted = any(d in ctx.simple[c.start : c.end] for d in _DOTS)
        if _dotted_foreign(ctx, c) or (dotted and (c.start, c.end) in people):
            c.type = "person"
    return crf


def _dotted_foreign(ctx: _Context, m: _Mention) -> bool:
    """菲利克斯·希尔: transliteration characters joined by a middle dot (the whole name)."""
    form = ctx.simple[m.start : m.end]
    return any(d in form for d in _DOTS) and all(
        ch in ctx.lex.translit or ch in _DOTS for ch in form
    )


def _before_match_time(ctx: _Context, mentions: list[_Mention]) -> list[_Mention]:
    """某某某 + 赛后 + 表示: 赛 is a transliteration character too (赛琳娜), so a foreign name
    ran on into the word for "after the match"; the word says where the name ends. A known
    name keeps its length, and no name is cut below two characters."""
    times = cues("match_times")
    for m in mentions:
        cut = m.type == "person" and m.priority < _KNOWN and m.length >= 3
        if cut and ctx.simple.startswith(times, m.end - 1):
            m.end -= 1
    return mentions


def _kin_homes(ctx: _Context, mentions: list[_Mention]) -> list[_Mention]:
    """王姐 + 家, 李叔 + 家: the segmenter reads a surname, a kin word and 家 "home" as one
    name; the person is the surname and the kin word, the home is theirs."""
    kin = cue_set("kin_words")
    for m in mentions:
        form = ctx.simple[m.start : m.end]
        if m.type == "person" and m.priority < _KNOWN and len(form) >= 3 and (
            form[-1] == "家" and form[-2] in kin
        ):
            m.end -= 1
    return mentions
