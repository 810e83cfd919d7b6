"""Telling a damaged SQLite file from an ordinary error (busy, closed, read-only)."""

from __future__ import annotations

import sqlite3

# SQLite primary result codes that mean "these bytes are not a usable database".
_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26


def is_corruption(exc: sqlite3.DatabaseError) -> bool:
    """Only damage justifies setting a file aside or rebuilding it; a lock never does."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB)
    text = str(exc).lower()
    return "not a database" in text or "malformed" in text
