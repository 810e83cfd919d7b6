"""pypinyin's readings for the pinyin reader: by character, and by phrase.

Compiled once from pypinyin's own JSON data (importing pypinyin costs ~0.7 s) into a SQLite
file in `cache_dir()`, rebuilt when pypinyin's files or jieba's word list change. The
character table (42,000 entries, consulted for every character) is loaded whole; the phrase
table (45,000 phrases that decide a polyphone, and which of them jieba's list counts as
common words) stays on disk and is asked in bulk for the words of each text, as CC-CEDICT's
readings are: held in memory whole it cost ~13 MiB for the few thousand phrases a text
ever looks up.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import marshal
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from app.core.paths import atomic_writer, cache_dir

# Bump whenever what the file holds, or how it is read from pypinyin's data, changes.
FORMAT_VERSION = 10
FILE_NAME = f"pinyin-tables-v{FORMAT_VERSION}.sqlite3"
_OLDER_FILES = ("pinyin_tables.marshal", "pinyin-tables-v*.sqlite3")
# jieba's corpus count from which a pypinyin phrase is a common word.
COMMON_COUNT = 10
_CHUNK = 500  # bound parameters per query, well under SQLite's limit
# Phrases held from earlier texts (a long article asks ~3,000) before starting again.
_CACHE = 50_000

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value NOT NULL);
CREATE TABLE phrases (
    word TEXT PRIMARY KEY,
    reading TEXT NOT NULL,  -- tone-marked syllables, one per character: "yín háng"
    common INTEGER NOT NULL  -- jieba's word list counts it COMMON_COUNT times or more
) WITHOUT ROWID;
"""

# A phrase as the table gives it: its reading, and whether jieba's list finds it common.
Phrase = tuple[str, bool]


def package_dir(name: str) -> Path | None:
    """Where an installed package's files are, found without importing it."""
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent


class PinyinTables:
    """Readings by character ("háng,xíng", most frequent first) and pypinyin's phrase
    readings ("yín háng"); safe to share between threads.

    `prefetch(words)` asks for many phrases in one query per 500; `phrase(word)` and
    `is_common(word)` answer from what was fetched, asking the file for the rest.
    """

    def __init__(self, chars: dict[str, str], max_word: int,
                 connection: sqlite3.Connection | None) -> None:
        self.chars = chars
        self.max_word = max_word  # the longest phrase
        self._connection = connection
        self._lock = threading.Lock()
        self._known: dict[str, Phrase | None] = {}

    def may_hold(self, word: str) -> bool:
        """Could `word` be in the phrase table? It holds only phrases of two characters or
        more with a polyphone among them (the others decide nothing)."""
        chars = self.chars
        return 2 <= len(word) <= self.max_word and any("," in chars.get(ch, "") for ch in word)

    def prefetch(self, words: Iterable[str]) -> None:
        """Fetch these phrases (those that may be in the table) in bulk."""
        known = self._known
        self._fetch([w for w in dict.fromkeys(words) if w not in known and self.may_hold(w)])

    def phrase(self, word: str) -> str | None:
        found = self._entry(word)
        return found[0] if found is not None else None

    def is_common(self, word: str) -> bool:
        found = self._entry(word)
        return found is not None and found[1]

    def _entry(self, word: str) -> Phrase | None:
        try:
            return self._known[word]
        except KeyError:
            pass
        if not self.may_hold(word):
            return None
        return self._fetch([word]).get(word)

    def _fetch(self, words: list[str]) -> dict[str, Phrase]:
        if not words:
            return {}
        found: dict[str, Phrase] = {}
        if self._connection is not None:
            with self._lock:
                for start in range(0, len(words), _CHUNK):
                    chunk = words[start : start + _CHUNK]
                    found.update(_query(self._connection, chunk))
        if len(self._known) + len(words) > _CACHE:  # a long session: start again
            self._known = {}
        known = self._known
        for word in words:
            known[word] = found.get(word)
        return found


def _query(connection: sqlite3.Connection, words: list[str]) -> dict[str, Phrase]:
    marks = ",".join("?" * len(words))
    try:
        rows = connection.execute(
            f"SELECT word, reading, common FROM phrases WHERE word IN ({marks})", words
        ).fetchall()
    except UnicodeEncodeError:  # a lone surrogate: no phrase has one; ask word by word
        if len(words) == 1:
            return {}
        return {k: v for w in words for k, v in _query(connection, [w]).items()}
    return {word: (reading, bool(common)) for word, reading, common in rows}


def open_tables(folder: Path | None = None) -> PinyinTables:
    """The tables in `folder` (default `cache_dir()`), built there first when missing or
    made from other data; in memory for this run when the folder cannot hold them."""
    base = package_dir("pypinyin")
    if base is None:
        return PinyinTables({}, 1, None)
    from app.core.language.frequency import source_stamp

    made_from = f"{FORMAT_VERSION}|{_pypinyin_version(base)}|{source_stamp()}"
    path = (folder if folder is not None else cache_dir()) / FILE_NAME
    with contextlib.suppress(OSError, sqlite3.Error, ValueError, EOFError, TypeError):
        opened = _open(path, made_from)
        if opened is not None:
            return opened
    connection = _build(base, made_from)
    try:
        with atomic_writer(path, durable=False) as out:  # a rebuildable cache: no fsync
            out.write(connection.serialize())
    except OSError:  # a read-only or full cache: this run keeps the tables in memory
        return _tables_of(connection)
    connection.close()
    _remove_older_files(path)
    # Opened as a later start opens it: the character table is unpacked afresh, laid out
    # compactly rather than among the build's freed leftovers.
    with contextlib.suppress(OSError, sqlite3.Error, ValueError, EOFError, TypeError):
        opened = _open(path, made_from)
        if opened is not None:
            return opened
    return _tables_of(_build(base, made_from))


