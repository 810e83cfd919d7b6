"""Named entities for the side panel: people, organisations, places and works.

No neural model can ship, so several weak signals are combined: jieba's POS tags,
CC-CEDICT's proper-noun entries (capitalised pinyin) and their English glosses, name
endings (大学, 研究院, 省) and government bodies (市委, 公安局), Latin-script name shapes,
quoted titles, the type of the list a name sits in, the middle dot of transliterated
names, surname + given-name characters for names the tagger cut apart, one-character
country names (中美, 访华), a short project-made list of well-known names, and a stop
list of common words taggers mistake for names. Organisations also form from an owner (place,
body, name) plus plain nouns plus an organisation head (中国 + 文化 + 扶贫 + 委员会, 美国 +
财政部长); a country list types names CC-CEDICT glosses bare ("Iraq"), and CC-CEDICT's
"abbr. for ..." glosses are typed by the full name's ending. Mentions of one entity (both scripts,
short and full forms, "X(Y)" glosses, initials, known aliases) are merged into one `Entity`.

jieba tags many plain phrases ns/nt (长足进展, 上半场): an ns/nt word no dictionary knows must
look like a name (an organisation or place ending, or transliteration characters), else it is
dropped or, for 中国航天, cut to its place. A country before a generic kind (美国 + 公司,
非洲 + 球队) is the place, not an organisation. Tried and dropped: skipping two-character brands
that are also everyday words (山水, 美的): it cost as many real brands (匹克) as it saved.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Protocol

from app.core.paths import dictionaries_dir
from app.core.text.chars import HAN_CLASS
from app.core.types import Entity, EntityType, Entry
from app.core.user.corrections import Corrections, normalize_name

Tagged = Sequence[tuple[int, int, str]]

# Higher wins when two candidate mentions overlap with the same length.
_ADDED, _KNOWN, _COMPOSED, _DICT, _LATIN, _TAGGER = 6, 5, 4, 3, 2, 1

_HAN_CHAR = HAN_CLASS
_HAN = re.compile(f"[{_HAN_CHAR}]")
_ALL_HAN = re.compile(f"[{_HAN_CHAR}]+")
_LATIN_WORD = r"[A-Za-z][A-Za-z0-9]*(?:[-.'&][A-Za-z0-9]+)*"
_LATIN_RUN = re.compile(
    rf"(?<![A-Za-z0-9])(?:{_LATIN_WORD}|\d+(?:\.\d+)?)(?: (?:{_LATIN_WORD}|\d+))*"
)
_DOTS = "·•・‧∙"
_PARENS = {"(": ")", "（": "）"}
_COUNTRY_SHORT = set("中美俄日韩英法德印巴朝越苏港澳台京沪津渝意加澳欧非亚华蒙墨")
_WHOLE_SHORT = {"中华", "华夏", "中非", "中亚", "中欧", "欧亚", "南亚"}  # one place, not two
# Generic words jieba glues onto a place (中国政府, 拉美地区, 中美关系); the place stands alone.
_GENERIC_TAILS = frozenset({
    "地区", "政府", "关系", "国家", "人民", "市场", "方面", "境内", "当局", "官方",
    "军队", "总统", "首相", "政局", "经济", "两国", "之间", "一带", "全境",
})  # fmt: skip
_PERSON_TAGS = {"nr", "nrfg", "nrt"}
_NAME_TAGS = _PERSON_TAGS | {"ns", "nt", "nz"}
_LATIN_ORG_WORDS = {
    "AI", "Labs", "Lab", "Inc", "Research", "Brain", "University", "College", "Institute",
    "Corp", "Capital", "Ventures", "Partners", "Group", "Technologies", "Foundation", "Team",
}  # fmt: skip
_LATIN_WORK_WORDS = {"Prize", "Award", "Medal", "Workshop", "Conference", "Summit", "Paper"}
_LATIN_INNER = {"of", "for", "the", "and", "de", "van", "von", "der", "AI", "on"}
_PERSON_CUES_AFTER = ("说", "表示", "认为", "称", "写道", "指出", "透露", "回应", "坦言")
_PERSON_CUES_BEFORE = (
    "CEO", "CTO", "创始人", "科学家", "研究员", "教授", "总裁", "经理", "工程师", "主管",
    "负责人", "作者", "博士", "先生", "女士", "叫", "名叫",
)  # fmt: skip
_ORG_CUES_AFTER = ("公司", "团队", "实验室", "大学", "研究院", "集团", "平台")
_WORK_CUES_AFTER = ("模型", "论文", "框架", "基准", "数据集", "算法", "架构", "model", "paper",
                    "benchmark", "dataset", "architecture")  # fmt: skip
_ALIAS_CUES = ("人称", "又称", "简称", "昵称", "俗称", "外号", "绰号", "也就是", "即")
_GLOSS_TYPES: tuple[tuple[EntityType, re.Pattern[str]], ...] = (
    ("person", re.compile(r"\((?:c\. )?\d{1,4}(?: BC)?-|\(\d{3,4}\)|\bsurname\b|Chinese-American|"
                          r"\((?:male |female )?name\)|"
                          r"\b(?:actor|actress|writer|poet|politician|emperor|singer|scientist|"
                          r"mathematician|physicist|philosopher|president|general|painter)\b")),
    ("organization", re.compile(r"\b(?:University|College|Institute|Academy|Company|Corporation|"
                                r"Inc|company|corporation|Bank|Party|Association|Agency|Ministry|"
                                r"Committee|Council|Bureau|Laboratory|Foundation|Society|Union|"
                                r"Group|newspaper|news agency|organization|Organization|"
                                r"television|Television|Department|Administration|Airlines|Assembly|Court|Systems|airline|manufacturer|brand|School|Hospital|Army|Federation|League|"
                                r"Commission|Congress|Parliament|Senate|Navy|Corps|Fund|Club|Fleet)\b")),
    ("work", re.compile(r"\b(?:novel|film|movie|book|Prize|prize|Award|award|Medal|game|software|"
                        r"opera|poem|album|song|festival|Games|Olympics|war|War)\b")),
    ("place", re.compile(r"\b(?:city|province|county|district|country|capital|river|River|"
                         r"mountain|Mountain|island|Island|lake|Lake|state|region|prefecture|"
                         r"Republic|Kingdom|town|village|Sea|Ocean|sea|ocean|Valley|Street|"
                         r"street|Bay|Peninsula|continent|desert|Desert|province of|Province|"
                         r"State|City|Country|Palace|palace|Square|Airport|Bridge|Stadium|[A-Z][a-z]+ia)\b")),
)  # fmt: skip


class NameDictionary(Protocol):
    """The slice of `app.core.language.dictionary.Dictionary` this module needs."""

    def lookup_many(self, words: Iterable[str]) -> dict[str, tuple[Entry, ...]]: ...

    def english_name(self, word: str) -> str | None: ...


# ---------------------------------------------------------------------------- lexicons


@dataclass(frozen=True, slots=True)
class _Known:
    name: str
    type: EntityType
    english: str | None


@dataclass(frozen=True, slots=True)
class _Lexicon:
    known: dict[str, _Known]  # every simplified name or alias -> its entry
    known_by_first: dict[str, list[tuple[str, str]]]  # first char -> (form or variant, key)
    stop: frozenset[str]
    suffixes: dict[str, EntityType]
    surnames: frozenset[str]
    translit: frozenset[str]
    english_words: frozenset[str]
    given_chars: frozenset[str]
    bodies: dict[str, EntityType]  # 市委, 国务院, 地球: names on their own
    body_prefixes: frozenset[str]  # 国家, 中央: open a longer body name
    places: frozenset[str]  # 伊拉克, 东南亚: countries and regions CC-CEDICT glosses untyped
    place_english: frozenset[str]  # "Pakistan" in "Karachi (Pakistan)"


def _data_lines(name: str) -> list[str]:
    path = dictionaries_dir() / name
    with open(path, encoding="utf-8") as fh:
        return [ln.rstrip("\n") for ln in fh if ln.strip() and not ln.startswith("#")]


def _literal_pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    """Longest-first alternation; Latin ends must not sit inside a longer Latin word."""
    parts = []
    for name in sorted(set(names), key=len, reverse=True):
        body = ""
        for i, ch in enumerate(name):
            if ch == " ":
                body += r"\s?"
                continue
            if i and _is_han(ch) != _is_han(name[i - 1]) and name[i - 1] != " ":
                body += " ?"
            body += re.escape(ch)
        if name[0].isascii() and name[0].isalnum():
            body = r"(?<![A-Za-z0-9])" + body
        if name[-1].isascii() and name[-1].isalnum():
            body += r"(?![A-Za-z0-9]|[-.][A-Za-z0-9])"
        parts.append(body)
    return re.compile("|".join(parts)) if parts else None


_SCRIPT_SEAM = re.compile(f"(?<=[{_HAN_CHAR}])(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])(?=[{_HAN_CHAR}])")


def _index_forms(forms: Iterable[str]) -> dict[str, list[tuple[str, str]]]:
    variants: dict[str, str] = {}
    for form in forms:
        variants[form] = _name_key(form)
        # 谷歌DeepMind is also written 谷歌 DeepMind.
        spaced = _SCRIPT_SEAM.sub(" ", form)
        variants.setdefault(spaced, _name_key(form))
    index: dict[str, list[tuple[str, str]]] = {}
    for form in sorted(variants, key=len, reverse=True):
        index.setdefault(form[0], []).append((form, variants[form]))
    return index


def _t2s_table() -> dict[int, str]:
    """OpenCC's one-to-one character table: names need no phrase rules, and this is 100x faster."""
    from app.core.text.script import char_t2s_table

    return char_t2s_table()


