"""Names recognised by their shape: 《titles》 and quoted English titles, dotted
transliterations, foreign names the segmenter cut, numbered party congresses, bylines."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

from app.core.language.entities.glosses import (
    _proper_senses,
    _type_from_gloss,
    coordinated,
)
from app.core.language.entities.lexicon import (
    _COMPOSED,
    _DOTS,
    _FUNCTION_TAGS,
    _KNOWN,
    _NUMERALS,
    _PERSON_TAGS,
    _TAGGER,
    WEEKDAY,
    _fold,
    cue_pattern,
    cue_set,
    cues,
)
from app.core.language.entities.mentions import _Context, _Mention, _named_place_word
from app.core.text.chars import HAN_CLASS, all_han, has_han
from app.core.types import EntityType

_QUOTED = re.compile(
    r'《([^《》\n]{2,60})》|"([^"\n]{3,120})"|“([^“”\n]{3,120})”|「([^「」\n]{3,120})」'
)


_TRAILING_NOTE = re.compile(r"\s*[(（][^()（）]{0,20}[)）]\s*$")


def _quoted_mentions(ctx: _Context) -> list[_Mention]:
    """Titles: anything in 《》, and a quoted run of capitalised Latin words ("Attention Is...")."""
    out: list[_Mention] = []
    for m in _QUOTED.finditer(ctx.simple):
        group = next(g for g in range(1, 5) if m.group(g) is not None)
        content = m.group(group)
        start = m.start(group)
        trimmed = _TRAILING_NOTE.sub("", content).rstrip(" ,，.")
        start += len(trimmed) - len(trimmed.lstrip())
        trimmed = trimmed.strip()
        if len(trimmed) < 2:
            continue
        if group == 1:
            if trimmed.endswith(("报", "杂志", "周刊", "日报", "晚报")):
                continue  # a newspaper's name, typed elsewhere
            out.append(_Mention(start, start + len(trimmed), "work", _COMPOSED))
            continue
        words = trimmed.split()
        if (
            not has_han(trimmed)
            and 2 <= len(words) <= 14
            and words[0][:1].isupper()
            and sum(w[:1].isupper() for w in words) * 2 >= len(words)
        ):
            out.append(_Mention(start, start + len(trimmed), "work", _COMPOSED))
    return out


def _dotted_mentions(ctx: _Context) -> list[_Mention]:
    """菲利克斯·希尔: runs of transliteration characters joined by a middle dot."""
    out: list[_Mention] = []
    simple = ctx.simple
    for i, ch in enumerate(simple):
        if ch not in _DOTS and not (ch == "?" and 0 < i < len(simple) - 1):
            continue
        # Around a real dot, Uyghur and Kazakh names' characters too (买买提·吐尔逊).
        translit = ctx.lex.translit if ch == "?" else _dotted_chars(ctx.lex.translit)
        left = i
        while left > 0 and simple[left - 1] in translit and i - left < 6:
            left -= 1
        right = i + 1
        while right < len(simple) and simple[right] in translit and right - i <= 6:
            right += 1
        while right - i > 2 and simple[right - 1] in cue_set("dotted_name_not_last"):
            right -= 1
        if i - left >= 2 and right - i - 1 >= 1 and (ch != "?" or right - i - 1 >= 2):
            # Snap the outer ends to the tagger's word boundaries when it agrees; an initial
            # may stand alone (总理 + 拉·甘地: 理 is the title's, 地 the name's).
            while left < i - 1 and left not in ctx.starts:
                left += 1
            right = _name_word_end(ctx, right)
            while right > i + 2 and right not in ctx.ends:
                right -= 1
            out.append(_Mention(left, right, "person", _COMPOSED))
    return out


def _dotted_tagged_names(ctx: _Context) -> list[_Mention]:
    """阿沛/nr + · + 阿旺晋美/nr: two words jieba reads as names, either side of a middle dot,
    are one person's name, though their characters are not the transliteration alphabet's
    (Tibetan and other minority names)."""
    out: list[_Mention] = []
    for k in range(len(ctx.tokens) - 2):
        (ls, le, ltag), (ds, de, _), (rs, re_, rtag) = ctx.tokens[k : k + 3]
        named = ltag in _PERSON_TAGS and rtag in _PERSON_TAGS
        if ctx.simple[ds:de] not in ("·", "・") or not named:
            continue  # (某某•某某城: a bullet joins a brand and a project, not a name)
        left, right = ctx.simple[ls:le], ctx.simple[rs:re_]
        if le - ls < 2 or re_ - rs < 2 or not all_han(left + right) or right[-1] in "及和与等":
            continue  # (罗朗·雷斯及/nr: a joiner glued on, the alphabet's run reads it)
        if set(left + right) <= _dotted_chars(ctx.lex.translit):
            continue  # the alphabet's own names (`_dotted_mentions`)
        if not ctx.entries.get(left) and not ctx.entries.get(right):
            out.append(_Mention(ls, re_, "person", _COMPOSED))  # (威廉: a Western name)
    return out


@cache
def _dotted_chars(translit: frozenset[str]) -> frozenset[str]:
    """The foreign-name characters and those of minority names, read beside a middle dot."""
    return translit | cue_set("dotted_name_chars")


def _name_word_end(ctx: _Context, end: int) -> int:
    """甘 + 地: where a name's run of transliteration characters stops one character inside
    a word, that character is the name's too (but not 说 of 马斯说: a verb after the name)."""
    if end in ctx.ends or end >= len(ctx.simple):
        return end
    stop = ctx.token_range(0, end + 1).stop  # the tokens ending by end + 1
    if not stop or ctx.tokens[stop - 1][1] != end + 1 or ctx.simple[end] in cue_set("after_name"):
        return end
    return end + 1 if all_han(ctx.simple[end]) else end


