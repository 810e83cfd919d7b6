"""What the library knows about each text, derived from the files: a cache, rebuilt at will.

For every text: its counted words with their occurrences (the % known and new-word
columns are recomputed from them after each change of word states, without reading
the text again), its HSK profile, and a full-text index (SQLite FTS5). The file lives
in the cache dir; a damaged or outdated one is deleted and rebuilt from the texts.

Search: FTS5 has no Chinese tokenizer, so each run of Han characters is indexed as its
overlapping character pairs (研究员 -> 研究 究员 员) of the *simplified* form; a query is
turned the same way into a phrase of pairs (a one-character query is a prefix), so a
word matches wherever it occurs, in either script. Other letters and digits are
indexed as lower-case words.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
import sys
import threading
import zlib
from array import array
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from app.core.errors import UserError
from app.core.language.hsk import LevelProfile
from app.core.sqlite_errors import is_corruption
from app.core.text.chars import HAN_CLASS

INDEX_NAME = "library-index.sqlite3"
FORMAT = 1  # user_version: what is stored changed meaning -> rebuilt
Location = tuple[str, str]  # (path, part), as the library store keys a text
_HAN_RUN = re.compile(f"[{HAN_CLASS}]+")
_RUNS = re.compile(f"[{HAN_CLASS}]+|[^\\W_{HAN_CLASS}]+")


@dataclass(frozen=True, slots=True)
class TextWords:
    """One text's counted words (names, numbers and non-Chinese left out) and HSK profile."""

    stamp: str  # `file_stamp` of the file when it was read
    chars: int
    words: tuple[str, ...]
    counts: array  # array("I"), one per word
    hsk_profile: LevelProfile

    def items(self) -> Iterable[tuple[str, int]]:
        return zip(self.words, self.counts, strict=True)


def file_stamp(path: str | Path) -> str | None:
    """Size, modification time and the analysis code: a changed file (or a zhreader that
    counts words differently) is read again. None when the file is missing."""
    from app.core.analysis.cache import code_fingerprint

    try:
        st = Path(path).stat()
    except (OSError, ValueError):
        return None
    return f"{st.st_size}:{st.st_mtime_ns}:{code_fingerprint()[:16]}"


def search_terms(text: str) -> str:
    """The text as the index's terms: overlapping Han pairs (simplified), lower-case words."""
    from app.core.text.script import to_simplified

    terms: list[str] = []
    for match in _RUNS.finditer(to_simplified(text)):
        run = match.group()
        if _HAN_RUN.match(run):
            terms.extend(run[i : i + 2] for i in range(len(run)))
        else:
            terms.append(run.lower())
    return " ".join(terms)


def search_query(query: str) -> str | None:
    """An FTS5 query matching texts that hold every word of `query` (either script)."""
    from app.core.text.script import to_simplified

    phrases: list[str] = []
    for match in _RUNS.finditer(to_simplified(query.strip())):
        run = match.group()
        if not _HAN_RUN.match(run):
            phrases.append(f'"{run.lower()}"*')
        elif len(run) == 1:
            phrases.append(f'"{run}"*')  # the pairs that start with it, and a final char
        else:
            phrases.append('"' + " ".join(run[i : i + 2] for i in range(len(run) - 1)) + '"')
    return " AND ".join(phrases) or None