def _simplify(text: str) -> str:
    """Length-preserving traditional -> simplified, character by character."""
    return text.translate(_t2s_table())


def _name_key(form: str) -> str:
    """`normalize_name` through the character table: OpenCC's phrase pass costs ~10 ms on the
    first call for the few hundred list entries, and list names need no phrase rules."""
    return _fold(_simplify(form))


@cache
def _lexicon() -> _Lexicon:
    known: dict[str, _Known] = {}
    forms: list[str] = []
    for line in _data_lines("entity_known.txt"):
        cols = [*line.split("\t"), "", "", ""]
        name, etype, english, aliases = cols[0], cols[1], cols[2], cols[3]
        entry = _Known(name, etype, english or None)  # type: ignore[arg-type]
        for form in [name, *[a for a in aliases.split("|") if a]]:
            known.setdefault(_name_key(form), entry)
            forms.append(form)
    suffixes = {}
    for line in _data_lines("entity_suffixes.txt"):
        suffix, _, etype = line.partition("\t")
        suffixes[suffix] = etype
    surnames: set[str] = set()
    for line in _data_lines("entity_surnames.txt"):
        # One line of single-character surnames, then compound ones separated by spaces.
        surnames.update(line.split() if " " in line.strip() else line.strip())
    translit = frozenset("".join(_data_lines("entity_translit.txt")))
    words = frozenset(w for ln in _data_lines("entity_english_words.txt") for w in ln.split())
    bodies = [ln.split("\t") for ln in _data_lines("entity_bodies.txt")]
    places = [ln.split("\t") for ln in _data_lines("entity_places.txt")]
    return _Lexicon(
        known=known,
        known_by_first=_index_forms(forms),
        stop=frozenset(_name_key(w) for w in _data_lines("entity_stop.txt")),
        suffixes=suffixes,
        surnames=frozenset(surnames),
        translit=translit,
        english_words=words,
        given_chars=frozenset("".join(_data_lines("entity_given_chars.txt"))),
        bodies={w: kind for w, kind in bodies if kind != "prefix"},  # type: ignore[misc]
        body_prefixes=frozenset(w for w, kind in bodies if kind == "prefix"),
        places=frozenset(name for name, _ in places),
        place_english=frozenset(english for _, english in places),
    )


# ---------------------------------------------------------------------------- dictionary


@cache
def _default_dictionary() -> NameDictionary:
    from app.core.language.dictionary import get_dictionary

    return get_dictionary()


def _english_from_sense(sense: str) -> str | None:
    name = re.sub(r"\s*\([^)]*\)", "", sense).split(",")[0].split(";")[0].strip()
    if not name or name.startswith(("surname", "variant of", "see ", "abbr.")):
        return None
    return name


_NAME_HEAD = re.compile(r"(?:[A-Z0-9][\w.'&-]*)(?: (?:(?:of|the|and|de|von|van|du|al|bin)\s)*"
                        r"[A-Z0-9][\w.'&-]*)*")  # fmt: skip


def _name_head(english: str | None) -> str | None:
    """ "Hunan Province in south central China" -> "Hunan Province"; None if not a name."""
    if not english:
        return None
    m = _NAME_HEAD.match(english.strip())
    return m.group() if m else None


def _proper_senses(entries: Sequence[Entry]) -> list[str]:
    """Senses of capitalised entries that name something (not bare surnames or references)."""
    out = []
    for entry in entries:
        if not entry.proper:
            continue
        for sense in entry.senses:
            if sense.startswith(("surname ", "variant of", "old variant", "see ", "used in")):
                continue
            out.append(sense)
    return out


_MEMBER = re.compile(r"\bmembers?$")
_ERA = re.compile(r"^[^,;(]*\b(?:[Dd]ynasty|[Ee]mpire|period|era|reign)\b")
_ABBR_TARGET = re.compile(r"abbr\. (?:for|of) (?:[^|,\[\]]+\|)?([^|,\[\] ]+)")
_IN_COUNTRY = re.compile(r"\((?:in )?([A-Z][A-Za-z .'-]+)\)")


def _type_from_gloss(senses: Sequence[str]) -> EntityType | None:
    lex = _lexicon()
    for sense in senses[:2]:
        target = _ABBR_TARGET.search(sense)
        if target is not None:  # 国际足联 = "abbr. for 国际足球联合会": the full name's ending
            full = target.group(1)
            if full in lex.places:
                return "place"
            for cut in (3, 2, 1):
                etype = lex.suffixes.get(full[-cut:])
                if etype is not None and len(full) > cut:
                    return etype
        if _ERA.search(sense) or _MEMBER.search(sense):
            return None  # "Qing dynasty (1644-1911)", "Communist Party member": not a name
        # The earliest type word wins: "Bonn, a small town ..., Cold War capital" is a place.
        found = [(m.start(), etype) for etype, pattern in _GLOSS_TYPES
                 if (m := pattern.search(sense)) is not None]  # fmt: skip
        if found:
            return min(found)[1]
        where = _IN_COUNTRY.search(sense)
        if sense in lex.place_english or (where and where.group(1) in lex.place_english):
            return "place"  # "Iraq", "Karachi (Pakistan)"
        if where and "(in " in sense:
            return "place"  # "the Great Hall of the People (in Beijing)"
    return None