def _kind_before(ctx: _Context, start: int) -> bool:
    """A word for a kind of place (城市, 首都, 港口) ends right before `start`."""
    return any(
        ctx.simple.endswith(kind, 0, start) and start - len(kind) in ctx.starts
        for kind in cues("place_kinds_before")
    )


def _translit_runs(ctx: _Context) -> list[_Mention]:
    """拉西纳 + 亚克, 哈 + 比比: a foreign name the tagger cut into several name pieces (a
    place's, after a word for a kind of place: 南部城市 + 哈里 + 斯沃)."""
    out: list[_Mention] = []
    tokens = ctx.tokens
    i = 0
    while i < len(tokens):
        j = i
        while (
            j < len(tokens)
            and tokens[j][2] in _PERSON_TAGS
            and (j == i or tokens[j][0] == tokens[j - 1][1])
            and ctx.lex.transliterated(ctx.simple[tokens[j][0] : tokens[j][1]])
            and ctx.simple[tokens[j][0] : tokens[j][1]] not in cue_set("roles")
        ):  # (某国 + 埃米尔/nr + 某某: a title between, not a piece of one name)
            j += 1
        if j - i >= 2:
            start, end = tokens[i][0], tokens[j - 1][1]
            foreign = any(t == "nrt" for _, _, t in tokens[i:j]) or end - start >= 4
            if foreign and 3 <= end - start <= 7:
                kind: EntityType = "place" if _kind_before(ctx, start) else "person"
                out.append(_Mention(start, end, kind, _TAGGER))
        i = max(j, i + 1)
    return out


_JERSEY = re.compile(r"\d{1,2}号$")


def _foreign_speakers(ctx: _Context) -> list[_Mention]:
    """卡帕尼多 + 说, 9号 + 贝尔托拉诺, 赛塔 + 一行: a run of transliteration characters, whole
    words, that a verb of saying or 一行 follows or a shirt number introduces is a foreign
    person's name; not a place the lists or the dictionary know (在 + 某国首都 + 表示: where it
    was said)."""
    out: list[_Mention] = []
    simple, translit = ctx.simple, ctx.lex.translit
    saying = (*cues("person_cues_after"), "强调", "宣布", "告诉")
    start = 0
    while start < len(simple):
        if simple[start] not in translit or (start and simple[start - 1] in translit):
            start += 1
            continue
        end = start
        while end < len(simple) and simple[end] in translit and end - start < 8:
            end += 1
        shirt = _JERSEY.search(simple[max(0, start - 3) : start])
        if shirt is not None:
            end = _shirt_name_end(ctx, start, end)
        party = simple.startswith("一行", end)  # 赛塔 + 一行: the visitor and the party
        shortest = 2 if shirt is not None or party else 3
        whole = start in ctx.starts and end in ctx.ends and shortest <= end - start <= 7
        introduced = simple.startswith(saying, end) or shirt is not None or party
        form = simple[start:end]
        if whole and introduced and _fold(form) not in ctx.lex.stop \
                and not _named_place_word(ctx, form):
            out.append(_Mention(start, end, "person", _COMPOSED))
        start = end
    return out


def _shirt_name_end(ctx: _Context, start: int, end: int) -> int:
    """7号 + 穆勒, 9号 + 萨尔维诺 + 门前: after a shirt number the player's name is the run of
    transliteration characters up to the last word end inside it (门 of 门前 opens the next
    word); two characters are enough there."""
    while end > start + 2 and end not in ctx.ends:
        end -= 1
    return end


def _titled_foreign_names(ctx: _Context) -> list[_Mention]:
    """总统 + 卡里米, 外长 + 维尔塔宁: after a title, a run of transliteration characters up to
    the first character that is not one is a foreign person's whole name, however the
    segmenter cut it."""
    out: list[_Mention] = []
    simple, translit = ctx.simple, ctx.lex.translit
    for k, (_, end, _) in enumerate(ctx.tokens):
        if simple[ctx.tokens[k][0] : end] not in cue_set("roles"):
            continue
        stop = end
        while stop < len(simple) and simple[stop] in translit and stop - end < 7:
            stop += 1
        whole = stop in ctx.ends or stop == len(simple)  # the name ends where a word ends
        if 3 <= stop - end <= 6 and whole and (stop == len(simple) or simple[stop] not in translit):
            out.append(_Mention(end, stop, "person", _COMPOSED))
    return out


def _placed_short_foreign_names(ctx: _Context) -> list[_Mention]:
    """阿尔及利亚总统 + 特本 + 与, 摩洛哥门将 + 布努 + 扑出: after a state and its office, two
    transliteration characters that end a word before a verb, `after_name` words or punctuation
    are a foreign person's short name (the three-character rule above leaves them, and the
    segmenter cuts them to everyday characters, 特/d 本/r); not an everyday word (本周, 多次)."""
    out: list[_Mention] = []
    simple, lex = ctx.simple, ctx.lex
    for start, end, _ in ctx.tokens:
        if simple[start:end] not in cue_set("roles") or not any(
            simple[start - n : start] in lex.places for n in range(2, min(start, 6) + 1)
        ):
            continue
        stop = end + 2
        if stop > len(simple) or not lex.transliterated(simple[end:stop]):
            continue
        if stop not in ctx.ends or simple[stop : stop + 1] in lex.translit:
            continue
        if stop < len(simple) and not (
            simple.startswith(cues("after_name"), stop) or _verb_at(ctx, stop)
        ):
            continue
        form = simple[end:stop]
        pieces = ctx.tiling(end, stop)
        if any(t[0] in "pcuv" for _, _, t in pieces) or _fold(form) in lex.stop:
            continue
        if any(not e.proper for e in ctx.entries.get(form, ())) or form in lex.places:
            continue
        out.append(_Mention(end, stop, "person", _COMPOSED))
    return out


