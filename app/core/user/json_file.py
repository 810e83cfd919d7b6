"""Small JSON files of user data (entity and word corrections): read safely, written whole.

One policy for every such file: a missing file is empty; a damaged one is renamed aside
(never overwritten, never deleted) and the user told in one line; a write goes to a temp
file that is fsynced and renamed, so a crash never leaves half a file.

"Damaged" covers whatever a hostile or broken file can be: not JSON, nested deeper than
the parser goes (`[[[[...`), larger than any list a person makes, or not a regular file
at all (a FIFO there must not hang the reader). A write that fails (a full disk, a
read-only folder) is one UserError line.
"""

from __future__ import annotations

import json
import os
import stat
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from app.core.errors import UserError
from app.core.paths import atomic_write_bytes, unused_name, write_problem

T = TypeVar("T")
# Far more than a hand-made list of names or words could fill: a bigger file is damage,
# and is never read into memory whole.
MAX_FILE_BYTES = 4 * 2**20


def read_json(
    path: Path, parse: Callable[[Any], tuple[T, str | None]], set_aside: bool = True
) -> tuple[T | None, str | None]:
    """(parsed content, notice); (None, None) for a missing file, (None, notice) for a bad one.

    `parse` gets the decoded JSON and returns its object and an optional notice; it raises
    ValueError, TypeError, AttributeError or UserError for content it cannot use. A file
    that cannot be used is set aside under a new name when `set_aside` (the window and the
    command line, which tell the user); background analysis only reads it.
    """
    try:
        raw = _read(path)
    except FileNotFoundError:
        return None, None
    except NotADirectoryError:
        return None, f"the data folder {path.parent} is not a folder; {path.name} is not used"
    except OSError as exc:
        return None, f"could not read {path.name}: {exc.strerror or exc}"
    try:
        if raw is not None:
            return parse(json.loads(raw.decode("utf-8")))
    except (ValueError, TypeError, AttributeError, UserError, RecursionError, MemoryError):
        pass  # RecursionError: nested too deep for the parser, damage like any other
    if not set_aside:
        return None, f"{path.name} is unreadable; ignoring it"
    aside = unused_name(path.with_name(f"{path.name}.corrupt-{int(time.time())}"))
    try:
        path.rename(aside)
    except OSError as exc:
        return None, f"{path.name} is unreadable ({exc.strerror})"
    return None, f"{path.name} was unreadable; set aside as {aside.name}"


def write_json(path: Path, data: Any) -> None:
    """Pretty, UTF-8 (hanzi stay readable), atomically replaced; one UserError line if not."""
    payload = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    try:
        atomic_write_bytes(path, payload.encode("utf-8"))
    except OSError as exc:  # a full disk, a read-only folder, /proc, a file in the way
        raise UserError(f"{path.name} could not be saved: {write_problem(path, exc)}") from None


def fingerprint(path: Path) -> bytes:
    """The file's content for keying caches on it; b"" when it is missing or unusable."""
    try:
        return _read(path) or b""
    except OSError:
        return b""


def _read(path: Path) -> bytes | None:
    """The file's bytes, or None when it cannot hold user data (too large, not a file)."""
    # Non-blocking: a FIFO put in its place must not hang the reader.
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        data = fh.read(MAX_FILE_BYTES + 1)
    return None if len(data) > MAX_FILE_BYTES else data
