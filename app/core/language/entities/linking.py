"""Mentions of one entity merged into one `Entity`: both scripts, short and full forms, "X(Y)"
glosses, initials, known aliases, the dictionary's English name."""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache

from app.core.language.english_names import name_from_sense
from app.core.language.entities.glosses import NameDictionary, _proper_senses
from app.core.language.entities.lexicon import (
    _DOTS,
    _FUNCTION_TAGS,
    _KNOWN,
    _PARENS,
    _TAGGER,
    _fold,
    _Lexicon,
    _literal_pattern,
    cue_set,
    longest_first,
)
from app.core.language.entities.mentions import (
    _Context,
    _Mention,
    _named_place_word,
    _resolve_overlaps,
    _Spans,
)
from app.core.text.chars import HAN_CLASS, all_han, has_han, is_han
from app.core.types import Entity, EntityType
from app.core.user.corrections import normalize_name


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def _trim_glued_names(ctx: _Context, mentions: list[_Mention]) -> list[_Mention]:
    """杨格官(宣): a guessed name that is a known name of this article plus a stray character."""
    people = {ctx.simple[m.start : m.end] for m in mentions if m.type == "person"}
    for m in mentions:
        guessed = m.priority == _TAGGER and m.type == "person" and m.length == 3
        if guessed and ctx.simple[m.start : m.start + 2] in people:
            m.end -= 1
        elif guessed and ctx.simple[m.start + 1 : m.end] in people:
            m.start += 1  # 连 + 小扎
    return mentions


def _name_before(ctx: _Context, end: int) -> tuple[int, int] | None:
    """The word ending at `end`: one token, or a run of one-character tokens (小/扎)."""
    last = bisect_right(ctx.token_ends, end)
    if last == 0 or ctx.token_ends[last - 1] != end:
        return None
    start = ctx.tokens[last - 1][0]
    if end - start == 1:
        for s, e, tag in reversed(ctx.tokens[max(0, last - 4) : last - 1]):
            if e - s != 1 or end - s > 3 or not is_han(ctx.simple[s]) or tag in _FUNCTION_TAGS:
                break
            start = s
    return start, end


@cache
def _short_name() -> re.Pattern[str]:
    """What a company's full name is followed by in brackets to give the short name the text
    uses from then on: （以下简称“某某科技”）, （下称某某）."""
    said = "|".join(longest_first("short_name_cues"))
    return re.compile(
        rf"(?:{said})[为作]?[“\"「『]?([{HAN_CLASS}A-Za-z0-9]{{2,8}})[”\"」』]?[）)]"
    )


def _paren_alias_mentions(ctx: _Context, mentions: list[_Mention]) -> list[_Mention]:
    """小扎（祖克柏）: the text says a nickname and a name are one person; 某某科技股份有限公司
    （以下简称“某某科技”）: a company and the short name it goes by."""
    by_start = {m.start: m for m in mentions}
    by_end = {m.end: m for m in mentions}
    extra = []
    shorts: set[str] = set()
    for i, ch in enumerate(ctx.simple):
        closer = _PARENS.get(ch)
        if closer is None:
            continue
        body = by_end.get(i)
        is_firm = body is not None and body.type == "organization"
        called = _short_name().match(ctx.simple, i + 1) if is_firm else None
        if called is not None:
            extra.append(_Mention(called.start(1), called.end(1), "organization", _TAGGER))
            shorts.add(called.group(1))
            continue  # 某某科技股份有限公司（以下简称“某某科技”）
        close = ctx.simple.find(closer, i + 1, i + 12)
        if close < 0:
            continue
        inner, outer = by_start.get(i + 1), by_end.get(i)
        if inner is not None and inner.end == close and outer is None:
            span = _name_before(ctx, i)
            known = inner.type
        elif outer is not None and inner is None:
            span = (i + 1, close)
            known = outer.type
        else:
            continue
        if span is None:
            continue
        word = ctx.simple[span[0] : span[1]]
        entries = ctx.entries.get(word, ())
        if (
            2 <= len(word) <= 4
            and all_han(word)
            and _fold(word) not in ctx.lex.stop
            and not any(not e.proper for e in entries)
        ):
            extra.append(_Mention(span[0], span[1], known, _TAGGER))
    if shorts:  # the short name is the company's wherever it stands (not a quoted work)
        named = _short_name_mentions(ctx, shorts)
        spans = {(m.start, m.end) for m in named}
        mentions = [m for m in mentions if (m.start, m.end) not in spans]
        extra += named
    return _resolve_overlaps(mentions + extra) if extra else mentions


