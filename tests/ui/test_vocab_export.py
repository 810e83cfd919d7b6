"""Exporting and importing the vocabulary, as a learner does around Anki, Pleco or Zhongwen."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from app.ui.main_window import EXPORT_FILTERS, export_choice

from .conftest import ARTICLES

XAI = ARTICLES / "xai-greg-yang-steps-back.txt"
PLECO = "Pleco flashcards (*.txt)"
PLECO_GROUPED = "Pleco flashcards, a category per article (*.txt)"


def _save(window, word: str) -> None:
    index = next(i for i, t in enumerate(window.analysis.tokens) if t.text == word)
    assert window.save_token(index) is not None


def _export_to(window, qtbot, monkeypatch: pytest.MonkeyPatch, path: Path,
               chosen: str = "") -> None:
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), chosen))
    )
    with qtbot.waitSignals([window.jobs.busy_changed, window.jobs.busy_changed],
                           timeout=60_000):
        window.export_vocab()


def test_the_dialog_offers_each_tool_by_name():
    assert {"Anki deck (*.apkg)", PLECO, PLECO_GROUPED, "Zhongwen word list (*.tsv)",
            "CSV spreadsheet (*.csv)"} == set(EXPORT_FILTERS)


def test_panel_export_writes_a_zhongwen_line_per_saved_word(open_window, qtbot, monkeypatch,
                                                           tmp_path):
    window = open_window(XAI)
    _save(window, "数学家")
    _save(window, "研究员")
    out = tmp_path / "words.tsv"
    _export_to(window, qtbot, monkeypatch, out)
    lines = out.read_bytes().decode("utf-8").split("\r\n")[:-1]
    rows = {line.split("\t")[0]: line.split("\t") for line in lines}
    assert set(rows) == {"数学家", "研究员"}
    assert rows["数学家"][1:3] == ["數學家", "shù xué jiā"]
    assert "mathematician" in rows["数学家"][3]
    assert "【数学家】" in rows["数学家"][4]  # the sentence, with the word marked


def test_panel_export_to_pleco_grouped_by_article(open_window, qtbot, monkeypatch, tmp_path):
    window = open_window(XAI)
    _save(window, "数学家")
    out = tmp_path / "cards"  # no suffix typed: the chosen format adds it
    _export_to(window, qtbot, monkeypatch, out, chosen=PLECO_GROUPED)
    written = tmp_path / "cards.txt"
    category, card = written.read_bytes().decode("utf-8").split("\r\n")[:2]
    assert category == f"// zhreader/{window.analysis.title}"
    headword, pinyin, definition = card.split("\t")
    assert (headword, pinyin) == ("数学家[數學家]", "shu4xue2jia1")
    assert definition.startswith("mathematician")
    assert window.statusBar().currentMessage().startswith("Exported 1 word to")


def test_panel_export_to_anki_holds_the_notes(open_window, qtbot, monkeypatch, tmp_path):
    window = open_window(XAI)
    _save(window, "数学家")
    out = tmp_path / "deck.apkg"
    _export_to(window, qtbot, monkeypatch, out)
    with zipfile.ZipFile(out) as package:
        (tmp_path / "collection.anki2").write_bytes(package.read("collection.anki2"))
    conn = sqlite3.connect(tmp_path / "collection.anki2")
    fields = [row[0].split("\x1f") for row in conn.execute("SELECT flds FROM notes")]
    conn.close()
    (note,) = fields
    assert note[0] == "数学家" and "<b>数学家</b>" in note[4]
    assert "<b>shùxuéjiā</b>" in note[5]  # the sentence read in pinyin, the word bold


def test_an_unknown_extension_is_one_clear_message(open_window, qtbot, monkeypatch, tmp_path):
    window = open_window(XAI)
    _save(window, "数学家")
    monkeypatch.setattr("app.ui.main_window.QMessageBox.open", lambda self: None)
    _export_to(window, qtbot, monkeypatch, tmp_path / "words.docx")
    assert not (tmp_path / "words.docx").exists()
    assert "docx" in window.last_error


def test_the_typed_suffix_wins_over_a_filter_for_another_format():
    assert export_choice("/x/w.csv", "Anki deck (*.apkg)")[1:] == ("csv", {})
    assert export_choice("/x/w.txt", PLECO_GROUPED) == ("/x/w.txt", "pleco", {"group": True})
    assert export_choice("/x/w", "Zhongwen word list (*.tsv)")[:2] == ("/x/w.tsv", "zhongwen")


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


# -- importing ------------------------------------------------------------------------------


def _read_list(window, qtbot, monkeypatch, path: Path):
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), ""))
    )
    window.import_vocab()
    qtbot.waitUntil(lambda: window.import_dialog is not None, timeout=60_000)
    return window.import_dialog


def test_import_previews_counts_then_adds_the_words(open_window, qtbot, monkeypatch, tmp_path):
    window = open_window(XAI)
    _save(window, "数学家")
    listing = tmp_path / "cards.txt"
    listing.write_bytes("数学家[數學家]\tshu4xue2jia1\tmathematician\r\n"
                        "银行[銀行]\tyin2hang2\tbank\r\n"
                        "研究\tyan2jiu1\t\r\n".encode())
    dialog = _read_list(window, qtbot, monkeypatch, listing)
    summary = dialog.summary.text()
    assert "2 new" in summary and "1 skipped" in summary
    assert "Pleco flashcards, 3 words" in dialog.heading.text()
    dialog.status_box.setCurrentIndex(2)  # every imported word known
    assert "1 updated" in dialog.summary.text()
    with qtbot.waitSignals([window.jobs.busy_changed, window.jobs.busy_changed],
                           timeout=60_000):
        dialog.import_button.click()
    saved = {item.simplified: item for item in window.vocab_panel.model.items()}
    assert set(saved) == {"数学家", "银行", "研究"}
    assert {item.status for item in saved.values()} == {"known"}
    assert "research" in saved["研究"].gloss  # the file had none: from CC-CEDICT


def test_cancelling_the_preview_imports_nothing(open_window, qtbot, monkeypatch, tmp_path):
    window = open_window(XAI)
    listing = tmp_path / "words.txt"
    listing.write_text("银行\n研究\n", encoding="utf-8")
    dialog = _read_list(window, qtbot, monkeypatch, listing)
    dialog.reject()
    assert not window.jobs.busy and window.vocab_panel.model.items() == []


def test_an_unreadable_import_is_one_message(open_window, qtbot, monkeypatch, tmp_path):
    window = open_window(XAI)
    monkeypatch.setattr("app.ui.main_window.QMessageBox.open", lambda self: None)
    bad = tmp_path / "deck.apkg"
    bad.write_bytes(b"PK\x03\x04" + b"\x00" * 64)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(bad), ""))
    )
    with qtbot.waitSignal(window.jobs.failed, timeout=60_000):
        window.import_vocab()
    assert "Notes in Plain Text" in window.last_error and "\n" not in window.last_error
