"""Dictionary search: hanzi, pinyin (with or without tones) or English to ranked entries.

Lookup answers "what is this word"; search answers "which word is this" from whatever the
learner can type. Its tables live in a second SQLite file beside the CC-CEDICT index
(`cedict-search-v*.sqlite3`), built from that index on the first search (about 3 s of
CPU; a reader who never searches never pays for it), written atomically and rebuilt
whenever the lookup index is:

- `pinyin_keys`: each entry's reading without tones or spaces (银行 -> `yinhang`),
- `english`: each sense word with a precomputed rank (the whole sense being the word
  first, then short senses, then the rest; real words before names and "variant of"
  pointers; common words first, by jieba's corpus counts), so even a query matching
  thousands of entries reads only its first rows through the primary key.

A search never scans a table: every query is a primary-key range read.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import tempfile
import threading
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.core.errors import UserError
from app.core.text.chars import has_han

if TYPE_CHECKING:
    from app.core.language.dictionary import Dictionary
    from app.core.types import Entry

SEARCH_VERSION = 1
SEARCH_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE entry_rank (
    id INTEGER PRIMARY KEY,
    pinyin_numbered TEXT NOT NULL,
    freq INTEGER NOT NULL,
    demote INTEGER NOT NULL  -- 2 for a mere pointer ("variant of"), + 1 for a name
);
CREATE TABLE pinyin_keys (key TEXT NOT NULL, entry_id INTEGER NOT NULL);
CREATE TABLE english (word TEXT NOT NULL, rank INTEGER NOT NULL, entry_id INTEGER NOT NULL);
"""
# Covering indexes made after the bulk insert (SQLite sorts in C, faster than sorted rows).
SEARCH_INDEXES = """
CREATE INDEX pinyin_keys_key ON pinyin_keys (key, entry_id);
CREATE INDEX english_word ON english (word, rank, entry_id);
"""

DEFAULT_LIMIT = 30
_FREQ_SCALE = 10**8  # rank = class * scale - frequency: one integer orders both
_MAX_FREQ = _FREQ_SCALE - 1
_PREFIX_ROWS = 400  # prefix candidates read before ranking
_PHRASE_ROWS = 3000  # postings per word read for a several-word English query
_STOPWORDS = frozenset({
    "a", "an", "the", "to", "of", "and", "or", "in", "on", "at", "for", "with", "by", "sb",
    "sth", "as", "be", "is", "are", "from", "one's", "etc",
})
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_PAREN = re.compile(r"\([^)]*\)")
_LEADING = re.compile(r"^(?:to|a|an|the)\s+")
# A sense tagged like this is not what a learner typing the word is after.
_RARE_USAGE = re.compile(r"\((?:archaic|literary|old|classical|dialect|obsolete|onom)")
_LETTERS = re.compile(r"[a-z]+")
_NOT_KEY = str.maketrans("", "", "0123456789 ")
_TONE_MARKS = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0300": 4}


@dataclass(frozen=True, slots=True)
class SearchResult:
    """One ranked hit: the entry, and how the query matched it (for display and tests)."""

    entry: Entry
    matched: str  # "hanzi", "pinyin" or "english"


def normalize_sense(sense: str) -> str:
    """'to bank (money)' -> 'bank': what a learner would type for this sense."""
    text = _PAREN.sub(" ", sense.lower())
    text = " ".join(text.split())
    return _LEADING.sub("", text)


def glosses_of(senses: Iterable[str]) -> Iterator[tuple[str, bool]]:
    """Each normalized gloss (CC-CEDICT senses hold several, split by ';'), and whether
    the sense is marked archaic, literary, dialect ..."""
    for sense in senses:
        rare = _RARE_USAGE.search(sense) is not None
        for part in sense.split(";"):
            normalized = normalize_sense(part)
            if normalized:
                yield normalized, rare


