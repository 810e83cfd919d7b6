"""Exporting the vocabulary panel, as a learner does before opening Anki or Pleco."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from .conftest import ARTICLES

XAI = ARTICLES / "xai-greg-yang-steps-back.txt"


def _save(window, word: str) -> None:
    index = next(i for i, t in enumerate(window.analysis.tokens) if t.text == word)
    assert window.save_token(index) is not None


def _export_to(window, monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), ""))
    )
    window.export_vocab()


def test_panel_export_writes_a_pleco_tsv_line_per_saved_word(open_window, monkeypatch, tmp_path):
    window = open_window(XAI)
    _save(window, "数学家")
    _save(window, "研究员")
    out = tmp_path / "words.tsv"
    _export_to(window, monkeypatch, out)
    lines = out.read_text(encoding="utf-8").splitlines()
    rows = {line.split("\t")[0]: line.split("\t") for line in lines}
    assert set(rows) == {"数学家", "研究员"}
    assert rows["数学家"][1:3] == ["數學家", "shù xué jiā"]
    assert "mathematician" in rows["数学家"][3]
    assert "【数学家】" in rows["数学家"][4]  # the sentence, with the word marked


def test_panel_export_to_anki_holds_the_notes(open_window, monkeypatch, tmp_path):
    window = open_window(XAI)
    _save(window, "数学家")
    out = tmp_path / "deck.apkg"
    _export_to(window, monkeypatch, out)
    with zipfile.ZipFile(out) as package:
        (tmp_path / "collection.anki2").write_bytes(package.read("collection.anki2"))
    conn = sqlite3.connect(tmp_path / "collection.anki2")
    fields = [row[0] for row in conn.execute("SELECT flds FROM notes")]
    conn.close()
    assert len(fields) == 1 and "数学家" in fields[0] and "<b>数学家</b>" in fields[0]


def test_an_unknown_extension_is_one_clear_message(open_window, monkeypatch, tmp_path):
    window = open_window(XAI)
    _save(window, "数学家")
    monkeypatch.setattr("app.ui.main_window.QMessageBox.open", lambda self: None)
    _export_to(window, monkeypatch, tmp_path / "words.docx")
    assert not (tmp_path / "words.docx").exists()
    assert "docx" in window.last_error


def test_saved_gloss_is_the_meaning_read_in_context(open_window, tmp_path):
    article = tmp_path / "context.txt"
    article.write_text("他有很多钱。这个办法很行。", encoding="utf-8")
    window = open_window(article)
    _save(window, "钱")
    _save(window, "行")
    saved = {item.simplified: item for item in window.vocab_panel.model.items()}
    assert saved["钱"].gloss.startswith(("coin", "money")), saved["钱"].gloss
    assert "surname" not in saved["钱"].gloss.split(";")[0]
    assert saved["行"].pinyin == "xíng"
    assert "walk" in saved["行"].gloss and "row" not in saved["行"].gloss.split(";")[0]
