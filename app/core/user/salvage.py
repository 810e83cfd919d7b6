"""Reading what is still readable out of a damaged store, so a few bad pages do not cost
the learner every saved word.

A store whose pages are partly scribbled over (a disk error, a crash of the file system, a
sync tool that copied half a file) fails SQLite's integrity check and is set aside, but most
of its rows usually sit on pages that are intact. SQLite's shell has `.recover` for this; the
Python module does not, so the rows are read here the way `.recover` does it, in two ways:

* through SQLite, a scan in rowid order that, when it hits a bad page, starts again a little
  further on;
* when that scan cannot read everything (the table's root page or the file's first page is
  gone), straight from the file's bytes: every page that holds table rows is decoded with
  the documented file format (https://sqlite.org/fileformat2.html), and a record with the
  table's number of columns is taken as one of its rows.

The damaged file itself is only ever read, through a copy in a temporary folder.
"""

from __future__ import annotations

import shutil
import sqlite3
import struct
import tempfile
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from app.core.user.store_check import sidecar

# What reading a garbled page through SQLite can raise: its own errors, or undecodable text.
_UNREADABLE = (sqlite3.DatabaseError, UnicodeDecodeError)
# How many scans in a row may fail before the rest of a table counts as lost; each retry
# starts twice as far past the last good row, so 80 reach any 64-bit rowid.
_RETRIES = 80
# A garbled b-tree can send SQLite round a loop of pages; the scans through SQLite stop after
# this long, and the file's bytes give what they did not reach.
_SQLITE_SECONDS = 10.0
_LARGEST_ROWID = 2**63 - 1
_MAGIC = b"SQLite format 3\x00"
_TABLE_LEAF = 0x0D
_PAGE_SIZES = (4096, 1024, 2048, 8192, 16384, 32768, 65536, 512)

Row = dict[str, object]


@dataclass(frozen=True)
class Layout:
    """A table as the current schema has it: its columns in order, and the one that is
    SQLite's rowid under another name (stored as NULL in the record), if any."""

    columns: tuple[str, ...]
    rowid_alias: str | None = None


def layout_of(conn: sqlite3.Connection, table: str) -> Layout:
    info = conn.execute(f"PRAGMA table_info({table})").fetchall()
    keys = [row for row in info if row[5]]
    alias = keys[0][1] if len(keys) == 1 and keys[0][2].upper() == "INTEGER" else None
    return Layout(tuple(row[1] for row in info), alias)


def salvage(
    damaged: Path, application_id: int, tables: Mapping[str, Layout]
) -> dict[str, list[Row]]:
    """The readable rows of `tables` in the damaged store at `damaged` (and its `-wal`), by
    table, each row as column -> value. Empty when the file is another program's."""
    try:
        tmp = tempfile.TemporaryDirectory(prefix="zhreader-salvage-")
    except OSError:
        return {}
    with tmp:
        copy = Path(tmp.name) / "store.sqlite3"
        try:
            shutil.copyfile(damaged, copy)
            raw = copy.read_bytes()
            wal = sidecar(damaged, "-wal")
            if wal.exists():
                shutil.copyfile(wal, sidecar(copy, "-wal"))
        except OSError:
            return {}
        conn = sqlite3.connect(copy, isolation_level=None)
        deadline = time.monotonic() + _SQLITE_SECONDS
        conn.set_progress_handler(lambda: time.monotonic() > deadline, 10_000)
        try:
            through_sqlite = _read_tables(conn, application_id, tables)
        finally:
            conn.close()
    if through_sqlite is None:
        return {}
    found: dict[str, list[Row]] = {}
    records: list[tuple[int, list[object]]] | None = None  # the bytes, decoded once for all
    for table, layout in tables.items():
        rows, complete = through_sqlite.get(table, ({}, False))
        if not complete and len(layout.columns) not in _other_widths(tables, table):
            if records is None:
                records = list(_records_in_bytes(raw))
            for rowid, row in _rows_of(records, layout):
                rows.setdefault(rowid, row)  # what SQLite read is never overridden
        found[table] = list(rows.values())
    return found


