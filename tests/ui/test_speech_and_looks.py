"""Speaking from the window, tone colours on characters, the dark theme, the font choice."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from app.core.analysis.analyzer import default_analyzer
from app.core.language.speech import EspeakNgEngine, wav_duration
from app.core.language.tones import TONE_COLORS
from app.ui.settings import ViewSettings
from app.ui.theme import DARK

from ..test_speech import loudness
from .conftest import ARTICLES
from .test_reading_window import _hover

XAI = ARTICLES / "xai-greg-yang-steps-back.txt"
ENGINE_HERE = EspeakNgEngine(default_analyzer().spoken_reading).available()


def _window(qtbot, engine, path: Path = XAI):
    from app.ui.main_window import MainWindow

    window = MainWindow(speech_engine=engine)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.analysis_shown, timeout=60_000):
        window.open_path(str(path))
    return window


@pytest.fixture
def played(monkeypatch) -> list[Path]:
    """Stands in for the system's audio player (CI has no sound card): records each WAV."""
    from app.ui import speech_player

    files: list[Path] = []

    def player(wav: Path) -> list[str]:
        files.append(Path(wav))
        return ["true"]

    monkeypatch.setattr(speech_player, "wav_player_command", player)
    return files


@pytest.mark.skipif(not ENGINE_HERE and not os.environ.get("CI"),
                    reason="no speech engine here (CI installs espeak-ng)")
def test_p_speaks_the_hovered_word_and_shift_p_its_sentence(qtbot, played) -> None:
    window = _window(qtbot, EspeakNgEngine(default_analyzer().spoken_reading))
    speaker = window.aids.speaker
    qtbot.waitUntil(lambda: window.aids.speak_word_action.isEnabled(), timeout=10_000)
    _hover(qtbot, window, "研究员")
    with qtbot.waitSignal(speaker.spoken, timeout=30_000) as word:
        qtbot.keyClick(window, Qt.Key.Key_P)
    wav = Path(word.args[0])
    word_seconds = wav_duration(wav)
    assert 0.4 <= word_seconds <= 4.0 and loudness(wav) > 0.02
    with qtbot.waitSignal(speaker.spoken, timeout=30_000) as sentence:
        qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ShiftModifier)
    assert wav_duration(Path(sentence.args[0])) > 2 * word_seconds
    assert played[-1] == Path(sentence.args[0])
    window.aids.speaker.wait(5000)


def test_without_an_engine_the_speak_action_is_greyed_and_says_what_to_install(
        qtbot, played) -> None:
    engine = EspeakNgEngine(default_analyzer().spoken_reading,
                            executable="zhreader-no-such-engine")
    window = _window(qtbot, engine)
    qtbot.waitUntil(lambda: "apt install espeak-ng" in window.aids.speak_word_action.toolTip(),
                    timeout=10_000)
    assert not window.aids.speak_word_action.isEnabled()
    assert not window.aids.speak_sentence_action.isEnabled()
    _hover(qtbot, window, "研究员")
    qtbot.keyClick(window, Qt.Key.Key_P)  # a greyed action: nothing happens, no dialog
    assert QApplication.activeModalWidget() is None
    assert played == []


def _char_colors(view, offset: int):
    rect = view.char_rect(offset)
    image = view.viewport().grab().toImage()
    return [image.pixelColor(x, y) for x in range(rect.left(), rect.right())
            for y in range(rect.top(), rect.bottom())]


def test_tone_colours_on_characters(qtbot, open_window) -> None:
    window = open_window(XAI)
    view = window.view
    token = next(t for t in view.tokens if t.text == "今天")  # jīn tiān: both first tone
    qtbot.wait(20)
    plain = _char_colors(view, token.start)
    assert max(c.saturation() for c in plain) < 60  # dark grey ink

    window.aids.set_tone_text(True)
    qtbot.waitUntil(lambda: max(c.saturation() for c in _char_colors(view, token.start)) > 150,
                    timeout=5000)
    ink = max(_char_colors(view, token.start), key=lambda c: c.saturation())
    first_tone = QColor(TONE_COLORS[1])
    assert abs(ink.hslHue() - first_tone.hslHue()) < 15

    window.aids.set_tone_text(False)
    qtbot.waitUntil(lambda: max(c.saturation() for c in _char_colors(view, token.start)) < 60,
                    timeout=5000)


def test_dark_theme_darkens_page_popup_and_highlights(qtbot, open_window) -> None:
    window = open_window(XAI)
    view = window.view
    window.aids.set_theme("dark")
    try:
        _check_dark(qtbot, window, view)
    finally:  # the application's palette outlives the window: later tests want it light
        window.aids.set_theme("light")
    assert view.viewport().grab().toImage().pixelColor(5, 5).lightness() > 200


def _check_dark(qtbot, window, view) -> None:
    assert ViewSettings().theme == "dark"
    qtbot.wait(20)
    image = view.viewport().grab().toImage()
    assert image.pixelColor(5, 5).lightness() < 60  # the page, beside the text
    index = _hover(qtbot, window, "研究员")
    rect = view.token_rect(index)
    image = view.viewport().grab().toImage()
    corner = image.pixelColor(rect.left() + 2, rect.top() + 2)  # hover highlight, not ink
    assert corner == DARK.hover_highlight
    popup = window.popup.grab().toImage()
    assert popup.pixelColor(popup.width() // 2, popup.height() - 4).lightness() < 80


def test_font_family_choice_applies_and_persists(qtbot, open_window) -> None:
    window = open_window(XAI)
    before = window.view.font_family()
    other = "Noto Serif CJK SC" if "Serif" not in before else "Noto Sans CJK SC"
    from app.ui.reading_aids import chinese_font_families

    if other not in chinese_font_families():
        pytest.skip(f"{other} is not installed")
    window.aids.set_font_family(other)
    assert window.view.font_family() == other
    assert ViewSettings().font_family == other
    window.aids.set_font_family("")
    assert window.view.font_family() == before
