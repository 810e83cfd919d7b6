"""The user's entity corrections: names that are not entities, and names the finder missed.

They persist in `data_dir()/entity_corrections.json` and apply to every article. Names are
compared in simplified script and case-insensitively, so one correction covers both scripts.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from app.core.errors import UserError
from app.core.paths import atomic_write_bytes, data_dir
from app.core.types import EntityType

FILE_NAME = "entity_corrections.json"
ENTITY_TYPES: tuple[EntityType, ...] = ("person", "organization", "place", "work")


@lru_cache(maxsize=8192)
def normalize_name(name: str) -> str:
    """The key two spellings of one name share (script and case folded, spaces collapsed)."""
    from app.core.text.script import to_simplified

    return " ".join(to_simplified(name).split()).casefold()


def _clean(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise UserError("an entity name cannot be empty")
    if len(cleaned) > 100:
        raise UserError("an entity name can be at most 100 characters")
    return cleaned


@dataclass
class Corrections:
    """Ignored names and added names with their types; `save()` after changing them."""

    ignored: set[str] = field(default_factory=set)  # as the user typed them
    added: dict[str, EntityType] = field(default_factory=dict)
    path: Path | None = None
    notice: str | None = None  # one line when a corrupt file was set aside

    @classmethod
    def load(cls, path: Path | None = None, set_aside: bool = True) -> Corrections:
        """Read the saved corrections; a missing file is empty.

        An entry with an unknown type is skipped (the others still apply). A file that is not
        JSON is set aside under a new name, never overwritten, when `set_aside` (the window and
        the command line, which tell the user); background analysis only reads it.
        """
        path = path or data_dir() / FILE_NAME
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return cls(path=path)
        except OSError as exc:
            return cls(path=path, notice=f"could not read {path.name}: {exc.strerror}")
        try:
            data = json.loads(raw.decode("utf-8"))
            ignored = {_clean(n) for n in data.get("ignored", [])}
            added: dict[str, EntityType] = {}
            skipped = []
            for name, etype in dict(data.get("added", {})).items():
                if etype in ENTITY_TYPES:
                    added[_clean(name)] = etype
                else:
                    skipped.append(f"{name} ({etype})")
        except (ValueError, TypeError, AttributeError, UserError):
            if not set_aside:
                return cls(path=path, notice=f"{path.name} is unreadable; ignoring it")
            aside = _free_name(path)
            try:
                path.replace(aside)
            except OSError as exc:
                return cls(path=path, notice=f"{path.name} is unreadable ({exc.strerror})")
            return cls(path=path, notice=f"{path.name} was unreadable; set aside as {aside.name}")
        notice = f"{path.name}: skipped unknown types: {', '.join(skipped)}" if skipped else None
        return cls(ignored=ignored, added=added, path=path, notice=notice)

    def save(self) -> None:
        data = {"ignored": sorted(self.ignored), "added": dict(sorted(self.added.items()))}
        payload = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        atomic_write_bytes(self.path or data_dir() / FILE_NAME, payload.encode("utf-8"))

    def ignored_keys(self) -> frozenset[str]:
        return frozenset(normalize_name(n) for n in self.ignored)

    def ignore(self, name: str) -> None:
        """Never list `name` again (also drops it from the added names)."""
        name = _clean(name)
        self._drop_added(name)
        self.ignored.add(name)

    def unignore(self, name: str) -> bool:
        key = normalize_name(_clean(name))
        before = len(self.ignored)
        self.ignored = {n for n in self.ignored if normalize_name(n) != key}
        return len(self.ignored) != before

    def add(self, name: str, type: EntityType) -> None:
        """Always find `name` (by string search) as an entity of `type`."""
        if type not in ENTITY_TYPES:
            raise UserError(f"type must be one of: {', '.join(ENTITY_TYPES)}")
        name = _clean(name)
        self.unignore(name)
        self._drop_added(name)
        self.added[name] = type

    def remove_added(self, name: str) -> bool:
        return self._drop_added(_clean(name))

    def _drop_added(self, name: str) -> bool:
        key = normalize_name(name)
        gone = [n for n in self.added if normalize_name(n) == key]
        for n in gone:
            del self.added[n]
        return bool(gone)


def _free_name(path: Path) -> Path:
    """`name.corrupt-<time>`, with a counter when that exists already (never overwrite)."""
    stem = f"{path.name}.corrupt-{int(time.time())}"
    candidate, n = path.with_name(stem), 1
    while candidate.exists():
        candidate, n = path.with_name(f"{stem}-{n}"), n + 1
    return candidate
