"""The vocabulary: saved words, in a small SQLite file that survives crashes (or in memory).

Durability choices (modelled on qutebrowser's `misc/sql.py`):

* WAL journal, so a reader never blocks a writer and a killed process leaves the
  database file itself untouched (the WAL is replayed or ignored on next open).
* `synchronous=FULL`. In WAL mode `NORMAL` already survives a killed *process*, but a
  commit can still be rolled back by a power cut or OS crash because the WAL is not
  fsynced at commit. We tell the user "saved" right after `save()` returns, so that
  promise must hold across power loss too; one fsync per saved word is invisible at
  human saving speed (see benchmarks/bench_vocab.py). qutebrowser picks NORMAL because
  losing the last visited page from history is harmless; losing a confirmed word is not.
* Every write is one `BEGIN IMMEDIATE` transaction: it takes the write lock up front,
  so two app instances queue on `busy_timeout` instead of failing half-way with a
  lock upgrade error, and a read-modify-write (the upsert merge) sees no lost update.
* Schema versions live in `PRAGMA user_version`; `_MIGRATIONS[n]` takes a store from
  version n to n + 1 inside the same transaction that bumps the version.
* `PRAGMA application_id` marks the file as ours, so another program's SQLite file
  put in its place is recognised as foreign, kept aside and never written into.
* Before the file is opened for writing, a copy of it (with its `-wal`) is examined
  (`store_check`): a WAL that does not belong to the store is set aside unread, and a
  damaged or foreign file is renamed without SQLite ever writing into it.
* A folder that cannot be written (read-only, full, `/proc`) still lets the words be
  read: the store then works on an in-memory copy and refuses writes with one line.

`Vocabulary` is the interface the window and the command line use; `VocabStore` (the
file) and `MemoryVocab` (the window's stand-in when the file cannot be written) both
implement it with the same rules, and one test suite runs against both.
"""

from __future__ import annotations

import html
import sqlite3
import threading
import time
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Literal, Protocol

from app.core.errors import UserError
from app.core.paths import unused_name, write_problem
from app.core.sqlite_errors import is_corruption, is_unwritable, why_unwritable
from app.core.text.chars import HAN_RE
from app.core.types import Token, VocabItem
from app.core.user.store_check import (
    Inspection,
    Newer,
    Unusable,
    inspect_store,
    sidecar,
    writable,
)

Status = Literal["learning", "known"]
STATUSES: tuple[Status, ...] = ("learning", "known")
STORE_NAME = "vocabulary.sqlite3"

# "zhRV" in ASCII: identifies a zhreader vocabulary file among SQLite files.
APPLICATION_ID = 0x7A685256
BUSY_TIMEOUT_MS = 10_000

_COLUMNS = (
    "simplified, traditional, pinyin, gloss, sentence, article, added, status, note, mark"
)


def _migrate_to_1(conn: sqlite3.Connection) -> None:
    conn.execute(
        """
        CREATE TABLE vocab (
            simplified  TEXT PRIMARY KEY NOT NULL CHECK (simplified <> ''),
            traditional TEXT NOT NULL,
            pinyin      TEXT NOT NULL DEFAULT '',
            gloss       TEXT NOT NULL DEFAULT '',
            sentence    TEXT NOT NULL DEFAULT '',
            article     TEXT NOT NULL DEFAULT '',
            added       REAL NOT NULL,
            updated     REAL NOT NULL,
            status      TEXT NOT NULL DEFAULT 'learning'
                        CHECK (status IN ('learning', 'known')),
            note        TEXT NOT NULL DEFAULT ''
        )
        """
    )
    conn.execute("CREATE INDEX vocab_by_traditional ON vocab (traditional)")
    conn.execute("CREATE INDEX vocab_by_added ON vocab (added)")


def _migrate_to_2(conn: sqlite3.Connection) -> None:
    """Remember where the word sits in its sentence (a word can occur twice)."""
    conn.execute("ALTER TABLE vocab ADD COLUMN mark INTEGER NOT NULL DEFAULT -1")


