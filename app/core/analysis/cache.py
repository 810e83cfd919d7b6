"""On-disk cache of finished analyses, keyed on the article's content.

Opening an article already read skips segmentation, pinyin and NER entirely (and even
importing them). The key covers everything the result depends on: the text, the code
and data that produce it, and the user's entity and word corrections.

Each file ends with a digest of its key and payload: a file that was damaged, edited or
copied under another key is analysed again instead of being shown, and so is anything
the JSON parser chokes on (deep nesting included). A cache never stops the app.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
import os
import sys
from collections.abc import Callable
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Protocol, TextIO

from app.core.paths import atomic_writer, cache_dir, dictionaries_dir
from app.core.types import Analysis, Article

FORMAT_VERSION = 2  # 2: a digest line after the JSON
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
    if getattr(sys, "frozen", False):  # the bundle: its code is inside its executable
        st = Path(sys.executable).stat()
        spec_parts.append(f"bundle:{st.st_size}:{st.st_mtime_ns}")
    # The libraries whose data shape the result: an upgrade must not serve old analyses.
    for package in ("opencc", "rjieba", "pypinyin", "g2pM"):
        with contextlib.suppress(ImportError, OSError, ValueError):
            spec = importlib.util.find_spec(package)  # locates it without importing it
            if spec is not None and spec.origin:
                st = Path(spec.origin).parent.stat()
                spec_parts.append(f"{package}:{st.st_mtime_ns}")
    return hashlib.sha256("\n".join(spec_parts).encode()).hexdigest()


def _corrections_fingerprint(data: Path | None) -> bytes:
    """The user's corrections that change an analysis: entity and word-boundary ones."""
    from app.core.user import corrections, word_corrections

    return corrections.fingerprint(data) + b"\0" + word_corrections.fingerprint(data)


def code_fingerprint() -> str:
    """What makes an analysis of the same text come out differently: code, data, packages."""
    return _code_fingerprint()


def cache_key(article: Article, data: Path | None = None) -> str | None:
    """The article's key, with the corrections saved in `data` (default: `data_dir()`)."""
    if len(article.text) > MAX_CACHED_CHARS:
        return None
    digest = hashlib.sha256()
    for part in (_code_fingerprint(), article.title, article.script, article.text):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    digest.update(_corrections_fingerprint(data))
    return digest.hexdigest()


def _path(key: str, folder: Path | None) -> Path:
    return (folder if folder is not None else cache_dir()) / "analyses" / f"{key}.json"


def _payload_digest(key: str) -> hashlib._Hash:
    return hashlib.sha256(f"zhreader analysis {key}\0".encode())


def load(key: str | None, folder: Path | None = None) -> Analysis | None:
    """The analysis stored under `key` in `folder` (default: `cache_dir()`), if intact."""
    if key is None:
        return None
    path = _path(key, folder)
    try:
        payload, newline, trailer = path.read_bytes().rpartition(b"\n")
        digest = _payload_digest(key)
        digest.update(payload)
        if not newline or trailer.decode("ascii") != digest.hexdigest():
            return None  # damaged, edited, or another key's file: analyse again
        analysis = Analysis.from_json(json.loads(payload.decode("utf-8", "surrogatepass")))
    except Exception:  # missing, unreadable, nested too deep for the parser...: analyse again
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # pruning drops the least recently *used* analyses
    return analysis


class _Writer(Protocol):
    def write(self, text: str, /) -> int: ...


class _Digesting:
    """A text file that also feeds what it writes (as stored: UTF-8) into a digest."""

    def __init__(self, out: TextIO, update: Callable[[bytes], object]) -> None:
        self._out = out
        self._update = update

    def write(self, text: str) -> int:
        self._update(text.encode("utf-8", "surrogatepass"))
        return self._out.write(text)


def store(key: str | None, analysis: Analysis, folder: Path | None = None) -> None:
    if key is None:
        return
    path = _path(key, folder)
    try:
        with atomic_writer(path, text=True, durable=False) as fh:  # a cache: no fsync
            digest = _payload_digest(key)
            write_json(analysis, _Digesting(fh, digest.update), separators=(",", ":"))
            fh.write("\n" + digest.hexdigest())
        _prune(path.parent)
    except OSError:
        pass  # a read-only or full cache dir only costs speed


_TOKENS_PER_WRITE = 5000


def write_json(analysis: Analysis, out: _Writer,
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
