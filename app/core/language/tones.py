"""Tone numbers and colours for pinyin, in the Pleco tradition learners already know.

Core, not UI: the popup paints with these colours and the Anki deck writes them into
its cards, so a word looks the same in the reader and in review. Speech engines that
read pinyin want "hang2" rather than "háng" (`to_numbered`).
"""

from __future__ import annotations

import html
import unicodedata
from functools import lru_cache

# Tone 1..5 (5 = neutral). Pleco's hues (red, green, blue, purple, grey), darkened a
# little so they read on white.
TONE_COLORS: dict[int, str] = {
    1: "#d7263d",
    2: "#1f9e4a",
    3: "#2460d6",
    4: "#8a3fc4",
    5: "#6b6b6b",
}
# The same hues lightened for a dark background (Anki's night mode, the dark theme).
TONE_COLORS_DARK: dict[int, str] = {
    1: "#ff6b6b",
    2: "#4fd77f",
    3: "#7ea6ff",
    4: "#c792ff",
    5: "#a8a8a8",
}

_MARK_TONES = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0300": 4}
NEUTRAL = 5


@lru_cache(maxsize=4096)  # a few hundred syllables, asked for per character when colouring
def tone_of(syllable: str) -> int:
    """Tone from a tone-marked ("háng") or numbered ("hang2") syllable; 5 when neutral."""
    if not syllable:
        return NEUTRAL
    if syllable[-1].isdigit():
        digit = int(syllable[-1])
        return digit if 1 <= digit <= 4 else NEUTRAL
    for ch in unicodedata.normalize("NFD", syllable):
        if ch in _MARK_TONES:
            return _MARK_TONES[ch]
    return NEUTRAL


def to_numbered(syllable: str) -> str:
    """'háng' -> 'hang2', 'lǜ' -> 'lv4', 'ma' -> 'ma5'; a numbered syllable is kept."""
    if not syllable or syllable[-1].isdigit():
        return syllable
    tone = NEUTRAL
    letters: list[str] = []
    for ch in unicodedata.normalize("NFD", syllable):
        if ch in _MARK_TONES:
            tone = _MARK_TONES[ch]
        elif ch == "\u0308":  # the diaeresis of ü: "v" in numbered pinyin
            if letters and letters[-1] in "uU":
                letters[-1] = "v" if letters[-1] == "u" else "V"
        else:
            letters.append(ch)
    return "".join(letters) + str(tone)


def tone_color(syllable: str, dark: bool = False) -> str:
    """The colour of a syllable's tone on a light (or dark) background."""
    return (TONE_COLORS_DARK if dark else TONE_COLORS)[tone_of(syllable)]


def pinyin_html(
    syllables: list[str] | tuple[str, ...],
    colored: bool = True,
    tones_from: list[str] | tuple[str, ...] | None = None,
    dark: bool = False,
) -> str:
    """Syllables joined by spaces; each escaped and, if asked, wrapped in its tone colour.

    `tones_from` (e.g. the numbered form "yin2 hang2") decides the colours when given,
    since tone marks cannot express every neutral tone. Each coloured syllable also
    carries class "toneN", so a stylesheet (Anki's night mode) can recolour it; `dark`
    picks the colours for a dark background directly (the window's dark theme).
    """
    if tones_from is None or len(tones_from) != len(syllables):
        tones_from = syllables
    colors = TONE_COLORS_DARK if dark else TONE_COLORS
    parts = []
    for syllable, tone_source in zip(syllables, tones_from, strict=True):
        if not syllable:
            continue
        text = html.escape(syllable)
        if colored:
            tone = tone_of(tone_source)
            parts.append(f'<span class="tone{tone}" style="color:{colors[tone]}">{text}</span>')
        else:
            parts.append(text)
    return " ".join(parts)