# Append only: index n migrates a store from user_version n to n + 1.
_MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_migrate_to_1, _migrate_to_2)
SCHEMA_VERSION = len(_MIGRATIONS)


def default_store_path() -> Path:
    from app.core.paths import data_dir

    return data_dir() / STORE_NAME


# -- the interface and its rules --------------------------------------------------------------


class Vocabulary(Protocol):
    """Saved words keyed by their simplified form, found by either script.

    `notice` is one line for the user when opening needed a decision (a damaged file set
    aside, a read-only folder, a memory stand-in), else None.
    """

    notice: str | None

    def save(self, item: VocabItem) -> VocabItem: ...

    def save_many(self, items: Iterable[VocabItem], exact_status: bool = False) -> int: ...

    def get(self, word: str) -> VocabItem | None: ...

    def items(self) -> list[VocabItem]: ...

    def remove(self, word: str) -> bool: ...

    def set_status(self, word: str, status: Status) -> bool: ...

    def set_note(self, word: str, note: str) -> bool: ...

    def known_words(self) -> set[str]: ...

    def __len__(self) -> int: ...

    def close(self) -> None: ...


def _checked(item: VocabItem) -> tuple[str, str]:
    """(simplified, traditional) of an item about to be saved; ValueError when it cannot be."""
    simplified = item.simplified.strip()
    if not simplified:
        raise ValueError("a vocabulary item needs a simplified word")
    if item.status not in STATUSES:
        raise ValueError(f"unknown status {item.status!r}")
    return simplified, item.traditional.strip() or _to_traditional(simplified)


def _check_status(status: str) -> None:
    if status not in STATUSES:
        raise ValueError(f"unknown status {status!r}")


def merge(old: VocabItem | None, item: VocabItem, simplified: str, traditional: str,
          now: float, exact_status: bool = False) -> VocabItem:
    """What saving `item` over `old` (None: a new word) keeps; both stores use this rule.

    On update the original `added` time stays; text fields given non-empty replace
    the stored ones (a new sentence/article/gloss/pinyin/note), empty ones keep them;
    a status of "known" is applied, the default "learning" does not demote a word
    (unless `exact_status`: an import the user asked to mark every word learning).
    """
    if old is None:
        return replace(item, simplified=simplified, traditional=traditional,
                       added=item.added or now)
    return VocabItem(
        simplified=simplified,
        traditional=item.traditional.strip() or old.traditional,
        pinyin=item.pinyin or old.pinyin,
        gloss=item.gloss or old.gloss,
        sentence=item.sentence or old.sentence,
        # A new sentence brings its own article; never pair it with the old title.
        article=item.article if item.sentence else item.article or old.article,
        added=old.added,
        status=item.status if exact_status or item.status == "known" else old.status,
        note=item.note or old.note,
        mark=item.mark if item.sentence else old.mark,
    )


def _newest_first(item: VocabItem) -> tuple[float, str]:
    return -item.added, item.simplified


