"""Steps of the merge (`combine`) for foreign bodies that world news names with a word the
rules read another way at home: a Japanese ministry (日本 + 某某省), whose 省 ends a province's
name in China, and a seat of power named as the institution that speaks (某宫 + 发言人 + 说),
which is a building where it stands (在某宫内).
"""

from __future__ import annotations

from app.core.language.entities.lexicon import (
    _COMPOSED,
    _KNOWN,
    cue_set,
    cues,
    longest_first,
)
from app.core.language.entities.mentions import _Context, _Edits, _Mention
from app.core.language.entities.press import _reports
from app.core.language.entities.shaped import _kind_before
from app.core.text.chars import all_han

# A Japanese ministry's name between 日本 and 省 runs two (外务) to four (经济产业) characters.
_MINISTRY_REACH = (4, 3, 2)
# The digits a count of states is written in (二十国集团, 七国集团, 77国集团).
_DIGITS = "一二三四五六七八九十百0123456789"
# Characters of grammar that no ministry's name holds (日本的一个省 is "a province of Japan").
_NOT_IN_MINISTRIES = frozenset("的了在是和与及或等个一各该本这那")
# jieba's tags on the pieces of a foreign town it cut (names, abbreviations, unknown marks).
_TOWN_TAGS = frozenset({"nr", "nrt", "nrfg", "ns", "nz", "j", "x"})
# The longest cut foreign town read (某某某某某某 + 市).
_TOWN_REACH = 8
# jieba's tags on a one-character piece closing a town after a word for its kind (某某斯 +
# 克/m "gram", 某某 + 堡/ng).
_TOWN_END_TAGS = frozenset({"m", "ng", "q"})


def _japanese_ministries(ctx: _Context, mentions: list[_Mention]) -> list[_Mention]:
    """日本 + 某某省 (the foreign ministry, 外务省; the defence ministry, 防卫省): Japan has no
    provinces, so after 日本 a name of two to four characters ending in 省 is a ministry, one
    organisation with the state that owns it; the segmenter cuts it into everyday words
    (日本 + 财务 + 省), and the rules read 日本 as a place and the rest as nothing."""
    simple = ctx.simple
    edits = _Edits(mentions)
    at = simple.find("日本")
    while at >= 0:
        end = _ministry_end(ctx, at + 2) if at in ctx.starts else 0
        if end:
            _replace_inside(edits, _Mention(at, end, "organization", _COMPOSED))
        at = simple.find("日本", at + 2)
    at = simple.find("省")
    while at >= 0:
        start = _ministry_word(ctx, at + 1)
        if start is not None:
            _replace_inside(edits, _Mention(start, at + 1, "organization", _COMPOSED))
        at = simple.find("省", at + 1)
    return edits.items


def _ministry_word(ctx: _Context, end: int) -> int | None:
    """The start of a word ending at `end` in 省 that CC-CEDICT glosses as a ministry (外务省
    "foreign ministry (e.g. of Japan or Korea)"), or None."""
    k = ctx.token_range(0, end).stop - 1
    if k < 0 or ctx.tokens[k][1] != end:
        return None
    start = ctx.tokens[k][0]
    senses = (s for e in ctx.entries.get(ctx.simple[start:end], ()) for s in e.senses)
    return start if end - start >= 3 and any("ministry" in s for s in senses) else None


def _ministry_end(ctx: _Context, start: int) -> int:
    """Where a ministry's 省 ends a word after `start`, or 0 (not 日本 + 各省, 日本 + 的省)."""
    for n in _MINISTRY_REACH:
        end = start + n + 1
        name = ctx.simple[start : end - 1]
        if ctx.simple[end - 1 : end] != "省" or end not in ctx.ends or not all_han(name):
            continue
        if not _NOT_IN_MINISTRIES.intersection(name) and name not in ctx.lex.places:
            return end
    return 0


