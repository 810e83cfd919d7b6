"""On-disk cache of finished analyses, keyed on the article's content.

Opening an article already read skips segmentation, pinyin and NER entirely (and even
importing them). The key covers everything the result depends on: the text, the code
and data that produce it, and the user's entity and word corrections.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
import os
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import TextIO

from app.core.paths import atomic_writer, cache_dir, data_dir, dictionaries_dir
from app.core.types import Analysis, Article

FORMAT_VERSION = 1
MAX_CACHED_CHARS = 300_000  # bigger texts would make cache files larger than re-analysis costs
MAX_FILES = 300


@cache
def _code_fingerprint() -> str:
    """Sizes and mtimes of the code and data that shape an analysis."""
    core = Path(__file__).resolve().parent.parent
    paths = sorted(core.rglob("*.py")) + sorted(dictionaries_dir().glob("*"))
    spec_parts = [str(FORMAT_VERSION)]
    for path in paths:
        try:
            st = path.stat()
        except OSError:
            continue
        name = path.relative_to(core) if path.is_relative_to(core) else path.name
        spec_parts.append(f"{name}:{st.st_size}:{st.st_mtime_ns}")
    try:
        from app.core.language.cedict import cedict_source_path

        st = cedict_source_path().stat()
        spec_parts.append(f"cedict:{st.st_size}:{st.st_mtime_ns}")
    except (ImportError, OSError):
        pass
    # The libraries whose data shape the result: an upgrade must not serve old analyses.
    for package in ("opencc", "rjieba", "pypinyin", "g2pM"):
        with contextlib.suppress(ImportError, OSError, ValueError):
            spec = importlib.util.find_spec(package)  # locates it without importing it
            if spec is not None and spec.origin:
                st = Path(spec.origin).parent.stat()
                spec_parts.append(f"{package}:{st.st_mtime_ns}")
    return hashlib.sha256("\n".join(spec_parts).encode()).hexdigest()


# The user's corrections that change an analysis: entity and word-boundary corrections.
CORRECTION_FILES = ("entity_corrections.json", "word_corrections.json")


def _corrections_fingerprint() -> bytes:
    parts = []
    for name in CORRECTION_FILES:
        try:
            parts.append((data_dir() / name).read_bytes())
        except OSError:
            parts.append(b"")
    return b"\0".join(parts)


def cache_key(article: Article) -> str | None:
    if len(article.text) > MAX_CACHED_CHARS:
        return None
    digest = hashlib.sha256()
    for part in (_code_fingerprint(), article.title, article.script, article.text):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    digest.update(_corrections_fingerprint())
    return digest.hexdigest()


def _path(key: str) -> Path:
    return cache_dir() / "analyses" / f"{key}.json"


def load(key: str | None) -> Analysis | None:
    if key is None:
        return None
    path = _path(key)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        analysis = Analysis.from_json(data)
    except (OSError, ValueError, KeyError, TypeError):
        return None  # missing or damaged: analyse again
    with contextlib.suppress(OSError):
        os.utime(path)  # pruning drops the least recently *used* analyses
    return analysis


def store(key: str | None, analysis: Analysis) -> None:
    if key is None:
        return
    path = _path(key)
    try:
        with atomic_writer(path, text=True, durable=False) as fh:  # a cache: no fsync
            write_json(analysis, fh, separators=(",", ":"))
        _prune(path.parent)
    except OSError:
        pass  # a read-only or full cache dir only costs speed


_TOKENS_PER_WRITE = 5000


def write_json(analysis: Analysis, out: TextIO,
               separators: tuple[str, str] = (", ", ": ")) -> None:
    """`json.dumps(analysis.to_json())` written a slice of tokens at a time.

    Same text as one dump, but a long article never holds its whole JSON (several times
    the size of the analysis itself) in memory at once.
    """
    item, key = separators
    to_json = Analysis.to_json

    def dumps(value: object) -> str:
        return json.dumps(value, ensure_ascii=False, separators=separators)

    head = dumps(to_json(replace(analysis, tokens=(), entities=())))
    marker = f'{item}"tokens"{key}['
    out.write(head[: head.rindex(marker)] + marker)
    tokens = analysis.tokens
    for lo in range(0, len(tokens), _TOKENS_PER_WRITE):
        part = to_json(replace(analysis, tokens=tokens[lo : lo + _TOKENS_PER_WRITE],
                               entities=()))["tokens"]
        out.write((item if lo else "") + dumps(part)[1:-1])
    entities = to_json(replace(analysis, tokens=()))["entities"]
    out.write(f']{item}"entities"{key}' + dumps(entities) + "}")


def _prune(folder: Path) -> None:
    files = list(folder.glob("*.json"))
    if len(files) <= MAX_FILES:
        return
    files.sort(key=lambda p: p.stat().st_mtime)
    for old in files[: len(files) - MAX_FILES]:
        with contextlib.suppress(OSError):
            os.unlink(old)