def _gloss_names(sense: str) -> bool:
    """A sense that names something ("Hunan Province", "abbr. for 国际足球联合会")."""
    return bool(_name_head(_english_from_sense(sense) or "") or _ABBR_TARGET.search(sense))


# ---------------------------------------------------------------------------- mentions


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    type: EntityType
    priority: int
    english: str | None = None
    known: _Known | None = None

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass(slots=True)
class _Context:
    text: str
    simple: str
    tokens: list[tuple[int, int, str]]
    starts: set[int]
    ends: set[int]
    lex: _Lexicon
    entries: dict[str, tuple[Entry, ...]] = field(default_factory=dict)
    token_ends: list[int] = field(default_factory=list)


def _fold(simplified: str) -> str:
    """`normalize_name` for text that is already simplified (no script conversion)."""
    return " ".join(simplified.split()).casefold()


def _is_han(ch: str) -> bool:
    return bool(_HAN.match(ch))


def _known_mentions(ctx: _Context) -> list[_Mention]:
    out: list[_Mention] = []
    by_first = ctx.lex.known_by_first
    simple = ctx.simple
    pos = 0
    while pos < len(simple):
        candidates = by_first.get(simple[pos])
        if not candidates:
            pos += 1
            continue
        for form, key in candidates:  # longest first
            end = pos + len(form)
            if not simple.startswith(form, pos) or not _known_fits(ctx, form, pos, end):
                continue
            known = ctx.lex.known[key]
            out.append(_Mention(pos, end, known.type, _KNOWN, known.english, known))
            pos = end - 1
            break
        pos += 1
    return out


def _known_fits(ctx: _Context, form: str, start: int, end: int) -> bool:
    simple = ctx.simple
    if (
        form[0].isascii()
        and form[0].isalnum()
        and start
        and simple[start - 1].isascii()
        and (simple[start - 1].isalnum())
    ):
        return False  # inside a longer Latin word
    if form[-1].isascii() and form[-1].isalnum():
        after = simple[end : end + 2]
        if after[:1].isascii() and after[:1].isalnum():
            return False
        if after[:1] in "-." and after[1:2].isascii() and after[1:2].isalnum():
            return False  # GPT-3 in GPT-3.5
    # A short Chinese name glued into a longer word is not that name.
    glued = start not in ctx.starts or end not in ctx.ends
    return not (_HAN.search(form) and len(form) <= 2 and (glued or _compound_part(ctx, start, end)))


def _compound_part(ctx: _Context, start: int, end: int) -> bool:
    """红富士 + 苹果, 原油 + 日产 + 量: a short name that is part of a compound noun here."""
    if not ctx.token_ends:
        ctx.token_ends.extend(t[1] for t in ctx.tokens)
    index = bisect_right(ctx.token_ends, start)  # the token starting at `start`
    if index >= len(ctx.tokens) or ctx.tokens[index][0] != start:
        return False
    before = ctx.tokens[index - 1] if index else None
    after = ctx.tokens[index + 1] if index + 1 < len(ctx.tokens) else None
    common = any(not e.proper for e in ctx.entries.get(ctx.simple[start:end], ()))
    if common and before and before[2] in ("n", "nz") and before[1] - before[0] >= 2:
        return True  # 苹果 is also the fruit
    return bool(after and after[0] == end and after[1] - after[0] == 1 and after[2] == "n")


def _latin_type(words: list[str], ctx: _Context, start: int, end: int) -> EntityType | None:
    lex = ctx.lex
    last = words[-1]
    if last in _LATIN_ORG_WORDS:
        return "organization"
    if last in _LATIN_WORK_WORDS:
        return "work"
    if _fold(words[0]) in lex.known and len(words) > 1:
        return "work"  # "Google Scholar": a product of a known company
    if any(ch.isdigit() for w in words for ch in w) or any("-" in w for w in words):
        return "work"
    after = ctx.simple[end : end + 12]
    before = ctx.simple[max(0, start - 6) : start].rstrip()
    if after.lstrip().startswith(_ORG_CUES_AFTER):
        return "organization"
    if after.lstrip().lower().startswith(_WORK_CUES_AFTER):
        return "work"
    if all(w.isupper() for w in words):
        return "work" if len(words) == 1 else "organization"
    common = any(w.lower() in lex.english_words for w in words)
    if len(words) >= 2:
        if common:
            return "work"
        if len(words) <= 3 and all(w[0].isupper() for w in words):
            return "person"
        return None
    word = words[0]
    if any(ch.isupper() for ch in word[1:]) or word[0].islower():
        if before.endswith(_PERSON_CUES_BEFORE) or after.lstrip().startswith(_PERSON_CUES_AFTER):
            return "person"
        return "organization"
    if common:
        return None
    return "person"


def _latin_mentions(ctx: _Context) -> list[_Mention]:
    out: list[_Mention] = []
    lex = ctx.lex
    text = ctx.text
    for run in _LATIN_RUN.finditer(text):
        before = text[run.start() - 1 : run.start()]
        after = text[run.end() : run.end() + 1]
        if (before and before in "/.=_@#&:-") or (after and after in "/=_@-") or "." in run.group():
            continue  # a URL, file name or handle, not a name
        words = [(m.start() + run.start(), m.group()) for m in re.finditer(r"\S+", run.group())]
        good: list[bool] = []
        for i, (_, w) in enumerate(words):
            capital = w[0].isupper() or any(ch.isupper() for ch in w[1:])
            name_like = capital and _fold(w) not in lex.stop and len(w) > 1
            if w[0].isdigit():
                name_like = i > 0 and good[i - 1]
            elif len(w) == 1 and w.isupper() and i > 0 and good[i - 1] and i == len(words) - 1:
                name_like = words[i - 1][1][1:].islower()  # "Alex K": a surname's initial
            good.append(name_like)
        # Let connectors ("of", "AI") sit between name words, and org words end a name.
        for i, (_, w) in enumerate(words):
            if good[i]:
                continue
            inner = w in _LATIN_INNER and 0 < i < len(words) - 1 and good[i - 1] and good[i + 1]
            trailing = w in _LATIN_ORG_WORDS and i > 0 and good[i - 1]
            if inner or trailing:
                good[i] = True
        i = 0
        while i < len(words):
            if not good[i]:
                i += 1
                continue
            j = i
            while j + 1 < len(words) and good[j + 1]:
                j += 1
            while j > i and words[j][1] in _LATIN_INNER - {"AI"}:
                j -= 1
            chosen = [w for _, w in words[i : j + 1]]
            start = words[i][0]
            end = words[j][0] + len(words[j][1])
            etype = _latin_type(chosen, ctx, start, end)
            if etype is not None and len(chosen) <= 6:
                out.append(_Mention(start, end, etype, _LATIN))
            i = j + 1
    return out


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
            _HAN.search(trimmed) is None
            and 2 <= len(words) <= 14
            and words[0][:1].isupper()
            and sum(w[:1].isupper() for w in words) * 2 >= len(words)
        ):
            out.append(_Mention(start, start + len(trimmed), "work", _COMPOSED))
    return out


_LIST_GAP = re.compile(r"\s*(?:[、,，/]|和|与|及|以及|and|or)\s*")


def _weak_latin(ctx: _Context, m: _Mention) -> bool:
    """A single Latin word whose type was only a guess from its shape."""
    form = ctx.simple[m.start : m.end]
    shaped = any(c.isdigit() or c == "-" for c in form)
    return m.priority == _LATIN and " " not in form and not shaped