def _counted_groups(ctx: _Context, mentions: list[_Mention]) -> list[_Mention]:
    """二 + 十国集团, 二十 + 国集团: a group named by how many states form it (the Group of
    Twenty) counts from the number's first digit; the segmenter cut the number, and the
    mention began at its last part (十国集团, a group of ten)."""
    out: list[_Mention] = []
    for m in mentions:
        form = ctx.simple[m.start : m.end]
        start = m.start
        if m.type == "organization" and "国" in form[:3] and form[0] in _DIGITS:
            while start > 0 and ctx.simple[start - 1] in _DIGITS:
                start -= 1
        if (
            start != m.start
            and start in ctx.starts
            and form[: form.index("国")].strip(_DIGITS) == ""
        ):
            m = m.copy()
            m.start = start
        out.append(m)
    return out


def _with_chamber(ctx: _Context, mentions: list[_Mention]) -> list[_Mention]:
    """某国议会 + 下院, 某国议会 + 上 + 院: a parliament's chamber named right after it is the
    body the news speaks of, named whole (the segmenter cut the chamber off, as it keeps
    某国国会参议院 one word); 某国议会 + 通过 stays the parliament."""
    out: list[_Mention] = []
    for m in mentions:
        form = ctx.simple[m.start : m.end]
        if m.type == "organization" and form.endswith(cues("parliaments")):
            chamber = next(
                (c for c in longest_first("chambers") if ctx.simple.startswith(c, m.end)), ""
            )
            if chamber and m.end + len(chamber) in ctx.ends:
                m = m.copy()
                m.end += len(chamber)
        out.append(m)
    return out


def _after_the_country(ctx: _Context, mentions: list[_Mention]) -> list[_Mention]:
    """该 + 国 + 议会, 该国 + 央行: a body the tagger opened at the 国 of a word that points to a
    country (该国 "that country", 本国, 各国: [pointing_countries]) starts after it, as
    该国 + 外交部 does; 国议会 is no name."""
    out: list[_Mention] = []
    for m in mentions:
        before = ctx.simple[m.start - 1 : m.start + 1]
        pointing = before in cue_set("pointing_countries") and m.start - 1 in ctx.starts
        if m.type == "organization" and m.length >= 3 and pointing:  # (因此 + 国家某局: no)
            m = m.copy()
            m.start += 1
        out.append(m)
    return out


def _seats_speaking(ctx: _Context, mentions: list[_Mention]) -> list[_Mention]:
    """某宫 + 发言人, 某宫 + 当天 + 表示: a seat of power ([seats_of_power]) named as the one
    who speaks is the institution (an organisation, as 某国外交部 + 表示), with the state
    named right before it (某国 + 总统府); where it stands or is worked in (在某宫工作, 某宫内)
    it is left as it was, a building."""
    simple = ctx.simple
    edits = _Edits(mentions)
    for seat in cues("seats_of_power"):
        at = simple.find(seat)
        while at >= 0:
            end = at + len(seat)
            if at in ctx.starts and end in ctx.ends and _speaks(ctx, end):
                body = _Mention(_state_before(edits, at), end, "organization", _COMPOSED)
                _replace_inside(edits, body)
            at = simple.find(seat, end)
    return edits.items


def _speaks(ctx: _Context, end: int) -> bool:
    """A word of speaking follows `end`, perhaps after a time word or an adverb (当天 + 表示);
    a spokesperson or officials (发言人, 官员) speak for the institution too."""
    after = ctx.simple[end : end + 3]
    return after.startswith(cues("seat_speakers")) or _reports(ctx, end, "seat_verbs")


def _state_before(edits: _Edits, at: int) -> int:
    """Where the state named right before a seat starts (某国 + 总统府), else `at`."""
    for m in edits.ending_at(at):
        if m.type == "place" and m.priority < _KNOWN and m.length >= 2:
            return m.start
    return at


