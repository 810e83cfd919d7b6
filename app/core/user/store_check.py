"""Looking at a vocabulary file through a copy, before SQLite opens the real one for writing.

Opening a SQLite file read-write is not a neutral act: a `-wal` file beside it is replayed
into it, and closing the connection checkpoints that log into the file for good. So a WAL
copied in from another database would overwrite the saved words, and a foreign file that
is only being set aside would still be written into. Here the file and its WAL are copied
into a temporary folder and the copy is opened instead: the real files are only read,
byte for byte, until the copy says what they are.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from app.core.sqlite_errors import is_corruption

Verdict = Literal["missing", "ok", "stray-wal", "unreadable", "newer", "unknown"]
_COPY_ATTEMPTS = 5


@dataclass(frozen=True)
class Inspection:
    """What a copy of the store showed; `image` is its content when it is usable."""

    verdict: Verdict
    reason: str = ""
    version: int = 0
    image: bytes | None = None  # the store alone, rollback-journal mode: loads into memory


class Unusable(Exception):
    """The examined copy is not a store we can trust; the message says why."""


class Newer(Exception):
    """The examined copy was written by a newer schema (args: its version)."""


def sidecar(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def inspect_store(path: Path, examine: Callable[[sqlite3.Connection], None]) -> Inspection:
    """Judge `path` (and its `-wal`) by opening copies; the real files are only read.

    `examine` raises `Unusable` or `Newer` for a copy that is not a healthy store. A WAL that
    makes a healthy store unusable is "stray-wal": it does not belong to the store. When the
    files keep changing while they are copied, another instance is writing them right now:
    that is no sign of damage, and the verdict is "unknown" (SQLite's own locking applies).
    """
    if not path.exists():
        return Inspection("missing")
    wal = sidecar(path, "-wal")
    try:
        tmp = tempfile.TemporaryDirectory(prefix="zhreader-check-")
    except OSError:
        return Inspection("unknown")  # no temporary space: open as SQLite would
    with tmp:
        copy = Path(tmp.name) / "store.sqlite3"
        try:
            has_wal = _stable_copy(path, wal, copy)
        except _StillChanging:
            return Inspection("unknown")
        except OSError:
            return Inspection("unknown")
        together = _judge(copy, examine)
        if together.verdict != "unreadable" or not has_wal:
            return together
        # The store and its WAL do not make a healthy store: does the store alone?
        for suffix in ("-wal", "-shm"):
            sidecar(copy, suffix).unlink(missing_ok=True)
        try:
            shutil.copyfile(path, copy)
        except OSError:
            return Inspection("unknown")
        alone = _judge(copy, examine)
        if alone.verdict == "ok":
            return Inspection("stray-wal", together.reason, image=alone.image)
        return together


class _StillChanging(Exception):
    pass


def _signature(*paths: Path) -> tuple[tuple[int, int, int] | None, ...]:
    out: list[tuple[int, int, int] | None] = []
    for p in paths:
        try:
            st = p.stat()
        except FileNotFoundError:
            out.append(None)
        else:
            out.append((st.st_ino, st.st_size, st.st_mtime_ns))
    return tuple(out)


def _stable_copy(path: Path, wal: Path, copy: Path) -> bool:
    """Copy the store and its WAL as one consistent snapshot; True when a WAL came along."""
    for _ in range(_COPY_ATTEMPTS):
        before = _signature(path, wal)
        shutil.copyfile(path, copy)
        has_wal = before[1] is not None and before[1][1] > 0
        if has_wal:
            shutil.copyfile(wal, sidecar(copy, "-wal"))
        else:
            sidecar(copy, "-wal").unlink(missing_ok=True)
        if _signature(path, wal) == before:
            return has_wal
    raise _StillChanging


def _judge(copy: Path, examine: Callable[[sqlite3.Connection], None]) -> Inspection:
    conn = None
    try:
        conn = sqlite3.connect(copy, isolation_level=None)
        conn.execute("PRAGMA synchronous = OFF")  # a scratch copy: no fsync is worth waiting for
        examine(conn)
        # Fold the WAL into the copy and leave WAL mode, so the image loads into memory.
        conn.execute("PRAGMA journal_mode = DELETE")
        image = conn.serialize()
    except Newer as exc:
        return Inspection("newer", version=int(exc.args[0]))
    except Unusable as exc:
        return Inspection("unreadable", str(exc))
    except sqlite3.DatabaseError as exc:
        if is_corruption(exc):
            return Inspection("unreadable", _reason(exc))
        return Inspection("unknown", str(exc))  # no temporary space, ...: not the store's fault
    except (RecursionError, MemoryError, OSError) as exc:
        return Inspection("unknown", type(exc).__name__)
    finally:
        if conn is not None:
            conn.close()
    return Inspection("ok", image=image)


def _reason(exc: sqlite3.DatabaseError) -> str:
    text = str(exc).lower()
    if "not a database" in text or "encrypted" in text:
        return "not a readable database"
    return "damaged database"


def writable(path: Path) -> bool:
    """Whether the store (and the WAL and lock files beside it) can be written at `path`."""
    folder = path.parent
    if not os.access(folder, os.W_OK | os.X_OK):
        return False
    return not path.exists() or os.access(path, os.W_OK)