def _titled_chinese_names(ctx: _Context) -> list[_Mention]:
    """总经理 + 高国庆 + 坦言, 局长 + 方向东 + 会见, 副会长 + 许文博 + 等: after an office, a
    surname and one or two characters that end a word before a verb of saying, a joiner or
    punctuation are a person's full name, however the segmenter cut or tagged them (包/v
    国泰/nz, 宋朝/t 兵/n). Lists go on: 记者 + 刘振宇 + 、 + 宋立新."""
    out: list[_Mention] = []
    simple = ctx.simple
    titles = cue_set("roles") | cue_set("offices") | cue_set("works_offices") | cue_set("byline")
    for end in sorted(ctx.starts):  # a title may be cut: 署/ng 长/a
        if not any(simple[end - n : end] in titles for n in (2, 3, 4) if end >= n):
            continue
        at = end
        while (name_end := _name_after_title(ctx, at)) is not None:
            out.append(_Mention(at, name_end, "person", _COMPOSED))
            if simple[name_end : name_end + 1] not in ("、", "和"):
                break
            at = name_end + 1
    return out


def _titled_japanese_names(ctx: _Context) -> list[_Mention]:
    """日本首相 + 山口健太郎, 日本外相 + 上川阳子 + 表示: after 日本 and an office, three or four
    Han characters that end a word before `after_name` words, a verb or punctuation are a
    Japanese name, however the segmenter cut it (a Japanese family name is seldom a Chinese
    surname, so the Chinese full-name shape misses it and the tagger keeps only its tail); not
    verbs or everyday words (首相 + 访问中国, + 官邸表示)."""
    out: list[_Mention] = []
    simple = ctx.simple
    if "日本" not in simple:
        return out
    titles = cue_set("roles") | cue_set("offices") | cue_set("japan_roles")
    follows = cues("after_name")
    for at in sorted(ctx.starts):
        title = next((simple[at - n : at] for n in (4, 3, 2) if simple[at - n : at] in titles), "")
        if not title or not simple.endswith("日本", 0, at - len(title)):
            continue
        for end in (at + 4, at + 3):
            form = simple[at:end]
            if end not in ctx.ends or not all_han(form):
                continue
            if end < len(simple) and not (simple.startswith(follows, end) or _verb_at(ctx, end)):
                continue
            if _fold(form) in ctx.lex.stop or any(not e.proper for e in ctx.entries.get(form, ())):
                continue
            if form.endswith(follows) or not _name_pieces(ctx, at, end):
                continue  # 山口健 + 表示 cut wrong, 访问 + 中国: no name
            out.append(_Mention(at, end, "person", _COMPOSED))
            break
    return out


def _japanese_full_names(ctx: _Context) -> list[_Mention]:
    """佐藤/nrt + 恒治, 加藤 + 胜 + 信 + 表示: a word the dictionary glosses as a Japanese
    surname, then two or three Han characters that end a word right before punctuation, a
    verb, a time word, 的 or an office, is a Japanese full name; the segmenter cuts an
    unknown given name into pieces and the tagger kept the surname alone (not 佐藤 + 表示, a
    verb, nor 中村 + 的 + 学校: pieces that are an everyday word or a function word)."""
    out: list[_Mention] = []
    simple, tokens = ctx.simple, ctx.tokens
    offices = cue_set("roles") | cue_set("offices") | cue_set("japan_roles")
    follows = cues("after_name")
    for s, word_end, _tag in tokens:
        e = s + 2  # 中村健/ns + 太郎: the family name may open a longer word of jieba's
        senses = _proper_senses(tuple(ctx.entries.get(simple[s:e], ())))
        if word_end - s > 3 or not any("Japanese surname" in sense for sense in senses):
            continue
        if word_end > e and ctx.entries.get(simple[s:word_end]):
            continue  # a word the dictionary knows whole
        if any(simple.startswith(office, e) for office in offices):
            continue  # 石田 + 首相: the family name and an office, no given name
        for end in (e + 2, e + 3):
            given = simple[e:end]
            if end < word_end or end not in ctx.ends or len(given) < end - e or not all_han(given):
                continue
            if any(ch in cue_set("not_given_chars") for ch in given):
                continue
            if not _name_pieces_loose(ctx, e, end) or not _japanese_name_ends(
                ctx, end, offices, follows
            ):
                continue
            out.append(_Mention(s, end, "person", _COMPOSED))
            break
    return out


def _name_pieces_loose(ctx: _Context, start: int, end: int) -> bool:
    """The given name's tokens are no word of two characters or more the dictionary knows
    only as an everyday word (表示, 学校); single characters may carry any tag."""
    for s, e, _tag in ctx.tiling(start, end):
        entries = ctx.entries.get(ctx.simple[s:e], ())
        if e - s > 1 and entries and not any(x.proper for x in entries):
            return False
    return True


