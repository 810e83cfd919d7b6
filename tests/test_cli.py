"""The command line a user types: help, and one-line errors instead of tracebacks."""

from __future__ import annotations

import subprocess
import sys

import pytest

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
    for command in ("analyze", "lookup", "screenshot", "vocab", "stats", "--data-dir"):
        assert command in out


def test_missing_file_is_one_clear_line():
    result = run_cli("analyze", "/nonexistent/article.txt")
    assert result.returncode != 0
    err = result.stderr.decode().strip().splitlines()
    assert len(err) == 1
    assert err[0].startswith("zhreader: error:")
    assert "Traceback" not in result.stderr.decode()


def test_a_file_name_alone_opens_the_window_on_it(tmp_path):
    from app.cli import _with_default_command

    article = tmp_path / "a.txt"
    article.write_text("我去银行。", encoding="utf-8")
    a = str(article)
    assert _with_default_command([a]) == ["gui", a]
    with_dir = ["--data-dir", "d", a]
    assert _with_default_command(with_dir) == ["--data-dir", "d", "gui", a]
    assert _with_default_command([f"--data-dir={tmp_path}", a]) == [
        f"--data-dir={tmp_path}", "gui", a
    ]
    assert _with_default_command(["analyze", "a.txt"]) == ["analyze", "a.txt"]
    assert _with_default_command(["--help"]) == ["--help"]


def _no_window(*args, **kwargs):
    raise AssertionError("a mistyped command must not open the window")


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["analyse", "x.txt"], "no such file or command 'analyse'; did you mean 'analyze'?"),
        (["serch", "foo"], "no such file or command 'serch'; did you mean 'search'?"),
        (["vocabb", "list"], "no such file or command 'vocabb'; did you mean 'vocab'?"),
        (["/nonexistent.txt"], "no such file or command '/nonexistent.txt'"),
        (["--data-dir", "/tmp", "lokup", "银行"], "did you mean 'lookup'?"),
        (["gui", "/nonexistent.txt"], "/nonexistent.txt: no such file"),
    ],
)
def test_a_mistyped_command_or_missing_file_is_one_line_and_no_window(
    argv, says, capsys, monkeypatch
):
    import app.ui.main
    from app.cli import main

    monkeypatch.setattr(app.ui.main, "run_gui", _no_window)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and says in err


def test_a_command_added_later_is_suggested_without_a_list_to_update(capsys, monkeypatch):
    import app.cli

    build = app.cli._build_parser

    def with_review():
        parser = build()
        subparsers = next(a for a in parser._actions if a.dest == "command")
        subparsers.add_parser("review", help="review the saved words")
        return parser

    monkeypatch.setattr(app.cli, "_build_parser", with_review)
    assert app.cli.main(["reveiw", "today"]) == 2
    assert "no such file or command 'reveiw'; did you mean 'review'?" in capsys.readouterr().err


def test_a_mistyped_command_exits_at_once_in_a_real_process_without_a_display():
    import os

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["QT_QPA_PLATFORM"] = "xcb"  # would hang or abort if a window were attempted
    result = subprocess.run(
        [sys.executable, "-m", "app", "analyse", "article.txt"],
        cwd=REPO, env=env, capture_output=True, timeout=60, check=False,
    )
    assert result.returncode == 2
    assert result.stderr.decode().strip() == (
        "zhreader: error: no such file or command 'analyse'; did you mean 'analyze'?"
    )


def test_lookup_json_gives_hsk_levels_and_frequency_rank():
    import json

    result = run_cli("lookup", "爱好", "--json")
    assert result.returncode == 0
    payload = json.loads(result.stdout)
    assert payload["hsk"] == {"v3": 1, "v2": 3}
    assert isinstance(payload["frequency_rank"], int) and payload["frequency_rank"] > 0
    # A name has no level: null, not a made-up band.
    name = json.loads(run_cli("lookup", "祖克柏", "--json").stdout)
    assert name["hsk"] is None and name["frequency_rank"] is None


def test_lookup_text_says_the_level():
    out = run_cli("lookup", "愛好").stdout.decode()
    assert "HSK 3.0 band 1" in out and "HSK 2.0 level 3" in out


def test_screenshot_of_a_damaged_book_or_a_folder_says_why(tmp_path):
    book = tmp_path / "damaged.epub"
    book.write_bytes(b"PK\x03\x04 not really a zip archive")
    folder = tmp_path / "notes.txt"
    folder.mkdir()
    for path, reason in ((book, "not a readable EPUB"), (folder, "is a folder")):
        result = run_cli("--data-dir", str(tmp_path / "data"), "screenshot",
                         str(tmp_path / "shot.png"), "--article", str(path))
        assert result.returncode != 0
        message = result.stderr.decode()
        assert reason in message and "Traceback" not in message, message
        assert not (tmp_path / "shot.png").exists()


def test_screenshot_reports_the_pinyin_above_words(tmp_path):
    import json

    out = tmp_path / "ruby.png"
    result = run_cli("--data-dir", str(tmp_path / "data"), "screenshot", str(out),
                     "--article", "yi-tay-returns-to-google", "--ruby", "unknown",
                     "--known-hsk", "3", "--theme", "dark")
    assert result.returncode == 0, result.stderr.decode()
    report = json.loads(result.stdout.decode().strip().splitlines()[-1])
    assert report["ruby"]["mode"] == "unknown" and report["ruby"]["words_with_ruby"] > 10
    assert report["theme"] == "dark"
    assert report["level_profile"]["beyond_6"] > 0
    assert out.stat().st_size > 10_000