def _short_name_mentions(ctx: _Context, shorts: set[str]) -> list[_Mention]:
    """Every place the text uses a company's declared short name: the text named the company
    so from there on."""
    return _word_uses(ctx, shorts, "organization")


def _word_uses(ctx: _Context, forms: set[str], etype: EntityType) -> list[_Mention]:
    """Mentions of `forms` wherever the text has one as a word of its own (its ends are the
    segmenter's word ends)."""
    pattern = _literal_pattern(forms)
    if pattern is None:
        return []
    return [
        _Mention(m.start(), m.end(), etype, _TAGGER)
        for m in pattern.finditer(ctx.simple)
        if m.start() in ctx.starts and m.end() in ctx.ends
    ]


def _firm_short_mentions(ctx: _Context, mentions: list[_Mention]) -> list[_Mention]:
    """宏达集团 ... 宏达: later uses of a firm's short name (`_firm_short_forms`) name that
    firm, where they stand as a word of their own."""
    shorts = {
        short
        for m in mentions
        if m.type == "organization"
        for short in _firm_short_forms(ctx, ctx.simple[m.start : m.end])
    }
    if not shorts:
        return mentions
    taken = {(m.start, m.end) for m in mentions}
    extra = [m for m in _short_name_mentions(ctx, shorts) if (m.start, m.end) not in taken]
    return _resolve_overlaps(mentions + extra) if extra else mentions


def _body_short_mentions(ctx: _Context, mentions: list[_Mention]) -> list[_Mention]:
    """华川大学附属第一医院 ... 华川大附一院, 中国羽毛球协会 ... 中国羽协: a word of the text
    (whole tokens) that `_shortens` a body the text names is that body, over a place read
    inside it (中国 of 中国羽协); a word the dictionary knows as an everyday word is not."""
    lex = ctx.lex
    openers: set[str] = set()
    closers: dict[tuple[str, str], set[str]] = {}  # (first, last character) -> full names
    for m in mentions:
        full = ctx.simple[m.start : m.end]
        if m.type == "organization" and len(full) >= 4 and all_han(full):
            for at in _short_form_openers(ctx, full):
                openers.add(full[at])
                for last in _short_form_ends(lex, full):
                    closers.setdefault((full[at], last), set()).add(full)
    if not openers:
        return mentions
    extra: list[_Mention] = []
    dropped: set[int] = set()
    spans = _Spans(mentions)
    for s in sorted(ctx.starts):
        first = ctx.simple[s : s + 1]
        for e in range(min(s + 7, len(ctx.simple)), s + 1, -1) if first in openers else ():
            short = ctx.simple[s:e]
            fulls = closers.get((first, short[-1]), ())
            if e not in ctx.ends or not any(_shortens(lex, short, f) for f in fulls):
                continue
            after = ctx.tokens_within(e, e + 4)[:1]
            follows = ctx.simple[e : after[0][1]] if after else ""
            if lex.org_ending(short + follows) or follows in cue_set("trades"):
                break  # 交银 + 信托 is another firm than 交通银行
            inside = spans.overlapping(s, e)
            entries = ctx.entries.get(short, ())
            if any(m.start < s or m.end > e or m.type != "place" for m in inside) or any(
                not x.proper for x in entries
            ):
                break  # a name across its ends, a name not a place inside, an everyday word
            extra.append(_Mention(s, e, "organization", _TAGGER))
            dropped.update(id(m) for m in inside)
            break
    if not extra:
        return mentions
    return _resolve_overlaps([m for m in mentions if id(m) not in dropped] + extra)


