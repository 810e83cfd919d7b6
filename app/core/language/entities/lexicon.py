"""The project's name lists (dictionaries/entity_*.txt) and the script folding that every
mention source shares."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from app.core.language.segmentation import NAME_TAGS
from app.core.language.surnames import surnames
from app.core.paths import dictionary_lines
from app.core.text.chars import HAN_CLASS, analysis_form, is_han
from app.core.types import EntityType, is_entity_type

# Higher wins when two candidate mentions overlap with the same length.
_ADDED, _KNOWN, _COMPOSED, _DICT, _LATIN, _TAGGER = 6, 5, 4, 3, 2, 1


_CRF = _COMPOSED  # the trained tagger: above the rules' guesses, below the lists

# A day of the week, maybe with a part of the day (周二, 周二晚, 星期三): no person, though 周
# is a surname (a name that only opens so, 周一围, is one).
WEEKDAY = re.compile(r"(?:周[一二三四五六日末]|星期[一二三四五六日天])[早晚晨夜]?")


_DOTS = "·•・‧∙"


_PARENS = {"(": ")", "（": "）"}


_PERSON_TAGS = {"nr", "nrfg", "nrt"}


_NAME_TAGS = NAME_TAGS  # jieba's name tags, as the segmenter knows them


@dataclass(frozen=True, slots=True)
class _Known:
    name: str
    type: EntityType
    english: str | None


@dataclass(frozen=True, slots=True)
class _Lexicon:
    known: dict[str, _Known]  # every simplified name or alias -> its entry
    aliases: dict[str, tuple[str, ...]]  # a known name's key -> the keys of all its forms
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
    long_suffixes: tuple[str, ...]  # the suffixes of two characters or more, for str.endswith
    suffix_reach: int  # the longest suffix's length

    def surname_of(self, form: str) -> str:
        """The surname a Chinese name would open with: its first two characters where they are
        a compound surname (欧阳), else its first (which the caller checks is a surname)."""
        return form[:2] if form[:2] in self.surnames else form[:1]

    def transliterated(self, form: str) -> bool:
        """Every character of `form` is one that transliterates foreign names (true of "")."""
        return all(ch in self.translit for ch in form)

    def org_ending(self, form: str) -> int:
        """The length of the longest organisation ending (大学, 委员会, 部) that ends the form,
        0 if none: the one test every rule asks of a name that may be a body's."""
        for cut in range(min(len(form), self.suffix_reach), 0, -1):
            if self.suffixes.get(form[-cut:]) == "organization":
                return 0 if form.endswith(cues("not_org_endings")) else cut  # 公报 is no 报
        return 0

    def org_shaped(self, form: str) -> bool:
        """Whether an unknown word ends the way organisation names end: an organisation ending
        (社, 部, 委员会), a character only bodies end in (联, 协, 办), or a body's short name
        (妇联)."""
        if form[-1] in cue_set("org_last_chars") or self.bodies.get(form[-2:]) == "organization":
            return not form.endswith(cues("not_org_endings"))  # 飞行 is no 行
        return self.org_ending(form) > 0


def _literal_pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    """Longest-first alternation; Latin ends must not sit inside a longer Latin word."""
    parts = []
    for name in sorted(set(names), key=len, reverse=True):
        body = ""
        for i, ch in enumerate(name):
            if ch == " ":
                body += r"\s?"
                continue
            if i and is_han(ch) != is_han(name[i - 1]) and name[i - 1] != " ":
                body += " ?"
            body += re.escape(ch)
        if name[0].isascii() and name[0].isalnum():
            body = r"(?<![A-Za-z0-9])" + body
        if name[-1].isascii() and name[-1].isalnum():
            body += r"(?![A-Za-z0-9]|[-.][A-Za-z0-9])"
        parts.append(body)
    return re.compile("|".join(parts)) if parts else None


_SCRIPT_SEAM = re.compile(f"(?<=[{HAN_CLASS}])(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])(?=[{HAN_CLASS}])")


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
    """Length-preserving traditional -> simplified, character by character, in the form the
    segmenter reads (`analysis_form`: full-width digits as ASCII, 北京,上海 as 北京，上海)."""
    return analysis_form(text.translate(_t2s_table()))


def _name_key(form: str) -> str:
    """`normalize_name` through the character table: OpenCC's phrase pass costs ~10 ms on the
    first call for the few hundred list entries, and list names need no phrase rules."""
    return _fold(_simplify(form))