class LibraryIndex:
    """The cache file; one instance per thread that uses it (they share the file)."""

    def __init__(self, path: Path | None = None) -> None:
        if path is None:
            from app.core.paths import cache_dir

            path = cache_dir() / INDEX_NAME
        self.path = Path(path)
        self._lock = threading.Lock()
        self._word_ids: dict[str, int] | None = None
        self._conn = self._open()

    def _open(self) -> sqlite3.Connection:
        try:
            return self._prepare()
        except sqlite3.DatabaseError as exc:
            if not is_corruption(exc):
                raise UserError(f"cannot open the library index at {self.path}: {exc}") from exc
        self._delete_files()  # a cache: rebuilt from the texts
        return self._prepare()

    def _prepare(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False,
                               timeout=10)
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")  # a cache: a lost write is re-read
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version not in (0, FORMAT):
                conn.close()
                self._delete_files()
                return self._prepare()
            if version == 0:
                _create(conn)  # under the write lock: another instance may be creating it
            return conn
        except BaseException:
            conn.close()
            raise

    def _start_again(self) -> None:
        self._conn.close()
        self._delete_files()
        self._word_ids = None
        self._conn = self._prepare()

    def _delete_files(self) -> None:
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                self.path.with_name(self.path.name + suffix).unlink()

    # -- writes -----------------------------------------------------------------------

    def put_many(self, texts: Iterable[tuple[Location, TextWords, str]]) -> None:
        """Store texts (location, words, the text itself for search) in one transaction."""
        with self._lock:
            conn = self._conn
            conn.execute("BEGIN IMMEDIATE")
            try:
                ids = self._ids(conn)
                for (path, part), words, text in texts:
                    _delete(conn, path, part)
                    word_ids = array("I", (_word_id(conn, ids, word) for word in words.words))
                    simplified = _simplified(text)
                    cursor = conn.execute(
                        "INSERT INTO doc (path, part, stamp, chars, words, counts, hsk, body) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        (path, part, words.stamp, words.chars, word_ids.tobytes(),
                         words.counts.tobytes(), ",".join(map(str, words.hsk_profile.counts)),
                         zlib.compress(simplified.encode("utf-8", "surrogatepass"), 6)),
                    )
                    conn.execute("INSERT INTO search (rowid, body) VALUES (?, ?)",
                                 (cursor.lastrowid, search_terms(simplified)))
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                self._word_ids = None  # ids handed out in the rolled-back part are gone
                raise

    def remove(self, locations: Iterable[Location]) -> None:
        with self._lock:
            conn = self._conn
            conn.execute("BEGIN IMMEDIATE")
            try:
                for path, part in locations:
                    _delete(conn, path, part)
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise

    def _ids(self, conn: sqlite3.Connection) -> dict[str, int]:
        if self._word_ids is None:
            self._word_ids = dict(conn.execute("SELECT text, id FROM word"))
        return self._word_ids

    # -- reads ------------------------------------------------------------------------

    def load(self, locations: Iterable[Location] | None = None) -> dict[Location, TextWords]:
        """The stored words of every text (or of `locations`), word strings shared; none when
        the file reads back damaged, which starts it again empty: the texts are re-read."""
        with self._lock:
            try:
                return self._load(locations)
            except _READ_BACK_WRONG as exc:
                if not _damaged(exc):
                    raise
                self._start_again()
                return {}

    def _load(self, locations: Iterable[Location] | None) -> dict[Location, TextWords]:
        wanted = set(locations) if locations is not None else None
        texts: dict[Location, TextWords] = {}
        words = {i: sys.intern(text) for i, text in self._conn.execute(
            "SELECT id, text FROM word")}
        rows = self._conn.execute(
            "SELECT path, part, stamp, chars, words, counts, hsk FROM doc")
        for path, part, stamp, chars, word_blob, count_blob, hsk in rows:
            if wanted is not None and (path, part) not in wanted:
                continue
            ids = array("I")
            ids.frombytes(word_blob)
            counts = array("I")
            counts.frombytes(count_blob)
            if len(counts) != len(ids):
                raise ValueError(f"{path}: {len(ids)} words, {len(counts)} counts")
            profile = LevelProfile(tuple(int(n) for n in hsk.split(",")))
            texts[path, part] = TextWords(stamp, chars, tuple(words[i] for i in ids),
                                          counts, profile)
        return texts

    def search(self, query: str) -> set[Location] | None:
        """The texts holding every word of `query`; None when the query has no word."""
        expression = search_query(query)
        if expression is None:
            return None
        with self._lock:
            try:
                rows = self._conn.execute(
                    "SELECT doc.path, doc.part FROM search JOIN doc ON doc.id = search.rowid "
                    "WHERE search MATCH ?", (expression,)).fetchall()
            except sqlite3.DatabaseError as exc:
                if not _damaged(exc):
                    raise
                # The library's reader rebuilds the file (see `load`); this instance may
                # hold the old one open, so the caller opens a new one for the next search.
                raise UserError("the library's search index is damaged; it is rebuilt "
                                "when the library is next read") from exc
        return {(path, part) for path, part in rows}

    def close(self) -> None:
        with self._lock:
            self._conn.close()


