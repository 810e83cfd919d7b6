"""Where zhreader keeps user data, caches, and its bundled files."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import platformdirs

APP_NAME = "zhreader"
_DATA_DIR_ENV = "ZHREADER_DATA_DIR"
_CACHE_DIR_ENV = "ZHREADER_CACHE_DIR"


def data_dir() -> Path:
    """User data (vocabulary, corrections); `--data-dir` sets ZHREADER_DATA_DIR."""
    override = os.environ.get(_DATA_DIR_ENV)
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME))
    path.mkdir(parents=True, exist_ok=True)
    return path


def set_data_dir(path: str | os.PathLike[str]) -> None:
    os.environ[_DATA_DIR_ENV] = str(Path(path).expanduser().resolve())


def cache_dir() -> Path:
    """Rebuildable caches (dictionary index, analyses); safe to delete."""
    override = os.environ.get(_CACHE_DIR_ENV)
    path = Path(override) if override else Path(platformdirs.user_cache_dir(APP_NAME))
    path.mkdir(parents=True, exist_ok=True)
    return path


def _bundled(name: str) -> Path:
    """Bundled folders live beside `app/` in a checkout, inside `app/` in a wheel."""
    installed = Path(__file__).resolve().parent.parent / name
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parent.parent.parent / name


def resources_dir() -> Path:
    return _bundled("resources")


def dictionaries_dir() -> Path:
    return _bundled("dictionaries")


@contextmanager
def atomic_writer(path: Path, *, text: bool = False, durable: bool = True) -> Iterator[IO]:
    """A file that appears at `path` whole or not at all (temp file + rename).

    `durable` also fsyncs before the rename: user data wants it, a rebuildable cache not.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        mode = "w" if text else "wb"
        encoding = {"encoding": "utf-8", "errors": "surrogatepass"} if text else {}
        with os.fdopen(fd, mode, **encoding) as fh:
            yield fh
            fh.flush()
            if durable:
                os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write via a temp file + rename (fsynced) so readers never see half a file."""
    with atomic_writer(path) as fh:
        fh.write(data)
