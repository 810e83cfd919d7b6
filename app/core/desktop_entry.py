"""The freedesktop launcher entry: zhreader in the applications menu and in "Open with".

Written for the current user only, under `$XDG_DATA_HOME` (default ~/.local/share), so it
never needs root and never touches system directories. The entry starts the very `zhreader`
that installed it (a venv, pipx, or the self-contained bundle), so it keeps working after the
shell's PATH changes.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from app.core.errors import UserError
from app.core.paths import APP_NAME, atomic_writer, resources_dir

DESKTOP_FILE = f"{APP_NAME}.desktop"
# The sizes desktops look up in the hicolor theme (menus 16-48, launchers and docks 64-256).
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256)
# What `zhreader FILE` opens (OPENABLE_SUFFIXES in app/ui/main_window.py): .text is a
# text/plain subtype; EPUB books are listed so file managers offer zhreader for them.
MIME_TYPES = ("text/plain", "text/html", "text/markdown", "application/epub+zip")
# Reserved characters of the spec's Exec key: an argument holding one must be quoted.
_EXEC_RESERVED = frozenset(" \t\n\"'\\><~|&;$*?#()`")


def xdg_data_home() -> Path:
    """$XDG_DATA_HOME when it is an absolute path (the spec says to ignore a relative one)."""
    value = os.environ.get("XDG_DATA_HOME", "")
    if value and Path(value).is_absolute():
        return Path(value)
    return Path.home() / ".local" / "share"


def launcher_command() -> list[str]:
    """The command that starts this same zhreader from a desktop launcher."""
    if getattr(sys, "frozen", False):  # the PyInstaller bundle: its executable
        return [sys.executable]
    invoked = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if invoked and invoked.name == APP_NAME and os.access(invoked, os.X_OK):
        return [os.path.abspath(invoked)]  # not resolved: pipx's ~/.local/bin link survives
    script = Path(sys.executable).parent / APP_NAME  # `python -m app` run from a venv
    if os.access(script, os.X_OK):
        return [str(script)]
    return [os.path.abspath(sys.executable), "-m", "app"]


def _exec_argument(arg: str) -> str:
    """One Exec argument, quoted when needed (Desktop Entry spec, "The Exec key")."""
    arg = arg.replace("%", "%%")
    if any(ch in _EXEC_RESERVED for ch in arg):
        arg = '"' + "".join("\\" + ch if ch in '"`$\\' else ch for ch in arg) + '"'
    return arg


def _string_value(value: str) -> str:
    """The escapes of the spec's string type (applied after Exec's own quoting)."""
    return (value.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")
            .replace("\r", "\\r"))


def entry_text(command: Sequence[str]) -> str:
    """The .desktop file for `command` (the program and its fixed arguments)."""
    exec_line = " ".join(_exec_argument(arg) for arg in command) + " %F"
    lines = [
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.4",  # the newest Debian 12's desktop-file-validate knows
        f"Name={APP_NAME}",
        "GenericName=Chinese Reader",
        "Comment=Read Chinese articles with pinyin and dictionary glosses under the mouse",
        f"Icon={APP_NAME}",
        f"TryExec={_string_value(command[0])}",
        f"Exec={_string_value(exec_line)}",
        "Terminal=false",
        "Categories=Education;Languages;",
        "MimeType=" + "".join(f"{mime};" for mime in MIME_TYPES),
        "Keywords=Chinese;Mandarin;pinyin;hanzi;dictionary;vocabulary;reader;",
        "StartupNotify=true",
        f"StartupWMClass={APP_NAME}",
        "",
    ]
    return "\n".join(lines)


def _icon_files() -> list[tuple[Path, Path]]:
    """(bundled source, path under the hicolor theme) for every icon the entry names."""
    icons = resources_dir() / "icons"
    pairs = [(icons / f"{APP_NAME}.svg", Path("scalable", "apps", f"{APP_NAME}.svg"))]
    for size in ICON_SIZES:
        relative = Path(f"{size}x{size}", "apps", f"{APP_NAME}.png")
        pairs.append((icons / "hicolor" / relative, relative))
    return pairs


def installed_paths(data_home: Path | None = None) -> list[Path]:
    """Every file `install` writes: the entry first, then the icons."""
    base = data_home or xdg_data_home()
    theme = base / "icons" / "hicolor"
    return [base / "applications" / DESKTOP_FILE] + [theme / rel for _, rel in _icon_files()]


def install(data_home: Path | None = None, command: Sequence[str] | None = None) -> list[Path]:
    """Write the entry and its icons for this user; returns the files written."""
    base = data_home or xdg_data_home()
    entry, *icon_targets = installed_paths(base)
    try:
        for (source, _), target in zip(_icon_files(), icon_targets, strict=True):
            data = source.read_bytes()
            with atomic_writer(target, durable=False) as fh:
                fh.write(data)
        with atomic_writer(entry, text=True, durable=False) as fh:
            fh.write(entry_text(command or launcher_command()))
    except OSError as exc:
        raise UserError(f"cannot install the desktop entry under {base}: {exc.strerror or exc}"
                        ) from None
    _refresh_menus(entry.parent)
    return [entry, *icon_targets]


def uninstall(data_home: Path | None = None) -> list[Path]:
    """Remove exactly the files `install` writes; returns those that were there."""
    removed = []
    paths = installed_paths(data_home)
    for path in paths:
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise UserError(f"cannot remove {path}: {exc.strerror or exc}") from None
        removed.append(path)
    if removed:
        _refresh_menus(paths[0].parent)
    return removed


def _refresh_menus(applications: Path) -> None:
    """Update the "Open with" cache when the desktop has the tool; menus rescan anyway."""
    tool = shutil.which("update-desktop-database")
    if tool is None or not applications.is_dir():
        return
    with contextlib.suppress(OSError, subprocess.SubprocessError):  # only a cache
        subprocess.run([tool, "-q", str(applications)], check=False, timeout=30,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