def _japanese_name_ends(
    ctx: _Context, end: int, offices: frozenset[str], follows: tuple[str, ...]
) -> bool:
    """A name may end at `end`: the text ends, or punctuation, a verb, a time word, 的 or an
    office (官房长官) follows."""
    simple = ctx.simple
    if end >= len(simple) or not all_han(simple[end]):
        return True
    if simple.startswith(follows, end) or simple[end] == "的":
        return True
    if any(simple.startswith(office, end) for office in offices):
        return True
    k = ctx.token_range(end, len(simple)).start
    return k < len(ctx.tokens) and ctx.tokens[k][0] == end and ctx.tokens[k][2][:1] in "vpt"


def _name_pieces(ctx: _Context, start: int, end: int) -> bool:
    """The tokens of start:end may be pieces of a name: none opens with a verb or function
    word (在 + 东京), none is a verb, pronoun or particle or a longer such word, nor a word
    the dictionary knows only as an everyday word (but 上野 + 和/c + 子, 岩 + 田 + 正/d + 雄:
    the segmenter's single characters of an unknown name)."""
    for s, e, tag in ctx.tiling(start, end):
        if tag[0] in ("vru" if s > start and e - s == 1 else "vpcdru"):
            return False
        entries = ctx.entries.get(ctx.simple[s:e], ())
        if e - s > 1 and entries and not any(x.proper for x in entries):
            return False
    return True


def _verb_at(ctx: _Context, at: int) -> bool:
    """A verb or a preposition starts at `at` (上川阳子 + 抵达, + 在): the name before it ended."""
    k = ctx.token_range(at, len(ctx.simple)).start
    return k < len(ctx.tokens) and ctx.tokens[k][0] == at and ctx.tokens[k][2] in ("v", "p")


def _name_after_title(ctx: _Context, at: int) -> int | None:
    """The end of a Chinese name starting at `at` (surname + one or two characters), if the
    text there ends a word before `after_name` words or punctuation."""
    simple, lex = ctx.simple, ctx.lex
    surname = simple[at : at + 2] if simple[at : at + 2] in lex.surnames else simple[at : at + 1]
    if not surname or surname not in lex.surnames or at not in ctx.starts:
        return None
    first = ctx.tokens[ctx.token_range(at, len(simple)).start]
    lone = first[1] == at + len(surname) and not _counted(simple, at)
    if first[2] in _FUNCTION_TAGS and not (first[2] in ("q", "m") and lone):
        return None  # 队长 + 和/c + 指挥: "and", not the surname 和; but 主席 + 张/q + 又/d,
    # 歌手 + 许/m ("some") + 晴川 ...
    follows = cues("after_name")
    for given in (2, 1):
        end = at + len(surname) + given
        if end > len(simple) or not all_han(simple[at:end]) or end not in ctx.ends:
            continue
        if given == 2 and end - 1 in ctx.ends and simple.startswith(follows, end - 1):
            continue  # 李华 + 说: the segmenter cut the verb of saying off the name
        if WEEKDAY.fullmatch(simple, at, end):
            continue  # 部长 + 周三晚 + 表示: a day, not the surname 周
        if _no_given_name(ctx, at + len(surname), end):
            continue  # 记者 + 时 + 表示, 主任 + 商量 + 过: a verb, not a name
        if end == len(simple) or simple.startswith(follows, end):
            form = simple[at:end]
            entries = ctx.entries.get(form, ())
            if _fold(form) in lex.stop or any(not e.proper for e in entries):
                return None  # 王国, 高速: an everyday word, not a name
            return end
    return None


def _counted(simple: str, at: int) -> bool:
    """主任 + 三 + 人, 代表 + 万 + 名: a numeral that counts, not a surname. Of the numerals
    only 万 is a common surname: 主席 + 万/m + 立 + 群 is a name, unless a numeral or a measure
    word follows it."""
    if simple[at] not in _NUMERALS:
        return False
    return simple[at] != "万" or simple[at + 1 : at + 2] in _NUMERALS | _MEASURES


_MEASURES = frozenset("人名位个余多次年元件户家届项条")


def _no_given_name(ctx: _Context, start: int, end: int) -> bool:
    """start:end, after a surname's character, is a verb of saying the segmenter kept whole
    (时 + 表示) or ends in an aspect particle (商量 + 过, 看 + 了): no given name."""
    inside = ctx.tiling(start, end)
    if len(inside) == 1 and ctx.simple[start:end] in cue_set("after_name"):
        return True
    last = ctx.token_range(end - 1, end)
    return bool(last) and ctx.tokens[last.start][2] in ("ul", "ug", "uz")


_DIGIT = "一二三四五六七八九"


_CONGRESS = re.compile(
    rf"(?<![{_DIGIT}十百])(?:十[{_DIGIT}]|二十[{_DIGIT}]?)大(?=[召精报代会以期上前后提的，。、])"
)


def _congress_mentions(ctx: _Context) -> list[_Mention]:
    """十五大, 党的十六大: a numbered national party congress, by its usual short form."""
    return [_Mention(m.start(), m.end(), "organization", _COMPOSED)
            for m in _CONGRESS.finditer(ctx.simple)]  # fmt: skip


def _edition_names(ctx: _Context) -> list[_Mention]:
    """第十二届 + 某国动漫某某奖, 本届 + 某某奖: what a numbered edition (届) introduces, up to
    the first word ending in 奖, is the award's whole name, a work as the dictionary types
    "prize" (the place that opens it is part of the name). Not a prize's rank (一等奖) nor a
    run broken by a function word or a verb; not a festival (第五届 + 乌镇 + 戏剧节), whose
    town news annotation marks as the place (People's Daily, CLUENER)."""
    out: list[_Mention] = []
    simple = ctx.simple
    at = simple.find("届")
    while at >= 0:
        start = at + 1
        at = simple.find("届", start)
        if start not in ctx.starts:
            continue
        k = ctx.token_range(start, len(simple)).start
        for s, e, tag in ctx.tokens[k : k + 5]:
            word = simple[s:e]
            if e - start > _EDITION_REACH or not all_han(word) or tag[0] in "vpcudr":
                break
            if word[-1] == "节":
                break
            if word[-1] == "奖":
                if e - start >= 3 and not simple.endswith(("等奖", "大奖"), start, e):
                    out.append(_Mention(start, e, "work", _COMPOSED))
                break
    return out