def _short_form_openers(ctx: _Context, full: str) -> list[int]:
    """Where a body's short form may open in its full name: at its first character, or past
    a place that opens it (足协 of 中国足球协会, 港大 of 香港大学)."""
    at = [0]
    for cut in (2, 3):
        if len(full) > cut + 1 and _named_place_word(ctx, full[:cut]):
            at += [cut - 1, cut]
    return at


def _firm_short_forms(ctx: _Context, form: str) -> list[str]:
    """What a text calls a firm after naming it in full: the name without its ending
    (宏达 of 宏达集团), without the city before it (鑫源科技 of 杭州鑫源科技有限公司) and
    without its trade (鑫源). Only forms that read as a name: no everyday word (人民,
    国际), no place and no surname."""
    ending = next((e for e in longest_first("firm_endings") if form.endswith(e)), None)
    if ending is None:
        return []
    head = form[: -len(ending)]
    heads = [head] + [head[cut:] for cut in range(2, len(head) - 1)
                      if _named_place_word(ctx, head[:cut])]  # fmt: skip
    heads += [  # 宏远控股 and 宏远 of 宏远控股 + 集团 + 股份有限公司
        head[: -len(inner)] for inner in longest_first("firm_endings")
        if head.endswith(inner) and len(head) - len(inner) >= 2
    ]  # fmt: skip
    for h in list(heads):
        trade = next((t for t in longest_first("trades") if h.endswith(t)), None)
        if trade is not None:
            heads.append(h[: -len(trade)])
    return [h for h in heads if _reads_as_a_firm(ctx, h)]


def _reads_as_a_firm(ctx: _Context, head: str) -> bool:
    if not (2 <= len(head) <= 4 and all_han(head)) or _fold(head) in ctx.lex.stop:
        return False
    if head in ctx.lex.places or head in ctx.lex.surnames or _named_place_word(ctx, head):
        return False
    entries = ctx.entries.get(head, ())
    return not any(not e.proper for e in entries) and not _proper_senses(entries)


def _add_part_mentions(ctx: _Context, mentions: list[_Mention]) -> list[_Mention]:
    """Later mentions of a dotted name's parts (希尔 after 菲利克斯·希尔) count for that name."""
    parts: set[str] = set()
    for m in mentions:
        form = ctx.simple[m.start : m.end]
        if m.type == "person" and any(d in form for d in _DOTS + "?"):
            parts.update(p for p in re.split(f"[{_DOTS}?]", form) if len(p) >= 2)
    if not parts:
        return mentions
    return _resolve_overlaps(mentions + _word_uses(ctx, parts, "person"))


def _nickname_mentions(ctx: _Context, mentions: list[_Mention]) -> list[_Mention]:
    """小扎, 老黄: 小/老 + the first character of a person named in the text (or of a known
    spelling of them) is a nickname of that person, unless the dictionary knows the word."""
    initials: set[str] = set()
    for m in mentions:
        if m.type != "person" or m.length < 2:
            continue
        initials.add(ctx.simple[m.start])
        if m.known is not None:
            for key in ctx.lex.aliases.get(normalize_name(m.known.name), ()):
                if len(key) >= 2 and is_han(key[0]):
                    initials.add(key[0])
    if not initials:
        return mentions
    taken = {i for m in mentions for i in range(m.start, m.end)}
    extra = []
    for match in re.finditer(f"[小老][{''.join(sorted(initials))}]", ctx.simple):
        s, e = match.span()
        if s in taken or s + 1 in taken or ctx.entries.get(match.group()):
            continue
        extra.append(_Mention(s, e, "person", _TAGGER))
    return _resolve_overlaps(mentions + extra) if extra else mentions


def _initials_in(short: str, long: str) -> bool:
    words = long.split()
    it = iter(short.replace(" ", ""))
    return len(words) >= 3 and all(w[:1] in it for w in words if w)


