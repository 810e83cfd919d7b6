"""The one rule for reading an English name out of a CC-CEDICT sense.

The hover popup (`Dictionary.english_name`) and the names panel (entities) both show it, so
they must agree: "Taibei or Taipei, capital of Taiwan" is Taipei (the usual English form, not
the pinyin spelling CC-CEDICT lists first), "Xihu or West lake (place name)" is West Lake,
"Hunan Province in south central China" is Hunan Province, "surname Li" and "see ..." name
nothing. Only what the dictionary says is used: nothing is translated or made up.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from app.core.language.cedict import REGION_EQUIVALENT
from app.core.paths import dictionary_lines
from app.core.text.chars import has_han

# Senses that do not name anything themselves.
_SKIP = re.compile(
    r"^(?:surname |abbr\.|old name|(?:[A-Za-z-]+ )*variant of|see |used in|also written|"
    rf"same as|(?:[a-z]+ )?name of|[a-z]+ for |{REGION_EQUIVALENT})"
)
_LEADING_TAGS = re.compile(r"^(?:\([^)]*\)\s*)+")  # "(Tw)", "(old)"
# A run of capitalised words, with the small words names keep inside them.
# A capital may carry an accent: Ürümqi, Émile, Ōsaka.
_CAPITAL = "A-Z0-9À-ÖØ-ÞĀĒĪŌŪ"
# A brand may open with a small letter before a capital: iQiyi, eBay.
_WORD = rf"(?:[{_CAPITAL}]|[a-z](?=[A-Z][a-z]))[\w.'&-]*"
_HEAD = re.compile(rf"{_WORD}(?: (?:(?:of|the|and|de|von|van|du|al|bin|on)\s)*{_WORD})*")


@cache
def _kind_words() -> frozenset[str]:
    """dictionaries/english_name_kinds.txt: lake, river, ... ("West lake" is West Lake)."""
    return frozenset(w for line in dictionary_lines("english_name_kinds.txt") for w in line.split())


def romanised(pinyin_numbered: str) -> str:
    """'Tai2 bei3' -> 'taibei': the pinyin spelling a sense may repeat as a "name"."""
    plain = unicodedata.normalize("NFD", pinyin_numbered.replace("u:", "u").replace("v", "u"))
    return "".join(ch for ch in plain if ch.isalpha() and ch.isascii()).casefold()


def name_from_sense(sense: str, pinyin_numbered: str = "") -> str | None:
    """The English name a sense gives, or None when the sense does not name something."""
    text = _LEADING_TAGS.sub("", sense)
    if not text or _SKIP.match(text):
        return None
    text = re.split(r"\s*\(|[,;]", text, maxsplit=1)[0].strip()
    options = [o.strip() for o in text.split(" or ") if o.strip()]
    if not options:
        return None
    pinyin = romanised(pinyin_numbered)
    usual = [o for o in options if not (pinyin and pinyin.startswith(romanised(o)))]
    text = _capitalise_kinds((usual or options)[0])
    text = re.sub(r" (?:municipality|province)$", "", text)
    head = _HEAD.match(text)
    if head is None or has_han(head.group()):
        return None
    return head.group()


def _capitalise_kinds(text: str) -> str:
    """'West lake' -> 'West Lake': a kind word ending a name after a capitalised word is part
    of it (but 'Qixing district of Guilin city' stays the district's description)."""
    words = text.split(" ")
    if len(words) >= 2 and words[-1] in _kind_words() and words[-2][:1].isupper():
        words[-1] = words[-1].capitalize()
    return " ".join(words)