def _type_lists(ctx: _Context, mentions: list[_Mention]) -> list[_Mention]:
    """UL2、U-PaLM、Synthesizer 和 Charformer: guessed members of a list take its members' type."""
    runs: list[list[_Mention]] = []
    for m in mentions:
        prev = runs[-1][-1] if runs else None
        if prev is not None and _LIST_GAP.fullmatch(ctx.simple[prev.end : m.start]):
            runs[-1].append(m)
        else:
            runs.append([m])
    for run in runs:
        strong = [m.type for m in run if not _weak_latin(ctx, m)]
        if len(run) < 3 or len(strong) < 2:
            continue
        best = max(set(strong), key=strong.count)
        if strong.count(best) * 2 > len(strong):
            for m in run:
                if _weak_latin(ctx, m):
                    m.type = best
    return mentions


def _dotted_mentions(ctx: _Context) -> list[_Mention]:
    """菲利克斯·希尔: runs of transliteration characters joined by a middle dot."""
    out: list[_Mention] = []
    simple, translit = ctx.simple, ctx.lex.translit
    for i, ch in enumerate(simple):
        if ch not in _DOTS and not (ch == "?" and 0 < i < len(simple) - 1):
            continue
        left = i
        while left > 0 and simple[left - 1] in translit and i - left < 6:
            left -= 1
        right = i + 1
        while right < len(simple) and simple[right] in translit and right - i <= 6:
            right += 1
        if i - left >= 2 and right - i - 1 >= 1 and (ch != "?" or right - i - 1 >= 2):
            # Snap the outer ends to the tagger's word boundaries when it agrees.
            while left < i - 2 and left not in ctx.starts:
                left += 1
            while right > i + 2 and right not in ctx.ends:
                right -= 1
            out.append(_Mention(left, right, "person", _COMPOSED))
    return out


def _translit_runs(ctx: _Context) -> list[_Mention]:
    """拉特纳 + 亚克, 哈 + 比比: a foreign name the tagger cut into several name pieces."""
    out: list[_Mention] = []
    tokens, translit = ctx.tokens, ctx.lex.translit
    i = 0
    while i < len(tokens):
        j = i
        while (
            j < len(tokens)
            and tokens[j][2] in _PERSON_TAGS
            and (j == i or tokens[j][0] == tokens[j - 1][1])
            and all(ch in translit for ch in ctx.simple[tokens[j][0] : tokens[j][1]])
        ):
            j += 1
        if j - i >= 2:
            start, end = tokens[i][0], tokens[j - 1][1]
            foreign = any(t == "nrt" for _, _, t in tokens[i:j]) or end - start >= 4
            if foreign and 3 <= end - start <= 7:
                out.append(_Mention(start, end, "person", _TAGGER))
        i = max(j, i + 1)
    return out


_DIGIT = "一二三四五六七八九"
_CONGRESS = re.compile(
    rf"(?<![{_DIGIT}十百])(?:十[{_DIGIT}]|二十[{_DIGIT}]?)大(?=[召精报代会以期上前后提的，。、])"
)


def _congress_mentions(ctx: _Context) -> list[_Mention]:
    """十五大, 党的十六大: a numbered national party congress, by its usual short form."""
    return [_Mention(m.start(), m.end(), "organization", _COMPOSED)
            for m in _CONGRESS.finditer(ctx.simple)]  # fmt: skip


_BYLINE = frozenset({"记者", "通讯员", "摄影", "编辑"})


def _byline_names(ctx: _Context) -> list[_Mention]:
    """记者 + 江建国 + 报道: the word after a byline title is a name, whatever its tag."""
    out: list[_Mention] = []
    tokens, lex = ctx.tokens, ctx.lex
    for k in range(len(tokens) - 1):
        if ctx.simple[tokens[k][0] : tokens[k][1]] not in _BYLINE:
            continue
        start = tokens[k + 1][0]
        end = tokens[k + 1][1]
        if end - start == 1 and k + 2 < len(tokens):
            end = tokens[k + 2][1]  # 袁 + 步兵
        name = ctx.simple[start:end]
        surname = name[:2] if name[:2] in lex.surnames else name[:1]
        shaped = 2 <= len(name) <= 3 and len(name) > len(surname) and _ALL_HAN.fullmatch(name)
        if shaped and surname in lex.surnames and _fold(name) not in lex.stop:
            out.append(_Mention(start, end, "person", _COMPOSED))
    return out


def _valid_person(word: str, entries: tuple[Entry, ...], lex: _Lexicon, tag: str = "nr") -> bool:
    if len(word) < 2 or len(word) > 6 or not _ALL_HAN.fullmatch(word):
        return False
    if len(word) > 4 and not all(ch in lex.translit for ch in word):
        return False
    if entries:
        return bool(_proper_senses(entries)) and not any(not e.proper for e in entries)
    if all(ch in lex.translit for ch in word) and (len(word) >= 3 or tag == "nrt"):
        return len(word) <= 4 or tag in _PERSON_TAGS  # 内塔尼亚胡
    surname = word[:2] if word[:2] in lex.surnames else word[0]
    return surname in lex.surnames and 1 <= len(word) - len(surname) <= 2


_NUMERALS = set("一二三四五六七八九十百千万两")


def _measure_not_surname(ctx: _Context, start: int, word: str) -> bool:
    """这段时间, 一张照片, 几周里: after a demonstrative or numeral, 段/张 are measure words
    and 周 is "week", not a surname."""
    return (
        start > 0
        and ctx.simple[start - 1] in "这那一每各几两某该此本整半哪"
        and (word[0] in "段张条位家项名支台件把口根层届次场批包周")
    )


_TITLES = {"老师", "小姐", "先生", "女士", "某", "家", "老", "总", "师傅", "同志", "书记", "局长"}


def _name_prefix(ctx: _Context, start: int, word: str) -> _Mention | None:
    """邓小平理论, 马克思主义: the tagger's word starts with a person the dictionary knows."""
    for cut in (3, 2):
        entries = ctx.entries.get(word[:cut])
        person = bool(entries) and _type_from_gloss(_proper_senses(entries)) == "person"
        if person and (ctx.entries.get(word[cut:]) or len(word) - cut >= 2):
            return _Mention(start, start + cut, "person", _DICT)
    return None


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
        if part in _TITLES:
            break  # 温 + 先生: a title, however name-like its characters
        if e - tokens[index][0] > 3:
            break
        end = e
    return end if end > tokens[index][1] else None


def _given_name_end(ctx: _Context, index: int, word: str, end: int) -> int:
    """张洁 + 清: the tagger often cuts the last character off a three-character name."""
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
    if e - s == 1 and _ALL_HAN.fullmatch(nxt) and (given or tag == "ng"):  # 李铁 + 辰/ng
        return e
    return end


_TRAVEL = "访赴驻来抵离对在返旅回"
_VISIT = "访赴驻来抵"  # unlike 对/在/回, never another sense before a country (来日 aside)


def _place_prefix(ctx: _Context, word: str) -> list[tuple[int, int]]:
    """法国人, 中国京剧, 阿尔巴尼亚族, 德国总理: a country or region opening a longer word.

    Not 法国队 or 中国银行: a word ending in an organisation ending is a name of its own."""
    if len(word) < 3 or word in ctx.lex.places:
        return []
    for cut in range(min(len(word) - 1, 5), 1, -1):
        if word[:cut] in ctx.lex.places:
            rest = word[cut:]
            if any(rest.endswith(suffix) for suffix in ctx.lex.suffixes):
                return []
            return [(0, cut)]
    return []


