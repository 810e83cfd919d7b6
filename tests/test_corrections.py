"""User corrections to the entity list persist and apply to every article."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.core.analysis.analyzer import default_analyzer
from app.core.errors import UserError
from app.core.user.corrections import Corrections


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("ZHREADER_DATA_DIR", str(tmp_path))
    return tmp_path


def test_corrections_survive_a_restart(data_dir):
    corrections = Corrections.load()
    corrections.ignore("顾问")
    corrections.add("智源社区", "organization")
    corrections.save()
    again = Corrections.load()
    assert again.ignored == {"顾问"}
    assert again.added == {"智源社区": "organization"}


def test_ignoring_a_simplified_name_covers_its_traditional_spelling(data_dir):
    corrections = Corrections()
    corrections.ignore("英伟达")
    assert "英伟达" in corrections.ignored_keys()
    from app.core.user.corrections import normalize_name

    assert normalize_name("英偉達") in corrections.ignored_keys()


def test_adding_a_name_undoes_ignoring_it_and_back(data_dir):
    corrections = Corrections()
    corrections.ignore("Reka")
    corrections.add("reka", "organization")
    assert corrections.ignored == set()
    corrections.ignore("REKA")
    assert corrections.added == {}
    assert corrections.unignore("Reka") is True
    assert corrections.unignore("Reka") is False


def test_unknown_type_and_empty_name_are_user_errors(data_dir):
    corrections = Corrections()
    with pytest.raises(UserError):
        corrections.add("GPT-4", "product")
    with pytest.raises(UserError):
        corrections.ignore("   ")


def test_a_corrupt_file_is_set_aside_not_fatal(data_dir):
    (data_dir / "entity_corrections.json").write_text("{not json", encoding="utf-8")
    corrections = Corrections.load()
    assert corrections.ignored == set() and corrections.added == {}
    assert corrections.notice is not None
    assert any(p.name.startswith("entity_corrections.json.corrupt") for p in data_dir.iterdir())
    corrections.ignore("东西")
    corrections.save()
    assert json.loads((data_dir / "entity_corrections.json").read_text("utf-8"))["ignored"] == [
        "东西"
    ]


def test_cli_commands_change_what_is_saved(data_dir, capsys):
    import argparse

    from app.cli_entities import add_entities_parser, run_entities

    parser = argparse.ArgumentParser()
    add_entities_parser(parser.add_subparsers(dest="command"))
    assert run_entities(parser.parse_args(["entities", "ignore", "官宣"])) == 0
    add = ["entities", "add", "智源", "--type", "organization"]
    assert run_entities(parser.parse_args(add)) == 0
    capsys.readouterr()
    assert run_entities(parser.parse_args(["entities", "list"])) == 0
    out = capsys.readouterr().out
    assert "ignored\t官宣" in out and "added\t智源\torganization" in out
    assert run_entities(parser.parse_args(["entities", "remove", "不存在"])) == 1


def test_one_bad_entry_does_not_lose_the_others(data_dir):
    (data_dir / "entity_corrections.json").write_text(
        json.dumps({"ignored": ["谷歌"], "added": {"杨格": "persn", "莱姆病": "work"}}),
        encoding="utf-8",
    )
    corrections = Corrections.load()
    assert corrections.ignored == {"谷歌"} and corrections.added == {"莱姆病": "work"}
    assert "杨格" in (corrections.notice or "")


def test_analysis_reads_a_damaged_file_without_moving_it_and_the_cli_reports_it(data_dir):

    damaged = data_dir / "entity_corrections.json"
    damaged.write_text("{not json", encoding="utf-8")
    text = "杨格是知名的数学家。"
    default_analyzer().entities(text, default_analyzer().segment_tagged(text))
    assert damaged.exists()  # background analysis never renames the user's file
    env = dict(os.environ, ZHREADER_DATA_DIR=str(data_dir))
    result = subprocess.run(
        [sys.executable, "-m", "app", "analyze", "--no-clean", "-"],
        input=text.encode(), capture_output=True, env=env, check=False, timeout=120,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert result.returncode == 0
    assert "set aside" in result.stderr.decode()
    assert not damaged.exists()
    assert any(p.name.startswith("entity_corrections.json.corrupt") for p in data_dir.iterdir())


def test_setting_aside_twice_keeps_both_copies(data_dir):
    for content in ("{one", "{two"):
        (data_dir / "entity_corrections.json").write_text(content, encoding="utf-8")
        Corrections.load()
    kept = sorted(p.read_text() for p in data_dir.iterdir() if ".corrupt" in p.name)
    assert kept == ["{one", "{two"]