class MemoryVocab:
    """The vocabulary kept in memory: the window's stand-in when the file cannot be written.

    Same rules as `VocabStore` (see `Vocabulary`); `items` seeds it, e.g. with the words a
    read-only store could still read, so the learner keeps seeing them.
    """

    def __init__(self, items: Iterable[VocabItem] = (), notice: str | None = None) -> None:
        self.notice = notice
        self._items: dict[str, VocabItem] = {item.simplified: item for item in items}

    def _key(self, word: str) -> str | None:
        word = word.strip()
        if word in self._items:
            return word
        return next((key for key, item in self._items.items() if item.traditional == word), None)

    def save(self, item: VocabItem) -> VocabItem:
        return self._save(item, exact_status=False)

    def save_many(self, items: Iterable[VocabItem], exact_status: bool = False) -> int:
        checked = list(items)
        for item in checked:
            _checked(item)  # all or nothing, as the store's one transaction
        for item in checked:
            self._save(item, exact_status)
        return len(checked)

    def _save(self, item: VocabItem, exact_status: bool) -> VocabItem:
        simplified, traditional = _checked(item)
        stored = merge(self._items.get(simplified), item, simplified, traditional, time.time(),
                       exact_status)
        self._items[simplified] = stored
        return stored

    def get(self, word: str) -> VocabItem | None:
        key = self._key(word)
        return None if key is None else self._items[key]

    def items(self) -> list[VocabItem]:
        return sorted(self._items.values(), key=_newest_first)

    def remove(self, word: str) -> bool:
        key = self._key(word)
        return key is not None and self._items.pop(key, None) is not None

    def set_status(self, word: str, status: Status) -> bool:
        _check_status(status)
        return self._update(word, status=status)

    def set_note(self, word: str, note: str) -> bool:
        return self._update(word, note=note)

    def _update(self, word: str, **fields: str) -> bool:
        key = self._key(word)
        if key is None:
            return False
        self._items[key] = replace(self._items[key], **fields)
        return True

    def known_words(self) -> set[str]:
        return {w for i in self._items.values() if i.status == "known"
                for w in (i.simplified, i.traditional) if w}

    def __len__(self) -> int:
        return len(self._items)

    def close(self) -> None:
        pass


# -- the file ---------------------------------------------------------------------------------