def _glued_places(word: str, tag: str, common: bool) -> list[tuple[int, int]]:
    """中美, 俄, 美方, 对华, 中美关系, 中国政府: the place names inside one tagger word.

    `common`: the dictionary also knows the word as an ordinary word (非法, 华美)."""
    if len(word) > 2 and word[-2:] in _GENERIC_TAILS and tag in ("ns", "nt", "j", "n"):
        head = word[:-2]  # every generic tail has two characters
    elif len(word) > 2 or not word:
        return []
    elif len(word) == 2 and word[0] in _TRAVEL and word[1] in _COUNTRY_SHORT and not common:
        return [(1, 2)]  # 对华, 离京
    elif len(word) == 2 and word[0] in _VISIT and word[1] in _COUNTRY_SHORT and word[1] != "日":
        return [(1, 2)]  # 来华, 驻华, 访美: common words that still name the place
    elif word[0] not in _COUNTRY_SHORT:
        return []
    elif len(word) == 2 and word[1] in "方军籍":
        return [(0, 1)]  # 美方
    elif len(word) == 2 and not common:
        head = word  # 中日 ('t'), 中印 ('nt'): whatever the tag
    elif tag not in ("ns", "j"):
        return []
    else:
        head = word
    if len(head) <= 2 and all(ch in _COUNTRY_SHORT for ch in head) and head not in _WHOLE_SHORT:
        return [(i, i + 1) for i in range(len(head))]
    if head != word and len(head) >= 2 and tag in ("ns", "nt"):
        return [(0, len(head))]
    return []


def _paired_country(ctx: _Context, pos: int) -> bool:
    """中 + 美, 中、阿: a one-character country next to another one."""
    text, short = ctx.simple, _COUNTRY_SHORT
    before, after = text[pos - 1 : pos], text[pos + 1 : pos + 2]
    alone_before = pos - 1 in ctx.starts and pos in ctx.ends  # a one-character token
    alone_after = pos + 1 in ctx.starts and pos + 2 in ctx.ends
    if (before and before in short and alone_before) or (after and after in short and alone_after):
        return True
    return (after == "、" and text[pos + 2 : pos + 3] in short) or (
        before == "、" and pos >= 2 and text[pos - 2] in short
    )


def _country_context(ctx: _Context, pos: int) -> bool:
    """A lone 美/俄/华 is a country only next to another country, a verb of travel or a joiner."""
    before = ctx.simple[pos - 1 : pos]
    after = ctx.simple[pos + 1 : pos + 2]
    return bool(
        (before and before in "访赴驻来抵离对与和同、在及" + "".join(_COUNTRY_SHORT))
        or (after and after in "、方军国关及和与同将总两" + "".join(_COUNTRY_SHORT))
    )


def _acronym_gloss(entries: Sequence[Entry]) -> bool:
    """国际足联 = "FIFA": a lower-case entry whose gloss is an upper-case abbreviation."""
    return any(re.fullmatch(r"[A-Z]{2,}", sense) for e in entries for sense in e.senses[:2])


def _tagger_mentions(ctx: _Context) -> list[_Mention]:
    out: list[_Mention] = []
    lex = ctx.lex
    for index, (start, end, tag) in enumerate(ctx.tokens):
        word = ctx.simple[start:end]
        common = any(not e.proper for e in ctx.entries.get(word, ()))
        unknown_nt = tag == "nt" and not ctx.entries.get(word) and not _org_ending(ctx, word)
        places = (
            _glued_places(word, tag, common)
            or _country_class(word, lex)
            or (
                # 中国足协: the tagger's own name, but 中国 + 航天 when nothing says organisation
                _place_prefix(ctx, word) if tag != "nt" or unknown_nt else []
            )
        )
        if len(word) == 1 and word in _COUNTRY_SHORT and _paired_country(ctx, start):
            places = [(0, 1)]  # 中(f) + 美(ns), 中、阿
        elif len(word) == 1 and places and not _country_context(ctx, start):
            continue  # 好美: the adjective, not America
        if places:
            out.extend(_Mention(start + s, start + e, "place", _TAGGER) for s, e in places)
            continue
        if len(word) == 1 and tag == "nr" and word in lex.surnames:
            name_end = _given_after_surname(ctx, index)
            if name_end is not None:
                out.append(_Mention(start, name_end, "person", _TAGGER))  # 金 + 志 + 贤
            continue
        if _fold(word) in lex.stop or not _ALL_HAN.fullmatch(word) or len(word) < 2:
            continue
        if word in lex.bodies:
            out.append(_Mention(start, end, lex.bodies[word], _DICT))
            continue
        if word in lex.places:  # 伊拉克/nrt, 科索沃/nr: the tagger's guess loses to geography
            out.append(_Mention(start, end, "place", _DICT))
            continue
        if tag == "nz" and len(word) >= 3 and not ctx.entries.get(word):
            etype = _head_type(ctx, index)
            if etype is not None and etype != "work":
                out.append(_Mention(start, end, etype, _TAGGER))  # 突尼斯队
                continue
        if len(word) >= 4 and tag not in ("ns", "nt"):
            head = _name_prefix(ctx, start, word)
            if head is not None:
                out.append(head)
                continue
        if tag in _PERSON_TAGS and word[0] in lex.surnames and word[1:] in _TITLES:
            out.append(_Mention(start, start + 1, "person", _TAGGER))  # 陈 of 陈老师
            continue
        if tag in _PERSON_TAGS and word[-1] in "说是的了在和与" and len(word) == 3:
            word, end = word[:-1], end - 1  # 赵华说
        entries = ctx.entries.get(word, ())
        proper = _proper_senses(entries)
        common = any(not e.proper for e in entries)
        gloss_type = _type_from_gloss(proper) if proper else None
        if proper and not _gloss_names(proper[0]):
            continue  # "Lie group": a capitalised term, not a name
        if tag in _PERSON_TAGS:
            if _measure_not_surname(ctx, start, word) or word[0] in "的了在是就和与被把给":
                continue
            before = ctx.simple[start - 1 : start]
            if before and before in _NUMERALS and word[1] in _NUMERALS:
                continue  # 一石三鸟: an idiom that counts, not a name
            if before in ("就", "甚") and word[0] == "连" and len(word) == 3:
                start, word = start + 1, word[1:]  # 就连小扎: "even 小扎"
            elif len(word) == 3 and word[0] in "连和从向于将对以与同" and not entries:
                continue  # 阶段连禅修: "even meditation", 连 is not the surname here
            if entries and gloss_type is None:
                continue  # the dictionary knows the word but not as a person
            if _valid_person(word, entries, lex, tag):
                etype = gloss_type or "person"
                end = _given_name_end(ctx, index, word, end) if etype == "person" else end
                out.append(_Mention(start, end, etype, _TAGGER))
            continue
        if tag == "ns" and not entries and word not in lex.places:
            if _person_cue(ctx, start, end):
                out.append(_Mention(start, end, "person", _TAGGER))  # 罗干/ns + 说
                continue
            if len(word) >= 3 and not _place_like(ctx, word):
                continue  # 上半场, 热爱祖国: jieba's ns on phrases no dictionary knows
        if tag in ("ns", "nt") and (not entries or proper or tag == "nt"):
            named_body = tag == "nt" and any(
                lex.suffixes.get(word[-cut:]) == "organization" for cut in (3, 2, 1)
            )
            if common and not proper and not _acronym_gloss(entries) and not named_body:
                continue  # but 国家队, 自由党, 国民议会: an ending says it is a body
            if unknown_nt and _place_ending(ctx, word):
                out.append(_Mention(start, end, "place", _TAGGER))  # 北京图书大厦
                continue
            if unknown_nt:
                continue  # 国际原油, 长足进展: jieba's nt on phrases no dictionary knows
            etype = gloss_type or ("place" if tag == "ns" else "organization")
            out.append(_Mention(start, end, etype, _TAGGER))
            continue
        if proper and not common:
            etype = gloss_type or _type_from_tag(tag)
            if (etype is not None and etype != "work") or gloss_type == "work":
                out.append(_Mention(start, end, etype, _DICT))
    return out