# The longest award name an edition introduces (第十二届 + 某国动漫某某奖).
_EDITION_REACH = 12


def _byline_names(ctx: _Context) -> list[_Mention]:
    """记者 + 江立国 + 报道: the word after a byline title is a name, whatever its tag."""
    out: list[_Mention] = []
    tokens, lex = ctx.tokens, ctx.lex
    for k in range(len(tokens) - 1):
        if ctx.simple[tokens[k][0] : tokens[k][1]] not in cue_set("byline"):
            continue
        start = tokens[k + 1][0]
        end = tokens[k + 1][1]
        if end - start == 1 and k + 2 < len(tokens):
            end = tokens[k + 2][1]  # 袁 + 炮兵
        name = ctx.simple[start:end]
        surname = lex.surname_of(name)
        shaped = 2 <= len(name) <= 3 and len(name) > len(surname) and all_han(name)
        if _no_given_name(ctx, start + len(surname), end):
            continue  # 记者 + 时 + 表示: "when the reporters", no byline
        if shaped and surname in lex.surnames and _fold(name) not in lex.stop:
            out.append(_Mention(start, end, "person", _COMPOSED))
            out += _byline_list(ctx, end)
    return out


def _byline_list(ctx: _Context, end: int) -> list[_Mention]:
    """记者 + 张三、 + 李四 + 报道: the reporters a byline lists after its first name, each a
    word jieba tags a person (2-3 characters) before 、 or the byline's verb."""
    out: list[_Mention] = []
    while ctx.simple[end : end + 1] == "、":
        inside = ctx.token_range(end + 1, min(len(ctx.simple), end + 4))
        if not inside or ctx.tokens[inside.start][0] != end + 1:
            break
        s, e, tag = ctx.tokens[inside.start]
        after = ctx.simple[e : e + 2]
        closes = after[:1] == "、" or after.startswith(cues("byline_verbs"))
        if tag not in _PERSON_TAGS or not 2 <= e - s <= 3 or not closes:
            break
        out.append(_Mention(s, e, "person", _COMPOSED))
        end = e
    return out


_SOURCE_NAME = rf"[{HAN_CLASS}A-Za-z0-9]{{2,8}}?"
_DAY = r"\d{1,2}月\d{1,2}日"
_DATE = rf"(?:{_DAY})?"
_MEDIA = re.compile(
    rf"(?:(?:据|参考|援引|转引自|转自|来源[:：]?)\s*(?P<a>{_SOURCE_NAME})\s*{_DATE}(?:报道|消息|讯|援引)"
    rf"|(?:^|(?<=[\n【]))(?P<b>{_SOURCE_NAME})(?P<dated>{_DAY})?(?P<said>讯|报道[:：，, ])"
    rf"|【(?P<c>{_SOURCE_NAME})(?:导读|导语|按)】"
    rf"|[(（](?P<d>{_SOURCE_NAME})(?:注|按)[:：])",
    re.MULTILINE,
)


_DATE_DIGIT = r"[\d０-９一二三四五六七八九十]"
_DATELINE_DATE = re.compile(rf"{_DATE_DIGIT}{{1,2}}月{_DATE_DIGIT}{{1,3}}日[电讯]")


def _dateline_places(ctx: _Context) -> list[_Mention]:
    """本报罗林堡5月27日电, 新华社某国某城3月2日电: the name between a dateline's opener (the
    paper, a news agency, then perhaps the country) and its date is the city it was filed
    from, though jieba tagged it a person or a word (a foreign town often is). Names jieba
    tags places or bodies are left to the rules that read those (本报 + 联合国: the body;
    本报 + 某省 + 某市: two places)."""
    out: list[_Mention] = []
    simple = ctx.simple
    for opener in cues("dateline_openers"):
        at = simple.find(opener)
        while at >= 0:
            start = at + len(opener)
            date = _DATELINE_DATE.search(simple, start, start + 16)
            if date is not None and start in ctx.starts:
                end = date.start()
                start = _dateline_country_end(ctx, start, end) or start  # 本报 + 德国 + 罗林堡
                name = simple[start:end]
                tiles = ctx.tiling(start, end)
                tags = {tag for _, _, tag in tiles}
                named = bool(tags & {"ns", "nt", "j"}) or name in ctx.lex.bodies
                one_place = len(tiles) == 1 and tags == {"ns"} and name not in ctx.lex.bodies
                if 2 <= len(name) <= 6 and all_han(name) and tags and (not named or one_place):
                    out.append(_Mention(start, end, "place", _COMPOSED))  # (华盛顿/ns: no one)
            elif start in ctx.starts:
                out.extend(_dateless_city(ctx, start))
            at = simple.find(opener, at + 1)
    return out


