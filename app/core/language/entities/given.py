"""Chinese full names the segmenter cut apart: a surname standing alone and a given name that
jieba read as an everyday word (项 + 步兵, 葛 + 淑 + 萍, 孟 + 建军).

jieba tags such a name's pieces as common words, so no tag says person; two kinds of evidence
do instead. The given name's characters are likelier in names than in running text (a score
per character, learnt from jieba's own list of names: `dictionaries/entity_given_scores.txt`),
and the name stands where people stand in a sentence: it opens a clause or follows an office,
a title or a preposition that takes a person (从, 对, 由 ...), and a verb, an adverb or a word
that follows names (说, 本人, 的, 先生 ...) comes after it. A surname jieba reads as a function
word, an adjective or a verb (于, 和, 高, 应), a given name that is a title (王 + 先生) or a
verb of its own (应 + 努力), and a span the dictionary knows (王国) are no name.
"""

from __future__ import annotations

import re
from functools import cache

from app.core.language.entities.lexicon import (
    _COMPOSED,
    _FUNCTION_TAGS,
    _PERSON_TAGS,
    cue_set,
    cues,
)
from app.core.language.entities.mentions import _Context, _Mention
from app.core.language.entities.tagged import _measure_not_surname
from app.core.paths import dictionary_lines
from app.core.text.chars import all_han

# Punctuation that closes a clause, so what follows it opens one (not 《 or “: a title's or a
# quotation's first word is as often a thing as a person), and the @ before a user's handle.
_CLAUSE_BREAKS = frozenset("，。；：、！？”’）》—…」,.;:!?) \n@")
# A go or chess player's rank after the name (某某 + 九段, + 初段).
_RANK = re.compile(r"[一二三四五六七八九初]段")
# Prepositions and joiners a person may follow (从 + 某某 + 的, 当 + 某某 + 指出).
_BEFORE_PERSON = frozenset({"从", "对", "由", "向", "让", "给", "被", "跟", "和", "与", "同", "当"})
# jieba's tags on a lone surname that read it as something else: a function word, an
# adjective (高 "high"), a verb (应 "should") or a measure.
# (Not a measure word's tag: jieba tags 张 a measure wherever it stands, and a measure comes
# after a numeral or a demonstrative, where no name opens.)
_NOT_SURNAME_TAGS = (_FUNCTION_TAGS - {"q"}) | {"a", "ad", "v", "vn", "f"}
# A two-character given name jieba tags so is a phrase of its own (应 + 努力, 全 + 攻略).
_PHRASE_TAGS = frozenset({"v", "vn", "ad", "d", "a"})


@cache
def given_scores() -> dict[str, float]:
    """Each character's given-name score (a log ratio, see the file's header); 0 if unlisted."""
    table: dict[str, float] = {}
    for line in dictionary_lines("entity_given_scores.txt"):
        ch, _, score = line.partition("\t")
        table[ch] = float(score)
    return table


def given_score(given: str) -> float:
    """How much likelier the characters of `given` are in a given name than in text."""
    table = given_scores()
    return sum(table.get(ch, 0.0) for ch in given)


# A one-character given name must be this much likelier in a name (a two-character one, 0:
# its characters more name-like than not); a lone character is more often a word of its own.
SINGLE_GIVEN_MARGIN = 1.5


# A player's rank after the name: 九段 in Go and chess, 二段 to 九段 (一段 is "a stretch").
_RANK = re.compile(r"[二三四五六七八九]段")


def _ranked_players(ctx: _Context) -> list[_Mention]:
    """某建平 + 九段, 某磊 + 六段: a surname and one or two characters of given name before a
    player's rank are the player, however jieba cut them (常/d + 建平/n: an adverb and a
    county); a longer given name is read first where its characters are a given name's."""
    out: list[_Mention] = []
    simple = ctx.simple
    for rank in _RANK.finditer(simple):
        end = rank.start()
        for size, margin in ((2, 0.0), (1, SINGLE_GIVEN_MARGIN)):
            start = end - size - 1
            form = simple[max(0, start) : end]
            if start < 0 or not all_han(form) or form[0] not in ctx.lex.surnames:
                continue
            if given_score(form[1:]) > margin:
                out.append(_Mention(start, end, "person", _COMPOSED))
                break
    return out


