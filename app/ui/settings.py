"""View options that survive a restart, kept in QSettings.

IniFormat everywhere so the file is readable and tests can redirect it with
QSettings.setPath.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from app.ui.ruby import RUBY_MODES

DEFAULT_FONT_SIZE = 20
THEME_NAMES = ("light", "dark")
MAX_HSK_BAND = 6  # "words up to HSK band N count as known" for pinyin above words
MIN_FONT_SIZE = 10
MAX_FONT_SIZE = 48


def _bool(value: object, default: bool) -> bool:
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    return str(value).lower() in ("1", "true", "yes")


def _int(value: object, default: int) -> int:
    """A number kept in the ini file (text there, which a person may have edited)."""
    if not isinstance(value, (int, float, str, bytes)):
        return default
    try:
        return int(value)
    except ValueError:
        return default


class ViewSettings:
    """Typed access to the handful of options the window remembers."""

    def __init__(self) -> None:
        self._qs = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                             "zhreader", "zhreader")

    def sync(self) -> None:
        self._qs.sync()

    @property
    def font_size(self) -> int:
        size = _int(self._qs.value("view/font_size", DEFAULT_FONT_SIZE), DEFAULT_FONT_SIZE)
        return max(MIN_FONT_SIZE, min(MAX_FONT_SIZE, size))

    @font_size.setter
    def font_size(self, size: int) -> None:
        self._qs.setValue("view/font_size", int(size))

    @property
    def tone_colors(self) -> bool:
        return _bool(self._qs.value("view/tone_colors"), True)

    @tone_colors.setter
    def tone_colors(self, on: bool) -> None:
        self._qs.setValue("view/tone_colors", bool(on))

    @property
    def show_pinyin(self) -> bool:
        """Whether the popup shows pinyin at all (some learners test themselves)."""
        return _bool(self._qs.value("view/show_pinyin"), True)

    @show_pinyin.setter
    def show_pinyin(self, on: bool) -> None:
        self._qs.setValue("view/show_pinyin", bool(on))

    @property
    def spoken_tones(self) -> bool:
        """一 and 不 with their sandhi tones (yí yàng, bú yào) instead of the dictionary's."""
        return _bool(self._qs.value("view/spoken_tones"), False)

    @spoken_tones.setter
    def spoken_tones(self, on: bool) -> None:
        self._qs.setValue("view/spoken_tones", bool(on))

    @property
    def word_boundaries(self) -> bool:
        return _bool(self._qs.value("view/word_boundaries"), True)

    @word_boundaries.setter
    def word_boundaries(self, on: bool) -> None:
        self._qs.setValue("view/word_boundaries", bool(on))

    # ---- reading aids ------------------------------------------------------------------

    @property
    def ruby_mode(self) -> str:
        value = str(self._qs.value("view/ruby_mode", "off"))
        return value if value in RUBY_MODES else "off"

    @ruby_mode.setter
    def ruby_mode(self, mode: str) -> None:
        self._qs.setValue("view/ruby_mode", mode if mode in RUBY_MODES else "off")

    @property
    def ruby_known_band(self) -> int:
        """Words of HSK 3.0 bands 1..N get no pinyin in "unknown" mode (0: none do)."""
        band = _int(self._qs.value("view/ruby_known_band", 0), 0)
        return max(0, min(MAX_HSK_BAND, band))

    @ruby_known_band.setter
    def ruby_known_band(self, band: int) -> None:
        self._qs.setValue("view/ruby_known_band", max(0, min(MAX_HSK_BAND, int(band))))

    @property
    def tone_text(self) -> bool:
        """Tone colours on the article's characters (the popup and pinyin: `tone_colors`)."""
        return _bool(self._qs.value("view/tone_text"), False)

    @tone_text.setter
    def tone_text(self, on: bool) -> None:
        self._qs.setValue("view/tone_text", bool(on))

    @property
    def theme(self) -> str:
        value = str(self._qs.value("view/theme", "light"))
        return value if value in THEME_NAMES else "light"

    @theme.setter
    def theme(self, name: str) -> None:
        self._qs.setValue("view/theme", name if name in THEME_NAMES else "light")

    @property
    def font_family(self) -> str:
        """The learner's font for Chinese text; "" = the default for the article's script."""
        value = self._qs.value("view/font_family", "")
        return str(value) if value else ""

    @font_family.setter
    def font_family(self, family: str) -> None:
        self._qs.setValue("view/font_family", family or "")

    @property
    def tint_unknown(self) -> bool:
        """Tint words never marked (LingQ's blue), so a page's new words stand out."""
        return _bool(self._qs.value("view/tint_unknown"), True)

    @tint_unknown.setter
    def tint_unknown(self, on: bool) -> None:
        self._qs.setValue("view/tint_unknown", bool(on))

    def window_state(self) -> tuple[QByteArray | None, QByteArray | None]:
        """(geometry, dock/toolbar state) as saved by the last session."""
        geometry = self._qs.value("window/geometry")
        state = self._qs.value("window/state")
        return (
            geometry if isinstance(geometry, QByteArray) else None,
            state if isinstance(state, QByteArray) else None,
        )

    def save_window_state(self, geometry: QByteArray, state: QByteArray) -> None:
        self._qs.setValue("window/geometry", geometry)
        self._qs.setValue("window/state", state)

    def library_header(self) -> QByteArray | None:
        """The library table's columns as the learner left them."""
        state = self._qs.value("library/header")
        return state if isinstance(state, QByteArray) else None

    def save_library_header(self, state: QByteArray) -> None:
        self._qs.setValue("library/header", state)