def _abbreviates(a: str, b: str) -> bool:
    """ChatGPT (Chat Generative Pre-trained Transformer): one spelled from the other's initials."""
    short, long = sorted((a, b), key=len)
    return " " not in short and _initials_in(short, long)


@dataclass
class _Links:
    """The mentions of one text by key (folded form), and which keys name one entity."""

    ctx: _Context
    keyed: list[tuple[str, _Mention]]
    dictionary: NameDictionary
    uf: _UnionFind = field(default_factory=_UnionFind)
    english_of: dict[str, str | None] = field(default_factory=dict)
    # Each key's mentions in text order: rules ask a key's type once per key, and a scan of
    # every mention each time made a long text's linking quadratic.
    by_key: dict[str, list[_Mention]] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        for k, m in self.keyed:
            self.by_key.setdefault(k, []).append(m)

    @property
    def keys(self) -> set[str]:
        return {k for k, _ in self.keyed}

    def type_of(self, key: str) -> EntityType | None:
        mentions = self.by_key.get(key)
        return mentions[0].type if mentions else None

    def retype(self, key: str, etype: EntityType) -> None:
        for m in self.by_key.get(key, ()):
            m.type = etype


def _link_known(links: _Links) -> None:
    """Every form of a known name (祖克柏, 扎克伯格, Zuckerberg) is that name."""
    for key, m in links.keyed:
        links.uf.find(key)
        if m.known is not None:
            links.uf.union(normalize_name(m.known.name), key)


def _link_glossed(links: _Links) -> None:
    """ "X(Y)", "X, 人称 Y" and "X（以下简称“Y”）": a name glossed by another name right
    after it."""
    simple = links.ctx.simple
    for (k1, m1), (k2, m2) in itertools.pairwise(links.keyed):
        between = simple[m1.end : m2.start].strip()
        closer = _PARENS.get(between)
        if closer and simple[m2.end : m2.end + 1] == closer:
            if _bracketed_host(links.ctx, m1, m2):
                continue
            if not (k1.isascii() and k2.isascii()) or _abbreviates(k1, k2):
                links.uf.union(k1, k2)  # but "GPT-4 (GPT-3.5)" is no alias
        elif between.strip("，,、 ") in cue_set("alias_cues") and between:
            links.uf.union(k1, k2)
        elif between[:1] in _PARENS and m1.type == m2.type == "organization":
            called = _short_name().match(simple, m1.end + 1)
            if called is not None and called.span(1) == (m2.start, m2.end):
                links.uf.union(k1, k2)  # 某某科技股份有限公司（以下简称“某某科技”）


def _bracketed_host(ctx: _Context, m1: _Mention, m2: _Mention) -> bool:
    """中国（西安）国际博览会, 中国（某地）自由贸易试验区: a place bracketed after another, with
    the name's words going on right after the bracket, is the city hosting a fair or a zone
    the longer name calls so, not another name for the first place."""
    if m1.type != "place" or m2.type != "place" or not has_han(ctx.simple[m1.start : m1.end]):
        return False
    after = ctx.tokens_within(m2.end + 1, m2.end + 8)
    return bool(after) and after[0][0] == m2.end + 1 and after[0][2] in ("n", "vn", "nz", "nt")