# Last characters of organisation names beyond the suffix list: 妇联, 足协, 侨办, 民盟, 女篮.
_ORG_LAST_CHARS = frozenset("联协办盟校站系科组团处馆司所委会行庭篮排")


def _org_ending(ctx: _Context, word: str) -> bool:
    """Whether an unknown word ends the way organisation names end (社, 部, 委员会, 妇联)."""
    if word[-1] in _ORG_LAST_CHARS or ctx.lex.bodies.get(word[-2:]) == "organization":
        return True
    return any(ctx.lex.suffixes.get(word[-cut:]) == "organization" for cut in (3, 2, 1))


def _place_ending(ctx: _Context, word: str) -> bool:
    """An unknown word ending in a place ending of two or more characters (大厦, 广场)."""
    return any(ctx.lex.suffixes.get(word[-cut:]) == "place" for cut in (3, 2) if len(word) > cut)


# Titles and roles that sit right next to a person's name: 总统 + X, X + 女士.
_ROLES = ("总统", "总理", "主席", "部长", "教练", "司令", "委员", "女士", "先生", "大使", "外长",
          "首相", "国王", "议员", "书记", "夫人")  # fmt: skip
# Last characters of place names beyond the suffix list: 亚洲, 长城, 香港, 秦岭.
_PLACE_LAST_CHARS = frozenset(
    "洲国城港岭峰谷原坡沟屯庄堡寨关口门桥峡滩洋泉塘池坝营寺庙宫园站府道林地盆岸"
)


def _person_cue(ctx: _Context, start: int, end: int) -> bool:
    """A word the tagger took for a place, said to speak or titled as a person."""
    before, after = ctx.simple[max(0, start - 4) : start], ctx.simple[end : end + 4]
    return after.startswith(_PERSON_CUES_AFTER + _ROLES) or before.endswith(
        _PERSON_CUES_BEFORE + _ROLES
    )


def _place_like(ctx: _Context, word: str) -> bool:
    """An unknown word shaped like a place name: a place ending, or a transliteration."""
    if word[-1] in _PLACE_LAST_CHARS or ctx.lex.suffixes.get(word[-1]) == "place":
        return True
    if any(ctx.lex.suffixes.get(word[-cut:]) == "place" for cut in (3, 2)):
        return True
    return all(ch in ctx.lex.translit for ch in word)


def _type_from_tag(tag: str) -> EntityType | None:
    return {"nr": "person", "nrt": "person", "nrfg": "person", "ns": "place",
            "nt": "organization", "nz": "work"}.get(tag)  # fmt: skip


def _is_anchor(ctx: _Context, index: int) -> bool:
    start, end, tag = ctx.tokens[index]
    word = ctx.simple[start:end]
    if tag in ("ns", "nt", "nz", "j", "nrt") or (tag in _PERSON_TAGS and len(word) >= 2):
        return True
    if word.isascii() and word[:1].isupper():
        return True
    if word in ctx.lex.bodies or word in ctx.lex.body_prefixes:
        return True
    return bool(_proper_senses(ctx.entries.get(word, ())))


def _head_type(ctx: _Context, index: int) -> EntityType | None:
    """The type a name ending with this token has: 大学, or a body such as 公安局 or 宣传部."""
    start, end, tag = ctx.tokens[index]
    word = ctx.simple[start:end]
    lex = ctx.lex
    etype = lex.suffixes.get(word)
    if etype is not None:
        return etype
    if tag == "nt" or lex.bodies.get(word) == "organization":
        return "organization"
    if _type_from_gloss(_proper_senses(ctx.entries.get(word, ()))) == "organization":
        return "organization"  # 上海 + 交大
    if len(word) == 2 and word[1] in "队" and word[0] in "男女球":
        return "organization"  # 印尼 + 女队
    if len(word) >= 3 and _ALL_HAN.fullmatch(word) and _fold(word) not in lex.stop:
        for cut in (3, 2, 1):
            etype = lex.suffixes.get(word[-cut:])
            if etype is not None and _fold(word[-2:]) not in lex.stop:
                return etype
    return None


_CHIEF_ENDINGS = ("部长", "局长", "厅长", "署长")
_ACTING = frozenset({"代理", "常务", "执行", "前任", "现任", "名誉", "助理"})  # 代理 + 部长
_MIDDLE_TAGS = frozenset({"n", "nz", "vn", "j", "ns", "nt", "b", "s", "m"})


def _org_head(ctx: _Context, index: int) -> tuple[int, int, EntityType, bool] | None:
    """(start, end, type, stands alone) of a name ending at this token: 大学, 公安局, 财政部(长).

    A head that stands alone (财政部, 司法 + 部长) is a name even with nothing before it."""
    start, end, tag = ctx.tokens[index]
    word = ctx.simple[start:end]
    lex = ctx.lex
    if word in _CHIEF_ENDINGS and index > 0:  # 司法 + 部长: the minister of 司法部
        s, e, t = ctx.tokens[index - 1]
        before = ctx.simple[s:e]
        plain = t in ("n", "vn", "nz") and _fold(before) not in lex.stop | _ACTING
        if e == start and len(before) == 2 and plain:
            return s, start + 1, "organization", True
        return None
    if len(word) >= 4 and word.endswith(_CHIEF_ENDINGS) and _ALL_HAN.fullmatch(word):
        return start, end - 1, "organization", True  # 财政部长 -> 财政部
    etype = lex.suffixes.get(word)
    if etype is not None:
        return start, end, etype, False
    if tag == "j" and len(word) == 2 and index > 0 and ctx.tokens[index - 1][2] == "ns":
        gloss = _type_from_gloss(_proper_senses(ctx.entries.get(word, ())))
        if word not in lex.places and gloss in (None, "organization"):
            return start, end, "organization", False  # 天津市 + 妇联, 济南 + 交警
    if _head_type(ctx, index) == "organization":
        return start, end, "organization", False
    return None


