"""Where zhreader keeps user data, caches, and its bundled files."""

from __future__ import annotations

import contextlib
import glob
import os
import secrets
import stat
import tempfile
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import BinaryIO, Literal, TextIO, overload

import platformdirs

APP_NAME = "zhreader"
_DATA_DIR_ENV = "ZHREADER_DATA_DIR"
_CACHE_DIR_ENV = "ZHREADER_CACHE_DIR"


def data_dir() -> Path:
    """User data (vocabulary, corrections); `--data-dir` sets ZHREADER_DATA_DIR.

    Not created here: reading needs no folder, and whoever writes creates it and can say
    in one line why it cannot (a file in the way, a read-only disk, `/proc`).
    """
    override = os.environ.get(_DATA_DIR_ENV)
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME))


def set_data_dir(path: str | os.PathLike[str]) -> None:
    os.environ[_DATA_DIR_ENV] = str(Path(path).expanduser().resolve())


def cache_dir() -> Path:
    """Rebuildable caches (dictionary index, analyses); safe to delete.

    Created when possible; when it cannot be (a file in the way, no permission) every
    cache write fails on its own and falls back (the dictionary to an index in memory).
    """
    override = os.environ.get(_CACHE_DIR_ENV)
    path = Path(override) if override else Path(platformdirs.user_cache_dir(APP_NAME))
    with contextlib.suppress(OSError):
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


def dictionary_lines(name: str) -> list[str]:
    """The data lines of `dictionaries/<name>`: every file there opens with a provenance
    header of `#` lines, which no reader wants, and blank lines separate its sections."""
    with open(dictionaries_dir() / name, encoding="utf-8") as handle:
        return [ln.rstrip("\n") for ln in handle if ln.strip() and not ln.startswith("#")]


def licenses_dir() -> Path:
    """The licence texts of zhreader and the data it ships (see app.core.about)."""
    return _bundled("LICENSES")


@overload
def atomic_writer(
    path: Path, *, text: Literal[False] = False, durable: bool = True, shared: bool = False
) -> AbstractContextManager[BinaryIO]: ...


@overload
def atomic_writer(
    path: Path, *, text: Literal[True], durable: bool = True, shared: bool = False
) -> AbstractContextManager[TextIO]: ...


def atomic_writer(
    path: Path, *, text: bool = False, durable: bool = True, shared: bool = False
) -> AbstractContextManager[TextIO | BinaryIO]:
    """A file that appears at `path` whole or not at all (temp file + rename).

    `durable` also fsyncs before the rename: user data wants it, a rebuildable cache not.
    `shared` files (exports) get the usual 0666 less the umask, like any file a program
    saves, and need their folder to exist; others are private (0600) and make their folder.
    A temp file that a killed writer left for the same `path` is removed first.
    """
    return _atomic_writer(path, text, durable, shared)


@contextmanager
def _atomic_writer(
    path: Path, text: bool, durable: bool, shared: bool
) -> Iterator[TextIO | BinaryIO]:
    if not shared:
        path.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale_temp_files(path)
    fd, tmp = _temp_file(path, shared)
    try:
        fh: TextIO | BinaryIO = (
            os.fdopen(fd, "w", encoding="utf-8", errors="surrogatepass") if text
            else os.fdopen(fd, "wb"))
        with fh:
            yield fh
            fh.flush()
            if durable:
                os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


_STALE_TEMP_SECONDS = 15 * 60  # no write takes that long; a younger one may be in progress


def _remove_stale_temp_files(path: Path) -> None:
    try:
        leftovers = list(path.parent.glob(f".{glob.escape(path.name)}.*.tmp"))
    except OSError:
        return
    now = time.time()
    for leftover in leftovers:
        with contextlib.suppress(OSError):
            info = leftover.lstat()
            if stat.S_ISREG(info.st_mode) and now - info.st_mtime > _STALE_TEMP_SECONDS:
                leftover.unlink()


def _temp_file(path: Path, shared: bool) -> tuple[int, str]:
    prefix, suffix = f".{path.name}.", ".tmp"
    if not shared:
        return tempfile.mkstemp(dir=path.parent, prefix=prefix, suffix=suffix)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    for _ in range(100):
        name = os.path.join(path.parent, f"{prefix}{secrets.token_hex(4)}{suffix}")
        try:
            return os.open(name, flags, 0o666), name  # the kernel applies the umask
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {path}")


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write via a temp file + rename (fsynced) so readers never see half a file."""
    with atomic_writer(path) as fh:
        fh.write(data)


def unused_name(base: Path) -> Path:
    """`base`, or `base-2`, `base-3`...: the first name not taken, for setting a file aside."""
    candidate, n = base, 1
    while candidate.exists():
        n += 1
        candidate = base.with_name(f"{base.name}-{n}")
    return candidate


def write_problem(path: Path, exc: OSError) -> str:
    """One line for an OSError met while writing user data at `path`."""
    if isinstance(exc, (FileExistsError, NotADirectoryError)) and not path.parent.is_dir():
        return (
            f"the data folder {path.parent} cannot be used (a file is in its path); "
            "choose another --data-dir"
        )
    return f"cannot write {path}: {exc.strerror or exc}"