def _link_generic_endings(links: _Links) -> None:
    """FAIR实验室, Anthropic公司, TBD Lab, Reka AI: a name plus a generic ending is that name.

    The ending also types the whole (TBD, a guessed work, is TBD Lab's organisation); but a
    place or a person plus an ending (美国大学, 李飞飞实验室) is another body, and a known
    name with its own entry (Meta AI beside Meta) stays apart."""
    lex, keys = links.ctx.lex, links.keys
    latin_endings = {w.casefold() for w in cue_set("latin_org_words")}
    for key in keys:
        if key in lex.known:
            continue
        for cut in range(1, len(key)):
            head, tail = key[:cut].rstrip(), key[cut:].lstrip()
            if head not in keys or (head in lex.known and key.isascii()):
                continue
            ending = lex.suffixes.get(tail)
            if ending is None and head.isascii() and tail in latin_endings:
                ending = "organization"
            head_type = links.type_of(head)
            other_body = head_type == "place" or (head_type == "person" and not head.isascii())
            if ending is None or (other_body and head_type != ending):
                continue  # but Reka (a guessed person) + AI is Reka AI
            if head_type == "place" and ending == "place" and len(tail) >= 2:
                continue  # 上海 + 大剧院, 某市 + 体育馆: a building in the city, not the city
            links.uf.union(head, key)
            if ending == "organization":
                links.retype(head, ending)
                links.retype(key, ending)


def _link_firm_short_names(links: _Links) -> None:
    """杭州鑫源科技有限公司, 鑫源科技 and 鑫源 in one text: one firm."""
    keys = links.keys
    for key in keys:
        if links.type_of(key) == "organization":
            for short in _firm_short_forms(links.ctx, key):
                if short in keys:
                    links.uf.union(key, short)
                    links.retype(short, "organization")


def _link_body_short_forms(links: _Links) -> None:
    """中国篮球协会 ... 中国篮协, 江岭师范大学 ... 江岭师大, 中国科学院 ... 中科院: a body's short
    form keeps characters of its full name in order (`_shortens`) and is that body, where just
    one full name of the text fits best: the one that drops fewest characters (港大 is
    香港大学 beside 香港中文大学), else none (师大 beside two 某某师范大学 stays apart)."""
    lex = links.ctx.lex
    bodies = [k for k in links.keys if links.type_of(k) == "organization" and all_han(k)]
    by_end: dict[str, list[str]] = {}  # a full name under each character a short form may end in
    for full in bodies:
        for last in _short_form_ends(lex, full):
            by_end.setdefault(last, []).append(full)
    for short in bodies:
        fulls = [
            full for full in by_end.get(short[-1], ())
            if len(full) > len(short) and short[0] in full and _shortens(lex, short, full)
        ]  # fmt: skip
        nearest = min(map(len, fulls), default=0)
        owners = {links.uf.find(full) for full in fulls if len(full) == nearest}
        if len(owners) == 1:
            links.uf.union(owners.pop(), short)


def _short_form_ends(lex: _Lexicon, full: str) -> set[str]:
    """The characters a short form of `full` may end in (`_shortens`): its last one and the
    first of its ending (会 or 协 of 协会); none for a name with no organisation ending. Texts
    with thousands of bodies pair each short form only with the full names it can shorten."""
    ending = lex.org_ending(full)
    return {full[-1], full[-ending]} if ending else set()


def _shortens(lex: _Lexicon, short: str, full: str) -> bool:
    """Whether `short` is a short form of `full`: its characters in order, cut from at least
    two places (中国羽协 of 中国羽毛球协会; 北京大学 is another body than 北京师范大学), at most
    about two dropped for one kept (交行 is no 某某交银村镇银行), ending in the first or the
    last character of the full name's ending (协 of 协会, 院 of 医院; 省委 is no 省人大常委会,
    北京大学 no 北京大学附属中学), and no whole part of the name (华川大学 is the parent of
    华川大学附属医院, 公安局 of 某市公安局某分局); only a two-character word inside a name of
    four (港大 of 香港大学) is one."""
    dropped, at = len(full) - len(short), full.find(short)
    if not 2 <= len(short) < len(full) or dropped > 2 * len(short) + 2 or at == 0:
        return False
    if at > 0 and (at, dropped) != (1, 2):
        return False  # but 港大 of 香港大学
    ending = lex.org_ending(full)
    own = lex.org_ending(short)
    if ending == 0 or (own >= 2 and short[-own:] != full[-ending:]):
        return False
    kept, at = [], 0
    for ch in short[:-1]:
        at = full.find(ch, at) + 1
        if at == 0:
            return False
        kept.append(at - 1)
    last = len(full) - (1 if short[-1] == full[-1] else ending)
    if short[-1] != full[last] or (kept and last <= kept[-1]):
        return False
    kept.append(last)
    cuts = (kept[0] > 0) + (kept[-1] < len(full) - 1)
    gaps = [full[a + 1 : b] for a, b in itertools.pairwise(kept) if b - a > 1]
    if cuts == 0 and len(gaps) == 1 and len(gaps[0]) >= 2 and lex.org_ending(gaps[0]):
        return True  # 市交管局 of 市公安局交管局: the parent body left out
    return cuts + len(gaps) >= 2