def _other_widths(tables: Mapping[str, Layout], table: str) -> set[int]:
    """Column counts that would make a record of `table` ambiguous in the raw bytes (the
    schema table has five columns)."""
    return {5} | {len(t.columns) for name, t in tables.items() if name != table}


def _read_tables(
    conn: sqlite3.Connection, application_id: int, tables: Mapping[str, Layout]
) -> dict[str, tuple[dict[int, Row], bool]] | None:
    """By table: rows by rowid, and whether the scan read the table without a failure.
    None for another program's file; {} when SQLite cannot read the file's first page."""
    try:
        if conn.execute("PRAGMA application_id").fetchone()[0] != application_id:
            return None
    except _UNREADABLE:
        return {}  # the first page is damaged: the bytes may still tell
    found: dict[str, tuple[dict[int, Row], bool]] = {}
    for table, layout in tables.items():
        try:
            present = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
        except _UNREADABLE:
            continue  # the schema is damaged
        columns = [c for c in layout.columns if c in present]
        if columns:
            found[table] = _readable_rows(conn, table, columns)
    return found


def _readable_rows(
    conn: sqlite3.Connection, table: str, columns: Sequence[str]
) -> tuple[dict[int, Row], bool]:
    """Every row a rowid-ordered scan can reach, skipping past pages that cannot be read;
    and whether it met no bad page."""
    query = f"SELECT rowid, {', '.join(columns)} FROM {table} WHERE rowid > ? ORDER BY rowid"
    rows: dict[int, Row] = {}
    after = 0  # SQLite numbers the rows of our tables from 1
    step = 1
    failures = 0
    complete = True
    while failures < _RETRIES:
        progressed = False
        try:
            for rowid, *values in conn.execute(query, (after,)):
                if rowid <= after:  # out of order: the b-tree is garbled here
                    raise sqlite3.DatabaseError("rows out of order")
                after, step, progressed = rowid, 1, True
                if not any(isinstance(v, bytes) for v in values):  # no blob in our stores
                    rows[rowid] = dict(zip(columns, values, strict=True))
            return rows, complete
        except _UNREADABLE:
            complete = False
            failures = 0 if progressed else failures + 1
            after = min(after + step, _LARGEST_ROWID)
            step *= 2
    return rows, False


# -- the file's bytes -------------------------------------------------------------------


