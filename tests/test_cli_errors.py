"""`zhreader analyze` on bad input: a non-zero status and one `zhreader: error:` line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ARTICLES, REPO


def _run(*args: str, stdin: bytes | None = None, env: dict[str, str] | None = None):
    return subprocess.run(
        [sys.executable, "-m", "app", "analyze", *args],
        cwd=REPO,
        input=stdin,
        capture_output=True,
        timeout=120,
        check=False,
        env={**os.environ, **(env or {})},
    )


def _assert_one_error_line(result: subprocess.CompletedProcess[bytes], says: str) -> None:
    stderr = result.stderr.decode("utf-8", errors="replace")
    assert result.returncode != 0
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("zhreader: error: ")
    assert says in lines[0]
    assert "unexpected" not in lines[0]  # a handled case, not the catch-all


def _huge(path: Path) -> Path:
    with open(path, "wb") as fh:  # 10,000,000 characters, 30 MB
        chunk = ("我很高興能回來" * 1000).encode("utf-8")
        for _ in range(10_000_000 // 7000):
            fh.write(chunk)
    return path


BAD_FILES = {
    "empty": (b"", "empty"),
    "blank": (b"  \r\n\t\n", "empty"),
    "binary": (bytes(range(256)) * 8, "binary"),
    "pdf": (b"%PDF-1.4\n" + bytes(range(256)), "PDF"),
    "mojibake": (
        "杨格是知名的数学家和AI研究员。".encode().decode("cp1252", "replace").encode(),
        "UTF-8",
    ),
    "latin1": ("naïve café résumé, déjà vu".encode("latin-1"), "encoding"),
    "script-only-page": (b"<html><script>alert(1)</script></html>", "no text"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_bad_file(tmp_path: Path, case: str) -> None:
    content, says = BAD_FILES[case]
    path = tmp_path / ("page.html" if case.endswith("page") else "article.txt")
    path.write_bytes(content)
    _assert_one_error_line(_run(str(path)), says)


def test_missing_path_and_folder(tmp_path: Path) -> None:
    _assert_one_error_line(_run(str(tmp_path / "missing.txt")), "no such file")
    _assert_one_error_line(_run(str(tmp_path)), "folder")


def test_ten_million_characters(tmp_path: Path) -> None:
    _assert_one_error_line(_run(str(_huge(tmp_path / "huge.txt"))), "2,000,000 characters")


def test_unreadable_file(tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("杨格是知名的数学家。", encoding="utf-8")
    # Root reads anything, whatever the mode: make the read itself fail the way it
    # would for a normal user, inside the real command.
    code = (
        "import sys, pathlib\n"
        "def deny(self): raise PermissionError(13, 'Permission denied')\n"
        "pathlib.Path.read_bytes = deny\n"
        "from app.cli import main\n"
        f"sys.exit(main(['analyze', {str(locked)!r}]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, timeout=120, check=False
    )
    _assert_one_error_line(result, "permission denied")
    if os.geteuid() != 0:
        locked.chmod(0)
        _assert_one_error_line(_run(str(locked)), "permission denied")


def test_empty_and_binary_stdin() -> None:
    _assert_one_error_line(_run("-", stdin=b""), "standard input is empty")
    _assert_one_error_line(_run("-", stdin=b"\x7fELF" + bytes(300)), "program")


BROKEN_LINE = b"\xff\xfe broken \xed\xa0\x80 line\n"


def test_undecodable_bytes_in_lines_mode_become_replacement_characters() -> None:
    result = _run("--lines", "-", stdin=BROKEN_LINE + "杨格\n".encode(), env={"LC_ALL": "C.UTF-8"})
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    docs = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    assert [doc["text"] for doc in docs] == ["\ufffd\ufffd broken \ufffd\ufffd\ufffd line", "杨格"]


@pytest.mark.parametrize(
    "env,flags",
    [({"PYTHONIOENCODING": "utf-8:strict"}, ()), ({"LC_ALL": "C.UTF-8"}, ("--no-clean",))],
)
def test_undecodable_bytes_in_lines_mode_in_any_locale(env: dict, flags: tuple) -> None:
    result = _run("--lines", *flags, "-", stdin=BROKEN_LINE, env=env)
    assert result.returncode == 0
    (doc,) = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    assert "broken" in doc["text"] and "\ufffd" in doc["text"]


def test_a_good_article_still_works() -> None:
    path = ARTICLES / "xai-greg-yang-steps-back.txt"
    result = _run(str(path))
    assert result.returncode == 0
    assert "杨格" in json.loads(result.stdout.decode("utf-8"))["text"]


def test_window_without_a_display_is_one_clear_line() -> None:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run(
        [sys.executable, "-m", "app"], cwd=REPO, env=env, capture_output=True, timeout=60,
        check=False,
    )
    assert result.returncode == 2
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("zhreader: error: no display")