class VocabStore:
    """Saved words in a SQLite file; safe for several processes at once.

    `read_only` is True when the folder or the disk refuses writes: the words are read
    from a snapshot in memory, and every change raises a one-line UserError.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path is not None else default_store_path()
        self.notice: str | None = None
        self.read_only = False
        self._read_only_reason = ""
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self._conn = self._open()

    # -- opening, checking, migrating -------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        # isolation_level=None: we issue BEGIN/COMMIT ourselves, the module never does.
        conn = sqlite3.connect(
            self.path, isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000
        )
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        return conn

    def _open(self) -> sqlite3.Connection:
        folder = self.path.parent
        try:
            _check_location(self.path)
            problem = _make_folder(folder)
            if problem is None and not writable(self.path):
                problem = f"the folder {folder} is read-only"
            seen = inspect_store(self.path, _examine)
        except OSError as exc:  # a name too long, a loop of links: nothing to fall back on
            raise UserError(
                f"cannot use the vocabulary at {self.path}: {exc.strerror or exc}"
            ) from None
        if seen.verdict == "newer":
            raise UserError(_newer_message(self.path, seen.version))
        if problem is not None:
            return self._open_read_only(seen, problem)
        try:
            if seen.verdict == "unreadable":
                aside = self._set_aside()
                self.notice = (
                    f"The vocabulary file could not be read ({seen.reason}); it was kept as "
                    f"{aside} and a new, empty vocabulary was started."
                )
            elif seen.verdict == "stray-wal":
                aside = self._set_aside_wal()
                self.notice = (
                    f"A journal file beside the vocabulary did not belong to it ({seen.reason}); "
                    f"it was kept unread as {aside}, and the saved words were kept."
                )
        except OSError as exc:
            return self._open_read_only(seen, f"it cannot be repaired: {exc.strerror or exc}")
        try:
            return self._open_checked(trusted=seen.verdict in ("ok", "stray-wal", "missing"))
        except sqlite3.OperationalError as exc:
            if not is_unwritable(exc):
                raise UserError(f"cannot open the vocabulary at {self.path}: {exc}") from exc
            return self._open_read_only(seen, why_unwritable(exc))

    def _open_checked(self, trusted: bool) -> sqlite3.Connection:
        """The real file, read-write; damage found only now is still set aside."""
        conn = self._connect()
        try:
            self._prepare(conn, quick_check=not trusted)
            return conn
        except Unusable as exc:
            conn.close()
            reason = str(exc)
        except sqlite3.DatabaseError as exc:
            conn.close()
            if not is_corruption(exc):
                raise
            reason = "not a readable database"
        except BaseException:
            conn.close()
            raise
        aside = self._set_aside()
        self.notice = (
            f"The vocabulary file could not be read ({reason}); it was kept as {aside} "
            "and a new, empty vocabulary was started."
        )
        conn = self._connect()
        self._prepare(conn, quick_check=False)
        return conn

    def _open_read_only(self, seen: Inspection, problem: str) -> sqlite3.Connection:
        """The words as they are on disk, in memory; nothing is ever written back."""
        self.read_only = True
        self._read_only_reason = problem
        conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        image = seen.image if seen.verdict in ("ok", "stray-wal") else None
        if image is None and seen.verdict == "unknown":
            image = _read_image(self.path)
        if image is not None:
            try:
                conn.deserialize(image)
                _examine(conn)
            except (sqlite3.DatabaseError, Unusable, Newer):  # unreadable after all: empty
                conn.close()
                conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        self._migrate(conn)
        if seen.verdict == "unreadable":
            self.notice = (
                f"The vocabulary file {self.path} could not be read ({seen.reason}) and was "
                f"left as it is: {problem}."
            )
        else:
            self.notice = f"The vocabulary at {self.path} can only be read: {problem}."
        return conn

    def _prepare(self, conn: sqlite3.Connection, quick_check: bool) -> None:
        """Check the file is ours (or empty), switch to WAL, run pending migrations."""
        _check_identity(conn)
        _refuse_newer(conn, self.path)  # before WAL: a newer version's file stays as it was
        if conn.execute("PRAGMA journal_mode = WAL").fetchone()[0].lower() != "wal":
            raise UserError(f"cannot use write-ahead logging for {self.path}")
        conn.execute("PRAGMA synchronous = FULL")
        if quick_check and conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise Unusable("damaged database")
        self._migrate(conn)

    def _migrate(self, conn: sqlite3.Connection) -> None:
        if _user_version(conn) == SCHEMA_VERSION:
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Re-read under the write lock: another instance may have migrated meanwhile.
            _refuse_newer(conn, self.path)
            version = _user_version(conn)
            for migration in _MIGRATIONS[version:]:
                migration(conn)
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def _set_aside(self) -> Path:
        """Rename the unreadable file (and its WAL/SHM, which belong to it) out of the way."""
        aside = unused_name(self.path.with_name(f"{self.path.name}.unreadable-{_stamp()}"))
        self.path.rename(aside)
        for suffix in ("-wal", "-shm"):
            extra = sidecar(self.path, suffix)
            if extra.exists():
                extra.rename(sidecar(aside, suffix))
        return aside

    def _set_aside_wal(self) -> Path:
        """Rename a WAL that does not belong to the store (and its index) before SQLite sees it."""
        wal = sidecar(self.path, "-wal")
        aside = unused_name(wal.with_name(f"{wal.name}.stray-{_stamp()}"))
        wal.rename(aside)
        shm = sidecar(self.path, "-shm")
        if shm.exists():
            shm.rename(unused_name(shm.with_name(f"{shm.name}.stray-{_stamp()}")))
        return aside

    # -- writes -----------------------------------------------------------------------

    def _write(self, work: Callable[[sqlite3.Connection], object]) -> object:
        """Run `work` in one BEGIN IMMEDIATE transaction; return only after COMMIT."""
        if self.read_only:
            raise UserError(
                f"the vocabulary at {self.path} can only be read ({self._read_only_reason}); "
                "nothing was changed"
            )
        with self._lock:
            conn = self._connection()
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                raise UserError(f"the vocabulary is busy or unwritable: {exc}") from exc
            try:
                result = work(conn)
                conn.execute("COMMIT")
            except BaseException as exc:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error):  # disk full, read-only, damaged meanwhile
                    raise UserError(f"the vocabulary could not be saved: {exc}") from exc
                raise
            return result

    def save(self, item: VocabItem) -> VocabItem:
        """Insert or update by simplified word (see `merge`); the result is committed to disk."""
        simplified, traditional = _checked(item)
        now = time.time()
        return self._write(  # type: ignore[return-value]
            lambda conn: _upsert(conn, item, simplified, traditional, now)
        )

    def save_many(self, items: Iterable[VocabItem], exact_status: bool = False) -> int:
        """`save` for many words in one transaction (an import): all are saved or none."""
        checked = [(item, *_checked(item)) for item in items]
        now = time.time()

        def upsert_all(conn: sqlite3.Connection) -> int:
            for item, simplified, traditional in checked:
                _upsert(conn, item, simplified, traditional, now, exact_status)
            return len(checked)

        return self._write(upsert_all)  # type: ignore[return-value]

    def remove(self, word: str) -> bool:
        """Forget a word given in either script; False when it was not saved."""

        def delete(conn: sqlite3.Connection) -> bool:
            key = _find_key(conn, word)
            if key is None:
                return False
            conn.execute("DELETE FROM vocab WHERE simplified = ?", (key,))
            return True

        return bool(self._write(delete))

    def set_status(self, word: str, status: Status) -> bool:
        """Mark a saved word known or learning; False when it was not saved."""
        _check_status(status)
        return self._update_field(word, "status", status)

    def set_note(self, word: str, note: str) -> bool:
        return self._update_field(word, "note", note)

    def _update_field(self, word: str, column: Literal["status", "note"], value: str) -> bool:
        def update(conn: sqlite3.Connection) -> bool:
            key = _find_key(conn, word)
            if key is None:
                return False
            conn.execute(
                f"UPDATE vocab SET {column} = ?, updated = ? WHERE simplified = ?",
                (value, time.time(), key),
            )
            return True

        return bool(self._write(update))

    # -- reads ------------------------------------------------------------------------

    def get(self, word: str) -> VocabItem | None:
        """The saved item for a word in either script (simplified match wins)."""
        with self._lock:
            conn = self._connection()
            key = _find_key(conn, word)
            if key is None:
                return None
            row = conn.execute(
                f"SELECT {_COLUMNS} FROM vocab WHERE simplified = ?", (key,)
            ).fetchone()
        return _item(row) if row else None

    def items(self) -> list[VocabItem]:
        """All saved words, newest first."""
        with self._lock:
            rows = (
                self._connection()
                .execute(f"SELECT {_COLUMNS} FROM vocab ORDER BY added DESC, simplified")
                .fetchall()
            )
        return [_item(row) for row in rows]

    def known_words(self) -> set[str]:
        """Known words in both scripts, so a traditional article matches them too."""
        with self._lock:
            rows = (
                self._connection()
                .execute("SELECT simplified, traditional FROM vocab WHERE status = 'known'")
                .fetchall()
            )
        return {word for row in rows for word in row if word}

    def __len__(self) -> int:
        with self._lock:
            return self._connection().execute("SELECT count(*) FROM vocab").fetchone()[0]

    # -- lifetime ---------------------------------------------------------------------

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            raise RuntimeError("the vocabulary store is closed")
        return self._conn

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def __enter__(self) -> VocabStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _upsert(conn: sqlite3.Connection, item: VocabItem, simplified: str, traditional: str,
            now: float, exact_status: bool = False) -> VocabItem:
    """Insert `item` or merge it into the saved word (see `merge`), inside a transaction."""
    row = conn.execute(
        f"SELECT {_COLUMNS} FROM vocab WHERE simplified = ?", (simplified,)
    ).fetchone()
    merged = merge(_item(row) if row else None, item, simplified, traditional, now, exact_status)
    conn.execute(
        f"""
        INSERT INTO vocab ({_COLUMNS}, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (simplified) DO UPDATE SET
            traditional = excluded.traditional, pinyin = excluded.pinyin,
            gloss = excluded.gloss, sentence = excluded.sentence,
            article = excluded.article, status = excluded.status,
            note = excluded.note, mark = excluded.mark,
            updated = excluded.updated
        """,
        (*_row(merged), now),
    )
    return merged


def open_vocabulary(path: Path | None = None) -> Vocabulary:
    """The store when it can be written, else a memory stand-in holding what could be read.

    For the window, which must open whatever the data folder is like; its notice says the
    words saved now last only until it quits.
    """
    until_quit = " — saved words last until you quit"
    try:
        store = VocabStore(path)
    except UserError as exc:
        return MemoryVocab(notice=f"{exc}{until_quit}")
    if not store.read_only:
        return store
    with store:
        return MemoryVocab(store.items(), notice=f"{store.notice}{until_quit}")


# -- helpers ------------------------------------------------------------------------------


def _newer_message(path: Path, version: int) -> str:
    return (
        f"the vocabulary at {path} was written by a newer zhreader "
        f"(schema {version}, this version knows {SCHEMA_VERSION}); please update"
    )


def _refuse_newer(conn: sqlite3.Connection, path: Path) -> None:
    version = _user_version(conn)
    if version > SCHEMA_VERSION:
        raise UserError(_newer_message(path, version))


def _user_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def _check_identity(conn: sqlite3.Connection) -> None:
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    if app_id == APPLICATION_ID:
        return
    if app_id != 0:
        raise Unusable("a file from another program")
    tables = conn.execute(
        "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
    ).fetchone()[0]
    if tables or _user_version(conn):
        raise Unusable("a file from another program")


def _examine(conn: sqlite3.Connection) -> None:
    """For `inspect_store`: is this copy a healthy zhreader store (or an empty file)?"""
    _check_identity(conn)
    version = _user_version(conn)
    if version > SCHEMA_VERSION:
        raise Newer(version)
    if conn.execute("PRAGMA integrity_check(1)").fetchone()[0] != "ok":
        raise Unusable("damaged database")
    if version and not conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'vocab'"
    ).fetchone():
        raise Unusable("damaged database")


def _check_location(path: Path) -> None:
    """Mistakes that no fallback should hide: say them in one line."""
    if path.is_dir():
        raise UserError(
            f"{path} is a folder, not a vocabulary file; move it away or choose another "
            "--data-dir"
        )


def _make_folder(folder: Path) -> str | None:
    """Create the data folder; None when done, else why it cannot be (reading still works)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError) as exc:
        raise UserError(write_problem(folder / STORE_NAME, exc)) from None
    except OSError as exc:
        return f"the folder {folder} cannot be created ({exc.strerror or exc})"
    return None