def _replace_inside(edits: _Edits, body: _Mention) -> None:
    """`body` in place of the mentions inside its span; unchanged where a mention crosses
    its edge or the known-name lists hold a name there."""
    inside = edits.near(body.start, body.end)
    if any(m.start < body.start or m.end > body.end or m.priority >= _KNOWN for m in inside):
        return
    if any(m.start == body.start and m.end == body.end and m.type == body.type for m in inside):
        return
    edits.put(body)


def _foreign_divisions(ctx: _Context, mentions: list[_Mention]) -> list[_Mention]:
    """某某斯 + 州, 某某亚 + 省, 某某 + 大 + 区: a name of transliteration characters that a
    division, island or water ([foreign_divisions]) follows as a word of its own is one foreign
    place with it (the segmenter cut it off, and the rules read a person and a bare 州); a
    Saint written as a word of its own right before such a place opens it (圣 + 某某市)."""
    out: list[_Mention] = []
    for m in mentions:
        form = ctx.simple[m.start : m.end]
        if m.type in ("person", "place") and m.priority < _KNOWN and m.length >= 2:
            kind = next(
                (k for k in longest_first("foreign_divisions") if ctx.simple.startswith(k, m.end)),
                "",
            )
            whole = kind and m.end in ctx.starts and m.end + len(kind) in ctx.ends
            if whole and ctx.lex.transliterated(form):
                m = m.copy()
                m.type, m.end = "place", m.end + len(kind)
        if m.type == "place" and m.priority < _KNOWN and _saint_before(ctx, m):
            m = m.copy()
            m.start -= 1
        out.append(m)
    return _cut_towns(ctx, out)


def _cut_towns(ctx: _Context, mentions: list[_Mention]) -> list[_Mention]:
    """克莱/nrt + 伍德市/nr, 格伦斯/nr + 特郡/nr, 阿/j + 莫里亚/ns + 区/n: whole words of
    transliteration characters that jieba tagged as names, the last ending in a division or a
    water ([foreign_divisions]), are one foreign town or region, which the segmenter cut and
    the rules read as a person and a place, or a person and nothing; not where an
    organisation is read there (a club named for its town, 某某城 + 六轮不胜)."""
    kinds = cue_set("foreign_divisions")
    edits = _Edits(mentions)
    for k, (_, end, _) in enumerate(ctx.tokens):
        start = _town_start(ctx, k) if ctx.simple[end - 1] in kinds else None
        clubs = start is not None and any(
            m.type == "organization" for m in edits.near(start, end)
        )  # 某某城 + 已经六轮不胜: a club named for its town
        if start is not None and not clubs:
            _replace_inside(edits, _Mention(start, end, "place", _COMPOSED))
    return edits.items


def _town_start(ctx: _Context, k: int) -> int | None:
    """Where a cut foreign town ending with token `k` starts, or None: a division word of its
    own (区, 大 + 区) or a kind ending the token, after two or more characters' worth of words
    of transliteration characters (three or more characters), perhaps after a Saint (圣)."""
    tokens, simple = ctx.tokens, ctx.simple
    word_start, end, _ = tokens[k]
    if simple[end - 1] not in cue_set("foreign_divisions"):  # (each ends in one: 大区, 区)
        return None
    kind = next(
        (w for w in longest_first("foreign_divisions")
         if simple.endswith(w, 0, end) and end - len(w) in ctx.starts),
        "",
    )  # fmt: skip
    if kind:
        head_end = end - len(kind)
        j = ctx.token_range(0, head_end).stop
    else:
        head_end, j = end - 1, k
        if not ctx.lex.transliterated(simple[word_start:head_end]):
            return None
    while j > 0 and end - tokens[j - 1][0] <= _TOWN_REACH:
        first_start, first_end, tag = tokens[j - 1]
        word = simple[first_start:first_end]
        common = any(not e.proper for e in ctx.entries.get(word, ()))  # 黑马 "dark horse"
        if tag not in _TOWN_TAGS or common or not ctx.lex.transliterated(word):
            break
        j -= 1
    start = tokens[j][0] if j < len(tokens) else head_end
    alone = k == j and tokens[k][2] in _TOWN_TAGS  # 某某某邦/nr: one word, read as a person
    if (k - j < 1 and not alone) or head_end - start < 3 or simple[start:end] in ctx.lex.places:
        return None
    saint = simple[start - 1 : start]
    if saint in cue_set("saint_prefixes") and start - 1 in ctx.starts:
        start -= 1
    return start