def _open(path: Path, made_from: str) -> PinyinTables | None:
    if not path.is_file():
        return None
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                                 check_same_thread=False)
    try:
        meta = dict(connection.execute("SELECT key, value FROM meta WHERE key = 'made_from'"))
        if meta.get("made_from") == made_from:
            return _tables_of(connection)
    except BaseException:
        connection.close()
        raise
    connection.close()
    return None


def _tables_of(connection: sqlite3.Connection) -> PinyinTables:
    meta = dict(connection.execute(
        "SELECT key, value FROM meta WHERE key IN ('chars', 'max_word')"))
    return PinyinTables(marshal.loads(meta["chars"]), int(meta["max_word"]), connection)


def _build(base: Path, made_from: str) -> sqlite3.Connection:
    """A new in-memory database holding the tables built from pypinyin's data."""
    chars, words = _read_pypinyin(base)
    common = _common_phrases(words)
    connection = sqlite3.connect(":memory:", check_same_thread=False)
    connection.executescript(_SCHEMA)
    connection.executemany(
        "INSERT INTO phrases VALUES (?, ?, ?)",
        ((word, reading, word in common) for word, reading in sorted(words.items())),
    )
    connection.executemany("INSERT INTO meta VALUES (?, ?)", [
        ("made_from", made_from),
        ("chars", marshal.dumps(chars)),
        ("max_word", max(map(len, words), default=1)),
    ])
    connection.commit()
    return connection


def _pypinyin_version(base: Path) -> str:
    stats = [(base / f).stat() for f in ("pinyin_dict.json", "phrases_dict.json")]
    return "|".join(f"{st.st_size}:{st.st_mtime_ns}" for st in stats)


def _read_pypinyin(base: Path) -> tuple[dict[str, str], dict[str, str]]:
    """pypinyin's character readings, and the readings of its phrases that decide a
    polyphone (~0.3 s). The phrases are read member by member: `json.load` would hold all
    47,000 as nested lists at once (~20 MiB more at a first start's peak)."""
    with open(base / "pinyin_dict.json", encoding="utf-8") as fh:
        chars = {chr(int(code)): value for code, value in json.load(fh).items()}
    words: dict[str, str] = {}
    for word, syllables in _json_members((base / "phrases_dict.json").read_text("utf-8")):
        if not isinstance(syllables, list) or len(syllables) != len(word):
            continue
        # A word only matters if it decides a polyphone.
        if any("," in chars.get(ch, "") for ch in word):
            pairs = zip(word, syllables, strict=True)
            words[word] = " ".join(_citation(ch, s[0]) for ch, s in pairs)
    return chars, words


def _json_members(text: str) -> Iterator[tuple[str, Any]]:
    """The members of the JSON object `text`, decoded one at a time (ValueError when
    `text` is not one)."""
    decoder = json.JSONDecoder()

    def space_end(pos: int) -> int:
        while text[pos : pos + 1] in (" ", "\n", "\r", "\t"):
            pos += 1
        return pos

    def after(pos: int, expected: str) -> int:
        pos = space_end(pos)
        if text[pos : pos + 1] != expected:
            raise ValueError(f"JSON: {expected!r} expected at {pos}")
        return space_end(pos + 1)

    pos = after(0, "{")
    if text[pos : pos + 1] == "}":
        return
    while True:
        key, pos = decoder.raw_decode(text, pos)
        if not isinstance(key, str):
            raise ValueError("JSON: an object's keys are strings")
        value, pos = decoder.raw_decode(text, after(pos, ":"))
        yield key, value
        pos = space_end(pos)
        if text[pos : pos + 1] == "}":
            return
        pos = after(pos, ",")


def _citation(ch: str, syllable: str) -> str:
    """pypinyin writes 一 and 不 with their sandhi tones (不要 bú yào); the reader gives the
    citation tone and leaves sandhi to the display (`sandhi.spoken`)."""
    return {"一": "yī", "不": "bù"}.get(ch, syllable)


def _common_phrases(words: dict[str, str]) -> frozenset[str]:
    """The phrases of `words` that jieba's word list counts at least `COMMON_COUNT` times:
    words people write, where pypinyin's phrase table also holds generated ones."""
    from app.core.language.frequency import read_frequencies

    return frozenset(w for w, n in read_frequencies() if n >= COMMON_COUNT and w in words)


def _remove_older_files(path: Path) -> None:
    """Tables of earlier formats are never read again; don't let them pile up."""
    for pattern in _OLDER_FILES:
        for stale in path.parent.glob(pattern):
            if stale.name != path.name:
                with contextlib.suppress(OSError):
                    stale.unlink(missing_ok=True)
