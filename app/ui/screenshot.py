"""`zhreader screenshot`: the real window, offscreen, with an optional hovered word.

It drives the window the way a learner does (a mouse move over the word, then the
hover delay) and prints one JSON line describing what is on screen.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from app.core.errors import UserError

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

ANALYSIS_TIMEOUT_MS = 120_000


def _parse_size(size: str) -> tuple[int, int]:
    try:
        width, height = (int(v) for v in size.lower().split("x"))
    except ValueError:
        raise UserError(f"--size must look like 1280x800, not {size!r}") from None
    if not (200 <= width <= 8000 and 200 <= height <= 8000):
        raise UserError(f"--size {size} is out of range (200..8000 per side)")
    return width, height


def _resolve_article(article: str) -> str:
    if Path(article).is_file():
        return str(Path(article).resolve())
    from app.core.text.articles import find_builtin, load_article

    item = find_builtin(article)
    if item is None:
        if Path(article).exists():  # a folder, a pipe: the reader's own one-line reason
            load_article(Path(article))
        raise UserError(f"no such article: {article}")
    return str(item.path)


def run_screenshot(out: str, article: str, hover: str | None = None,
                   size: str = "1280x800", ruby: str = "off", theme: str = "light",
                   tone_text: bool = False, known_hsk: int = 0) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    width, height = _parse_size(size)
    path = _resolve_article(article)

    from PySide6.QtCore import QEventLoop, QTimer

    from app.core.analysis.analyzer import default_analyzer
    from app.ui.main import ensure_application
    from app.ui.main_window import MainWindow

    app = ensure_application()
    window = MainWindow(persist=False, analyzer=default_analyzer())
    # The picture shows what was asked, whatever the learner's own settings say.
    window.aids.set_theme(theme)
    window.aids.set_known_band(known_hsk)
    window.aids.set_ruby_mode(ruby)
    window.aids.set_tone_text(tone_text)
    window.resize(width, height)
    window.show()
    loop = QEventLoop()
    window.analysis_shown.connect(loop.quit)
    window.runner.failed.connect(loop.quit)
    window.library.failed.connect(loop.quit)  # a book that could not be imported
    QTimer.singleShot(ANALYSIS_TIMEOUT_MS, loop.quit)
    window.open_path(path)
    loop.exec()
    if window.analysis is None:
        raise UserError(window.last_error or "the article was not analysed in time")
    _wait_for_the_library(window)
    app.processEvents()
    window.view.decorate_now()
    if hover and not hover_word(window, hover):
        print(f"zhreader: warning: {hover!r} does not occur as a word in the article",
              file=sys.stderr)
    image = grab_with_popup(window)
    if not image.save(out, "PNG"):
        raise UserError(f"cannot write {out}")
    print(json.dumps(describe(window), ensure_ascii=False))
    window.close()
    return 0


def _wait_for_the_library(window, timeout_ms: int = ANALYSIS_TIMEOUT_MS) -> None:
    """The library's statistics in the picture, not its progress bar (a few built-ins)."""
    from PySide6.QtCore import QEventLoop, QTimer

    worker = window.library.worker
    if not worker.busy:
        return
    loop = QEventLoop()
    worker.busy_changed.connect(lambda busy: None if busy else loop.quit())
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


def hover_word(window: MainWindow, word: str) -> bool:
    """Move the pointer over the first occurrence of `word`, then fire the hover delay.

    The real mouse path (move event, hover timer, hit test, popup) runs; only the wait
    for the delay is skipped, since a picture does not need it.
    """
    from PySide6.QtCore import QEventLoop, QPoint, QTimer
    from PySide6.QtTest import QTest

    view = window.view
    index = next((i for i, t in enumerate(view.tokens) if t.text == word), -1)
    if index < 0:
        return False
    token = view.tokens[index]
    view.scroll_to_offset(token.start)
    rect = view.char_rect(token.start)  # a wrapped word's middle is not on the text
    QTest.mouseMove(view.viewport(), QPoint(2, 2))  # a move to the same point is dropped
    QTest.mouseMove(view.viewport(), rect.center())
    if not view.settle_hover() or not window.popup.isVisible():
        loop = QEventLoop()  # the move arrived late: wait for the delay as a learner would
        view.word_activated.connect(loop.quit)
        QTimer.singleShot(3000, loop.quit)
        loop.exec()
        view.word_activated.disconnect(loop.quit)
    return window.popup.isVisible()


def grab_with_popup(window):  # MainWindow -> QImage
    """The window as a picture, with the popup (its own top-level window) painted in."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QPainter

    image = window.grab().toImage()
    popup = window.popup
    if popup.isVisible():
        painter = QPainter(image)
        origin = popup.mapToGlobal(QPoint(0, 0)) - window.mapToGlobal(QPoint(0, 0))
        painter.drawPixmap(origin, popup.grab())
        painter.end()
    return image


def describe(window) -> dict:
    info = window.popup.info
    return {
        "article": window.analysis.title if window.analysis else None,
        "popup": {
            "visible": window.popup.isVisible(),
            "word": info.word if info else "",
            "text": window.popup.plain_text() if info else "",
        },
        "entities": window.names_panel.model.shown_names(),
        "vocabulary": window.vocab_panel.model.words(),
        "font_size": window.view.font_size(),
        "font_family": window.view.font_family(),
        "theme": window.aids.theme.name,
        "ruby": {"mode": window.view.ruby_mode, "words_with_ruby": len(window.view.visible_ruby())},
        "level_profile": (window._view_index.level_profile.to_json()
                          if window._view_index and window._view_index.level_profile else None),
        "tokens": len(window.analysis.tokens) if window.analysis else 0,
    }
