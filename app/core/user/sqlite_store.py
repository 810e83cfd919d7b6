"""One SQLite file of user data that survives crashes: the base of the vocabulary and library.

Durability choices (modelled on qutebrowser's `misc/sql.py`):

* WAL journal, so a reader never blocks a writer and a killed process leaves the
  database file itself untouched (the WAL is replayed or ignored on next open).
* `synchronous=FULL`. In WAL mode `NORMAL` already survives a killed *process*, but a
  commit can still be rolled back by a power cut or OS crash because the WAL is not
  fsynced at commit. We tell the user "saved" right after a write returns, so that
  promise must hold across power loss too; one fsync per write is invisible at human
  speed (see benchmarks/bench_vocab.py). qutebrowser picks NORMAL because losing the
  last visited page from history is harmless; losing a confirmed word is not.
* Every write is one `BEGIN IMMEDIATE` transaction: it takes the write lock up front,
  so two app instances queue on `busy_timeout` instead of failing half-way with a
  lock upgrade error, and a read-modify-write (an upsert merge) sees no lost update.
* Schema versions live in `PRAGMA user_version`; `migrations[n]` takes a store from
  version n to n + 1 inside the same transaction that bumps the version.
* `PRAGMA application_id` marks the file as ours, so another program's SQLite file
  put in its place is recognised as foreign, kept aside and never written into.
* Before the file is opened for writing, a copy of it (with its `-wal`) is examined
  (`store_check`): a WAL that does not belong to the store is set aside unread, and a
  damaged or foreign file is renamed without SQLite ever writing into it.
* A folder that cannot be written (read-only, full, `/proc`) still lets the store be
  read: it then works on an in-memory copy and refuses writes with one line.
* The rows a damaged file still holds on intact pages are copied into the new store
  (`salvage`), so a few bad pages do not cost every saved word.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Self, TypeVar

from app.core.errors import UserError
from app.core.paths import unused_name, write_problem
from app.core.sqlite_errors import is_corruption, is_unwritable, why_unwritable
from app.core.user.salvage import layout_of, salvage
from app.core.user.store_check import (
    Inspection,
    Newer,
    Unusable,
    inspect_store,
    sidecar,
    writable,
)

BUSY_TIMEOUT_MS = 10_000


def _lenient_text(value: bytes) -> str:
    """A saved word whose note a bad sector garbled still lists (with U+FFFD where the bytes
    were), where the default decoder would make the whole list unreadable: SQLite's
    integrity check does not look inside text."""
    return value.decode("utf-8", "replace")


Migration = Callable[[sqlite3.Connection], None]
T = TypeVar("T")


class SqliteStore:
    """A store file: examined, opened, migrated; every write a whole transaction.

    Subclasses say what they hold (`kind`, used in messages), their `application_id`,
    their `main_table` (a store without it is damaged) and their append-only
    `migrations`. `read_only` is True when the folder or the disk refuses writes: the
    store is read from a snapshot in memory, and every change raises a one-line UserError.
    """

    kind = "store"
    contents = "entries"  # what the learner would lose, in a message: "saved words"
    application_id = 0
    main_table = ""  # required: a store of ours without it is damaged
    salvage_tables: Sequence[str] = ()  # read back from a damaged file, main_table first
    rows_name = "entries"  # what a row of main_table is, in a message
    migrations: Sequence[Migration] = ()

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.notice: str | None = None
        self.read_only = False
        self._read_only_reason = ""
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self._damaged: tuple[Path, str] | None = None
        self._conn = self._open()
        if self._damaged is not None and not self.read_only:
            self._take_back(*self._damaged)

    @classmethod
    def schema_version(cls) -> int:
        return len(cls.migrations)

    # -- opening, checking, migrating -------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        # isolation_level=None: we issue BEGIN/COMMIT ourselves, the module never does.
        conn = sqlite3.connect(
            self.path, isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000
        )
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.text_factory = _lenient_text
        return conn

    def _open(self) -> sqlite3.Connection:
        folder = self.path.parent
        try:
            self._check_location()
            problem = self._make_folder()
            if problem is None and not writable(self.path):
                problem = f"the folder {folder} is read-only"
            seen = inspect_store(self.path, self._examine)
        except OSError as exc:  # a name too long, a loop of links: nothing to fall back on
            raise UserError(
                f"cannot use the {self.kind} at {self.path}: {exc.strerror or exc}"
            ) from None
        if seen.verdict == "newer":
            raise UserError(self._newer_message(seen.version))
        if problem is not None:
            return self._open_read_only(seen, problem)
        try:
            if seen.verdict == "unreadable":
                self._started_anew(self._set_aside(), seen.reason)
            elif seen.verdict == "stray-wal":
                aside = self._set_aside_wal()
                self.notice = (
                    f"A journal file beside the {self.kind} did not belong to it "
                    f"({seen.reason}); it was kept unread as {aside}, and the "
                    f"{self.contents} were kept."
                )
        except OSError as exc:
            return self._open_read_only(seen, f"it cannot be repaired: {exc.strerror or exc}")
        try:
            return self._open_checked(trusted=seen.verdict in ("ok", "stray-wal", "missing"))
        except sqlite3.OperationalError as exc:
            if not is_unwritable(exc):
                raise UserError(f"cannot open the {self.kind} at {self.path}: {exc}") from exc
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
        self._started_anew(self._set_aside(), reason)
        conn = self._connect()
        self._prepare(conn, quick_check=False)
        return conn

    def _open_read_only(self, seen: Inspection, problem: str) -> sqlite3.Connection:
        """The store as it is on disk, in memory; nothing is ever written back."""
        self.read_only = True
        self._read_only_reason = problem
        conn = self._memory()
        image = seen.image if seen.verdict in ("ok", "stray-wal") else None
        if image is None and seen.verdict == "unknown":
            image = _read_image(self.path)
        if image is not None:
            try:
                conn.deserialize(image)
                self._examine(conn)
            except (sqlite3.DatabaseError, Unusable, Newer):  # unreadable after all: empty
                conn.close()
                conn = self._memory()
        self._migrate(conn)
        if seen.verdict == "unreadable":
            self.notice = (
                f"The {self.kind} file {self.path} could not be read ({seen.reason}) and was "
                f"left as it is: {problem}."
            )
        else:
            self.notice = f"The {self.kind} at {self.path} can only be read: {problem}."
        return conn

    @staticmethod
    def _memory() -> sqlite3.Connection:
        conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        conn.text_factory = _lenient_text
        return conn

    def _prepare(self, conn: sqlite3.Connection, quick_check: bool) -> None:
        """Check the file is ours (or empty), switch to WAL, run pending migrations."""
        self._check_identity(conn)
        self._refuse_newer(conn)  # before WAL: a newer version's file stays as it was
        if conn.execute("PRAGMA journal_mode = WAL").fetchone()[0].lower() != "wal":
            raise UserError(f"cannot use write-ahead logging for {self.path}")
        conn.execute("PRAGMA synchronous = FULL")
        if quick_check and conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise Unusable("damaged database")
        self._migrate(conn)

    def _migrate(self, conn: sqlite3.Connection) -> None:
        if _user_version(conn) == self.schema_version():
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Re-read under the write lock: another instance may have migrated meanwhile.
            self._refuse_newer(conn)
            version = _user_version(conn)
            for migration in self.migrations[version:]:
                migration(conn)
            conn.execute(f"PRAGMA application_id = {self.application_id}")
            conn.execute(f"PRAGMA user_version = {self.schema_version()}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def _started_anew(self, aside: Path, reason: str) -> None:
        self.notice = (
            f"The {self.kind} file could not be read ({reason}); it was kept as {aside} "
            f"and a new, empty {self.kind} was started."
        )
        if reason != "a file from another program":
            self._damaged = (aside, reason)

    def _take_back(self, aside: Path, reason: str) -> None:
        """Copy the rows still readable in the damaged file `aside` into the new store."""
        layouts = self._read(lambda conn: {t: layout_of(conn, t) for t in self.salvage_tables})
        try:
            found = salvage(aside, self.application_id, layouts)
        except (OSError, sqlite3.Error, ValueError, RecursionError, MemoryError):
            return  # salvage is a bonus: the store opens empty as it always did
        if not any(found.values()):
            return

        def copy(conn: sqlite3.Connection) -> int:
            kept: dict[str, int] = {}
            for table, rows in found.items():
                before = conn.total_changes
                for row in rows:
                    names = [c for c in layouts[table].columns if c in row]
                    conn.execute(  # IGNORE: a row a damaged page garbled breaks a constraint
                        f"INSERT OR IGNORE INTO {table} ({', '.join(names)}) "
                        f"VALUES ({', '.join('?' * len(names))})",
                        [row[c] for c in names],
                    )
                kept[table] = conn.total_changes - before
            return kept.get(self.main_table, 0)

        try:
            kept = self._write(copy)
        except UserError:
            return  # the new store cannot be written: it stays empty, the file stays aside
        if kept:
            self.notice = (
                f"The {self.kind} file could not be read ({reason}); it was kept as {aside}, "
                f"and the {kept} {self.rows_name} that could still be read from it were "
                f"copied into a new {self.kind}."
            )

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

    def _newer_message(self, version: int) -> str:
        return (
            f"the {self.kind} at {self.path} was written by a newer zhreader "
            f"(schema {version}, this version knows {self.schema_version()}); please update"
        )

    def _refuse_newer(self, conn: sqlite3.Connection) -> None:
        version = _user_version(conn)
        if version > self.schema_version():
            raise UserError(self._newer_message(version))

    def _check_identity(self, conn: sqlite3.Connection) -> None:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        if app_id == self.application_id:
            return
        if app_id != 0:
            raise Unusable("a file from another program")
        tables = conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
        ).fetchone()[0]
        if tables or _user_version(conn):
            raise Unusable("a file from another program")

    def _examine(self, conn: sqlite3.Connection) -> None:
        """For `inspect_store`: is this copy a healthy store of ours (or an empty file)?"""
        self._check_identity(conn)
        version = _user_version(conn)
        if version > self.schema_version():
            raise Newer(version)
        if conn.execute("PRAGMA integrity_check(1)").fetchone()[0] != "ok":
            raise Unusable("damaged database")
        if version and not conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (self.main_table,)
        ).fetchone():
            raise Unusable("damaged database")

    def _check_location(self) -> None:
        """Mistakes that no fallback should hide: say them in one line."""
        if self.path.is_dir():
            raise UserError(
                f"{self.path} is a folder, not a {self.kind} file; move it away or choose "
                "another --data-dir"
            )

    def _make_folder(self) -> str | None:
        """Create the data folder; None when done, else why it cannot be (reading still works)."""
        folder = self.path.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except (FileExistsError, NotADirectoryError) as exc:
            raise UserError(write_problem(self.path, exc)) from None
        except OSError as exc:
            return f"the folder {folder} cannot be created ({exc.strerror or exc})"
        return None

    # -- reads and writes -------------------------------------------------------------

    def _write(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """Run `work` in one BEGIN IMMEDIATE transaction; return only after COMMIT."""
        if self.read_only:
            raise UserError(
                f"the {self.kind} at {self.path} can only be read ({self._read_only_reason}); "
                "nothing was changed"
            )
        with self._lock:
            conn = self._connection()
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                raise UserError(f"the {self.kind} is busy or unwritable: {exc}") from exc
            try:
                result = work(conn)
                conn.execute("COMMIT")
            except BaseException as exc:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error):  # disk full, read-only, damaged meanwhile
                    raise UserError(f"the {self.kind} could not be saved: {exc}") from exc
                raise
            return result

    def _read(self, work: Callable[[sqlite3.Connection], T]) -> T:
        with self._lock:
            return work(self._connection())

    # -- lifetime ---------------------------------------------------------------------

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            raise RuntimeError(f"the {self.kind} store is closed")
        return self._conn

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _user_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


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