def _lexicon() -> _Lexicon:
    """The full lexicon, as the app uses it."""
    return load_lexicon()


@cache
def load_lexicon(articles: bool = True) -> _Lexicon:
    """The name lists; `articles=False` leaves out the known names marked as occurring in the
    built-in articles, so a benchmark can score those articles as unseen text."""
    known: dict[str, _Known] = {}
    alias_keys: dict[str, tuple[str, ...]] = {}
    forms: list[str] = []
    for line in dictionary_lines("entity_known.txt"):
        cols = [*line.split("\t"), "", "", "", ""]
        name, etype, english, aliases = cols[0], cols[1], cols[2], cols[3]
        if not articles and cols[4] == "articles":
            continue
        entry = _Known(name, _entity_type(etype, "entity_known.txt"), english or None)
        spellings = [name, *[a for a in aliases.split("|") if a]]
        for form in spellings:
            known.setdefault(_name_key(form), entry)
            forms.append(form)
        alias_keys[_name_key(name)] = tuple(_name_key(f) for f in spellings)
    suffixes: dict[str, EntityType] = {}
    for line in dictionary_lines("entity_suffixes.txt"):
        suffix, _, etype = line.partition("\t")
        suffixes[suffix] = _entity_type(etype, "entity_suffixes.txt")
    translit = frozenset("".join(dictionary_lines("entity_translit.txt")))
    words = frozenset(w for ln in dictionary_lines("entity_english_words.txt") for w in ln.split())
    bodies = [ln.split("\t") for ln in dictionary_lines("entity_bodies.txt")]
    places = [ln.split("\t") for ln in dictionary_lines("entity_places.txt")]
    return _Lexicon(
        known=known,
        aliases=alias_keys,
        known_by_first=_index_forms(forms),
        stop=frozenset(_name_key(w) for w in dictionary_lines("entity_stop.txt")),
        suffixes=suffixes,
        surnames=surnames(),
        translit=translit,
        english_words=words,
        given_chars=frozenset("".join(dictionary_lines("entity_given_chars.txt"))),
        bodies={w: _entity_type(kind, "entity_bodies.txt") for w, kind in bodies
                if kind != "prefix"},
        body_prefixes=frozenset(w for w, kind in bodies if kind == "prefix"),
        places=frozenset(name for name, _ in places),
        place_english=frozenset(english for _, english in places),
        long_suffixes=tuple(x for x in suffixes if len(x) >= 2),
        suffix_reach=max(map(len, suffixes), default=0),
    )


def _entity_type(label: str, file: str) -> EntityType:
    """A type column of a shipped list; a typo there fails the tests, not a silent miss."""
    if not is_entity_type(label):
        raise ValueError(f"dictionaries/{file}: {label!r} is not an entity type")
    return label


def _fold(simplified: str) -> str:
    """`normalize_name` for text that is already simplified (no script conversion)."""
    return " ".join(simplified.split()).casefold()


_NUMERALS = set("一二三四五六七八九十百千万两")


_FUNCTION_TAGS = {"u", "uj", "ul", "uz", "ug", "uv", "p", "c", "d", "r", "x", "m", "q", "y", "e"}


@cache
def _cue_lists() -> dict[str, tuple[str, ...]]:
    """dictionaries/entity_cues.txt: "[name]" lines open a list, items separated by spaces."""
    lists: dict[str, list[str]] = {}
    current: list[str] = []
    for line in dictionary_lines("entity_cues.txt"):
        if line.startswith("[") and line.endswith("]"):
            current = lists.setdefault(line[1:-1], [])
        else:
            current.extend(line.split())
    return {name: tuple(items) for name, items in lists.items()}


def cues(name: str) -> tuple[str, ...]:
    """One cue list in file order (for str.startswith and friends)."""
    return _cue_lists()[name]


@cache
def cue_set(name: str) -> frozenset[str]:
    """One cue list as a set, for membership tests in the rules' inner loops."""
    return frozenset(_cue_lists()[name])


@cache
def longest_first(name: str) -> tuple[str, ...]:
    """One cue list longest first, for the longest ending a form has (two of one length
    cannot both end it)."""
    return tuple(sorted(cue_set(name), key=len, reverse=True))


@cache
def cue_pattern(name: str) -> re.Pattern[str]:
    """One cue list as one pattern, longest first: its words are found in the text in one
    pass, not tried per token."""
    return re.compile("|".join(map(re.escape, longest_first(name))))
