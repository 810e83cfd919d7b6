"""The library: every text the learner opened or imported, kept across restarts.

One row per readable text: a file, or one chapter (`part`) of an EPUB book; with its
title, when it was added and last read, where the reader left off and how far they got.
The file itself stays where it is (pasted texts are written to `pasted_dir()` first);
a file that moved away stays listed and is shown missing. Same SQLite guarantees as
the vocabulary (`app.core.user.sqlite_store`): a confirmed row survives kill -9.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from app.core.types import LibraryEntry, NewEntry
from app.core.user.sqlite_store import SqliteStore

STORE_NAME = "library.sqlite3"
PASTED_DIR = "pasted"
# "zhRL" in ASCII: identifies a zhreader library file among SQLite files.
APPLICATION_ID = 0x7A68524C
_COLUMNS = "id, path, part, title, book, builtin, added, last_read, position, progress, chars"


def _migrate_to_1(conn: sqlite3.Connection) -> None:
    conn.execute(
        """
        CREATE TABLE article (
            id        INTEGER PRIMARY KEY,
            path      TEXT NOT NULL CHECK (path <> ''),
            part      TEXT NOT NULL DEFAULT '',
            title     TEXT NOT NULL,
            book      TEXT NOT NULL DEFAULT '',
            builtin   TEXT NOT NULL DEFAULT '',
            added     REAL NOT NULL,
            last_read REAL,
            position  INTEGER NOT NULL DEFAULT 0,
            progress  REAL NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 1),
            chars     INTEGER NOT NULL DEFAULT 0,
            UNIQUE (path, part)
        )
        """
    )
    conn.execute("CREATE INDEX article_by_last_read ON article (last_read)")
    conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")


_MIGRATIONS = (_migrate_to_1,)


def default_store_path() -> Path:
    from app.core.paths import data_dir

    return data_dir() / STORE_NAME


def pasted_dir() -> Path:
    """Where texts pasted from the clipboard are kept as files (user data, not a cache)."""
    from app.core.paths import data_dir

    return data_dir() / PASTED_DIR


def path_key(path: str | Path) -> str:
    """The absolute form a path is stored under, so one file is one entry."""
    try:
        return str(Path(path).expanduser().resolve())
    except (OSError, RuntimeError, ValueError):
        return str(path)


class LibraryStore(SqliteStore):
    """The library's entries; safe for several processes at once (window and CLI)."""

    kind = "library"
    contents = "listed texts"
    application_id = APPLICATION_ID
    main_table = "article"
    salvage_tables = ("article", "meta")
    rows_name = "listed texts"
    migrations = _MIGRATIONS

    def __init__(self, path: Path | None = None) -> None:
        super().__init__(Path(path) if path is not None else default_store_path())

    # -- writes -----------------------------------------------------------------------

    def add(self, entry: NewEntry) -> LibraryEntry:
        """Add a text, or update the title and length of one already listed."""
        return self.add_many([entry])[0]

    def add_many(self, entries: Sequence[NewEntry]) -> list[LibraryEntry]:
        """Add texts in one transaction (a folder or a book); returns them as stored."""
        now = time.time()
        rows = [(path_key(e.path), e.part, e.title.strip() or Path(e.path).name, e.book,
                 e.builtin, now, e.chars) for e in entries]

        def write(conn: sqlite3.Connection) -> list[LibraryEntry]:
            conn.executemany(
                """
                INSERT INTO article (path, part, title, book, builtin, added, chars)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (path, part) DO UPDATE SET
                    title = excluded.title,
                    book = CASE WHEN excluded.book <> '' THEN excluded.book ELSE book END,
                    chars = CASE WHEN excluded.chars > 0 THEN excluded.chars ELSE chars END
                """,
                rows,
            )
            return [entry for path, part, *_ in rows
                    if (entry := _find(conn, path, part)) is not None]

        return self._write(write)

    def remove(self, ids: Iterable[int]) -> int:
        """Forget entries (the files stay where they are); returns how many went."""
        keys = [(entry_id,) for entry_id in ids]

        def write(conn: sqlite3.Connection) -> int:
            before = conn.total_changes
            conn.executemany("DELETE FROM article WHERE id = ?", keys)
            return conn.total_changes - before

        return self._write(write)

    def record_reading(self, entry_id: int, position: int, progress: float,
                       when: float | None = None) -> None:
        """Where the reader is (`position`) and how far they have got (furthest `progress`)."""
        progress = min(1.0, max(0.0, progress))

        def write(conn: sqlite3.Connection) -> None:
            conn.execute(
                "UPDATE article SET last_read = ?, position = ?, "
                "progress = max(progress, ?) WHERE id = ?",
                (when or time.time(), max(0, position), progress, entry_id),
            )

        self._write(write)

    def seed_builtins(self, items: Iterable[tuple[str, str, str]]) -> None:
        """List the bundled articles (slug, title, path) once; later only follow their paths.

        A learner who removed a bundled article does not get it back on the next start;
        an install in another place moves the listed paths with it.
        """
        items = list(items)

        def write(conn: sqlite3.Connection) -> None:
            seeded = conn.execute("SELECT 1 FROM meta WHERE key = 'builtins_seeded'").fetchone()
            for slug, title, path in items:
                key = path_key(path)
                row = conn.execute("SELECT id FROM article WHERE builtin = ?", (slug,)).fetchone()
                if row is not None:
                    conn.execute("UPDATE OR IGNORE article SET path = ? WHERE id = ?",
                                 (key, row[0]))
                elif not seeded:
                    conn.execute(
                        "INSERT OR IGNORE INTO article (path, title, builtin, added) "
                        "VALUES (?, ?, ?, ?)", (key, title, slug, time.time()))
            conn.execute("INSERT OR REPLACE INTO meta VALUES ('builtins_seeded', '1')")

        self._write(write)

    # -- reads ------------------------------------------------------------------------

    def entries(self) -> list[LibraryEntry]:
        """Everything listed, in the order added (books' chapters in reading order)."""
        rows = self._read(lambda conn: conn.execute(
            f"SELECT {_COLUMNS} FROM article ORDER BY id").fetchall())
        return [LibraryEntry(*row) for row in rows]

    def find(self, path: str | Path, part: str = "") -> LibraryEntry | None:
        return self._read(lambda conn: _find(conn, path_key(path), part))

    def last_read(self) -> LibraryEntry | None:
        """The text read most recently, where the window reopens."""
        row = self._read(lambda conn: conn.execute(
            f"SELECT {_COLUMNS} FROM article WHERE last_read IS NOT NULL "
            "ORDER BY last_read DESC LIMIT 1").fetchone())
        return LibraryEntry(*row) if row else None

    def __len__(self) -> int:
        return self._read(lambda conn: conn.execute("SELECT count(*) FROM article").fetchone()[0])


def _find(conn: sqlite3.Connection, path: str, part: str) -> LibraryEntry | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM article WHERE path = ? AND part = ?",
                       (path, part)).fetchone()
    return LibraryEntry(*row) if row else None
