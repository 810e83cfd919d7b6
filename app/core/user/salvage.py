"""Reading what is still readable out of a damaged store, so a few bad pages do not cost
the learner every saved word.

A store whose pages are partly scribbled over (a disk error, a crash of the file system, a
sync tool that copied half a file) fails SQLite's integrity check and is set aside, but most
of its rows usually sit on pages that are intact. SQLite's shell has `.recover` for this; the
Python module does not, so the rows are read here the way `.recover` falls back to: a scan in
rowid order that, when it hits a bad page, starts again a little further on. The damaged file
itself is only ever read, through a copy in a temporary folder.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from collections.abc import Sequence
from pathlib import Path

from app.core.user.store_check import sidecar

# How many scans in a row may fail before the rest of a table counts as lost; each retry
# starts twice as far past the last good row, so 80 reach any 64-bit rowid.
_RETRIES = 80
_LARGEST_ROWID = 2**63 - 1

Rows = dict[str, tuple[tuple[str, ...], list[tuple[object, ...]]]]


def salvage(damaged: Path, application_id: int, tables: Sequence[str]) -> Rows:
    """The readable rows of `tables` in the damaged store at `damaged` (and its `-wal`), by
    table: (column names, rows). Empty when the file is not one of ours or nothing can be read."""
    try:
        tmp = tempfile.TemporaryDirectory(prefix="zhreader-salvage-")
    except OSError:
        return {}
    with tmp:
        copy = Path(tmp.name) / "store.sqlite3"
        try:
            shutil.copyfile(damaged, copy)
            wal = sidecar(damaged, "-wal")
            if wal.exists():
                shutil.copyfile(wal, sidecar(copy, "-wal"))
        except OSError:
            return {}
        conn = sqlite3.connect(copy, isolation_level=None)
        try:
            return _read_tables(conn, application_id, tables)
        finally:
            conn.close()


def _read_tables(conn: sqlite3.Connection, application_id: int, tables: Sequence[str]) -> Rows:
    try:
        if conn.execute("PRAGMA application_id").fetchone()[0] != application_id:
            return {}  # another program's file, or its first page is gone: nothing of ours
    except sqlite3.DatabaseError:
        return {}
    found: Rows = {}
    for table in tables:
        try:
            columns = tuple(row[1] for row in conn.execute(f"PRAGMA table_info({table})"))
        except sqlite3.DatabaseError:
            continue  # the schema page of this table is damaged
        if columns:
            found[table] = (columns, _readable_rows(conn, table, columns))
    return found


def _readable_rows(
    conn: sqlite3.Connection, table: str, columns: Sequence[str]
) -> list[tuple[object, ...]]:
    """Every row a rowid-ordered scan can reach, skipping past pages that cannot be read."""
    query = f"SELECT rowid, {', '.join(columns)} FROM {table} WHERE rowid > ? ORDER BY rowid"
    rows: list[tuple[object, ...]] = []
    after = 0  # SQLite numbers the rows of our tables from 1
    step = 1
    failures = 0
    while failures < _RETRIES:
        progressed = False
        try:
            for rowid, *values in conn.execute(query, (after,)):
                after, step, progressed = rowid, 1, True
                if not any(isinstance(v, bytes) for v in values):  # no blob in our stores
                    rows.append(tuple(values))
            return rows
        except sqlite3.DatabaseError:
            failures = 0 if progressed else failures + 1
            after = min(after + step, _LARGEST_ROWID)
            step *= 2
    return rows
