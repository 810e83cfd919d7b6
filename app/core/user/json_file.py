"""Small JSON files of user data (entity and word corrections): read safely, written whole.

One policy for every such file: a missing file is empty; a damaged one is renamed aside
(never overwritten, never deleted) and the user told in one line; a write goes to a temp
file that is fsynced and renamed, so a crash never leaves half a file.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from app.core.errors import UserError
from app.core.paths import atomic_write_bytes

T = TypeVar("T")


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
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, None
    except OSError as exc:
        return None, f"could not read {path.name}: {exc.strerror}"
    try:
        return parse(json.loads(raw.decode("utf-8")))
    except (ValueError, TypeError, AttributeError, UserError):
        pass
    if not set_aside:
        return None, f"{path.name} is unreadable; ignoring it"
    aside = free_name(path)
    try:
        path.replace(aside)
    except OSError as exc:
        return None, f"{path.name} is unreadable ({exc.strerror})"
    return None, f"{path.name} was unreadable; set aside as {aside.name}"


def write_json(path: Path, data: Any) -> None:
    """Pretty, UTF-8 (hanzi stay readable), atomically replaced."""
    payload = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    atomic_write_bytes(path, payload.encode("utf-8"))


def free_name(path: Path) -> Path:
    """`name.corrupt-<time>`, with a counter when that exists already (never overwrite)."""
    stem = f"{path.name}.corrupt-{int(time.time())}"
    candidate, n = path.with_name(stem), 1
    while candidate.exists():
        candidate, n = path.with_name(f"{stem}-{n}"), n + 1
    return candidate