def _link_person_short_forms(links: _Links) -> None:
    """陈晓峰 ... 晓峰 说, 陈总 表示: a given name alone, or the surname with a form of
    address, is the one person of the text whose full name it shortens (if two full names
    fit, as 陈总 with 陈晓峰 and 陈思琪, it stays apart: the text does not say which)."""
    lex = links.ctx.lex
    people = [k for k in links.keys if links.type_of(k) == "person" and all_han(k)]
    by_given: dict[str, set[str]] = {}
    by_surname: dict[str, set[str]] = {}
    for key in people:
        surname = lex.surname_of(key)
        if surname in lex.surnames and len(key) - len(surname) == 2:
            by_given.setdefault(key[len(surname) :], set()).add(key)
            by_surname.setdefault(surname, set()).add(key)
    if not by_given:
        return
    addresses = cue_set("titles")
    for key in people:
        owners = set(by_given.get(key, ()))
        for surname in {key[:1], key[:2]}:
            if key[len(surname) :] in addresses:
                owners |= by_surname.get(surname, set())
        owners.discard(key)
        if len(owners) == 1:
            links.uf.union(owners.pop(), key)


def _acronym(words: list[str]) -> str:
    """ "To Be Determined" -> "tbd", "Fundamental AI Research" -> "fair" (capitals kept whole)."""
    return "".join(w if w.isupper() else w[:1] for w in words).casefold()


def _link_acronyms(links: _Links) -> None:
    """TBD and To Be Determined, FAIR and Fundamental AI Research, anywhere in the text: a
    Latin name of three words or more whose initials spell another Latin name."""
    forms = {_fold(links.ctx.simple[m.start : m.end]): links.ctx.simple[m.start : m.end]
             for _, m in links.keyed}  # fmt: skip
    short = {k for k, form in forms.items() if k.isascii() and " " not in k and form.isupper()}
    for key, form in forms.items():
        words = form.split()
        if key.isascii() and len(words) >= 3 and (acronym := _acronym(words)) in short:
            links.uf.union(acronym, key)


def _link_dotted_parts(links: _Links) -> None:
    """菲利克斯·希尔 owns 希尔 and 菲利克斯, which are then a person too."""
    keys = links.keys
    for key in keys:
        if any(d in key for d in _DOTS + "?"):
            for part in re.split(f"[{_DOTS}?]", key):
                if part in keys:
                    links.uf.union(key, part)
                    if links.type_of(key) == "person":
                        links.retype(part, "person")


def _link_latin_forms(links: _Links) -> None:
    """Short and misspelt Latin forms: Sutskever and IIya Sutskever for Ilya Sutskever, SF
    Alignment Workshop for San Francisco Alignment Workshop."""
    keys = links.keys
    latin_multi: dict[str, set[str]] = {}
    for key in keys:
        if key.isascii() and " " in key:
            words = key.split()
            latin_multi.setdefault(words[-1], set()).add(key)
            if links.type_of(key) == "person":
                latin_multi.setdefault(words[0], set()).add(key)
    for key in keys:
        if key.isascii() and " " in key and links.type_of(key) == "person":
            words = key.split()
            for other in latin_multi.get(words[-1], ()):
                first = other.split()[0]
                if other != key and first[0] == words[0][0] and len(words[-1]) >= 4:
                    links.uf.union(other, key)
    latin_keys = sorted(k for k in keys if k.isascii() and " " in k)
    for a, b in itertools.combinations(latin_keys, 2):
        (sa, wa), (sb, wb) = sorted(((a, a.split()), (b, b.split())), key=lambda p: len(p[1]))
        for cut in range(1, len(wb) - 1):
            if wa[1:] == wb[cut:] and len(wa) >= 2 and wa[0] == "".join(w[0] for w in wb[:cut]):
                links.uf.union(sa, sb)
    for key in keys:
        owners = latin_multi.get(key)
        if key.isascii() and " " not in key and owners and len(owners) == 1:
            owner = next(iter(owners))
            links.uf.union(owner, key)
            if links.type_of(owner) == "person":
                links.retype(key, "person")  # Felix of Felix Hill, however the tagger saw it