def _saint_before(ctx: _Context, m: _Mention) -> bool:
    """A Saint ([saint_prefixes]) is a word of its own right before the transliterated name
    of a foreign place `m` (圣 + 某某市, 圣 + 某某岛), not a word of its own (圣地 + 某某)."""
    saint = ctx.simple[m.start - 1 : m.start]
    if not saint or saint not in cue_set("saint_prefixes") or m.start - 1 not in ctx.starts:
        return False
    form = ctx.simple[m.start : m.end]
    head = form[:-1] if form[-1] in cue_set("foreign_place_kinds") else form
    return len(head) >= 2 and ctx.lex.transliterated(head)


def _towns_after_kinds(ctx: _Context, mentions: list[_Mention]) -> list[_Mention]:
    """南部城市 + 哈尔/nrt + 托夫斯/nr + 克/m, 小城 + 梅尔/nr + 克斯/nrt + 堡/ng, 首都 + 莱文/nz +
    斯堡/nr: after a word for a kind of place ([place_kinds_before]), the words jieba tagged as
    names up to the next other word are the town's name, where all but one of their
    characters transliterate (the one: 堡, 圣, or a character the list lacks); the segmenter cut
    the town, and the rules and the tagger read a person, an organisation or a piece."""
    lasts = {kind[-1] for kind in cues("place_kinds_before")}
    edits = _Edits(mentions)
    for k, (start, _, _) in enumerate(ctx.tokens):
        if start and ctx.simple[start - 1] in lasts and _kind_before(ctx, start):
            end = _town_after_kind(ctx, k)
            if end:
                _replace_inside(edits, _Mention(start, end, "place", _COMPOSED))
    return edits.items


def _town_after_kind(ctx: _Context, k: int) -> int:
    """Where the town's name opening with token `k` ends, or 0."""
    tokens, simple = ctx.tokens, ctx.simple
    start, j = tokens[k][0], k
    while j < len(tokens) and tokens[j][1] - start <= _TOWN_REACH:
        word_start, word_end, tag = tokens[j]
        word = simple[word_start:word_end]
        closing = j > k and len(word) == 1 and tag in _TOWN_END_TAGS
        if (tag not in _TOWN_TAGS and not closing) or not all_han(word):  # (x: a mark)
            break
        common = len(word) > 1 and any(not e.proper for e in ctx.entries.get(word, ()))
        if word in ctx.lex.places or common:
            return 0  # a town the lists know is found already; 城市 + 居民 is no name
        j += 1
    end = tokens[j - 1][1] if j > k else start
    foreign = sum(ch in ctx.lex.translit for ch in simple[start:end])
    if j - k < 2 or end - start < 3 or foreign < end - start - 1 or end - start > _TOWN_REACH:
        return 0
    return end


def _federal_states(ctx: _Context, mentions: list[_Mention]) -> list[_Mention]:
    """某国 + 北方邦/nt, 英联邦: a state of a federation (某某邦, [federal_state_endings]) is a
    place, though jieba tags it a body and the rules compose one with the country before it;
    a word of its own that ends so (德邦, a firm's two characters) is left as it was."""
    out: list[_Mention] = []
    for m in mentions:
        k = ctx.token_range(0, m.end).stop - 1
        word = ctx.simple[ctx.tokens[k][0] : m.end] if k >= 0 else ""
        if (
            m.type == "organization"
            and m.priority < _KNOWN
            and m.length >= 3
            and len(word) >= 2
            and ctx.tokens[k][1] == m.end
            and word[-1] in cue_set("federal_state_endings")
        ):
            m = m.copy()
            m.type = "place"
        out.append(m)
    return out
