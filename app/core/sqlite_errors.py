"""Telling a damaged SQLite file from an ordinary error (busy, closed, read-only, full)."""

from __future__ import annotations

import sqlite3

# Primary result codes (the low byte of an extended code) that mean "these bytes are not
# a usable database".
_DAMAGE = frozenset({sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB})
# Codes that mean "this file cannot be written here and now", not that it is damaged.
_UNWRITABLE = frozenset(
    {
        sqlite3.SQLITE_READONLY,
        sqlite3.SQLITE_CANTOPEN,
        sqlite3.SQLITE_FULL,
        sqlite3.SQLITE_IOERR,
        sqlite3.SQLITE_PERM,
        sqlite3.SQLITE_AUTH,
    }
)


def _primary_code(exc: sqlite3.Error) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def is_corruption(exc: sqlite3.DatabaseError) -> bool:
    """Only damage justifies setting a file aside or rebuilding it; a lock never does."""
    code = _primary_code(exc)
    if code is not None:
        return code in _DAMAGE
    text = str(exc).lower()
    return "not a database" in text or "malformed" in text


def is_unwritable(exc: sqlite3.Error) -> bool:
    """A read-only file or folder, a full disk, a path SQLite cannot open: reads may still work."""
    code = _primary_code(exc)
    if code is not None:
        return code in _UNWRITABLE
    text = str(exc).lower()
    return any(
        phrase in text
        for phrase in ("readonly", "read-only", "unable to open", "disk is full", "disk i/o")
    )


_WHY = {
    sqlite3.SQLITE_READONLY: "the file or its folder is read-only",
    sqlite3.SQLITE_CANTOPEN: "the file cannot be opened or created there",
    sqlite3.SQLITE_FULL: "the disk is full",
    sqlite3.SQLITE_PERM: "permission denied",
}


def why_unwritable(exc: sqlite3.Error) -> str:
    """SQLite's error in words a user can act on ("the disk is full", not "SQLITE_FULL")."""
    code = _primary_code(exc)
    return _WHY.get(code, str(exc)) if code is not None else str(exc)