def toneless_key(pinyin_numbered: str) -> str:
    """'yin2 hang2' -> 'yinhang'; 'lu:4' -> 'lv' (how ü is typed); '' when not all letters."""
    key = pinyin_numbered.lower().replace("u:", "v").translate(_NOT_KEY)
    return key if key.isascii() and key.isalpha() else ""


def syllables_of(pinyin_numbered: str) -> list[tuple[str, int]]:
    """'yin2 hang2' -> [('yin', 2), ('hang', 2)]; neutral tone is 5."""
    out = []
    for token in pinyin_numbered.lower().replace("u:", "v").split():
        match = re.fullmatch(r"([a-z]+)([1-5])?", token)
        if match is None:
            return []
        out.append((match.group(1), int(match.group(2) or 5)))
    return out


def _english_rows(entry_id: int, senses: Iterable[str], demote: int,
                  freq: int) -> Iterator[tuple[str, int, int]]:
    best: dict[str, int] = {}
    for normalized, rare in glosses_of(senses):
        words = _WORD.findall(normalized)
        for word in words:
            if word in _STOPWORDS or len(word) > 40:
                continue
            kind = 0 if normalized == word and not rare else 1 if len(words) <= 3 else 2
            if kind < best.get(word, 3):
                best[word] = kind
    for word, kind in best.items():
        yield word, (kind * 4 + demote) * _FREQ_SCALE - min(freq, _MAX_FREQ), entry_id


def _usual_readings(form: str) -> set[str]:
    """The readings a character's corpus count belongs to: pypinyin's two leading ones
    (长: zhǎng and cháng; 那: nà, not nuó). Empty when pypinyin is missing."""
    try:
        from pypinyin import Style, pinyin
    except ImportError:
        return set()
    return set(pinyin(form, style=Style.TONE3, heteronym=True,
                      neutral_tone_with_five=True)[0][:2])


def build_search_index(dictionary: Dictionary, path: Path, source_key: str) -> None:
    """Fill a new search file from the lookup index and atomically put it at `path`."""
    from app.core.language.cedict import fields_from_parts, is_pointer_sense

    counts = dict(dictionary.read("SELECT word, count FROM word_freq"))
    rows = dictionary.read(
        "SELECT id, traditional, simplified, pinyin_numbered, body FROM entries ORDER BY id")
    readings: dict[str, set[str]] = {}
    for _, _, simplified, numbered, _ in rows:
        if len(simplified) == 1:
            readings.setdefault(simplified, set()).add(numbered.lower().replace("u:", "v"))
    ranks: list[tuple[int, str, int, int]] = []
    pinyin_rows: list[tuple[str, int]] = []
    english_rows: list[tuple[str, int, int]] = []
    syllables: set[str] = set()
    for entry_id, traditional, simplified, numbered, body in rows:
        fields = fields_from_parts(traditional, simplified, numbered, body)
        if fields is None:
            continue
        senses, proper = fields[4], fields[7]
        freq = counts.get(simplified, 0)
        if freq and len(readings.get(simplified, ())) > 1 and \
                numbered.lower().replace("u:", "v") not in _usual_readings(simplified):
            freq //= 100  # the form's count belongs to its usual readings
        pointer = bool(senses) and all(map(is_pointer_sense, senses))
        demote = 2 * pointer + bool(proper)
        ranks.append((entry_id, numbered, freq, demote))
        key = toneless_key(numbered)
        if key:
            pinyin_rows.append((key, entry_id))
            syllables.update(_LETTERS.findall(numbered.lower().replace("u:", "v")))
        english_rows.extend(_english_rows(entry_id, senses, demote, freq))
    syllables = {s for s in syllables if 1 <= len(s) <= 6}
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        connection = sqlite3.connect(tmp)
        try:
            connection.execute("PRAGMA journal_mode=OFF")
            connection.execute("PRAGMA synchronous=OFF")
            connection.executescript(SEARCH_SCHEMA)
            connection.executemany("INSERT INTO entry_rank VALUES (?, ?, ?, ?)", ranks)
            connection.executemany("INSERT INTO pinyin_keys VALUES (?, ?)", pinyin_rows)
            connection.executemany("INSERT INTO english VALUES (?, ?, ?)", english_rows)
            connection.executescript(SEARCH_INDEXES)
            connection.executemany("INSERT INTO meta VALUES (?, ?)", [
                ("source", source_key), ("syllables", " ".join(sorted(syllables)))])
            connection.commit()
        finally:
            connection.close()
        os.replace(tmp, path)  # a rebuildable cache: no fsync needed
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    for stale in path.parent.glob("cedict-search-v*.sqlite3"):
        if stale.name != path.name:
            with contextlib.suppress(OSError):
                stale.unlink(missing_ok=True)