def _split_full_names(ctx: _Context) -> list[_Mention]:
    """Surname tokens followed by one or two characters of given name, in a person's place."""
    out: list[_Mention] = []
    for k, (start, end, _) in enumerate(ctx.tokens):
        name_end = _word_then_given(ctx, k)
        if name_end is not None:
            out.append(_Mention(start, name_end, "person", _COMPOSED))
            continue
        if _glued_surname(ctx, k):
            start += 1  # 从 + 葛/nr: the preposition before the surname opens the name
        elif not _lone_surname(ctx, k):
            continue
        for name_end in _given_ends(ctx, k):
            if _given_name(ctx, end, name_end) and _closes_name(ctx, name_end):
                out.append(_Mention(start, name_end, "person", _COMPOSED))
                break
    return out


def _word_then_given(ctx: _Context, k: int) -> int | None:
    """王子/nr + 轩/nr: jieba read a surname and the given name's first character as a word of
    its own (王子 "prince") and left the last character alone, both tagged a name. Where a name
    stands (学生 + ... + 以), the three characters are one name: the end, or None."""
    tokens = ctx.tokens
    if k + 1 >= len(tokens):
        return None
    start, end, tag = tokens[k]
    ns, ne, next_tag = tokens[k + 1]
    if end - start != 2 or ne - ns != 1 or ns != end:
        return None
    if tag not in _PERSON_TAGS or not _given_tail(ctx, k, next_tag):
        return None
    if ctx.simple[start] not in ctx.lex.surnames or ctx.entries.get(ctx.simple[start:ne]):
        return None
    given = ctx.simple[start + 1 : ne]
    if not all_han(given) or given_score(given) <= 0:
        return None
    return ne if _opens_name(ctx, k) and _closes_name(ctx, ne) else None


def _given_tail(ctx: _Context, k: int, tag: str) -> bool:
    """The one character after a surname and given name's first character that jieba read as
    a word (徐福/nr + 贵/a) may end the name: tagged a name, or after a word for who an
    ordinary person is (老人 + 徐福 + 贵) any tag but a function word's or a verb's."""
    if tag in _PERSON_TAGS:
        return True
    return _role_before(ctx, k) and tag not in _FUNCTION_TAGS and tag[0] != "v"


def _lone_surname(ctx: _Context, k: int) -> bool:
    """Token k is a surname alone, which jieba reads as no other word, where a name opens."""
    start, end, tag = ctx.tokens[k]
    if end - start != 1 or ctx.simple[start] not in ctx.lex.surnames:
        return False
    if tag == "r" and _role_before(ctx, k):
        return True  # 战士 + 何/r: after a word for a person, 何 is no "what" but a surname
    return tag not in _NOT_SURNAME_TAGS and _opens_name(ctx, k)


def _glued_surname(ctx: _Context, k: int) -> bool:
    """从葛/nr, 以朴/nr: jieba glued a preposition or joiner onto a surname and tagged the two
    a name (no word of the dictionary)."""
    start, end, tag = ctx.tokens[k]
    word = ctx.simple[start:end]
    return (
        tag == "nr"
        and len(word) == 2
        and word[0] in _GLUED_BEFORE
        and word[1] in ctx.lex.surnames
        and not ctx.entries.get(word)
    )


# What jieba glues onto a surname it has never seen opening a name.
_GLUED_BEFORE = _BEFORE_PERSON | {"可", "以", "在", "为", "把", "将"}


