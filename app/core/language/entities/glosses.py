"""What CC-CEDICT's glosses say about a word: is it a name, of what type, with which English."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Protocol

from app.core.language.cedict import is_region_equivalent
from app.core.language.english_names import name_from_sense
from app.core.language.entities.lexicon import _lexicon
from app.core.types import EntityType, Entry

_GLOSS_TYPES: tuple[tuple[EntityType, re.Pattern[str]], ...] = (
    # "(1916-2013)", "(c. 500 BC)"; "Xiao He (-193 BC), strategist": only the death known
    ("person", re.compile(r"\((?:c\. |reigned )?\d{1,4}(?: BC)?-|\(\d{3,4}\)|\(-\d{1,4}(?: BC)?\)|"
                          r"\bsurname\b|"
                          r"Chinese-American|"
                          r"\((?:male |female )?name\)|"
                          r"\b(?:actor|actress|writer|poet|politician|emperor|singer|scientist|"
                          r"mathematician|physicist|philosopher|president|general|painter|"
                          r"warlord)\b")),
    ("organization", re.compile(r"\b(?:University|College|Institute|Academy|Company|Corporation|"
                                r"Inc|company|corporation|Bank|Party|Association|Agency|Ministry|"
                                # "Fitch, credit rating agency", "travel agency": a business
                                r"agency|"
                                r"Committee|Council|Bureau|Laboratory|Foundation|Society|Union|"
                                r"Group|newspaper|news agency|organization|Organization|"
                                r"organisation|Organisation|bloc|"
                                r"television|Television|Department|Administration|Airlines|Assembly|Court|Systems|airline|manufacturer|brand|website|School|Hospital|Army|Federation|League|"
                                r"Commission|Congress|Parliament|Senate|Navy|Corps|Fund|Club|Fleet|"
                                # a business's gloss: "Hong Kong Stock Exchange", "Alipay,
                                # online payment platform", "IKEA, Swedish furniture retailer"
                                r"Exchange|Federal Reserve|central bank|investment bank|platform|"
                                r"Securities|Holdings|Ventures|Technologies|Technology|Motors|"
                                r"conglomerate|retailer|Ltd|Limited|"
                                # the five branches of the Republic of China's government
                                # ("Legislative Yuan, the legislative branch ..."), not the
                                # currency ("Chinese Yuan") or the dynasty
                                r"(?:Legislative|Executive|Judicial|Control|Examination) Yuan)\b")),
    ("work", re.compile(r"\b(?:novel|film|movie|book|Prize|prize|Award|award|Medal|game|software|"
                        r"opera|poem|album|song|festival|Games|Olympics|war|War|folktale|fable|"
                        # "Kuaishou, Chinese social video sharing app" (not "app-based taxi
                        # company", nor a feature "of smartphone app WeChat")
                        r"(?<!smartphone )app(?!-))\b")),
    ("place", re.compile(r"\b(?:city|province|county|district|country|capital|river|River|"
                         r"mountain|Mountain|island|Island|lake|Lake|state|region|prefecture|"
                         r"Republic|Kingdom|town|village|Sea|Ocean|sea|ocean|Valley|Street|"
                         r"street|Bay|Peninsula|continent|desert|Desert|province of|Province|"
                         r"State|City|Country|Palace|palace|Square|Airport|Bridge|Stadium|[A-Z][a-z]+ia|"
                         r"neighborhood|resort|township|municipality|suburb|plateau|Plateau|"
                         r"Strait|Gulf|harbor|port|Mt|mountains|Mountains|islands|Islands|"
                         r"Gorge|gorge|"
                         # a historic site: "Confucian temple", "Giant Wild Goose Pagoda in
                         # Xi'an", "Ming tombs in Nanjing", "Dr Sun Yat-sen's mausoleum"
                         r"temple(?! name)|Temple|pagoda|Pagoda|mausoleum|Mausoleum|tombs?|Tombs|"
                         r"grottoes|Grottoes|"
                         # waters, lowlands and landforms ("Three Gorges Reservoir", "Sichuan
                         # basin", "North China Plain", "Niagara Falls", "Cape Verde"); not
                         # Spring, Forest, Marsh, Peak ("Spring Festival", "Black Forest
                         # cake", "Peak Sport Products Co.")
                         r"Reservoir|reservoir|Dam|Canal|canal|Basin|basin|Glacier|glacier|"
                         r"Falls|waterfall|Waterfall|[Ww]etlands?|[Gg]rasslands?|Delta|delta|"
                         r"Plains?|plains|[Aa]rchipelago|Reef|reef|[Aa]toll|[Vv]olcano|[Hh]ills|"
                         r"Range|[Nn]ature [Rr]eserve|[Nn]ational [Pp]ark|[Oo]asis|Cape|Pass|"
                         r"[Ff]jord|Highlands?)\b")),
)  # fmt: skip


_WORK = next(pattern for etype, pattern in _GLOSS_TYPES if etype == "work")


class NameDictionary(Protocol):
    """The slice of `app.core.language.dictionary.Dictionary` this module needs."""

    def lookup_many(self, words: Iterable[str]) -> dict[str, tuple[Entry, ...]]: ...

    def english_name(self, word: str) -> str | None: ...


# CC-CEDICT's label of where a form is used: "New Zealand (Tw)", "(Tw, HK) North Korea".
_REGION_LABEL = re.compile(r"\s*\((?:Tw|HK|Macau)(?:, (?:Tw|HK|Macau))*\)")


def regional_read(entries: dict[str, tuple[Entry, ...]]) -> dict[str, tuple[Entry, ...]]:
    """The entries with their names' region labels dropped, for a text in traditional
    characters: there the Taiwan or Hong Kong spelling of a country (紐西蘭, 卡達) is the
    usual one, and "New Zealand (Tw)", label and all, matched no place's English name, so the
    gloss gave no type. (In simplified text the same characters are seldom that name: 尼日
    is Niger only in Taiwan's spelling.)"""
    out = dict(entries)
    for word, found in entries.items():
        if any(e.proper and "(" in sense and _REGION_LABEL.search(sense)
               for e in found for sense in e.senses):  # fmt: skip
            out[word] = tuple(
                replace(e, senses=tuple(_REGION_LABEL.sub("", s).strip() for s in e.senses))
                if e.proper else e
                for e in found
            )
    return out


def equivalent_of(entry: Entry) -> tuple[str, ...]:
    """The names `entry` is only another region's form of ("Taiwan equivalent of 里根")."""
    if entry.proper and entry.senses and is_region_equivalent(entry.senses[0]):
        return tuple(entry.references)
    return ()


def with_equivalents(
    entries: dict[str, tuple[Entry, ...]], dictionary: NameDictionary
) -> dict[str, tuple[Entry, ...]]:
    """A name the dictionary only calls another region's form of another (雷根 = "Taiwan
    equivalent of 里根") also has the entries of the name it points to: its own gloss says
    nothing of what it names, and "Taiwan" in it read as a place (莫內, the painter)."""
    pointing = {
        word: [ref for e in found if e.proper for ref in e.references]
        for word, found in entries.items()
        if any(equivalent_of(e) for e in found)
    }
    if not pointing:
        return entries
    found = dictionary.lookup_many({ref for refs in pointing.values() for ref in refs})
    out = dict(entries)
    for word, refs in pointing.items():
        out[word] = entries[word] + tuple(
            e for ref in refs for e in found.get(ref, ()) if e.proper
        )
    return out


_COORDINATION_GLOSS = re.compile(r"\band\b|^[A-Z][A-Za-z]+(?:-[A-Z][A-Za-z]+)+$")
# A gloss's parenthesis describes the place ("Gaza (territory adjacent to Israel and Egypt)"):
# an "and" there coordinates its neighbours, not the word.
_GLOSS_NOTE = re.compile(r"\([^)]*\)")


def coordination_gloss(sense: str) -> bool:
    """A sense that joins places ("Beijing and Tianjin", "China-USA", "Jing-Jin-Ji (Beijing,
    Tianjin and Hebei Province)"): the word is a coordination of one-character names, not
    one place's name."""
    if _ONE_DIVISION.match(sense):
        return False  # "Yining city and county", "Qianjiang Miao and Tujia autonomous county"
    return bool(_COORDINATION_GLOSS.search(_GLOSS_NOTE.sub("", sense).strip()))


# A sense naming one division, whose "and" joins its kinds or its peoples: "Yining city and
# county ...", "Qianjiang Miao and Tujia autonomous county" (伊宁, 黔江: one city each).
_ONE_DIVISION = re.compile(
    r"^[A-Z][\w'-]*(?: [A-Z][\w'-]*)? (?:[\w-]+ ){0,3}?(?:city|county|district|suburbs|"
    r"prefecture)\b"
)


def coordinated(entries: Sequence[Entry]) -> bool:
    """Whether any sense of `entries` joins places (`coordination_gloss`)."""
    return any(coordination_gloss(sense) for e in entries for sense in e.senses)


def _proper_senses(entries: Sequence[Entry]) -> list[str]:
    """Senses of capitalised entries that name something (not bare surnames or references)."""
    out = []
    for entry in entries:
        if not entry.proper:
            continue
        for sense in entry.senses:
            if sense.startswith(("surname ", "variant of", "old variant", "see ", "used in")):
                continue
            if is_region_equivalent(sense):
                continue
            out.append(sense)
    return out


_MEMBER = re.compile(r"\bmembers?$")


# "Qing dynasty (1644-1911)"; "Western Zhou (1027-771 BC)", a dynasty named by its half with
# the years a person's gloss has too.
_ERA = re.compile(r"^[^,;(]*\b(?:[Dd]ynasty|[Ee]mpire|period|era|reign)\b|"
                  r"^(?:the )?(?:Western|Eastern|Northern|Southern|Former|Later) [A-Z][a-z]+ \(\d")


# "Xinhai Revolution (1911)", "Treaty of Nanjing (1842)", "Korean War (1950-1953)": an event
# dated as a person's life is, not a person (nor any name the panel lists).
_EVENT = re.compile(r"^[^,;(]*\b(?:Revolution|Rebellion|Uprising|War|Incident|Movement|Battle|"
                    r"Treaty|Massacre|Reform|Campaign|Expedition)\b[^,;(]*\(\d")


_ABBR_TARGET = re.compile(r"abbr\. (?:for|of) (?:[^|,\[\]]+\|)?([^|,\[\] ]+)")


# "abbr. for 北愛爾蘭|北爱尔兰[Bei3 Ai4 er3 lan2], Northern Ireland": the clause that names the
# full form, with its pinyin, leaves the English name of what both forms name.
_ABBR_CLAUSE = re.compile(r"\(?abbr\. (?:for|of) (?:[^|,\[\]]+\|)?[^|,\[\] ]+(?:\[[^\]]*\])?\)?")

# "Northern Ireland", "South Sudan": a part of a listed place named by its direction.
_DIRECTED = re.compile(r"(?:North|South|East|West|Central)(?:ern)? ([A-Z][A-Za-z .'-]+)")

_IN_COUNTRY = re.compile(r"\((?:in )?([A-Z][A-Za-z .'-]+)\)")
# "Kanagawa, Japan", "Toledo, Spain": a name and the country it lies in.
_COMMA_COUNTRY = re.compile(r"^[A-Z][A-Za-z'-]+(?: [A-Z][A-Za-z'-]+)?, ([A-Z][A-Za-z .'-]+)$")


# The part of a sense that is the name itself, before "of", a bracket or a comma.
_NAME_PART = re.compile(r"[^,(;]*?(?= of |\s*\(|,|;|$)")


# "Julia Kristeva (1941-), Bulgarian-French philosopher", "Fu Mingxia (1978-), Chinese diver":
# a life span, then a comma and what the person did.
_LIFE_THEN_ROLE = re.compile(r"\((?:c\. |born )?\d{1,4}(?: BC)?-(?:\d{1,4})?(?: BC)?\), [a-zA-Z]")
_LAND_NAME = re.compile(r"[A-Z][a-z]+ia")


def _person_named_like_land(head: str, sense: str) -> bool:
    """A person's name whose only type word is one that ends as a land's does (Julia,
    Victoria, the pinyin Mingxia or Chia-Chiao; "-ia" reads Russia, Asia as places), glossed
    with a life span and a role: the gloss names a person, not a place."""
    lands = [m.group(0) for etype, pattern in _GLOSS_TYPES for m in pattern.finditer(head)]
    return bool(lands) and all(_LAND_NAME.fullmatch(w) for w in lands) and bool(
        _LIFE_THEN_ROLE.search(sense)
    )


def _type_from_gloss(senses: Sequence[str]) -> EntityType | None:
    lex = _lexicon()
    if division_gloss(senses):
        return "place"  # "Mizhi County in Yulin": the first sense names the county
    for sense in senses[:2]:
        target = _ABBR_TARGET.search(sense)
        # 国际足联 = "abbr. for 国际足球联合会": the full name's ending, unless the sense calls
        # it a work first (梁祝 = "The Butterfly Lovers, Chinese folktale; abbr. for
        # 梁山伯与祝英台": a tale, though 祝英台 ends as a station's name ends).
        if target is not None and not _WORK.search(sense, 0, target.start()):
            full = target.group(1)
            if full in lex.places:
                return "place"
            for cut in (3, 2, 1):
                etype = lex.suffixes.get(full[-cut:])
                if etype is not None and len(full) > cut:
                    return etype
        if _ERA.search(sense) or _MEMBER.search(sense) or _EVENT.search(sense):
            return None  # "Qing dynasty (1644-1911)", "Communist Party member": not a name
        # An English name's head is its last type word before "of", "(" or ",": "State
        # Council Information Office of the PRC" is a body (not State), "Texas State
        # University" a university. With none there the earliest type word anywhere wins:
        # "Bonn, a small town ..., Cold War capital" is a place.
        head = _NAME_PART.match(sense)
        named = [(m.start(), etype) for etype, pattern in _GLOSS_TYPES
                 for m in pattern.finditer(head.group(0) if head else "")]  # fmt: skip
        if named and _person_named_like_land(head.group(0) if head else "", sense):
            return "person"
        if named:
            return max(named)[1]
        found = [(m.start(), etype) for etype, pattern in _GLOSS_TYPES
                 if (m := pattern.search(sense)) is not None]  # fmt: skip
        if found:
            return min(found)[1]
        where = _IN_COUNTRY.search(sense)
        where = where or _COMMA_COUNTRY.match(sense)
        if sense in lex.place_english or (where and where.group(1) in lex.place_english):
            return "place"  # "Iraq", "Karachi (Pakistan)", "Kanagawa, Japan"
        name = _ABBR_CLAUSE.sub("", sense).strip(" ,;") if target else sense
        directed = _DIRECTED.fullmatch(name)
        if name in lex.place_english or (directed and directed.group(1) in lex.place_english):
            return "place"  # 北爱 = "abbr. for 北爱尔兰, Northern Ireland"
        if where and "(in " in sense:
            return "place"  # "the Great Hall of the People (in Beijing)"
    return None


_KIND_OF = re.compile(r"[a-z]+ of [A-Z]")  # "state of Texas", "capital of Hunan"
# "prefecture level city in east Henan", "a city in Hunan province": a division in a named
# place, which CC-CEDICT writes for some cities without their English name.
_DIVISION_IN = re.compile(
    r"^[a-z -]*\b(?:city|county|district|prefecture|town|township|village)\b[a-z ,-]* in "
    r"[a-z ]*[A-Z]"
)

# "the Xiangjiang river in Hunan province": CC-CEDICT names some rivers and lakes after "the"
# and with the kind in lower case, which the English-name reading does not take for a name.
_RIVER = re.compile(r"the [A-Z][\w-]* (?:river|lake)\b")


def _gloss_names(sense: str) -> bool:
    """A sense that names something ("Hunan Province", "abbr. for 国际足球联合会", "a city in
    Hunan province")."""
    return bool(
        name_from_sense(sense) or _ABBR_TARGET.search(sense) or _KIND_OF.match(sense)
        or _DIVISION_IN.match(sense) or _RIVER.match(sense)
    )


def _acronym_gloss(entries: Sequence[Entry]) -> bool:
    """国际足联 = "FIFA": a lower-case entry whose gloss is an upper-case abbreviation."""
    return any(re.fullmatch(r"[A-Z]{2,}", sense) for e in entries for sense in e.senses[:2])


# "Mizhi County in Yulin ...", "Guoxing Township in Nantou County": a division named by its
# capitalised kind right after its own name (not "Haidian District Court", a body; and only
# in the first sense: 哈桑 is "Hassan (person name)" before "Hassan District").
_DIVISION_NAMED = re.compile(
    r"^[A-Z][\w'-]*(?: [A-Z][\w'-]*)? (?:County|District|Prefecture|Township|Town|Village|"
    r"Municipality)\b(?! [A-Z])"
)


def division_gloss(senses: Sequence[str]) -> bool:
    """The first sense names a county, district or town by its capitalised kind: the word is
    that division's name, though two characters of it may be other words' halves too."""
    return bool(senses) and bool(_DIVISION_NAMED.match(senses[0]))


# "PRC sports and physical culture commission", "CCP central committee's ... department": a
# gloss that opens with the state or party owning it names that one body.
_OWNED_GLOSS = re.compile(r"(?:PRC|CCP|ROC) [a-zA-Z]")
# "Central Military Committee (CMC)": an English name followed by its own acronym.
_NAME_WITH_ACRONYM = re.compile(r"[A-Z][\w']*(?: [\w']+)* \([A-Z]{2,}\)")
# Small words a capitalised English name leaves lowercase ("Military Commission of the ...").
_NAME_JOINERS = frozenset({"of", "the", "and", "for", "on", "in", "de"})


def _one_body_gloss(entries: Sequence[Entry]) -> bool:
    """A lower-case entry whose gloss names one body: 国家体委 "PRC sports and physical culture
    commission", 某军委 "Central Military Committee (CMC)", 某油 "China National Offshore Oil
    Corporation" (every word capitalised); not "Chinese herbal medicine", a kind of thing."""
    for sense in (s for e in entries for s in e.senses[:2]):
        if _OWNED_GLOSS.match(sense) or _NAME_WITH_ACRONYM.fullmatch(sense):
            return True
        words = sense.split()
        if len(words) >= 2 and all(
            w[:1].isupper() or w in _NAME_JOINERS for w in words
        ) and words[0][:1].isupper() and words[-1][:1].isupper():
            return True
    return False
