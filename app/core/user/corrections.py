"""The user's entity corrections: names that are not entities, and names the finder missed.

They persist in `data_dir()/entity_corrections.json` and apply to every article. Names are
compared in simplified script and case-insensitively, so one correction covers both scripts.
This module is the only one that reads or writes that file (the analysis cache keys on its
`fingerprint`); `json_file` says what a damaged, huge or unwritable file gets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from app.core.errors import UserError
from app.core.paths import data_dir
from app.core.types import ENTITY_TYPES, EntityType
from app.core.user import json_file
from app.core.user.json_file import read_json, write_json

FILE_NAME = "entity_corrections.json"


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
        path = path or default_path()

        def parse(data: dict) -> tuple[Corrections, str | None]:
            ignored = {_clean(n) for n in data.get("ignored", [])}
            added: dict[str, EntityType] = {}
            skipped = []
            for name, etype in dict(data.get("added", {})).items():
                if etype in ENTITY_TYPES:
                    added[_clean(name)] = etype
                else:
                    skipped.append(f"{name} ({etype})")
            notice = (f"{path.name}: skipped unknown types: {', '.join(skipped)}"
                      if skipped else None)
            return cls(ignored=ignored, added=added, path=path), notice

        loaded, notice = read_json(path, parse, set_aside)
        corrections = loaded if loaded is not None else cls(path=path)
        corrections.notice = notice
        return corrections

    def save(self) -> None:
        data = {"ignored": sorted(self.ignored), "added": dict(sorted(self.added.items()))}
        write_json(self.path or default_path(), data)

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


def default_path(folder: Path | None = None) -> Path:
    """The corrections file in `folder` (default: `data_dir()`)."""
    return (folder if folder is not None else data_dir()) / FILE_NAME


def fingerprint(folder: Path | None = None) -> bytes:
    """What the saved corrections are, for keying cached analyses (b"" when there are none)."""
    return json_file.fingerprint(default_path(folder))