def _given_ends(ctx: _Context, k: int) -> list[int]:
    """Where a given name after token k may end: a token of one or two characters, or two
    one-character tokens (淑 + 萍); the longer first."""
    tokens = ctx.tokens
    ends = []
    if k + 2 < len(tokens) and all(tokens[i][1] - tokens[i][0] == 1 for i in (k + 1, k + 2)):
        ends.append(tokens[k + 2][1])
    if k + 1 < len(tokens) and tokens[k + 1][1] - tokens[k + 1][0] <= 2:
        ends.append(tokens[k + 1][1])
    return sorted(set(ends), reverse=True)


def _given_name(ctx: _Context, start: int, end: int) -> bool:
    """Whether start:end, after a surname, reads as a given name rather than words."""
    given, whole = ctx.simple[start:end], ctx.simple[start - 1 : end]
    if not all_han(given) or ctx.entries.get(whole):
        return False  # 王国, 方向: the dictionary's own word
    if given in _titles():
        return False  # 王 + 先生: the surname and a title
    inside = ctx.tokens_within(start, end)
    if any(tag in _FUNCTION_TAGS and given_score(ctx.simple[s:e]) <= 0 for s, e, tag in inside):
        return False  # 王 + 了: a particle, no name (but 之 is a given name's character too)
    role = _role_before(ctx, ctx.token_range(start - 1, start).start)
    if role and len(inside) == 1 and len(given) == 2:
        return True  # 种粮大户 + 邱 + 建设, 老兵 + 孙 + 解放: a name of its era, a word too
    if len(inside) == 1 and len(given) == 2 and inside[0][2] in _PHRASE_TAGS:
        return False  # 应 + 努力: a verb phrase
    margin = 0.0 if len(given) == 2 else SINGLE_GIVEN_MARGIN
    return given_score(given) > margin


@cache
def _titles() -> frozenset[str]:
    return cue_set("titles") | cue_set("roles") | cue_set("offices") | cue_set("forms_of_address")


@cache
def _longest_title() -> int:
    return max(map(len, _titles()), default=0)


def _opens_name(ctx: _Context, k: int) -> bool:
    """Token k stands where a person's name starts: a clause's start, after an office, a
    title, a campus role or a word for who an ordinary person is (木匠, 村民), or after a
    preposition that takes a person."""
    if k == 0:
        return True
    start, end, tag = ctx.tokens[k - 1]
    before = ctx.simple[start:end]
    if before[-1] in _CLAUSE_BREAKS or before in _BEFORE_PERSON or tag == "c":
        return True  # (但, 而: a conjunction opens a clause)
    if before in cue_set("campus_roles"):
        return True  # 学生 + 某某, but not 大学生 (students in general)
    if _role_before(ctx, k):
        return True  # 木匠 + 某某, 村民 + 某某
    titles = _titles()
    longest = _longest_title()
    return any(before[-n:] in titles for n in range(1, min(len(before), longest) + 1))


def _role_before(ctx: _Context, k: int) -> bool:
    """Token k follows, with nothing between, a word for who an ordinary person is (村民, 木匠,
    种粮大户): local news names the person right after it."""
    if k == 0:
        return False
    start, end, _ = ctx.tokens[k - 1]
    return end == ctx.tokens[k][0] and ctx.simple[start:end] in cue_set("people_before_names")


def _closes_name(ctx: _Context, end: int) -> bool:
    """What follows at `end` follows names: the text's end, punctuation, a word of the
    after-name list (说, 本人, 的), a title, a verb or adverb (步兵 + 又 + 安排), a time word
    (老兵 + 某某 + 今年 + 九十岁: feature news gives an age or a date after a name), or a Latin
    word glued on (某某 + yyds, + nb: posts praise a name in Latin slang)."""
    if end >= len(ctx.simple):
        return True
    if ctx.simple[end] in _CLAUSE_BREAKS or ctx.simple[end] == "《":  # (an author, a work)
        return True
    if _RANK.match(ctx.simple, end):
        return True  # 某某 + 九段: a go or chess player's rank
    k = ctx.token_range(end, len(ctx.simple)).start
    if k >= len(ctx.tokens) or ctx.tokens[k][0] != end:
        return False
    s, e, tag = ctx.tokens[k]
    word = ctx.simple[s:e]
    return word in cue_set("after_name") or word in _titles() or tag in ("v", "d", "p", "eng", "t")


