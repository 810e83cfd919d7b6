"""The user's word-boundary corrections: texts that are always one word, or always cut a
given way ("智东西" one word; "创新高" as 创 + 新高).

They persist in `data_dir()/word_corrections.json` (read and written like the entity
corrections: a damaged file set aside with a notice, writes atomic), apply to every
article, and reach the segmenter as `WordRules`. Texts are matched in simplified script,
so one correction covers both scripts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from app.core.errors import UserError
from app.core.language.segmentation import WordRules
from app.core.paths import data_dir
from app.core.user import json_file
from app.core.user.json_file import read_json, write_json

FILE_NAME = "word_corrections.json"
MAX_WORD_CHARS = 20


def _simplified(text: str) -> str:
    from app.core.text.script import to_simplified

    return to_simplified(text)


def _clean_word(text: str) -> str:
    word = "".join(text.split())
    if len(word) < 2:
        raise UserError("a word correction needs at least two characters")
    if len(word) > MAX_WORD_CHARS:
        raise UserError(f"a word can be at most {MAX_WORD_CHARS} characters")
    return word


def _clean_parts(text: str, parts: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    cleaned = tuple("".join(part.split()) for part in parts)
    if len(cleaned) < 2 or not all(cleaned):
        raise UserError("a split needs at least two non-empty parts")
    if "".join(cleaned) != text:
        raise UserError(f"the parts {' + '.join(cleaned)} do not spell {text}")
    return cleaned


@dataclass
class WordCorrections:
    """Words kept whole and texts split a given way; `save()` after changing them."""

    words: set[str] = field(default_factory=set)  # as the user typed them
    splits: dict[str, tuple[str, ...]] = field(default_factory=dict)
    path: Path | None = None
    notice: str | None = None  # one line when a damaged file was set aside

    @classmethod
    def load(cls, path: Path | None = None, set_aside: bool = True) -> WordCorrections:
        """The saved corrections; a missing file is empty, a damaged one set aside (see
        `json_file.read_json`). An unusable entry is skipped and the others still apply."""
        path = path or default_path()

        def parse(data: dict) -> tuple[WordCorrections, str | None]:
            loaded = cls(path=path)
            skipped = []
            for word in data.get("words", []):
                try:
                    loaded.words.add(_clean_word(str(word)))
                except UserError:
                    skipped.append(str(word))
            for text, parts in dict(data.get("splits", {})).items():
                try:
                    word = _clean_word(str(text))
                    loaded.splits[word] = _clean_parts(word, [str(p) for p in parts])
                except (UserError, TypeError):
                    skipped.append(str(text))
            notice = f"{path.name}: skipped {', '.join(skipped)}" if skipped else None
            return loaded, notice

        loaded, notice = read_json(path, parse, set_aside)
        corrections = loaded if loaded is not None else cls(path=path)
        corrections.notice = notice
        return corrections

    def save(self) -> None:
        data = {"words": sorted(self.words),
                "splits": {text: list(parts) for text, parts in sorted(self.splits.items())}}
        write_json(self.path or default_path(), data)

    def add_word(self, text: str) -> str:
        """Always keep `text` as one word (replaces any split of it); returns it cleaned."""
        word = _clean_word(text)
        self.remove(word)
        self.words.add(word)
        return word

    def split(self, text: str, parts: list[str] | tuple[str, ...]) -> tuple[str, ...]:
        """Always cut `text` into `parts` (replaces keeping it whole)."""
        word = _clean_word(text)
        cleaned = _clean_parts(word, parts)
        self.remove(word)
        self.splits[word] = cleaned
        return cleaned

    def remove(self, text: str) -> bool:
        """Forget any correction of `text` (either script); False when there was none."""
        key = _simplified("".join(text.split()))
        words = {w for w in self.words if _simplified(w) != key}
        splits = {t: p for t, p in self.splits.items() if _simplified(t) != key}
        changed = len(words) != len(self.words) or len(splits) != len(self.splits)
        self.words, self.splits = words, splits
        return changed

    def rows(self) -> list[tuple[str, str]]:
        """(text, what happens to it) for listing, words first."""
        rows = [(word, "one word") for word in sorted(self.words)]
        rows += [(text, "cut " + " | ".join(parts)) for text, parts in sorted(self.splits.items())]
        return rows

    def rules(self) -> WordRules:
        return WordRules(
            words=frozenset(_simplified(w) for w in self.words),
            splits=tuple(sorted((_simplified(t), tuple(_simplified(p) for p in parts))
                                for t, parts in self.splits.items())),
        )


def default_path(folder: Path | None = None) -> Path:
    """The corrections file in `folder` (default: `data_dir()`)."""
    return (folder if folder is not None else data_dir()) / FILE_NAME


def fingerprint(folder: Path | None = None) -> bytes:
    """What the saved corrections are, for keying cached analyses (b"" when there are none)."""
    return json_file.fingerprint(default_path(folder))
