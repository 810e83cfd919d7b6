"""`zhreader --install-desktop-entry`: a launcher entry and icons for this user only."""

from __future__ import annotations

import configparser
import os
import shutil
import stat
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from app import __version__
from app.core import desktop_entry
from tests.conftest import REPO


def run_cli(*args: str, home: Path, data_home: str | None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "XDG_DATA_HOME"}
    env["HOME"] = str(home)
    if data_home is not None:
        env["XDG_DATA_HOME"] = data_home
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=60, check=False)


def read_entry(path: Path) -> dict[str, str]:
    parser = configparser.RawConfigParser(delimiters=("=",))
    parser.optionxform = str  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def validate(path: Path) -> subprocess.CompletedProcess[str]:
    tool = shutil.which("desktop-file-validate")
    assert tool, "desktop-file-validate is missing: scripts/install.sh installs desktop-file-utils"
    return subprocess.run([tool, str(path)], capture_output=True, text=True, check=False)


def exec_argv(value: str) -> list[str]:
    """Split an Exec value the way the Desktop Entry spec says a launcher must."""
    unescaped = value.replace("\\\\", "\0").replace("\\s", " ").replace("\0", "\\")
    args: list[str] = []
    current, quoted, escaped, started = "", False, False, False
    for ch in unescaped:
        if escaped:
            current, escaped = current + ch, False
        elif quoted and ch == "\\":
            escaped = True
        elif ch == '"':
            quoted, started = not quoted, True
        elif ch == " " and not quoted:
            if current or started:
                args.append(current)
            current, started = "", False
        else:
            current += ch
    if current or started:
        args.append(current)
    return [arg.replace("%%", "%") for arg in args]


def files_under(root: Path) -> set[Path]:
    return {p for p in root.rglob("*") if p.is_file()}


def test_installed_entry_validates_and_starts_this_zhreader(tmp_path: Path) -> None:
    home, data_home = tmp_path / "home", tmp_path / "xdg-data"
    home.mkdir()
    result = run_cli("--install-desktop-entry", home=home, data_home=str(data_home))
    assert result.returncode == 0, result.stderr
    entry_path = data_home / "applications" / "zhreader.desktop"
    checked = validate(entry_path)
    assert checked.returncode == 0 and not checked.stdout.strip(), checked.stdout
    entry = read_entry(entry_path)
    assert entry["Name"] == "zhreader" and entry["GenericName"] == "Chinese Reader"
    assert {"Education", "Languages"} <= set(entry["Categories"].split(";"))
    assert {"text/plain", "text/html", "text/markdown", "application/epub+zip"} <= set(
        entry["MimeType"].split(";"))  # EPUB books and notes open from the file manager too
    argv = exec_argv(entry["Exec"])
    assert argv[-1] == "%F"  # files from "Open with" reach `zhreader FILE...`
    started = subprocess.run([*argv[:-1], "--version"], capture_output=True, text=True,
                             timeout=60, check=False)
    assert started.stdout.strip() == f"zhreader {__version__}", started.stderr
    assert files_under(home) == set()  # nothing outside $XDG_DATA_HOME


def test_icons_come_in_every_hicolor_size(tmp_path: Path) -> None:
    written = desktop_entry.install(tmp_path, command=["/opt/zhreader/zhreader"])
    theme = tmp_path / "icons" / "hicolor"
    assert (theme / "scalable" / "apps" / "zhreader.svg") in written
    for size in (16, 32, 48, 64, 128, 256):
        png = (theme / f"{size}x{size}" / "apps" / "zhreader.png").read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", png[16:24]) == (size, size)


def test_a_launcher_path_with_spaces_and_dollars_survives_the_entry(tmp_path: Path) -> None:
    folder = tmp_path / "My Apps $HOME 100%"
    folder.mkdir()
    program = folder / "zhreader"
    program.write_text('#!/bin/sh\nprintf "%s\\n" "$@" > "$(dirname "$0")/args"\n')
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    desktop_entry.install(tmp_path / "share", command=[str(program)])
    entry_path = tmp_path / "share" / "applications" / "zhreader.desktop"
    checked = validate(entry_path)
    assert checked.returncode == 0 and not checked.stdout.strip(), checked.stdout
    argv = exec_argv(read_entry(entry_path)["Exec"])
    assert argv[0] == str(program)
    article = tmp_path / "an article.txt"
    subprocess.run([argv[0], str(article)], check=True, timeout=30)
    assert (folder / "args").read_text().splitlines() == [str(article)]


def test_a_relative_xdg_data_home_is_ignored(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    result = run_cli("--install-desktop-entry", home=home, data_home="relative/share")
    assert result.returncode == 0, result.stderr
    assert (home / ".local" / "share" / "applications" / "zhreader.desktop").is_file()
    assert not (REPO / "relative").exists()


def test_uninstall_removes_only_what_install_wrote(tmp_path: Path) -> None:
    home, data_home = tmp_path / "home", tmp_path / "xdg-data"
    home.mkdir()
    other = data_home / "applications" / "other-app.desktop"
    other.parent.mkdir(parents=True)
    other.write_text("[Desktop Entry]\nType=Application\nName=Other\nExec=other\n")
    before = files_under(data_home)
    assert run_cli("--install-desktop-entry", home=home, data_home=str(data_home)).returncode == 0
    removed = run_cli("--uninstall-desktop-entry", home=home, data_home=str(data_home))
    assert removed.returncode == 0, removed.stderr
    left = {p for p in files_under(data_home) if p.name != "mimeinfo.cache"}
    assert left == before
    again = run_cli("--uninstall-desktop-entry", home=home, data_home=str(data_home))
    assert again.returncode == 0 and "no desktop entry" in again.stdout


def test_an_unwritable_data_home_is_one_line_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = run_cli("--install-desktop-entry", home=tmp_path, data_home=str(blocker / "share"))
    assert result.returncode == 2
    assert result.stderr.startswith("zhreader: error: cannot install the desktop entry")
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("flag", ["--install-desktop-entry", "--uninstall-desktop-entry"])
def test_desktop_flags_do_not_open_the_window(flag: str, tmp_path: Path) -> None:
    result = run_cli(flag, home=tmp_path, data_home=str(tmp_path / "share"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("zhreader: ")
