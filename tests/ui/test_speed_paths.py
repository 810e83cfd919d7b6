"""The fast paths behave like the slow ones: chunked analysis, streamed JSON, cached underlines."""

from __future__ import annotations

import io
import json
from itertools import pairwise

from PySide6.QtCore import QPoint

from app.core.analysis.analyzer import default_analyzer
from app.core.analysis.cache import write_json
from app.core.analysis.pipeline import _analyze, text_chunks
from app.core.text.script import detect_script
from app.core.types import Article

from .conftest import ARTICLES

XAI = ARTICLES / "xai-greg-yang-steps-back.txt"


def test_long_text_analysed_in_pieces_gives_the_same_words_and_readings() -> None:
    text = XAI.read_text(encoding="utf-8")
    article = Article("xAI", text, detect_script(text))
    assert len(text_chunks(text, 1500)) > 2  # really cut into pieces
    analyzer = default_analyzer()
    whole, pieces = _analyze(analyzer, article), _analyze(analyzer, article, chunk_chars=1500)
    assert pieces.tokens == whole.tokens
    names = {e.text for e in pieces.entities}
    assert "马斯克" in names
    musk = next(e for e in pieces.entities if e.text == "马斯克")
    assert all(text[s:e] in {musk.text, *musk.aliases} for s, e in musk.spans)


def test_text_pieces_cover_the_text_and_end_at_line_breaks() -> None:
    text = XAI.read_text(encoding="utf-8")
    pieces = text_chunks(text, 1000)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in pairwise(pieces))
    assert all(text[hi - 1] == "\n" for _, hi in pieces[:-1])


def test_streamed_json_is_the_same_document(monkeypatch) -> None:
    import app.core.analysis.cache as cache

    text = XAI.read_text(encoding="utf-8")[:800]
    analysis = _analyze(default_analyzer(), Article("xAI", text, detect_script(text)))
    monkeypatch.setattr(cache, "_TOKENS_PER_WRITE", 7)  # many slices
    out = io.StringIO()
    write_json(analysis, out)
    assert json.loads(out.getvalue()) == analysis.to_json()


def test_hovering_another_word_moves_the_highlight_and_keeps_the_underlines(
        qtbot, open_window) -> None:
    window = open_window(XAI)
    view = window.view
    view.scroll_to_offset(0)
    qtbot.wait(10)
    qtbot.waitUntil(lambda: len(view.painted_marks) > 20, timeout=5000)
    words_on_screen = [text for kind, text in view.painted_marks if kind == "word"]
    assert len(words_on_screen) > 20  # word boundaries on screen are drawn
    assert ("name", "杨格") in view.painted_marks  # and the names' dotted underlines
    seen = []
    for word in ("研究员", "马斯克"):
        index = next(i for i, t in enumerate(view.tokens) if t.text == word)
        view.scroll_to_offset(view.tokens[index].start)
        qtbot.wait(10)
        qtbot.mouseMove(view.viewport(), QPoint(2, 2))
        qtbot.mouseMove(view.viewport(), view.char_rect(view.tokens[index].start).center())
        qtbot.waitUntil(lambda w=word: window.popup.info is not None
                        and window.popup.info.word == w, timeout=5000)
        highlighted = [s for s in view.extraSelections() if s.format.background().color()
                       .name() == "#cfe3ff"]
        assert len(highlighted) == 1
        cursor = highlighted[0].cursor
        assert view.text[cursor.selectionStart():cursor.selectionEnd()] == word
        assert word in [text for _kind, text in view.painted_marks]  # underlines kept
        seen.append(word)
    assert seen == ["研究员", "马斯克"]


def _blocks(view) -> list[tuple[str, float, float]]:
    doc, out = view.document(), []
    block = doc.begin()
    while block.isValid():
        fmt = block.blockFormat()
        out.append((block.text(), fmt.lineHeight(), fmt.bottomMargin()))
        block = block.next()
    return out


def test_long_text_arrives_in_pieces_and_ends_as_the_same_document(qtbot, monkeypatch) -> None:
    import app.ui.article_view as article_view

    text = XAI.read_text(encoding="utf-8") * 3
    whole = article_view.ArticleView()
    qtbot.addWidget(whole)
    monkeypatch.setattr(article_view, "INSERT_PIECE_CHARS", len(text))
    whole.set_article_text(text, "simplified")
    assert whole.text_is_complete  # one go: nothing left for later

    monkeypatch.setattr(article_view, "INSERT_FIRST_CHARS", 300)
    monkeypatch.setattr(article_view, "INSERT_PIECE_CHARS", 700)
    view = article_view.ArticleView()
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    view.set_article_text(text, "simplified")
    # Readable at once, the rest still to come.
    assert not view.text_is_complete
    assert view.document().toPlainText() == text[:300]
    view.set_font_size(24)  # the learner changes the size mid-way: later pieces follow it
    whole.set_font_size(24)
    with qtbot.waitSignal(view.text_complete, timeout=10_000):
        pass
    assert view.document().toPlainText() == text
    assert _blocks(view) == _blocks(whole)


def test_an_offset_not_yet_in_the_document_is_reached_at_once(qtbot, monkeypatch) -> None:
    import app.ui.article_view as article_view

    monkeypatch.setattr(article_view, "INSERT_FIRST_CHARS", 300)
    monkeypatch.setattr(article_view, "INSERT_PIECE_CHARS", 700)
    text = XAI.read_text(encoding="utf-8") * 3
    view = article_view.ArticleView()
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    view.set_article_text(text, "simplified")
    near_end = len(text) - 10
    view.scroll_to_offset(near_end)
    assert view.text_is_complete
    assert view.viewport().rect().contains(view.char_rect(near_end).center())


def test_a_word_keeps_its_underline_colour_while_the_page_scrolls(qtbot, open_window) -> None:
    window = open_window(ARTICLES / "meta-alexandr-wang-lecun-review.txt")  # many screens
    view = window.view
    view.scroll_to_offset(0)
    qtbot.waitUntil(lambda: len(view.painted_marks) > 20, timeout=5000)
    colours: dict[tuple[int, int], int] = {}
    changed = 0
    for step in range(1, 9):
        seen = {(start, end): kind for kind, start, end in view._marks}
        changed += sum(colours[span] != kind for span, kind in seen.items() if span in colours)
        colours.update(seen)
        view.scroll_to_offset(view.tokens[len(view.tokens) * step // 40].start, center=False)
        qtbot.waitUntil(lambda seen=seen: {(s, e): k for k, s, e in view._marks} != seen,
                        timeout=5000)
    assert changed == 0
    assert len(set(colours.values())) > 1  # neighbouring words still differ