@dataclass(frozen=True, slots=True)
class PinyinQuery:
    letters: str  # toneless, ü as v: 'yinhang'
    tones: tuple[int | None, ...]  # per syllable; None where the learner gave no tone
    complete: bool  # every letter belongs to a whole syllable (else the last is a prefix)


def parse_pinyin(query: str, syllables: frozenset[str]) -> PinyinQuery | None:
    """'yínháng', 'yin2hang2', 'yin hang', 'yinhang' -> syllables and tones; None if not pinyin.

    Tone marks and digits may be mixed; a digit must end a syllable. The split uses the
    fewest syllables (xian, not xi'an), unless the tones say otherwise.
    """
    letters: list[str] = []
    mark_tone: dict[int, int] = {}  # letter index -> tone from a mark on it
    digit_after: dict[int, int] = {}  # letter count -> tone digit typed there
    for char in unicodedata.normalize("NFD", query.strip().lower()):
        if char in _TONE_MARKS:
            if not letters:
                return None
            mark_tone[len(letters) - 1] = _TONE_MARKS[char]
        elif char == "\u0308":  # ü
            if not letters or letters[-1] != "u":
                return None
            letters[-1] = "v"
        elif "a" <= char <= "z":
            letters.append(char)
        elif char in "12345" and letters:
            digit_after[len(letters)] = int(char)
        elif char in " '-’:":
            if char == ":" and letters and letters[-1] == "u":
                letters[-1] = "v"
        else:
            return None
    text = "".join(letters)
    if not text:
        return None
    # best[i] = fewest syllables covering text[:i] that respect digit positions.
    n = len(text)
    best: list[list[str] | None] = [None] * (n + 1)
    best[0] = []
    for start in range(n):
        before = best[start]
        if before is None:
            continue
        for end in range(start + 1, min(n, start + 6) + 1):
            piece = text[start:end]
            if piece not in syllables:
                continue
            if any(start < pos < end for pos in digit_after):
                continue
            candidate = [*before, piece]
            shortest = best[end]
            if shortest is None or len(candidate) < len(shortest):
                best[end] = candidate
    complete = best[n] is not None
    pieces = best[n]
    if pieces is None:
        # A syllable still being typed: everything before it must parse.
        for cut in range(n - 1, -1, -1):
            rest = text[cut:]
            parsed = best[cut]
            if parsed is not None and any(s.startswith(rest) for s in syllables):
                pieces = [*parsed, rest]
                break
        if pieces is None:
            return None
    tones: list[int | None] = []
    position = 0
    for piece in pieces:
        end = position + len(piece)
        tone = digit_after.get(end)
        for index in range(position, end):
            tone = mark_tone.get(index, tone)
        tones.append(tone)
        position = end
    return PinyinQuery(text, tuple(tones), complete)


def _tones_match(query: PinyinQuery, numbered: str) -> bool:
    syllables = syllables_of(numbered)
    if len(syllables) != len(query.tones):
        return not any(query.tones)
    return all(want is None or want == tone or (want == 5 and tone == 5)
               for want, (_, tone) in zip(query.tones, syllables, strict=True))