def _owner_start(ctx: _Context, index: int, head_word: str) -> int | None:
    """The first token of the place, body or name that owns the head at `index`.

    Plain nouns may sit between owner and head (中国 + 文化 + 扶贫 + 委员会, 海口市 + 中级 +
    人民法院); 的, verbs of more than two characters, punctuation and stop words end the run."""
    lex, tokens = ctx.lex, ctx.tokens
    first = None
    j = index - 1
    while j >= 0 and index - j <= 5 and tokens[j][1] == tokens[j + 1][0]:
        s, e, t = tokens[j]
        w = ctx.simple[s:e]
        wordlike = _ALL_HAN.fullmatch(w) or (w.isascii() and w.isalnum())
        if not wordlike or _fold(w) in lex.stop or tokens[index][1] - s > 16:
            break
        if w in lex.suffixes and j != index - 1 and t != "nt":
            break  # 大学 ... 学院: the run already holds a complete name
        if w in lex.places or (_is_anchor(ctx, j) and (t not in _PERSON_TAGS or j == index - 1)):
            first = j  # a person owns only the head right after it (宋庆龄 + 基金会)
        elif t == "v" and len(w) == 2 and j > 0 and tokens[j - 1][2] in ("n", "vn"):
            pass  # 中国 + 文化 + 扶贫 + 委员会: a verb that names the body's task
        elif t not in _MIDDLE_TAGS or (t == "m" and not all(ch in _NUMERALS for ch in w)):
            break  # 北京 + 九十 + 中学, but not 北京 + 5月 + 25日电
        j -= 1
    if first is None:
        return None
    if len(head_word) == 1 and first == index - 1 and tokens[index - 1][2] in _PERSON_TAGS:
        return None  # 杨 + 部 is not an organisation
    return first


# One character that turns a head into a word of its own: 银行 + 界, 中小学 + 生, 军 + 长.
_HEAD_CONTINUATIONS = frozenset("界生员们长迷")
# Kinds of thing, not names, after a bare country or region: 美国 + 公司 = American companies.
_CLASS_HEADS = frozenset({"公司", "球队", "工厂", "企业", "中小学", "学校", "银行", "政府"})


def _head_continues(ctx: _Context, index: int, end: int) -> bool:
    """The head's token is glued to a one-character token that makes another word of it."""
    if index + 1 >= len(ctx.tokens) or end != ctx.tokens[index][1]:
        return False
    s, e, _ = ctx.tokens[index + 1]
    return s == end and ctx.simple[s:e] in _HEAD_CONTINUATIONS


def _class_of_country(ctx: _Context, owner: int, head: int) -> bool:
    """美国 + 公司, 非洲 + 球队: a country or region before a generic kind of organisation."""
    s, e, _ = ctx.tokens[owner]
    hs, he, _ = ctx.tokens[head]
    return ctx.simple[s:e] in ctx.lex.places and ctx.simple[hs:he] in _CLASS_HEADS


def _country_class(word: str, lex: _Lexicon) -> list[tuple[int, int]]:
    """美国公司 as one tagger word: a country and a generic kind of organisation."""
    for cut in (2, 3, 4):
        if word[:cut] in lex.places and word[cut:] in _CLASS_HEADS:
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
        if _head_continues(ctx, i, end):
            continue
        index = i - 1 if start < tokens[i][0] else i
        first = _owner_start(ctx, index, ctx.simple[start:end]) if index > 0 else None
        if first == index - 1 and _class_of_country(ctx, first, index):
            continue
        if etype == "place" and first is not None and first < index - 1:
            first = index - 1 if _is_anchor(ctx, index - 1) else None  # 塔科马 + 市 only
        if first is not None:
            out.append(_Mention(tokens[first][0], end, etype, _COMPOSED))
        elif alone:
            out.append(_Mention(start, end, etype, _COMPOSED))
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
            if senses and _ALL_HAN.fullmatch(word):
                etype = _type_from_gloss(senses)
                if etype is not None:
                    out.append(_Mention(s, e, etype, _DICT))
                break
    return out


_FUNCTION_TAGS = {"u", "uj", "ul", "uz", "ug", "uv", "p", "c", "d", "r", "x", "m", "q", "y", "e"}


def _run_words(ctx: _Context) -> set[str]:
    """Every token, and runs of 2-4 content tokens, to look up in one query."""
    words = set()
    tokens = ctx.tokens
    simple = ctx.simple
    han = [bool(_ALL_HAN.fullmatch(simple[s:e])) and t not in _FUNCTION_TAGS for s, e, t in tokens]
    for i in range(len(tokens)):
        if not han[i]:
            continue
        if tokens[i][1] - tokens[i][0] > 1:
            words.add(simple[tokens[i][0] : tokens[i][1]])
        if tokens[i][1] - tokens[i][0] >= 4:  # 邓小平理论 starts with a name
            words.add(simple[tokens[i][0] : tokens[i][0] + 2])
            words.add(simple[tokens[i][0] : tokens[i][0] + 3])
        for n in (2, 3, 4):
            j = i + n - 1
            if j >= len(tokens) or not han[j] or tokens[j][1] - tokens[i][0] > 8:
                break
            words.add(simple[tokens[i][0] : tokens[j][1]])
    return words


def _added_mentions(ctx: _Context, corrections: Corrections) -> list[_Mention]:
    out = []
    for name, etype in corrections.added.items():
        pattern = _literal_pattern([_simplify(name)])
        if pattern is None:
            continue
        for m in pattern.finditer(ctx.simple):
            out.append(_Mention(m.start(), m.end(), etype, _ADDED))  # type: ignore[arg-type]
    return out


def _resolve_overlaps(mentions: list[_Mention]) -> list[_Mention]:
    chosen: list[_Mention] = []
    taken: set[int] = set()
    for m in sorted(mentions, key=lambda m: (m.priority < _ADDED, -m.length, -m.priority)):
        if any(i in taken for i in range(m.start, m.end)):
            continue
        chosen.append(m)
        taken.update(range(m.start, m.end))
    return sorted(chosen, key=lambda m: m.start)


# ---------------------------------------------------------------------------- merging


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
    if not ctx.token_ends:  # tokens are contiguous and sorted: bisect, don't scan
        ctx.token_ends.extend(t[1] for t in ctx.tokens)
    last = bisect_right(ctx.token_ends, end)
    if last == 0 or ctx.token_ends[last - 1] != end:
        return None
    start = ctx.tokens[last - 1][0]
    if end - start == 1:
        for s, e, tag in reversed(ctx.tokens[max(0, last - 4) : last - 1]):
            if e - s != 1 or end - s > 3 or not _is_han(ctx.simple[s]) or tag in _FUNCTION_TAGS:
                break
            start = s
    return start, end


def _paren_alias_mentions(ctx: _Context, mentions: list[_Mention]) -> list[_Mention]:
    """小扎（祖克柏）: the text says a nickname and a name are one person."""
    by_start = {m.start: m for m in mentions}
    by_end = {m.end: m for m in mentions}
    extra = []
    for i, ch in enumerate(ctx.simple):
        closer = _PARENS.get(ch)
        if closer is None:
            continue
        close = ctx.simple.find(closer, i + 1, i + 12)
        if close < 0:
            continue
        inner, outer = by_start.get(i + 1), by_end.get(i)
        if inner is not None and inner.end == close and outer is None:
            span = _name_before(ctx, i)
        elif outer is not None and inner is None:
            span = (i + 1, close)
        else:
            continue
        if span is None:
            continue
        word = ctx.simple[span[0] : span[1]]
        known = (inner or outer).type  # type: ignore[union-attr]
        entries = ctx.entries.get(word, ())
        if (
            2 <= len(word) <= 4
            and _ALL_HAN.fullmatch(word)
            and _fold(word) not in ctx.lex.stop
            and not any(not e.proper for e in entries)
        ):
            extra.append(_Mention(span[0], span[1], known, _TAGGER))
    return _resolve_overlaps(mentions + extra) if extra else mentions