def _link_english(links: _Links) -> None:
    """輝達 and Nvidia, 马斯克 and Musk: the dictionary's English name links a Chinese spelling
    to the Latin one in the text (or to a Latin surname of a person)."""
    keys = links.keys
    for key, m in links.keyed:
        if key in links.english_of:
            continue
        eng = m.english
        if eng is None and len(key) == 1 and m.type == "place" and is_han(key):
            eng = _state_of_initial(links.dictionary, key)  # 访 + 华: China, not Mt Hua
        if eng is None and has_han(key):
            eng = links.dictionary.english_name(key)
        links.english_of[key] = eng
        if not eng:
            continue
        eng_key = _fold(eng)
        if eng_key in keys:
            links.uf.union(eng_key, key)
            continue
        last = eng_key.split()[-1] if " " in eng_key else None
        if last and last in keys and links.type_of(last) == "person":
            links.uf.union(last, key)
    _link_initials(links)


def _link_initials(links: _Links) -> None:
    """以色列 ... 以方, 中国 ... 中日: a state's first character is the state the text names,
    one row in the panel, not two that both say Israel."""
    places = {
        _fold(eng): key
        for key, eng in reversed(links.english_of.items())
        if eng and len(key) > 1 and has_han(key) and links.type_of(key) == "place"
    }
    for key, eng in links.english_of.items():
        if eng and len(key) == 1 and is_han(key) and links.type_of(key) == "place":
            full = places.get(_fold(eng))
            if full is not None:
                links.uf.union(full, key)


def _state_of_initial(dictionary: NameDictionary, initial: str) -> str | None:
    """华 of 访华 is China: a one-character place is the state or region CC-CEDICT says it
    abbreviates ("abbr. for China"), before any other name it has (华 is Mt Hua first)."""
    for entry in dictionary.lookup_many([initial]).get(initial, ()):
        for sense in entry.senses if entry.proper else ():
            if sense.startswith(_ABBREVIATES):  # "abbr. for 日本[Ri4 ben3], Japan"
                name = name_from_sense(
                    _CEDICT_REFERENCE.sub("", sense[len(_ABBREVIATES) :]).strip(" ,")
                )
                if name:
                    return name
    return None


_ABBREVIATES = "abbr. for "
# A CC-CEDICT cross-reference in a sense: 以色列[Yi3 se4 lie4], 美國|美国[Mei3 guo2].
_CEDICT_REFERENCE = re.compile(f"[^\\s,]*[{HAN_CLASS}][^\\s\\[,]*(?:\\[[^\\]]*\\])?")


def _forms_of(links: _Links) -> dict[str, set[str]]:
    """Every spelling each entity has so far: its mentions' keys and its known aliases."""
    forms: dict[str, set[str]] = {}
    for key, m in links.keyed:
        group = forms.setdefault(links.uf.find(key), set())
        group.add(key)
        if m.known is not None:
            group.add(normalize_name(m.known.name))
            group.update(links.ctx.lex.aliases.get(normalize_name(m.known.name), ()))
    return forms


