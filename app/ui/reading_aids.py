"""The window's reading aids: pinyin above words, tone colours, font and theme, speech.

One object owns their menu entries, settings and state, so the main window only creates
it and hands it the View menu; the article view does the drawing (`ruby`, `tone_text`),
`Speaker` the speaking.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QFontDatabase, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu

from app.core.analysis.pipeline import sentence_at
from app.core.language.hsk import band_label
from app.core.language.speech import SpeechEngine
from app.core.types import Analysis, WordLevel
from app.ui.article_view import ArticleView
from app.ui.ruby import RUBY_MODES
from app.ui.settings import MAX_HSK_BAND, ViewSettings
from app.ui.speech_player import Speaker
from app.ui.theme import THEMES, Theme, apply_theme, theme_named

RUBY_LABELS = {
    "off": "&Off",
    "all": "&All words",
    "unknown": "Only words I &don't know",
}
RUBY_STATUS = {
    "off": "Pinyin above words: off",
    "all": "Pinyin above words: all words",
    "unknown": "Pinyin above words: only words you don't know",
}
THEME_LABELS = {"light": "&Light", "dark": "&Dark"}
RUBY_KEY = "R"
SPEAK_WORD_KEY = "P"
SPEAK_SENTENCE_KEY = "Shift+P"
PROBE_DELAY_MS = 300


def chinese_font_families() -> list[str]:
    """Installed families that can write Chinese (vertical "@" variants left out)."""
    systems = (QFontDatabase.WritingSystem.SimplifiedChinese,
               QFontDatabase.WritingSystem.TraditionalChinese)
    families = {f for system in systems for f in QFontDatabase.families(system)}
    return sorted(f for f in families if not f.startswith("@"))


class ReadingAids(QObject):
    """Menu entries, persisted settings and actions of the reading aids."""

    theme_changed = Signal(object)  # Theme

    def __init__(self, window: QMainWindow, view: ArticleView, settings: ViewSettings,
                 level_of: Callable[[str], WordLevel | None],
                 analysis: Callable[[], Analysis | None],
                 starts: Callable[[], list[int] | None],
                 engine: SpeechEngine, persist: bool = True) -> None:
        super().__init__(window)
        self._window = window
        self._view = view
        self._settings = settings
        self._level_of = level_of
        self._analysis = analysis
        self._starts = starts
        self._persist = persist
        self._known_band = settings.ruby_known_band
        self._font_family = settings.font_family
        self._tone_colors = settings.tone_colors  # the popup's and the pinyin's
        self._tone_text = settings.tone_text  # the characters'
        self.theme: Theme = theme_named(settings.theme)
        self.speaker = Speaker(engine, parent=self)
        self.speaker.availability_changed.connect(self._on_speech_availability)
        self.speaker.failed.connect(lambda message: self._status(message, 6000))
        view.set_font_family(self._font_family)
        view.set_tone_colors(self._tone_colors, self._tone_text)
        view.set_spoken_tones(settings.spoken_tones)
        view.set_ruby(settings.ruby_mode, self._familiar)
        self._build_actions()
        if self.theme.dark:
            self._apply_theme()

    # ---- menus -------------------------------------------------------------------------------

    def _build_actions(self) -> None:
        self.theme_actions = self._choices({name: THEME_LABELS[name] for name in THEMES},
                                           self.theme.name, self.set_theme)
        self.ruby_actions = self._choices(RUBY_LABELS, self._view.ruby_mode, self.set_ruby_mode)
        self.ruby_cycle_action = QAction("&Next mode", self._window)
        self.ruby_cycle_action.setShortcut(QKeySequence(RUBY_KEY))
        self.ruby_cycle_action.triggered.connect(self.cycle_ruby_mode)
        bands = {0: "Known from HSK: &none"}
        for band in range(1, MAX_HSK_BAND + 1):
            shown = band_label(1) if band == 1 else f"1–{band_label(band)}"
            bands[band] = f"Known from HSK: bands &{shown}"
        self.band_actions = self._choices(bands, self._known_band, self.set_known_band)
        for action in self.band_actions.values():
            action.setToolTip("In “only words I don't know”, words of these HSK 3.0 bands "
                              "count as known, like words you marked known")
        self.tone_text_action = QAction("Tone colours on &characters", self._window)
        self.tone_text_action.setCheckable(True)
        self.tone_text_action.setChecked(self._tone_text)
        self.tone_text_action.toggled.connect(self.set_tone_text)
        self.speak_word_action = QAction("S&peak word", self._window)
        self.speak_word_action.setShortcut(QKeySequence(SPEAK_WORD_KEY))
        self.speak_word_action.triggered.connect(self.speak_word)
        self.speak_sentence_action = QAction("Speak &sentence", self._window)
        self.speak_sentence_action.setShortcut(QKeySequence(SPEAK_SENTENCE_KEY))
        self.speak_sentence_action.triggered.connect(self.speak_sentence)
        for action in (self.speak_word_action, self.speak_sentence_action):
            action.setEnabled(False)  # until the engine is found (probed off the GUI thread)
            action.setToolTip(self.speaker.reason)

    def add_to_menu(self, menu: QMenu) -> None:
        """Font, theme, pinyin above words, tone colours on characters, speech."""
        menu.setToolTipsVisible(True)  # a greyed speech action says what to install
        self.font_menu = menu.addMenu("Chinese &font")
        self.font_menu.aboutToShow.connect(self._fill_font_menu)
        self._fill_font_menu(listed=False)
        menu.addMenu("T&heme").addActions(list(self.theme_actions.values()))
        menu.addSeparator()
        ruby_menu = menu.addMenu("Pinyin &above words")
        ruby_menu.setToolTipsVisible(True)
        ruby_menu.addActions([*self.ruby_actions.values(), self.ruby_cycle_action])
        ruby_menu.addSeparator()
        ruby_menu.addActions(list(self.band_actions.values()))
        menu.addAction(self.tone_text_action)
        menu.addSeparator()
        menu.addActions([self.speak_word_action, self.speak_sentence_action])
        # Probed a moment after start: the window shows first, the engine is found after.
        QTimer.singleShot(PROBE_DELAY_MS, self.speaker.probe)

    def _choices(self, labels: dict, current, slot) -> dict:
        """Checkable actions of which one is on, each calling `slot` with its key."""
        group = QActionGroup(self._window)
        group.setExclusive(True)
        actions = {}
        for key, label in labels.items():
            action = QAction(label, self._window)
            action.setCheckable(True)
            action.setChecked(key == current)
            action.triggered.connect(lambda _checked=False, k=key: slot(k))
            group.addAction(action)
            actions[key] = action
        return actions

    def _fill_font_menu(self, listed: bool = True) -> None:
        """Families are listed when the menu opens: enumerating fonts would slow the start."""
        menu = self.font_menu
        menu.clear()
        group = QActionGroup(menu)
        families = ["", *chinese_font_families()] if listed else [""]
        if self._font_family and self._font_family not in families:
            families.append(self._font_family)  # chosen, though no longer installed
        for family in families:
            action = QAction(family or "&Automatic (by script)", menu)
            action.setCheckable(True)
            action.setChecked(family == self._font_family)
            action.triggered.connect(lambda _checked=False, f=family: self.set_font_family(f))
            group.addAction(action)
            menu.addAction(action)

    # ---- settings ----------------------------------------------------------------------------

    def _remember(self, name: str, value) -> None:
        """Persist a choice (a screenshot's window changes none of the learner's settings)."""
        if self._persist:
            setattr(self._settings, name, value)

    def _status(self, message: str, msecs: int = 4000) -> None:
        self._window.statusBar().showMessage(message, msecs)

    def _familiar(self, word: str) -> bool:
        """A word of the HSK bands the learner counts as known."""
        if not self._known_band:
            return False
        level = self._level_of(word)
        return level is not None and level.v3 is not None and level.v3 <= self._known_band

    def set_ruby_mode(self, mode: str) -> None:
        if mode not in RUBY_MODES:
            raise ValueError(f"ruby mode {mode!r}")
        self._view.set_ruby(mode, self._familiar)
        self._remember("ruby_mode", mode)
        self.ruby_actions[mode].setChecked(True)
        self._status(RUBY_STATUS[mode])

    def cycle_ruby_mode(self) -> None:
        """Off → only words I don't know → all words → off (the R key)."""
        order = ("off", "unknown", "all")
        self.set_ruby_mode(order[(order.index(self._view.ruby_mode) + 1) % len(order)])

    def set_known_band(self, band: int) -> None:
        self._known_band = max(0, min(MAX_HSK_BAND, band))
        self._remember("ruby_known_band", self._known_band)
        self._view.set_ruby(self._view.ruby_mode, self._familiar)
        self.band_actions[self._known_band].setChecked(True)

    @property
    def tone_colors(self) -> bool:
        return self._tone_colors

    def set_tone_colors(self, on: bool) -> None:
        """Tone colours in the popup and on the pinyin above words."""
        self._tone_colors = on
        self._remember("tone_colors", on)
        self._view.set_tone_colors(on, self._tone_text)

    def set_tone_text(self, on: bool) -> None:
        """Tone colours on the article's characters."""
        self._tone_text = on
        self._remember("tone_text", on)
        self._view.set_tone_colors(self._tone_colors, on)
        if self.tone_text_action.isChecked() != on:
            self.tone_text_action.setChecked(on)

    def set_font_family(self, family: str) -> None:
        self._font_family = family
        self._remember("font_family", family)
        self._view.set_font_family(family)

    def set_theme(self, name: str) -> None:
        self.theme = theme_named(name)
        self._remember("theme", self.theme.name)
        self._apply_theme()
        self.theme_actions[self.theme.name].setChecked(True)

    def _apply_theme(self) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, self.theme)
        self._view.set_theme(self.theme)
        self.theme_changed.emit(self.theme)

    # ---- speech ------------------------------------------------------------------------------

    def _on_speech_availability(self, ok: bool, reason: str) -> None:
        for action in (self.speak_word_action, self.speak_sentence_action):
            action.setEnabled(ok)
            action.setToolTip("" if ok else reason)

    def _reading_between(self, start: int, end: int) -> list[str] | None:
        """The contextual pinyin of [start, end) of the open article, one per character."""
        analysis, starts = self._analysis(), self._starts()
        if analysis is None or starts is None:
            return None
        reading = [""] * (end - start)
        first = max(0, bisect.bisect_right(starts, start) - 1)
        for token in analysis.tokens[first:bisect.bisect_left(starts, end)]:
            for i, syllable in enumerate(token.pinyin):
                if start <= token.start + i < end:
                    reading[token.start + i - start] = syllable
        return reading

    def _span_to_speak(self, sentence: bool) -> tuple[int, int] | None:
        """The selection, else the hovered word (or its sentence)."""
        analysis = self._analysis()
        if analysis is None:
            return None
        selected = self._view.selected_span()
        if selected is not None and not sentence:
            return selected
        index = self._view.current_index
        if index < 0:
            return selected
        token = analysis.tokens[index]
        if sentence:
            return sentence_at(analysis.text, token.start)
        return token.start, token.end

    def speak_word(self) -> int:
        return self._speak(sentence=False)

    def speak_sentence(self) -> int:
        return self._speak(sentence=True)

    def _speak(self, sentence: bool) -> int:
        if not self.speaker.available:
            self._status(self.speaker.reason, 6000)
            return 0
        span = self._span_to_speak(sentence)
        analysis = self._analysis()
        if span is None or analysis is None or span[0] >= span[1]:
            self._status("Hover a word (or select text), then press P — Shift+P for its "
                         "sentence", 5000)
            return 0
        start, end = span
        return self.speaker.speak(analysis.text[start:end], self._reading_between(start, end))
