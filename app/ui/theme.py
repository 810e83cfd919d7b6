"""Light and dark themes: the window's palette and stylesheet, and the colours the article
view paints itself (word underlines, highlights, pinyin above words).

The stylesheet covers the widgets; the palette covers what it does not (menus, dialogs,
scroll bars); the painted colours are chosen here so a highlight stays readable on either
page. The popup's tone colours follow `Theme.dark` (see `tone_colors`).
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from app.core.paths import resources_dir


@dataclass(frozen=True)
class Theme:
    name: str
    dark: bool
    page: QColor  # the article's background
    text: QColor
    underlines: tuple[QColor, QColor]  # alternate words' quiet underlines
    entity_underline: QColor
    entity_highlight: QColor  # every mention of a picked name
    hover_highlight: QColor
    # Word states: learning levels 1 (strongest) to 4 (nearly known), and words never marked.
    learning_washes: tuple[QColor, QColor, QColor, QColor]
    unknown_wash: QColor
    ruby: QColor  # pinyin above words when tone colours are off
    find_match: QColor  # the find bar's matches
    find_current: QColor  # and the one it is on
    stylesheets: tuple[str, ...]  # under resources/styles, applied in order


LIGHT = Theme(
    name="light",
    dark=False,
    page=QColor("#fffdf8"),
    text=QColor("#1f1f1f"),
    underlines=(QColor("#b9c7da"), QColor("#e2c39b")),
    entity_underline=QColor("#d99a00"),
    entity_highlight=QColor("#ffe58a"),
    hover_highlight=QColor("#cfe3ff"),
    learning_washes=(QColor("#f7cf9c"), QColor("#f9dcb6"), QColor("#fbe7cf"), QColor("#fdf2e6")),
    unknown_wash=QColor("#e6eefa"),
    ruby=QColor("#5d6b7c"),
    find_match=QColor("#fff2a8"),
    find_current=QColor("#ffb347"),
    stylesheets=("reader.qss",),
)

DARK = Theme(
    name="dark",
    dark=True,
    page=QColor("#1e1f22"),
    text=QColor("#dcdad5"),
    underlines=(QColor("#4a5a70"), QColor("#6e5a3c")),
    entity_underline=QColor("#d9a300"),
    entity_highlight=QColor("#6b5514"),
    hover_highlight=QColor("#2f4a6e"),
    learning_washes=(QColor("#6a4a1c"), QColor("#574020"), QColor("#463722"), QColor("#382f24")),
    unknown_wash=QColor("#262f3c"),
    ruby=QColor("#9fb0c4"),
    find_match=QColor("#5c5420"),
    find_current=QColor("#9a5a12"),
    stylesheets=("reader.qss", "reader-dark.qss"),
)

THEMES: dict[str, Theme] = {theme.name: theme for theme in (LIGHT, DARK)}


def theme_named(name: str | None) -> Theme:
    return THEMES.get(name or "", LIGHT)


def _dark_palette() -> QPalette:
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, color in (
        (roles.Window, "#2a2b2f"), (roles.WindowText, "#dcdad5"), (roles.Base, "#1e1f22"),
        (roles.AlternateBase, "#26272b"), (roles.ToolTipBase, "#2a2b2f"),
        (roles.ToolTipText, "#dcdad5"), (roles.Text, "#dcdad5"), (roles.Button, "#33353a"),
        (roles.ButtonText, "#dcdad5"), (roles.BrightText, "#ff6f7f"), (roles.Link, "#79a6ff"),
        (roles.Highlight, "#3d5a85"), (roles.HighlightedText, "#ffffff"),
        (roles.PlaceholderText, "#8b8b8b"),
    ):
        palette.setColor(role, QColor(color))
    for role in (roles.Text, roles.WindowText, roles.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#777777"))
    return palette


def apply_theme(app: QApplication, theme: Theme) -> None:
    """Palette and bundled stylesheets; the window still works (plainly) without them."""
    app.setPalette(_dark_palette() if theme.dark else app.style().standardPalette())
    sheets = []
    for name in theme.stylesheets:
        with contextlib.suppress(OSError):
            sheets.append((resources_dir() / "styles" / name).read_text(encoding="utf-8"))
    app.setStyleSheet("\n".join(sheets))
