"""How common a word is: the counts in jieba's own word list (dict.txt, MIT licence).

CC-CEDICT says what a word means but not how often it is met; jieba's list (counts from a
large news corpus) is the frequency table the segmenter already uses. It is read only when
the dictionary index is built, and stored there beside each headword.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path


def frequency_source() -> Path | None:
    """jieba's dict.txt, located without importing jieba (None when it is not installed)."""
    try:
        spec = importlib.util.find_spec("jieba")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.origin:
        return None
    path = Path(spec.origin).parent / "dict.txt"
    return path if path.is_file() else None


def read_frequencies(path: Path | None = None) -> Iterator[tuple[str, int]]:
    """(word, count) rows of a jieba-style word list; malformed lines are skipped."""
    path = path if path is not None else frequency_source()
    if path is None:
        return
    with open(path, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            fields = line.split()
            if len(fields) >= 2 and fields[1].isdigit():
                yield fields[0], int(fields[1])


def source_stamp(path: Path | None = None) -> str:
    """What must stay the same for stored frequencies to be current."""
    path = path if path is not None else frequency_source()
    if path is None:
        return "none"
    try:
        stat = path.stat()
    except OSError:
        return "none"
    return f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}"