class DictionarySearch:
    """Ranked search over an open `Dictionary`; its own tables are opened (or built) here."""

    def __init__(self, dictionary: Dictionary, cache: Path | None = None) -> None:
        self._dictionary = dictionary
        self._lock = threading.Lock()
        folder = cache if cache is not None else dictionary.index_path.parent
        self.path = folder / f"cedict-search-v{SEARCH_VERSION}.sqlite3"
        rows = dictionary.read("SELECT value FROM meta WHERE key = 'source'")
        source_key = f"{rows[0][0] if rows else ''}|search-{SEARCH_VERSION}"
        connection = self._open(source_key)
        if connection is None:
            try:
                build_search_index(dictionary, self.path, source_key)
            except (OSError, sqlite3.Error) as exc:
                raise UserError(f"cannot build the search index in {folder}: {exc}") from exc
            connection = self._open(source_key)
            if connection is None:
                raise UserError(f"the search index {self.path} cannot be read")
        self._connection = connection
        syllables = self._read("SELECT value FROM meta WHERE key = 'syllables'")
        self._syllables = frozenset(syllables[0][0].split()) if syllables else frozenset()

    def _open(self, source_key: str) -> sqlite3.Connection | None:
        if not self.path.is_file():
            return None
        connection = None
        try:
            connection = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True,
                                         check_same_thread=False)
            meta = dict(connection.execute("SELECT key, value FROM meta"))
            if meta.get("source") == source_key:
                return connection
        except sqlite3.DatabaseError:
            pass
        if connection is not None:
            connection.close()
        return None

    def _read(self, sql: str, parameters: Iterable = ()) -> list[tuple]:
        with self._lock:
            return self._connection.execute(sql, tuple(parameters)).fetchall()

    def _ranks(self, ids: Iterable[int]) -> dict[int, tuple[int, int]]:
        """(freq, demote) by entry id."""
        wanted = list(dict.fromkeys(ids))
        found: dict[int, tuple[int, int]] = {}
        for offset in range(0, len(wanted), 500):
            chunk = wanted[offset : offset + 500]
            rows = self._read("SELECT id, freq, demote FROM entry_rank WHERE id IN "
                              f"({', '.join('?' * len(chunk))})", chunk)
            found.update((entry_id, (freq, demote)) for entry_id, freq, demote in rows)
        return found

    def close(self) -> None:
        with self._lock:
            self._connection.close()

    def search(self, query: str, limit: int = DEFAULT_LIMIT) -> list[SearchResult]:
        """Best first. Hanzi: the word, then words starting with it. Latin letters: pinyin
        matches and English matches, merged by how well they match, then how common."""
        query = " ".join(query.split())
        if not query or limit <= 0:
            return []
        if has_han(query):
            return self._search_hanzi(query, limit)
        scored: dict[int, tuple[tuple, str]] = {}
        pinyin = parse_pinyin(query, self._syllables)
        hits = [(key, entry_id, "pinyin") for key, entry_id in
                (self._search_pinyin(pinyin) if pinyin is not None else [])]
        hits += [(key, entry_id, "english") for key, entry_id in self._search_english(query)]
        for key, entry_id, how in hits:
            if entry_id not in scored or key < scored[entry_id][0]:
                scored[entry_id] = (key, how)
        ranked = sorted(scored.items(), key=lambda item: (item[1][0], item[0]))[:limit]
        entries = self._dictionary.entries_by_id([entry_id for entry_id, _ in ranked])
        return [SearchResult(entries[entry_id], how) for entry_id, (_, how) in ranked
                if entry_id in entries]

    # ---- hanzi ------------------------------------------------------------------------------

    def _search_hanzi(self, query: str, limit: int) -> list[SearchResult]:
        exact = self._dictionary.read(
            "SELECT entry_id FROM keys WHERE key = ? ORDER BY simplified_match DESC, entry_id",
            (query,))
        ids = [row[0] for row in exact]
        if len(ids) < limit:
            longer = [row[0] for row in self._dictionary.read(
                "SELECT entry_id FROM keys WHERE key > ? AND key < ? LIMIT ?",
                (query, query + "\U0010ffff", _PREFIX_ROWS))]
            ranks = self._ranks(ids + longer)
            ids.sort(key=lambda i: ranks.get(i, (0, 9))[1])  # real words before pointers
            seen = set(ids)
            longer = [i for i in dict.fromkeys(longer) if i not in seen]
            longer.sort(key=lambda i: (ranks.get(i, (0, 9))[1], -ranks.get(i, (0, 9))[0], i))
            ids += longer
        ids = ids[:limit]
        entries = self._dictionary.entries_by_id(ids)
        return [SearchResult(entries[i], "hanzi") for i in ids if i in entries]

    # ---- pinyin -----------------------------------------------------------------------------

    def _search_pinyin(self, query: PinyinQuery) -> list[tuple[tuple, int]]:
        """(sort key, entry id): exact readings (tones as typed) first, then longer readings."""
        exact = self._read(
            "SELECT p.entry_id, e.pinyin_numbered, e.freq, e.demote "
            "FROM pinyin_keys p JOIN entry_rank e ON e.id = p.entry_id WHERE p.key = ?",
            (query.letters,)) if query.complete else []
        toned = [row for row in exact if _tones_match(query, row[1])]
        if toned or not any(query.tones):
            exact = toned
        out = [((0, row[3], -row[2]), row[0]) for row in exact]
        longer = self._read(
            "SELECT p.entry_id, e.pinyin_numbered, e.freq, e.demote "
            "FROM pinyin_keys p JOIN entry_rank e ON e.id = p.entry_id "
            "WHERE p.key > ? AND p.key < ? LIMIT ?",
            (query.letters, query.letters + "{", _PREFIX_ROWS))
        out += [((2, row[3], -row[2]), row[0]) for row in longer]
        return out

    # ---- English ----------------------------------------------------------------------------

    def _search_english(self, query: str) -> list[tuple[tuple, int]]:
        phrase = normalize_sense(query)
        words = [w for w in _WORD.findall(phrase) if w not in _STOPWORDS]
        if not words or not query.isascii():
            return []
        if len(words) == 1 and phrase == words[0]:
            rows = self._read(
                "SELECT g.entry_id, g.rank, e.freq FROM english g "
                "JOIN entry_rank e ON e.id = g.entry_id WHERE g.word = ? ORDER BY g.rank LIMIT ?",
                (words[0], DEFAULT_LIMIT * 4))
            return [(_english_key((rank + freq) // _FREQ_SCALE, freq), entry_id)
                    for entry_id, rank, freq in rows]
        return self._search_phrase(phrase, words)

    def _search_phrase(self, phrase: str, words: list[str]) -> list[tuple[tuple, int]]:
        """Entries holding every word, ranked by how closely a sense matches the phrase."""
        candidates: set[int] | None = None
        for word in dict.fromkeys(words):
            rows = self._read(
                "SELECT entry_id FROM english WHERE word = ? ORDER BY rank LIMIT ?",
                (word, _PHRASE_ROWS))
            ids = {row[0] for row in rows}
            candidates = ids if candidates is None else candidates & ids
            if not candidates:
                return []
        chosen = sorted(candidates or ())
        entries = self._dictionary.entries_by_id(chosen)
        ranks = self._ranks(chosen)
        pattern = re.compile(r"\b" + r"\s+".join(map(re.escape, phrase.split())) + r"\b")
        out = []
        for entry_id, entry in entries.items():
            freq, demote = ranks.get(entry_id, (0, 0))
            kind = 3
            for normalized, rare in glosses_of(entry.senses):
                if normalized == phrase and not rare:
                    kind = 0
                    break
                if pattern.search(normalized):
                    extra = len(normalized.split()) - len(phrase.split())
                    kind = min(kind, 1 if extra <= 2 else 2)
            out.append((_english_key(kind * 4 + demote, freq), entry_id))
        return out


def _english_key(kind_demote: int, freq: int) -> tuple:
    """Merge English hits with pinyin hits: an exact sense ranks with an exact reading."""
    kind, demote = divmod(kind_demote, 4)
    tier = 0 if kind == 0 else 1 if kind == 1 else 3
    return tier, demote, -freq
