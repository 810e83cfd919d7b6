"""`zhreader library add | list | remove`, as a user types them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from app.cli import main
from tests.conftest import ARTICLES, make_epub


def run(data: Path, *args: str) -> int:
    return main(["--data-dir", str(data), *args])


def listed(data: Path, capsys: pytest.CaptureFixture[str]) -> list[dict]:
    capsys.readouterr()
    assert run(data, "library", "list", "--json") == 0
    return json.loads(capsys.readouterr().out)


def test_add_a_folder_list_it_and_remove_from_it(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]):
    data, folder = tmp_path / "data", tmp_path / "reading"
    folder.mkdir()
    shutil.copy(ARTICLES / "xai-greg-yang-steps-back.txt", folder / "xai.txt")
    make_epub(folder / "book.epub", "小王子", [("第一章", "<p>我六岁的时候看到了一幅插画。</p>"),
                                              ("第二章", "<p>我就这样孤独地生活着。</p>")])
    (folder / "broken.txt").write_bytes(b"\x00\x01binary\x00")

    assert run(data, "library", "add", str(folder)) == 1  # one file could not be read
    out, err = capsys.readouterr()
    assert out.count("\nadded ") + out.startswith("added ") == 3  # two chapters and the text
    assert "broken.txt" in err and err.count("\n") == 1

    rows = listed(data, capsys)
    assert [r["title"] for r in rows[:2]] == ["小王子 · 第一章", "小王子 · 第二章"]
    assert rows[2]["title"].startswith("智东西1月21日报道")  # the first words, no headline
    assert all(r["known_share"] == 0 and r["new_words"] > 0 for r in rows)
    assert not any(r["missing"] for r in rows)

    assert run(data, "vocab", "known-hsk", "2") == 0
    assert all(r["known_share"] > 0.2 for r in listed(data, capsys)[2:])

    (folder / "xai.txt").unlink()
    assert listed(data, capsys)[2]["missing"] is True  # still listed, shown missing

    assert run(data, "library", "remove", str(rows[2]["id"]), str(folder / "book.epub")) == 0
    assert listed(data, capsys) == []
    assert (folder / "book.epub").is_file()  # the files stay


def test_adding_nothing_readable_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    assert run(tmp_path / "data", "library", "add", str(tmp_path / "nope.txt")) == 2
    assert "zhreader: error:" in capsys.readouterr().err
    assert run(tmp_path / "data", "library", "remove", "42") == 2
