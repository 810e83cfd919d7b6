"""Tone numbers and colours for pinyin, in the Pleco tradition learners already know.

Core, not UI: the popup paints with these colours and the Anki deck writes them into
its cards, so a word looks the same in the reader and in review.
"""

from __future__ import annotations

import html
import unicodedata

# Tone 1..5 (5 = neutral). Pleco's hues (red, green, blue, purple, grey), darkened a
# little so they read on white.
TONE_COLORS: dict[int, str] = {
    1: "#d7263d",
    2: "#1f9e4a",
    3: "#2460d6",
    4: "#8a3fc4",
    5: "#6b6b6b",
}
# The same hues lightened for a dark background (Anki's night mode).
TONE_COLORS_DARK: dict[int, str] = {
    1: "#ff6b6b",
    2: "#4fd77f",
    3: "#7ea6ff",
    4: "#c792ff",
    5: "#a8a8a8",
}

_MARK_TONES = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0300": 4}


def tone_of(syllable: str) -> int:
    """Tone from a tone-marked ("háng") or numbered ("hang2") syllable; 5 when neutral."""
    if not syllable:
        return 5
    if syllable[-1].isdigit():
        digit = int(syllable[-1])
        return digit if 1 <= digit <= 4 else 5
    for ch in unicodedata.normalize("NFD", syllable):
        if ch in _MARK_TONES:
            return _MARK_TONES[ch]
    return 5


def pinyin_html(
    syllables: list[str] | tuple[str, ...],
    colored: bool = True,
    tones_from: list[str] | tuple[str, ...] | None = None,
) -> str:
    """Syllables joined by spaces; each escaped and, if asked, wrapped in its tone colour.

    `tones_from` (e.g. the numbered form "yin2 hang2") decides the colours when given,
    since tone marks cannot express every neutral tone. Each coloured syllable also
    carries class "toneN", so a stylesheet (Anki's night mode) can recolour it.
    """
    if tones_from is None or len(tones_from) != len(syllables):
        tones_from = syllables
    parts = []
    for syllable, tone_source in zip(syllables, tones_from, strict=True):
        if not syllable:
            continue
        text = html.escape(syllable)
        if colored:
            tone = tone_of(tone_source)
            color = TONE_COLORS[tone]
            parts.append(f'<span class="tone{tone}" style="color:{color}">{text}</span>')
        else:
            parts.append(text)
    return " ".join(parts)