def _add_part_mentions(ctx: _Context, mentions: list[_Mention]) -> list[_Mention]:
    """Later mentions of a dotted name's parts (希尔 after 菲利克斯·希尔) count for that name."""
    parts: set[str] = set()
    for m in mentions:
        form = ctx.simple[m.start : m.end]
        if m.type == "person" and any(d in form for d in _DOTS + "?"):
            parts.update(p for p in re.split(f"[{_DOTS}?]", form) if len(p) >= 2)
    if not parts:
        return mentions
    extra = []
    pattern = _literal_pattern(parts)
    assert pattern is not None
    for m in pattern.finditer(ctx.simple):
        s, e = m.span()
        if s in ctx.starts and e in ctx.ends:
            extra.append(_Mention(s, e, "person", _TAGGER + 0))
    return _resolve_overlaps(mentions + extra)


def _initials_in(short: str, long: str) -> bool:
    words = long.split()
    it = iter(short.replace(" ", ""))
    return len(words) >= 3 and all(w[:1] in it for w in words if w)


def _abbreviates(a: str, b: str) -> bool:
    """ChatGPT (Chat Generative Pre-trained Transformer): one spelled from the other's initials."""
    short, long = sorted((a, b), key=len)
    return " " not in short and _initials_in(short, long)


def _merge(ctx: _Context, mentions: list[_Mention], dictionary: NameDictionary) -> list[Entity]:
    lex = ctx.lex
    keyed = [(_fold(ctx.simple[m.start : m.end]), m) for m in mentions]
    uf = _UnionFind()
    for key, m in keyed:
        uf.find(key)
        if m.known is not None:
            uf.union(normalize_name(m.known.name), key)
    keys = {k for k, _ in keyed}
    types = {k: m.type for k, m in keyed}
    # "X(Y)": a name glossed by another name right after it.
    for (k1, m1), (k2, m2) in itertools.pairwise(keyed):
        between = ctx.simple[m1.end : m2.start].strip()
        closer = _PARENS.get(between)
        if closer and ctx.simple[m2.end : m2.end + 1] == closer:
            if not (k1.isascii() and k2.isascii()) or _abbreviates(k1, k2):
                uf.union(k1, k2)  # but "GPT-4 (GPT-3.5)" is no alias
        elif between.strip("，,、 ") in _ALIAS_CUES and between:
            uf.union(k1, k2)
    # "FAIR实验室", "Anthropic公司": a name plus a generic ending is that name.
    for key in keys:
        for cut in range(1, len(key)):
            head, tail = key[:cut].rstrip(), key[cut:].lstrip()
            known_whole = key in lex.known
            if (
                head in keys
                and tail in lex.suffixes
                and types.get(head) == types.get(key)
                and (not known_whole)
            ):
                uf.union(head, key)
    # Dotted names own their parts.
    for key in keys:
        if any(d in key for d in _DOTS + "?"):
            for part in re.split(f"[{_DOTS}?]", key):
                if part in keys:
                    uf.union(key, part)
    # A one-word Latin mention is the last word of one longer name (or the first of a person's).
    latin_multi: dict[str, set[str]] = {}
    types = {k: m.type for k, m in keyed}
    for key in keys:
        if key.isascii() and " " in key:
            words = key.split()
            latin_multi.setdefault(words[-1], set()).add(key)
            if types.get(key) == "person":
                latin_multi.setdefault(words[0], set()).add(key)
    for key in keys:
        if key.isascii() and " " in key and types.get(key) == "person":
            words = key.split()
            for other in latin_multi.get(words[-1], ()):
                first = other.split()[0]
                if other != key and first[0] == words[0][0] and len(words[-1]) >= 4:
                    uf.union(other, key)  # "IIya Sutskever" is a typo of "Ilya Sutskever"
        elif (
            key.isascii()
            and key.split()[-1] in {"ai", "inc", "labs"}
            and key.split()[0] not in lex.known
        ):
            uf.union(key, key.split()[0])  # "Reka" for "Reka AI"
    latin_keys = sorted(k for k in keys if k.isascii() and " " in k)
    for a, b in itertools.combinations(latin_keys, 2):
        (sa, wa), (sb, wb) = sorted(((a, a.split()), (b, b.split())), key=lambda p: len(p[1]))
        for cut in range(1, len(wb) - 1):
            if wa[1:] == wb[cut:] and len(wa) >= 2 and wa[0] == "".join(w[0] for w in wb[:cut]):
                uf.union(sa, sb)  # "SF Alignment Workshop" is "San Francisco Alignment Workshop"
    for key in keys:
        owners = latin_multi.get(key)
        if key.isascii() and " " not in key and owners and len(owners) == 1:
            uf.union(next(iter(owners)), key)
    # The dictionary's English name links a Chinese spelling to its Latin one.
    english_of: dict[str, str | None] = {}
    for key, m in keyed:
        if key in english_of:
            continue
        eng = m.english
        if eng is None and _HAN.search(key):
            eng = _name_head(dictionary.english_name(key))
        english_of[key] = eng
        if eng:
            eng_key = _fold(eng)
            if eng_key in keys:
                uf.union(eng_key, key)
            else:
                last = eng_key.split()[-1] if " " in eng_key else None
                if last and last in keys and types.get(last) == "person":
                    uf.union(last, key)
    groups: dict[str, list[tuple[str, _Mention]]] = {}
    for key, m in keyed:
        groups.setdefault(uf.find(key), []).append((key, m))
    entities = []
    for members in groups.values():
        entities.append(_entity(ctx, members, english_of, lex))
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
        han = _HAN.search(form) is not None
        is_known = key_of[form] in known_names
        return (not is_partial(form), is_known, len(forms[form]), han, len(form))

    canonical = max(forms, key=rank)
    spans = tuple(sorted((m.start, m.end) for ms in forms.values() for m in ms))
    best = max((m for _, m in members), key=lambda m: m.priority)
    votes: dict[EntityType, int] = {}
    for _, m in members:
        votes[m.type] = votes.get(m.type, 0) + m.priority * 10 + 1
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


# ---------------------------------------------------------------------------- public


def find_entities(
    text: str,
    tagged: Tagged,
    corrections: Corrections | None = None,
    dictionary: NameDictionary | None = None,
) -> tuple[Entity, ...]:
    """Entities of `text` (either script), most mentioned first; `tagged` = segment_tagged(text)."""
    if not text:
        return ()
    lex = _lexicon()
    simple = _simplify(text)
    tokens = [(s, e, t) for s, e, t in tagged]
    ctx = _Context(
        text=text,
        simple=simple,
        tokens=tokens,
        starts={s for s, _, _ in tokens},
        ends={e for _, e, _ in tokens},
        lex=lex,
    )
    dictionary = dictionary or _default_dictionary()
    ctx.entries = dictionary.lookup_many(_run_words(ctx))
    mentions = (
        _known_mentions(ctx)
        + _latin_mentions(ctx)
        + _dotted_mentions(ctx)
        + _quoted_mentions(ctx)
        + _tagger_mentions(ctx)
        + _translit_runs(ctx)
        + _byline_names(ctx)
        + _congress_mentions(ctx)
        + _composed_mentions(ctx)
    )
    if corrections is None:  # read only: the window and the CLI report a damaged file
        corrections = Corrections.load(set_aside=False)
    mentions += _added_mentions(ctx, corrections)
    unwanted = lex.stop | corrections.ignored_keys()
    mentions = [m for m in mentions if _fold(simple[m.start : m.end]) not in unwanted]
    mentions = _trim_glued_names(ctx, _type_lists(ctx, _resolve_overlaps(mentions)))
    mentions = _add_part_mentions(ctx, _paren_alias_mentions(ctx, mentions))
    return tuple(_merge(ctx, mentions, dictionary))