def _read_image(path: Path) -> bytes | None:
    """The store's bytes for reading in memory when no checked copy could be made."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if len(data) > 18 and data[18:20] == b"\x02\x02":
        data = data[:18] + b"\x01\x01" + data[20:]  # WAL mode cannot load into memory
    return data or None


def _stamp() -> str:
    return time.strftime("%Y%m%d-%H%M%S")


def _find_key(conn: sqlite3.Connection, word: str) -> str | None:
    word = word.strip()
    row = conn.execute(
        "SELECT simplified FROM vocab WHERE simplified = ? "
        "UNION ALL SELECT simplified FROM vocab WHERE traditional = ? LIMIT 1",
        (word, word),
    ).fetchone()
    return row[0] if row else None


def _item(row: Sequence) -> VocabItem:
    simplified, traditional, pinyin, gloss, sentence, article, added, status, note, mark = row
    return VocabItem(
        simplified=simplified,
        traditional=traditional,
        pinyin=pinyin,
        gloss=gloss,
        sentence=sentence,
        article=article,
        added=added,
        status=status,
        note=note,
        mark=mark,
    )


def _row(item: VocabItem) -> tuple:
    return (
        item.simplified,
        item.traditional,
        item.pinyin,
        item.gloss,
        item.sentence,
        item.article,
        item.added,
        item.status,
        item.note,
        item.mark,
    )


def _to_traditional(simplified: str) -> str:
    from app.core.text.script import to_traditional

    return to_traditional(simplified)


# -- the saved word inside its sentence -----------------------------------------------------


def word_span(item: VocabItem) -> tuple[int, int] | None:
    """Where the saved word sits in its sentence (either script), or None.

    The saved offset wins; items saved without one (command line, old stores) take the
    first occurrence. The sentence may be traditional while the key is simplified.
    """
    sentence = item.sentence
    length = len(item.simplified)
    if item.mark >= 0 and item.mark + length <= len(sentence):
        return item.mark, item.mark + length
    for form in (item.simplified, item.traditional):
        if form and (start := sentence.find(form)) >= 0:
            return start, start + len(form)
    if not sentence or not item.simplified:
        return None
    from app.core.text.script import to_simplified

    start = to_simplified(sentence).find(item.simplified)  # same length as the sentence
    return (start, start + len(item.simplified)) if start >= 0 else None


def marked_sentence(item: VocabItem, before: str, after: str, escape: bool = False) -> str:
    """The item's sentence with the saved word wrapped in `before`/`after`.

    With `escape`, the sentence is HTML-escaped and the marks are not (Anki's <b>).
    """
    sentence = item.sentence
    quote = _html_text if escape else str
    span = word_span(item)
    if span is None:
        return quote(sentence)
    start, end = span
    word = before + quote(sentence[start:end]) + after
    return quote(sentence[:start]) + word + quote(sentence[end:])


def _html_text(text: str) -> str:
    return html.escape(text, quote=False)  # element content: quotes need no escaping


# -- known-word share -----------------------------------------------------------------------


def known_share(
    tokens: Iterable[Token],
    known: set[str] | frozenset[str],
    entity_spans: Iterable[tuple[int, int]],
) -> float:
    """Share of the article's Chinese word tokens the reader marked known, 0.0 to 1.0.

    Counted per occurrence (a known word met ten times helps ten times, as in reading).
    Tokens without Han characters (punctuation, Latin, numbers) and tokens overlapping
    an entity span (names are not vocabulary) are left out. No countable word -> 0.0.
    """
    return known_share_of_counts(countable_word_counts(tokens, entity_spans), known)


def countable_word_counts(
    tokens: Iterable[Token], entity_spans: Iterable[tuple[int, int]]
) -> dict[str, int]:
    """Occurrences of each word `known_share` counts: the one pass over every token.

    Kept apart so a window can count a long article once, off its GUI thread, and
    re-measure the share after each vocabulary change over distinct words only.
    """
    spans = sorted(entity_spans)
    starts = [start for start, _ in spans]
    # Running maximum of span ends, so one bisect answers "does any span overlap?".
    max_ends: list[int] = []
    for _, end in spans:
        max_ends.append(max(end, max_ends[-1]) if max_ends else end)

    counts: dict[str, int] = {}
    han_seen: dict[str, bool] = {}  # one regex search per distinct word, not per token
    for token in tokens:
        text = token.text
        han = han_seen.get(text)
        if han is None:
            han = han_seen[text] = HAN_RE.search(text) is not None
        if not han:
            continue
        if spans:
            i = bisect_right(starts, token.end - 1)  # spans starting before this token ends
            if i > 0 and max_ends[i - 1] > token.start:
                continue
        counts[text] = counts.get(text, 0) + 1
    return counts


def known_share_of_counts(counts: dict[str, int], known: set[str] | frozenset[str]) -> float:
    """`known_share` from `countable_word_counts`: cheap, it visits distinct words only."""
    counted = sum(counts.values())
    known_count = sum(n for word, n in counts.items() if word in known)
    return known_count / counted if counted else 0.0