# What a damaged file raises while its rows are read back: SQLite's own errors, text that
# is no longer UTF-8, a word id with no word, blobs and profiles of the wrong shape.
_READ_BACK_WRONG = (sqlite3.DatabaseError, AttributeError, KeyError, TypeError, ValueError)


def _damaged(exc: Exception) -> bool:
    """A damaged cache, not a lock or a full disk (those must not cost the index)."""
    if isinstance(exc, sqlite3.DatabaseError):
        return is_corruption(exc) or "decode" in str(exc).lower()
    return True


def text_words(stamp: str, chars: int, counts: Mapping[str, int],
               profile: LevelProfile) -> TextWords:
    """One text's words, each string shared with every other text that has it: a library
    of 2,000 texts holds ~100,000 distinct words, not 2 million copies of them."""
    return TextWords(stamp, chars, tuple(map(sys.intern, counts)), array("I", counts.values()),
                     profile)


def _create(conn: sqlite3.Connection) -> None:
    conn.execute("BEGIN IMMEDIATE")
    if conn.execute("PRAGMA user_version").fetchone()[0] == FORMAT:
        conn.execute("ROLLBACK")  # made meanwhile by another instance
        return
    conn.execute(
        """
        CREATE TABLE doc (
            id     INTEGER PRIMARY KEY,
            path   TEXT NOT NULL,
            part   TEXT NOT NULL,
            stamp  TEXT NOT NULL,
            chars  INTEGER NOT NULL,
            words  BLOB NOT NULL,
            counts BLOB NOT NULL,
            hsk    TEXT NOT NULL,
            body   BLOB NOT NULL,
            UNIQUE (path, part)
        )
        """
    )
    conn.execute("CREATE TABLE word (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE)")
    try:
        # Contentless: the terms are kept once, in `doc.body` (compressed), not twice.
        conn.execute("CREATE VIRTUAL TABLE search USING fts5(body, content='', prefix='1', "
                     "tokenize='unicode61 remove_diacritics 0')")
    except sqlite3.OperationalError as exc:
        conn.execute("ROLLBACK")
        raise UserError(f"this Python's SQLite cannot search text (FTS5): {exc}") from exc
    conn.execute(f"PRAGMA user_version = {FORMAT}")
    conn.execute("COMMIT")


def _delete(conn: sqlite3.Connection, path: str, part: str) -> None:
    row = conn.execute("SELECT id, body FROM doc WHERE path = ? AND part = ?",
                       (path, part)).fetchone()
    if row is None:
        return
    doc_id, body = row
    terms = search_terms(zlib.decompress(body).decode("utf-8", "surrogatepass"))
    # A contentless table forgets a row given the terms it was indexed with.
    conn.execute("INSERT INTO search (search, rowid, body) VALUES ('delete', ?, ?)",
                 (doc_id, terms))
    conn.execute("DELETE FROM doc WHERE id = ?", (doc_id,))


def _word_id(conn: sqlite3.Connection, ids: dict[str, int], word: str) -> int:
    known = ids.get(word)
    if known is None:
        cursor = conn.execute("INSERT INTO word (text) VALUES (?)", (word,))
        known = ids[word] = int(cursor.lastrowid or 0)
    return known


def _simplified(text: str) -> str:
    from app.core.text.script import to_simplified

    return to_simplified(text)

