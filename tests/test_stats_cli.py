"""`zhreader stats` and `zhreader vocab known-hsk N`, as a user types them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from app.core.analysis.analyzer import default_analyzer
from app.core.user.vocab import VocabStore
from tests.conftest import ARTICLES

XAI = ARTICLES / "xai-greg-yang-steps-back.txt"


def stats_json(data_dir: Path, capsys: pytest.CaptureFixture[str], article: str) -> dict:
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "stats", article, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_known_hsk_raises_the_known_share_without_filling_the_list(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    data = tmp_path / "data"
    before = stats_json(data, capsys, str(XAI))
    assert set(before) == {"known_share", "known_distinct_share", "new_words", "hsk_profile"}
    assert before["known_share"] == 0 and before["new_words"] > 300
    # The profile's bands and "not in HSK" share out every counted word.
    profile = before["hsk_profile"]
    assert sum(v for k, v in profile.items() if k != "beyond_6") == pytest.approx(1, abs=0.01)

    with VocabStore(data / "vocabulary.sqlite3") as store:
        store.set_state("我们", "learning", 2)  # a word the learner already placed
    assert main(["--data-dir", str(data), "vocab", "known-hsk", "2"]) == 0
    said = capsys.readouterr().out
    marked = len(default_analyzer().hsk.words_up_to(2)) - 1
    assert said.startswith(f"marked {marked:,} words of HSK 1–2 known; 1 already had a state")

    after = stats_json(data, capsys, "xai-greg-yang-steps-back")  # a built-in by its slug
    assert after["known_share"] > 0.3
    assert 0 < after["known_distinct_share"] < after["known_share"]  # common words repeat
    assert after["new_words"] < before["new_words"]
    assert after["hsk_profile"] == profile  # the text's levels do not depend on the learner
    with VocabStore(data / "vocabulary.sqlite3") as store:
        assert store.get("我们").state.status == "learning"
        assert store.items() == []


def test_stats_in_words(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    assert main(["--data-dir", str(tmp_path), "stats", str(XAI)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "xAI联合创始人杨格因莱姆病退居二线"
    assert lines[1].startswith("known: 0% of ") and "distinct words" in lines[1]
    assert lines[3].startswith("HSK 3.0 bands: 1: ")


def test_stats_of_a_missing_file_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    assert main(["--data-dir", str(tmp_path), "stats", str(tmp_path / "nope.txt")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("zhreader: error:") and err.count("\n") == 1
