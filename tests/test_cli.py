"""The command line a user types: help, and one-line errors instead of tracebacks."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        cwd=REPO,
        input=stdin,
        capture_output=True,
        timeout=120,
        check=False,
    )


def test_help_lists_the_commands():
    result = run_cli("--help")
    assert result.returncode == 0
    out = result.stdout.decode()
    for command in ("analyze", "lookup", "screenshot", "vocab", "--data-dir"):
        assert command in out


def test_missing_file_is_one_clear_line():
    result = run_cli("analyze", "/nonexistent/article.txt")
    assert result.returncode != 0
    err = result.stderr.decode().strip().splitlines()
    assert len(err) == 1
    assert err[0].startswith("zhreader: error:")
    assert "Traceback" not in result.stderr.decode()


def test_a_file_name_alone_opens_the_window_on_it():
    from app.cli import _with_default_command

    assert _with_default_command(["a.txt"]) == ["gui", "a.txt"]
    with_dir = ["--data-dir", "d", "a.txt"]
    assert _with_default_command(with_dir) == ["--data-dir", "d", "gui", "a.txt"]
    assert _with_default_command(["analyze", "a.txt"]) == ["analyze", "a.txt"]
    assert _with_default_command(["--help"]) == ["--help"]