def _dateless_city(ctx: _Context, start: int) -> list[_Mention]:
    """据新华社某城电: a dateline without its date, the agency, one name and 电, names the
    city the report was filed from (a place, though CC-CEDICT also knows a person by it)."""
    inside = ctx.token_range(start, start + 1)
    if inside.start >= len(ctx.tokens) or ctx.tokens[inside.start][0] != start:
        return []
    _, end, tag = ctx.tokens[inside.start]
    name = ctx.simple[start:end]
    if tag not in _DATELINE_CITY_TAGS or not 2 <= len(name) <= 6 or not all_han(name):
        return []
    if not _DATELESS_END.match(ctx.simple, end) or name in ctx.lex.bodies:
        return []
    return [_Mention(start, end, "place", _COMPOSED)]


# What jieba makes of a foreign city's name: a place, a person, a transliteration, a name.
_DATELINE_CITY_TAGS = frozenset({"ns", "nr", "nrt", "nrfg", "nz"})

# 电 as a word of its own, then a pause: the end of a dateline without its date.
_DATELESS_END = re.compile(r"电(?=[，,：:\s])")


def _dateline_country_end(ctx: _Context, start: int, end: int) -> int:
    """The end of a listed place (the country) that opens start:end with words after it,
    or 0."""
    for cut in range(end - 1, start + 1, -1):
        if cut in ctx.ends and ctx.simple[start:cut] in ctx.lex.places:
            return cut
    return 0


_LANGUAGE = re.compile(r"\blanguage\b|\(language\)|\bwritten\b", re.IGNORECASE)


def _opens_with_name(ctx: _Context, start: int, end: int) -> bool:
    """Whether start:end is a known name or its first word is one (a capitalised CC-CEDICT
    reading that is not a language, a name list's entry) or Latin: what tells a source
    (腾讯新闻) from a sentence's subject (中文新闻, 多家媒体)."""
    name = ctx.simple[start:end]
    if name in ctx.lex.known or name[0].isascii():
        return True
    tokens = ctx.tiling(start, end)
    first = ctx.simple[tokens[0][0] : tokens[0][1]] if tokens else name
    senses = _proper_senses(ctx.entries.get(first, ()))
    language = bool(senses) and all(_LANGUAGE.search(sense) for sense in senses)
    return first in ctx.lex.known or (bool(senses) and not language)


def _media_mentions(ctx: _Context) -> list[_Mention]:
    """据新华社报道, 智东西1月21日报道, 【新智元导读】, (机器之心注: a news source named as one.

    Not 据外媒报道 or 据该报消息: the source must be a name, not a kind of source."""
    out: list[_Mention] = []
    for m in _MEDIA.finditer(ctx.simple):
        group = next(g for g in "abcd" if m.group(g) is not None)
        name = m.group(group)
        start, end = m.start(group), m.end(group)
        if name.startswith(cues("not_a_source_start")) or name.endswith(cues("not_a_source_end")):
            continue
        entries = ctx.entries.get(name)
        if _fold(name) in ctx.lex.stop or (entries and not any(e.proper for e in entries)):
            continue  # 据统计, 据悉: a common word, not a source
        if group == "b" and _said_inside_word(ctx, start, end):
            continue  # 报告里多次提到 + 喜讯: good news, not a source's 讯
        dateless = group == "b" and not m.group("dated") and m.group("said") != "讯"
        if dateless and not _opens_with_name(ctx, start, end):
            continue  # 中文新闻报道，… opens a sentence; 腾讯新闻报道，… names a source
        opener = _agency_before_city(ctx, name)
        if opener:  # 据法新社 + 巴黎 + 3月2日报道: the agency and the city it filed from
            out.append(_Mention(start, start + opener, "organization", _COMPOSED))
            out.append(_Mention(start + opener, end, "place", _COMPOSED))
        elif _named_place_word(ctx, name):
            out.append(_Mention(start, end, "place", _COMPOSED))  # 北京6月17日讯: a dateline
        else:
            out.append(_Mention(start, end, "organization", _COMPOSED))
    return out


def _said_inside_word(ctx: _Context, start: int, end: int) -> bool:
    """喜讯, 通讯社, 简讯: the segmenter made a word of the candidate source's last character
    and the 讯 or 报道 after it, so that character is no name's end (but 新华社讯, 某某 +
    乐居讯: the source runs on into 讯)."""
    k = bisect_right(ctx.token_starts, end) - 1
    return k >= 0 and start < ctx.tokens[k][0] == end - 1 and end < ctx.tokens[k][1]


def _agency_before_city(ctx: _Context, name: str) -> int:
    """The length of a news agency's name that opens a source followed by a city's name
    (法新社巴黎), or 0."""
    for opener in cues("dateline_openers"):
        rest = name[len(opener) :] if opener != "本报" and name.startswith(opener) else ""
        if rest and _named_place_word(ctx, rest):
            return len(opener)
    return 0


def _named_state_initials(ctx: _Context) -> list[_Mention]:
    """马里 ... 马方, 以色列 ... 以方, 印度 ... 印全国, 意大利 ... 访意, 布隆迪 ... 布中两国:
    the first character of a state the text names stands for that state in news writing (as
    中方, 美方 do), before 方 "side", after a verb of visiting, before a word of its state
    (政府, 全国) and beside another state before a word of relations; not a person 马方, a
    word 伊方, nor the preposition of 以全国之力 where no 以色列 is named."""
    initials = cue_set("state_initials")
    found: dict[int, int] = {}  # start of the initial -> end of the state names it opens
    for k, (s, e, tag) in enumerate(ctx.tokens):
        if ctx.simple[s] not in initials:
            continue
        if e - s == 2 and ctx.simple[s + 1] == "方":
            found[s] = s + 1  # 马方/nr as one word
        elif e - s == 1 and _stands_for_a_state(ctx, k, tag):
            found[s] = s + 1
        elif e - s == 2 and _state_pair_word(ctx, k):
            found[s] = e  # 布中/nrt + 两国: both states
    if not found:
        return []
    firsts = {ctx.simple[s] for s in found}
    named = {
        ctx.simple[s] for s, e, _ in ctx.tokens
        if e - s >= 2 and ctx.simple[s] in firsts and s not in found
        and any(  # 伊朗外交部/nt opens with 伊朗
            _named_place_word(ctx, ctx.simple[s:k]) for k in range(s + 2, min(e, s + 5) + 1)
        )
    }  # fmt: skip
    return [
        _Mention(k, k + 1, "place", _COMPOSED)
        for s, end in found.items() if ctx.simple[s] in named for k in range(s, end)
    ]  # fmt: skip


