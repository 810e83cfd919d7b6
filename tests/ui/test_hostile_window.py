"""Bad files in the window: a dialog with the CLI's message, and the window keeps working."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextCursor
from PySide6.QtWidgets import QMessageBox

from app.core.errors import UserError
from app.core.text.articles import load_article

from .conftest import ARTICLES

XAI = ARTICLES / "xai-greg-yang-steps-back.txt"
formats: list[Qt.TextFormat] = []  # the text format of each captured dialog


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Every message box the window opens, as (title, text), without showing it."""
    formats.clear()
    shown: list[tuple[str, str]] = []

    def capture(box: QMessageBox) -> None:
        shown.append((box.windowTitle(), box.text()))
        formats.append(box.textFormat())

    monkeypatch.setattr(QMessageBox, "open", capture)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(("", box.text())) or 0)
    return shown


def _cli_message(path: Path) -> str:
    with pytest.raises(UserError) as info:
        load_article(path)
    return str(info.value)


@pytest.mark.parametrize(
    "content", [b"", bytes(range(256)) * 8, b"%PDF-1.4\n" + bytes(100), None], ids=str
)
def test_bad_file_shows_the_cli_message_and_the_window_keeps_working(
    qtbot, open_window, dialogs, tmp_path: Path, content: bytes | None
) -> None:
    window = open_window(XAI)
    bad = tmp_path / "bad.txt"
    if content is not None:
        bad.write_bytes(content)  # None: a path that does not exist
    expected = _cli_message(bad)
    window.open_path(str(bad))
    qtbot.waitUntil(lambda: bool(dialogs), timeout=10_000)
    assert dialogs[-1][1] == expected
    assert window.isVisible()
    # The article that was open is still readable, and the next one opens.
    assert "杨格" in window.view.toPlainText()
    with qtbot.waitSignal(window.analysis_shown, timeout=60_000):
        window.open_path(str(ARTICLES / "yi-tay-returns-to-google.txt"))
    assert "Yi Tay" in window.view.toPlainText()


def test_markup_in_an_article_is_shown_as_text_not_rendered(
    qtbot, open_window, dialogs, tmp_path: Path
) -> None:
    page = tmp_path / "code.html"
    page.write_text(
        "<html><body><p>杨格写道：&lt;b&gt;粗体&lt;/b&gt;&lt;script&gt;alert(1)&lt;/script&gt;"
        "&lt;img src=x onerror=alert(2)&gt;</p></body></html>",
        encoding="utf-8",
    )
    window = open_window(page)
    shown = window.view.toPlainText()
    assert "<b>粗体</b><script>alert(1)</script><img src=x onerror=alert(2)>" in shown
    assert not dialogs
    # Nothing in the document is bold: the tag was never interpreted.
    doc = window.view.document()
    cursor = QTextCursor(doc)
    for position in range(doc.characterCount() - 1):
        cursor.setPosition(position)
        cursor.setPosition(position + 1, QTextCursor.MoveMode.KeepAnchor)
        assert cursor.charFormat().fontWeight() < QFont.Weight.Bold


def test_markup_in_a_file_name_is_not_rendered_in_the_dialog(
    qtbot, open_window, dialogs, tmp_path: Path
) -> None:
    window = open_window(XAI)
    window.open_path("<b>bold</b>.txt")  # a relative name that does not exist
    qtbot.waitUntil(lambda: bool(dialogs), timeout=10_000)
    assert dialogs[-1][1].startswith("<b>bold</b>.txt")
    assert formats[-1] == Qt.TextFormat.PlainText


def test_a_store_from_a_newer_zhreader_is_left_alone_and_the_window_still_saves(
    qtbot, open_window
) -> None:
    import sqlite3

    from app.core.paths import data_dir
    from app.core.user import vocab

    store = data_dir() / vocab.STORE_NAME
    store.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(store)
    conn.execute(f"PRAGMA application_id = {vocab.APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {vocab.SCHEMA_VERSION + 5}")
    conn.close()
    before = store.read_bytes()
    window = open_window(ARTICLES / "xai-greg-yang-steps-back.txt")
    assert "saved words last until you quit" in (window.vocab.notice or "")
    index = next(i for i, t in enumerate(window.analysis.tokens) if t.text == "研究员")
    assert window.save_token(index) is not None
    assert "研究员" in window.vocab_panel.model.words()
    assert store.read_bytes() == before


# -- markup in what the panels show (issue 16) ---------------------------------------------

MARKUP = '<img src="/tmp/zhreader-tooltip.png"><font size=7>大</font><b>粗体</b>'