def _link_nicknames(links: _Links) -> None:
    """小扎 is Zuckerberg (扎克伯格), 老黄 is 黄仁勋: 小/老 + the first character of exactly one
    person's name in the text (a mention or a known spelling of it); so is the lone surname
    of 唐 + 外长 when one 唐 is named in full."""
    people = [k for k, m in links.keyed if m.type == "person"]
    nicknames = {k: k[1] for k in people if len(k) == 2 and k[0] in "小老" and is_han(k[1])}
    nicknames.update((k, k) for k in people if len(k) == 1 and is_han(k))
    if not nicknames:
        return
    forms = _forms_of(links)
    for nick, initial in nicknames.items():
        own = links.uf.find(nick)
        owners = {
            root for root, spellings in forms.items()
            if root != own and links.type_of(root) in ("person", None)
            and any(len(f) >= 2 and f[0] == initial and f != nick for f in spellings)
        }  # fmt: skip
        if len(owners) == 1:
            links.uf.union(owners.pop(), nick)


_LINK_RULES = (
    _link_known,
    _link_glossed,
    _link_generic_endings,
    _link_firm_short_names,
    _link_body_short_forms,
    _link_person_short_forms,
    _link_acronyms,
    _link_dotted_parts,
    _link_latin_forms,
    _link_english,
    _link_nicknames,
)


def _merge(ctx: _Context, mentions: list[_Mention], dictionary: NameDictionary) -> list[Entity]:
    """One `Entity` per group of linked mentions, most mentioned first."""
    links = _Links(ctx, [(_fold(ctx.simple[m.start : m.end]), m) for m in mentions], dictionary)
    for rule in _LINK_RULES:
        rule(links)
    groups: dict[str, list[tuple[str, _Mention]]] = {}
    for key, m in links.keyed:
        groups.setdefault(links.uf.find(key), []).append((key, m))
    entities = [_entity(ctx, members, links.english_of, ctx.lex) for members in groups.values()]
    entities.sort(key=lambda e: (-e.count, e.spans[0]))
    return entities


def _entity(
    ctx: _Context,
    members: list[tuple[str, _Mention]],
    english_of: dict[str, str | None],
    lex: _Lexicon,
) -> Entity:
    forms: dict[str, list[_Mention]] = {}
    key_of: dict[str, str] = {}
    for key, m in members:
        form = ctx.text[m.start : m.end]
        forms.setdefault(form, []).append(m)
        key_of[form] = key
    keys = set(key_of.values())

    def is_partial(form: str) -> bool:
        key = key_of.get(form) or _fold(form)
        return any(key != other and key in other for other in keys)

    known_names = {normalize_name(m.known.name) for _, m in members if m.known}

    def rank(form: str) -> tuple[bool, bool, int, bool, int]:
        han = has_han(form)
        is_known = key_of[form] in known_names
        return (not is_partial(form), is_known, len(forms[form]), han, len(form))

    canonical = max(forms, key=rank)
    spans = tuple(sorted((m.start, m.end) for ms in forms.values() for m in ms))
    best = max((m for _, m in members), key=lambda m: m.priority)
    votes: dict[EntityType, int] = {}
    for _, m in members:
        # A type guessed from a lone Latin word's shape counts least (LeCun beside Yann LeCun).
        votes[m.type] = votes.get(m.type, 0) + (1 if m.guessed else m.priority * 10 + 1)
    etype = best.type if best.priority >= _KNOWN else max(votes, key=lambda t: votes[t])
    english = english_of.get(key_of[canonical])
    latin = [f for f in forms if f.isascii() and not is_partial(f)]
    if english is None and latin:
        english = max(latin, key=lambda f: (len(forms[f]), len(f)))
    for key in sorted(keys, key=lambda k: (-len([1 for kk, _ in members if kk == k]), k)):
        if english is None and english_of.get(key) and not is_partial(key):
            english = english_of[key]
    aliases = tuple(
        sorted(
            (f for f in forms if f != canonical),
            key=lambda f: spans.index(min((m.start, m.end) for m in forms[f])),
        )
    )
    return Entity(canonical, etype, len(spans), english, aliases, spans)