def _stands_for_a_state(ctx: _Context, index: int, tag: str) -> bool:
    """A one-character word before 方 "side" or a word of its state (全国, 政府), or after a
    verb of visiting (访, 驻): where a state's initial stands, if the text names the state."""
    s, e, _ = ctx.tokens[index]
    if index + 1 < len(ctx.tokens) and ctx.tokens[index + 1][0] == e:
        ns, ne, _ = ctx.tokens[index + 1]
        after = ctx.simple[ns:ne]
        if after == "方":
            return True  # 以/p + 方/n: 以方便 and 以方法 are other words
        if after in cue_set("state_words_after_initial") and tag not in _NOT_A_STATE_TAGS:
            return True
    if index > 0 and ctx.tokens[index - 1][1] == s:
        ps, pe, _ = ctx.tokens[index - 1]
        return ctx.simple[ps:pe] in cue_set("visiting_verbs")
    return False


# A one-character word jieba reads as a preposition, conjunction, adverb, adjective, pronoun,
# numeral or particle is that word (以 + 全国, 新 + 政府), not a state's initial.
_NOT_A_STATE_TAGS = frozenset(_FUNCTION_TAGS - {"x"}) | {"a", "ad", "f", "ud", "o"}


def _state_pair_word(ctx: _Context, index: int) -> bool:
    """布中/nrt + 两国: two states' one-character names jieba made one word of, before a word
    of relations between states."""
    s, e, _ = ctx.tokens[index]
    if ctx.simple[s + 1] not in cue_set("country_short"):
        return False
    return ctx.simple[e : e + 4].startswith(cues("relations"))


def _country_pairs(ctx: _Context) -> list[_Mention]:
    """中意两国, 巴以谈判, 美中关系: two one-character country names before a word of
    relations between states are two places, whatever the segmenter made of them."""
    short = "".join(cues("pair_countries"))
    pattern = re.compile(f"(?<![{short}])([{short}])([{short}])(?={'|'.join(cues('relations'))})")
    out: list[_Mention] = []
    for m in pattern.finditer(ctx.simple):
        if m.group(1) != m.group(2) and (
            m.group(0) not in cue_set("whole_short") or _china_and_continent(ctx, m.end())
        ):
            out.append(_Mention(m.start(1), m.end(1), "place", _COMPOSED))
            out.append(_Mention(m.start(2), m.end(2), "place", _COMPOSED))
    return out


def _china_and_continent(ctx: _Context, end: int) -> bool:
    """中非 + 合作: China and Africa, not the Central African Republic (中非两国 is that)."""
    return ctx.simple[end - 2 : end] in cue_set("china_and_continent") and not (
        _COUNTED_STATES.match(ctx.simple, end)
    )


# A count of states (三国, 四国, 十国) after a run of one-character states: so many states.
_COUNTED_STATES = re.compile(r"[两二三四五六七八九十]{1,2}国")


def _region_coordinations(ctx: _Context) -> list[tuple[int, int, list[_Mention]]]:
    """京津冀, 黄淮北部, 港澳地区, 中美等国: one-character names of places run together are
    that many places, one a character, as People's Daily writes them (the whole run is no
    name of its own). Evidence that a run coordinates: CC-CEDICT glosses it "X and Y" or
    "X-Y" (京津, 青藏, 中美) and knows it as nothing else, or a word of regions or relations
    follows; a run the dictionary does not know, three names or more or that word after it.
    Returns (start, end of the run and the region word it opens, its places): a longer
    mention ending there is the run read as one name."""
    short = "".join(cues("region_short")) + "".join(cues("pair_countries"))
    out: list[tuple[int, int, list[_Mention]]] = []
    for m in re.finditer(f"(?<![{short}])[{short}]{{2,4}}(?![{short}])", ctx.simple):
        start = m.start()
        while start < m.end() - 1:
            found = next(
                (
                    (start, end, after)
                    for end in range(m.end(), start + 1, -1)
                    if (after := _coordination_end(ctx, start, end)) is not None
                ),
                None,
            )
            if found is None:
                start += 1
                continue
            start, end, after = found
            places = [_Mention(i, i + 1, "place", _COMPOSED) for i in range(start, end)]
            out.append((start, end + len(after), places))
            start = end
    return out