def _shown_as_written(tooltip: str, text: str) -> None:
    """How Qt shows a tooltip: rich text when it might be; either way, exactly `text`."""
    from PySide6.QtGui import Qt as QtText
    from PySide6.QtGui import QTextDocument

    doc = QTextDocument()
    if QtText.mightBeRichText(tooltip):
        doc.setHtml(tooltip)
    else:
        doc.setPlainText(tooltip)
    assert doc.toPlainText().replace("\u2028", "\n") == text
    # Nothing became an image or a font change: the only fragment formats are plain.
    html = doc.toHtml()
    assert "<img" not in html and "font-size:7" not in html and "font-weight:700" not in html


def test_markup_in_saved_sentences_and_titles_is_not_rendered_in_tooltips(
    qtbot, open_window, tmp_path: Path
) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        f"<html><head><title>标题{MARKUP.replace('<', '&lt;')}</title></head><body>"
        f"<p>杨格是知名的{MARKUP.replace('<', '&lt;')}研究员。</p></body></html>",
        encoding="utf-8",
    )
    window = open_window(page)
    assert MARKUP in window.analysis.text  # the page's escaped markup is literal text
    index = next(i for i, t in enumerate(window.analysis.tokens) if t.text == "研究员")
    window.save_token(index)
    model = window.vocab_panel.model
    row = model.words().index("研究员")
    item = model.item(row)
    assert MARKUP in item.sentence and MARKUP in item.article
    from app.ui.models import HSK_COLUMN

    for column in range(model.columnCount()):
        if column == HSK_COLUMN:  # its tooltip is the word's level, never article text
            continue
        idx = model.index(row, column)
        _shown_as_written(model.data(idx, Qt.ItemDataRole.ToolTipRole),
                          model.data(idx, Qt.ItemDataRole.DisplayRole))


def test_markup_in_names_and_file_names_is_not_rendered_in_tooltips(
    qtbot, open_window, tmp_path: Path
) -> None:
    from app.core.user.corrections import Corrections

    name = "<b>马斯克</b>"
    corrections = Corrections.load()
    corrections.add(name, "person")
    corrections.save()
    article = tmp_path / "<b>粗体.html"
    escaped = name.replace("<", "&lt;")
    article.write_text(f"<p>{escaped}说，杨格是知名的研究员。{escaped}又说了一次。</p>",
                       encoding="utf-8")
    window = open_window(article)
    entity = next(e for e in window.analysis.entities if e.text == name)
    group = window.names_panel.model.item(0)
    tips = [group.child(r).toolTip() for r in range(group.rowCount())
            if group.child(r).text().startswith(name)]
    assert tips
    _shown_as_written(tips[0], f"{name} — {entity.count} mentions")
    menu = window.names_panel.entity_menu(
        window.names_panel.filter_model.mapFromSource(group.child(0).index()))
    for action in menu.actions():
        if action.toolTip() != action.text().replace("&&", "&"):
            _shown_as_written(action.toolTip(), f"Never list “{name}” as a name, in any article")
    library = window.library_panel.model
    row = library.row_of((str(article.resolve()), ""))
    tip = library.data(library.index(row, 0), Qt.ItemDataRole.ToolTipRole)
    _shown_as_written(tip, f"{library.entry(row).title}\n{article.resolve()}")


# -- data folders the window cannot use ------------------------------------------------------


@pytest.mark.parametrize("kind", ["file", "folder-named-like-the-store", "nested-corrections"])
def test_the_window_opens_on_a_data_folder_it_cannot_use(
    qtbot, open_window, dialogs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    data = tmp_path / "data"
    if kind == "file":
        data.write_text("not a folder", encoding="utf-8")
    elif kind == "folder-named-like-the-store":
        (data / "vocabulary.sqlite3").mkdir(parents=True)
    else:
        data.mkdir()
        (data / "entity_corrections.json").write_text("[" * 200_000, encoding="utf-8")
    monkeypatch.setenv("ZHREADER_DATA_DIR", str(data))
    window = open_window(XAI)
    assert not dialogs  # no traceback dialog, no error: a notice in the status bar
    if kind == "nested-corrections":
        assert window.vocab.notice is None
        assert list(data.glob("entity_corrections.json.corrupt-*"))
    else:
        assert "until you quit" in (window.vocab.notice or "")
    index = next(i for i, t in enumerate(window.analysis.tokens) if t.text == "研究员")
    assert window.save_token(index) is not None
    assert "研究员" in window.vocab_panel.model.words()