def _records_in_bytes(data: bytes) -> Iterator[tuple[int, list[object]]]:
    """(rowid, values) of every record on a table-leaf page, skipping the free pages."""
    page_size, usable = _geometry(data)
    free = _free_pages(data, page_size)
    for number in range(1, len(data) // page_size + 1):
        if number not in free:
            yield from _page_records(data, number, page_size, usable)


def _rows_of(records: Sequence[tuple[int, list[object]]], layout: Layout
             ) -> Iterator[tuple[int, Row]]:  # fmt: skip
    """The records of the table's width (a blob is none of our columns), as its rows."""
    width = len(layout.columns)
    for rowid, values in records:
        if len(values) != width or any(isinstance(v, bytes) for v in values):
            continue
        row = dict(zip(layout.columns, values, strict=True))
        if layout.rowid_alias is not None:
            row[layout.rowid_alias] = rowid
        yield rowid, row


def _geometry(data: bytes) -> tuple[int, int]:
    """Page size and usable bytes per page, from the header or, when it is gone, the size
    under which the most records decode (under a wrong size, cells point into the wrong
    places and fail to decode)."""
    if data.startswith(_MAGIC) and len(data) >= 100:
        size = struct.unpack(">H", data[16:18])[0]
        size = 65536 if size == 1 else size
        if size in _PAGE_SIZES:
            return size, size - data[20]

    def decoded(size: int) -> int:
        return sum(
            1
            for number in range(2, len(data) // size + 1)
            for _ in _page_records(data, number, size, size)
        )

    best = max(_PAGE_SIZES, key=decoded)
    return best, best


def _free_pages(data: bytes, page_size: int) -> set[int]:
    """Pages on the free list (deleted rows may linger there); empty when the header is gone."""
    if not data.startswith(_MAGIC) or len(data) < 100:
        return set()
    pages = len(data) // page_size
    free: set[int] = set()
    trunk = struct.unpack(">I", data[32:36])[0]
    while 0 < trunk <= pages and trunk not in free:
        free.add(trunk)
        at = (trunk - 1) * page_size
        following, count = struct.unpack(">II", data[at : at + 8])
        count = min(count, (page_size - 8) // 4)
        free.update(struct.unpack(f">{count}I", data[at + 8 : at + 8 + 4 * count]))
        trunk = following
    return free


def _page_records(
    data: bytes, number: int, page_size: int, usable: int
) -> Iterator[tuple[int, list[object]]]:
    start = (number - 1) * page_size
    page = data[start : start + page_size]
    head = 100 if number == 1 else 0
    if len(page) < page_size or page[head] != _TABLE_LEAF:
        return
    cells = struct.unpack(">H", page[head + 3 : head + 5])[0]
    for k in range(min(cells, (page_size - head - 8) // 2)):
        at = head + 8 + 2 * k
        offset = struct.unpack(">H", page[at : at + 2])[0]
        try:
            yield _cell(data, page, offset, page_size, usable)
        except (IndexError, ValueError, UnicodeDecodeError, struct.error):
            continue  # a cell the damage cut through


def _cell(
    data: bytes, page: bytes, offset: int, page_size: int, usable: int
) -> tuple[int, list[object]]:
    size, offset = _varint(page, offset)
    rowid, offset = _varint(page, offset)
    if rowid >= 2**63:
        rowid -= 2**64
    most = usable - 35
    if size <= most:
        payload = page[offset : offset + size]
    else:
        least = (usable - 12) * 32 // 255 - 23
        local = least + (size - least) % (usable - 4)
        local = local if local <= most else least
        payload = page[offset : offset + local]
        overflow = struct.unpack(">I", page[offset + local : offset + local + 4])[0]
        payload += _overflow(data, overflow, size - local, page_size, usable)
    if len(payload) != size:
        raise ValueError("payload cut short")
    return rowid, _record(payload)


def _overflow(data: bytes, number: int, wanted: int, page_size: int, usable: int) -> bytes:
    parts: list[bytes] = []
    seen: set[int] = set()
    while wanted > 0 and 0 < number <= len(data) // page_size and number not in seen:
        seen.add(number)
        at = (number - 1) * page_size
        number = struct.unpack(">I", data[at : at + 4])[0]
        chunk = data[at + 4 : at + min(usable, 4 + wanted)]
        parts.append(chunk)
        wanted -= len(chunk)
    return b"".join(parts)


def _record(payload: bytes) -> list[object]:
    header_size, at = _varint(payload, 0)
    types: list[int] = []
    while at < header_size:
        serial, at = _varint(payload, at)
        types.append(serial)
    if at != header_size:
        raise ValueError("record header overruns")
    values: list[object] = []
    at = header_size
    for serial in types:
        value, at = _value(payload, at, serial)
        values.append(value)
    if at != len(payload):
        raise ValueError("record length does not match its payload")
    return values


_INT_SIZES = {1: 1, 2: 2, 3: 3, 4: 4, 5: 6, 6: 8}


def _value(payload: bytes, at: int, serial: int) -> tuple[object, int]:
    if serial == 0:
        return None, at
    if serial in _INT_SIZES:
        n = _INT_SIZES[serial]
        if at + n > len(payload):
            raise ValueError("integer cut short")
        return int.from_bytes(payload[at : at + n], "big", signed=True), at + n
    if serial == 7:
        return struct.unpack(">d", payload[at : at + 8])[0], at + 8
    if serial in (8, 9):
        return serial - 8, at
    if serial < 12:
        raise ValueError("reserved serial type")
    n = (serial - 12) // 2
    if at + n > len(payload):
        raise ValueError("value cut short")
    chunk = payload[at : at + n]
    return (chunk.decode("utf-8") if serial % 2 else chunk), at + n


def _varint(buf: bytes, at: int) -> tuple[int, int]:
    value = 0
    for k in range(9):
        byte = buf[at + k]
        if k == 8:
            return (value << 8) | byte, at + 9
        value = (value << 7) | (byte & 0x7F)
        if byte < 0x80:
            return value, at + k + 1
    raise ValueError("unreachable")
