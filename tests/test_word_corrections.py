"""Word-boundary corrections: kept in the data dir, honoured by the segmenter and `analyze`."""

from __future__ import annotations

import json

import pytest

from app.cli import main
from app.core.analysis.analyzer import default_analyzer
from app.core.errors import UserError
from app.core.user.word_corrections import FILE_NAME, WordCorrections

SENTENCE = "据智东西报道，股价创新高。"


def _words(text: str) -> list[str]:
    return [t.text for t in default_analyzer().analyze_document(text, clean=False).tokens]


def test_corrections_survive_a_restart_and_cover_both_scripts(_isolated_data_dir) -> None:
    corrections = WordCorrections.load()
    corrections.add_word("智东西")
    corrections.split("创新高", ["创", "新高"])
    corrections.save()
    again = WordCorrections.load()
    assert again.words == {"智东西"}
    assert again.splits == {"创新高": ("创", "新高")}
    assert again.remove("智東西") is True  # the traditional spelling names the same word
    assert again.words == set()


def test_a_split_must_spell_the_text_and_a_word_needs_two_characters() -> None:
    corrections = WordCorrections()
    with pytest.raises(UserError):
        corrections.split("创新高", ["创新", "新高"])
    with pytest.raises(UserError):
        corrections.split("创新高", ["创新高"])
    with pytest.raises(UserError):
        corrections.add_word("智")


def test_a_damaged_file_is_set_aside_with_a_notice(_isolated_data_dir) -> None:
    _isolated_data_dir.mkdir(parents=True, exist_ok=True)
    (_isolated_data_dir / FILE_NAME).write_text("{not json", encoding="utf-8")
    corrections = WordCorrections.load()
    assert corrections.words == set()
    assert corrections.notice and "set aside" in corrections.notice
    assert not (_isolated_data_dir / FILE_NAME).exists()
    assert list(_isolated_data_dir.glob(f"{FILE_NAME}.corrupt-*"))
    corrections.add_word("智东西")
    corrections.save()  # a fresh file, the damaged one kept beside it
    assert WordCorrections.load().words == {"智东西"}


def test_analysis_follows_a_correction_at_once_not_a_cached_result() -> None:
    before = _words(SENTENCE)
    assert "智东西" not in before and "新高" not in before
    corrections = WordCorrections.load()
    corrections.add_word("智东西")
    corrections.split("创新高", ["创", "新高"])
    corrections.save()
    after = _words(SENTENCE)
    assert "智东西" in after
    assert after[after.index("股价") + 1 : after.index("股价") + 3] == ["创", "新高"]
    # Everywhere, in either script: the user word went into the segmenter's word list.
    assert "智東西" in _words("智東西的編輯說，智東西今天發文。")
    corrections.remove("智东西")
    corrections.save()
    assert "智东西" not in _words(SENTENCE)


def test_words_command_line(capsys) -> None:
    assert main(["words", "add", "智东西"]) == 0
    assert main(["words", "split", "创新高", "创", "新高"]) == 0
    capsys.readouterr()
    assert main(["words", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert {"text": "智东西", "parts": ["智东西"]} in listed
    assert {"text": "创新高", "parts": ["创", "新高"]} in listed
    assert main(["words", "remove", "创新高"]) == 0
    assert main(["words", "remove", "创新高"]) == 1  # nothing left to remove
    assert main(["words", "split", "创新高", "创新", "高高"]) == 2  # parts must spell it
    assert "do not spell" in capsys.readouterr().err


def test_analyze_command_honours_the_corrections(tmp_path, capsys) -> None:
    article = tmp_path / "a.txt"
    article.write_text(SENTENCE + "\n", encoding="utf-8")
    assert main(["words", "add", "智东西"]) == 0
    capsys.readouterr()
    assert main(["analyze", str(article)]) == 0
    tokens = [t["text"] for t in json.loads(capsys.readouterr().out)["tokens"]]
    assert "智东西" in tokens