def _coordination_end(ctx: _Context, start: int, end: int) -> str | None:
    """The region or relations word after the run start:end ("" for none) when the run is
    a coordination of places (see `_region_coordinations`), else None."""
    run = ctx.simple[start:end]
    if start not in ctx.starts or len(set(run)) < len(run) or run in cue_set("whole_short"):
        return None
    if run[0] in cue_set("not_coordination_first"):
        return None  # 以 + 美中: a preposition, not Israel
    afters = cues("region_after") + cues("relations")
    after = next((w for w in afters if ctx.simple.startswith(w, end)), "")
    counted = _COUNTED_STATES.match(ctx.simple, end)
    after = counted.group() if counted and not after else after
    inside = any(i in ctx.starts for i in range(start + 1, end))
    glued_count = counted is not None and counted.end() in ctx.ends  # 中日 + 韩三国/ns
    opens_word = end not in ctx.ends and (inside or not (after and end + len(after) in ctx.ends))
    if opens_word and not glued_count:
        return None  # 美国, 中美洲, 黄淮 + 中南部: the run opens a longer word
    entries = ctx.entries.get(run, ())
    if entries:  # 美德: "USA and Germany", but first "virtue"
        joined = coordinated(entries) and (all(e.proper for e in entries) or bool(after))
    else:
        joined = len(run) >= 3 or bool(after)
    return after if joined else None


def _named_people(ctx: _Context) -> list[_Mention]:
    """我叫孙立民, 他名叫钱江南: after a verb of naming, a one-character surname and the word
    after it (one or two characters, no title) are a person's name, though jieba read the
    given name as a place or a common word."""
    out: list[_Mention] = []
    tokens, simple = ctx.tokens, ctx.simple
    for k in range(len(tokens) - 2):
        if simple[tokens[k][0] : tokens[k][1]] not in cue_set("naming_verbs"):
            continue
        (s, e, _), (gs, ge, tag) = tokens[k + 1], tokens[k + 2]
        given = simple[gs:ge]
        if e - s != 1 or simple[s] not in ctx.lex.surnames or not 1 <= ge - gs <= 2:
            continue
        if not all_han(given) or tag in _FUNCTION_TAGS or given in cue_set("titles"):
            continue
        out.append(_Mention(s, ge, "person", _COMPOSED))
    return out


# Where a courtesy or art name's clause ends.
_CLAUSE_END = "，,。；;、：:)）"


def _courtesy_names(ctx: _Context) -> list[_Mention]:
    """钱某字伯言，号松溪居士: 字 gives a person's courtesy name (two characters) and 号 an art
    name (two to four), each one clause up to the next comma, right after the person or the
    clause before; neither is an everyday word (王某字写得好 is his handwriting)."""
    out: list[_Mention] = []
    tokens, simple, markers = ctx.tokens, ctx.simple, cue_set("courtesy_markers")
    if not any(simple[s:e] in markers for s, e, _ in tokens):
        return out  # most articles: no marker, no walk over the people
    after_person = -1  # where the person or the last name clause ends
    for s, e, tag in tokens:
        if s < after_person:
            continue  # inside a name clause found already (伯言: 伯/nr 言/vg)
        word = simple[s:e]
        if tag in _PERSON_TAGS or _known_person(ctx, word):
            after_person = e
            continue
        if word not in markers:
            continue
        if s != after_person and not (s - 1 == after_person and simple[s - 1] in "，,"):
            continue
        end = e
        while end < len(simple) and simple[end] not in _CLAUSE_END and end - e <= 4:
            end += 1
        name = simple[e:end]
        longest = 2 if word == "字" else 4
        if end >= len(simple) or not 2 <= len(name) <= longest or not all_han(name):
            continue
        entries = ctx.entries.get(name, ())
        if entries and not _proper_senses(entries):
            continue  # 很好, 漂亮: an everyday word, not a name
        out.append(_Mention(e, end, "person", _COMPOSED))
        after_person = end
    return out


# Quotation marks a pen name may stand in, and what may end an unquoted one (the clause, or
# 的 before the person it names: 笔名某某的诗人).
_OPEN_QUOTES = "“‘「『\""
_CLOSE_QUOTES = "”’」』\""
_PEN_NAME_END = _CLAUSE_END + "的" + _CLOSE_QUOTES
_PEN_NAME_JOINS = "为是叫：:"


def _pen_names(ctx: _Context) -> list[_Mention]:
    """笔名“南岸”, 艺名青禾: the name after a word that gives a pen or stage name is what a
    person is called (two to six characters in quotation marks, else two to four up to the
    clause's end or 的), whatever the segmenter tagged it; not an everyday word."""
    out: list[_Mention] = []
    simple = ctx.simple
    for found in cue_pattern("pen_name_markers").finditer(simple):
        s, e = found.span()
        if simple[e : e + 1] in _PEN_NAME_JOINS:
            e += 1  # 笔名 + 为 + 某某, 艺名 + ：
        quoted = simple[e : e + 1] in _OPEN_QUOTES and e + 1 < len(simple)
        start = e + 1 if quoted else e
        end = start
        while end < len(simple) and simple[end] not in _PEN_NAME_END and end - start <= 6:
            end += 1
        name = simple[start:end]
        longest = 6 if quoted else 4
        if end >= len(simple) or not 2 <= len(name) <= longest or not all_han(name):
            continue
        if quoted and simple[end] not in _CLOSE_QUOTES:
            continue  # no closing mark: a quotation, not a name
        if not quoted and (s not in ctx.starts or end not in ctx.ends):
            continue  # 文化 + 名人: no marker unless it opens a word or quotes a name
        entries = ctx.entries.get(name, ())
        if not quoted and entries and not _proper_senses(entries):
            continue  # 化名 + 出现: an everyday word, not a name
        out.append(_Mention(start, end, "person", _KNOWN))  # said outright, as sure as a list
    return out


def _known_person(ctx: _Context, word: str) -> bool:
    """A word CC-CEDICT knows as a person (陆某/n: jieba's tag missed him)."""
    proper = _proper_senses(ctx.entries.get(word, ()))
    return len(word) >= 2 and bool(proper) and _type_from_gloss(proper) == "person"