def _anonymised_people(ctx: _Context) -> list[_Mention]:
    """被告人张某某, 嫌疑人韩某 + 系累犯: court and police reports hide a person behind the
    surname and 某 or 某某; the surname is the person, as 郑 of 郑某 and 陈 of 陈先生 (People's
    Daily marks the surname alone, and the tagger, which never saw 某某, drops such people or
    reads 韩 as Korea). Not 某 before a noun of its own (某国, 某地: one word), nor a surname
    jieba reads as a preposition or a joiner (向某某, 和某某) or a measure (一张 + 某某的照片)."""
    out: list[_Mention] = []
    simple = ctx.simple
    for run in _HIDDEN.finditer(simple):
        at, end = run.start(), run.end()
        start = at - (2 if simple[at - 2 : at] in ctx.lex.surnames else 1)
        if start < 0 or start not in ctx.starts or end not in ctx.ends:
            continue
        if simple[start:at] not in ctx.lex.surnames:
            continue
        k = ctx.token_range(start, len(simple)).start
        if ctx.tokens[k][2] in _NOT_SURNAME_TAGS and not _named_party(ctx, k, end):
            continue
        if _measure_not_surname(ctx, start, simple[start:at]):
            continue
        out.append(_Mention(start, at, "person", _COMPOSED))
    return out


def _named_party(ctx: _Context, k: int, end: int) -> bool:
    """被告人 + 何某某 + 以, 、 + 于某 + 、: a surname jieba read as a function word (何 "what",
    于 "at") is a party to the case when a noun or a list's comma comes before it and what
    follows closes a name; not 他 + 向某某 + 借钱 (from someone), 公司 + 于某日 (on some day)."""
    if k == 0 or not _closes_name(ctx, end):
        return False
    s, e, tag = ctx.tokens[k - 1]
    return e == ctx.tokens[k][0] and (ctx.simple[s:e] == "、" or tag.startswith("n"))


# What stands for the hidden given name: 某 or 某某 (a longer run is no name).
_HIDDEN = re.compile(r"(?<!某)某某?(?!某)")


def _familiar_names(ctx: _Context) -> list[_Mention]:
    """市民 + 老周, 邻居 + 小张, 博主 + 小吴 + 说: city news calls ordinary people by 老 or 小 and
    their surname; after a word for who they are (a resident, a neighbour, a shop's manager)
    the two characters are the name a reader meets, one person (jieba cuts them into an
    adjective and a measure or a lone surname, so no tag says person). Once so introduced, the
    form names that person wherever else it stands as a word (老周 + 说). Not a word the
    dictionary knows as everyday (老公, 小米), nor one running on into the next word."""
    simple = ctx.simple
    roles = cues("familiar_roles")
    words = [
        (found.start(), found.end()) for found in _FAMILIAR.finditer(simple)
        if found.group()[1] in ctx.lex.surnames
        and found.start() in ctx.starts and found.end() in ctx.ends
        and not any(not e.proper for e in ctx.entries.get(found.group(), ()))
    ]  # fmt: skip
    named = {simple[at:end] for at, end in words if simple.endswith(roles, 0, at)}
    return [_Mention(at, end, "person", _COMPOSED) for at, end in words if simple[at:end] in named]


# 老 or 小 and the one character after it (a surname, checked against the list).
_FAMILIAR = re.compile(r"[老小](?=[^老小])[\u4e00-\u9fff]")
