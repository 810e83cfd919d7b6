"""The Anki package: one note type, two cards per word, notes that update on re-import.

Anki recognises the note type and the deck by their ids and each note by its guid, so
all three are fixed: the guid comes from the word alone, and importing a newer export
of the same words updates their notes instead of adding copies. Everything the notes
show beyond the saved word (HSK level, sentence pinyin, audio) comes from `DeckSources`,
which the caller builds; a missing source leaves its field empty.
"""

from __future__ import annotations

import contextlib
import hashlib
import html
import io
import itertools
import json
import re
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from app.core.language.tones import TONE_COLORS, TONE_COLORS_DARK, pinyin_html
from app.core.text.chars import has_han
from app.core.types import Token, VocabItem
from app.core.user.vocab import marked_sentence, word_span

if TYPE_CHECKING:
    import genanki

    from app.core.analysis.analyzer import Analyzer
    from app.core.language.hsk import HskLevels

DEFAULT_DECK_NAME = "zhreader vocabulary"
NOTE_TYPE_NAME = "zhreader word"

# Fixed forever: Anki recognises the note type and deck by these ids on re-import.
# (genanki asks for hard-coded ids in [2**30, 2**31).)
ANKI_MODEL_ID = 1_472_905_318
ANKI_DECK_ID = 1_935_571_024
_GUID_NAMESPACE = "zhreader-vocab"
SCRATCH_PREFIX = "zhreader-apkg-"  # the folder audio is spoken into while a deck is built

FIELDS = (
    "Simplified",
    "Traditional",
    "Pinyin",
    "Meaning",
    "Sentence",
    "Sentence pinyin",
    "Article",
    "HSK level",
    "Audio",
)


class SpeechEngine(Protocol):
    """What the deck needs from a text-to-speech engine (see issue 12's speech module)."""

    def available(self) -> bool: ...

    def synthesize(self, text: str, out: Path) -> None: ...


@dataclass(frozen=True)
class DeckSources:
    """Where the extra fields come from; None leaves that field empty.

    `read_words` reads a sentence into words with contextual pinyin (the analysis
    pipeline's `read_words`); `speech` writes a WAV file for a text.
    """

    levels: HskLevels | None = None
    read_words: Callable[[str], Sequence[Token]] | None = None
    speech: SpeechEngine | None = None


def default_sources(analyzer: Analyzer, audio: bool = True) -> DeckSources:
    """The analyzer's HSK table and pinyin reader, and (when it can speak) speech engine."""
    return DeckSources(
        levels=analyzer.hsk,
        read_words=analyzer.read_words,
        speech=speech_engine(analyzer.spoken_reading) if audio else None,
    )


def speech_engine(romanize: Callable[[str], Sequence[str]]) -> SpeechEngine | None:
    """The espeak-ng engine of `app.core.language.speech` (fed `romanize`'s pinyin) when it
    can speak here; None (the Audio field stays empty) when espeak-ng or its Mandarin
    voice is missing."""
    from app.core.language.speech import EspeakNgEngine

    engine = EspeakNgEngine(romanize)
    return engine if engine.available() else None


# -- the note type --------------------------------------------------------------------------

_FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif'
_NIGHT = (".nightMode", ".night_mode")  # Anki desktop/iOS, AnkiDroid


def _night(selector: str = "") -> str:
    """`selector` under both night-mode classes, set on the card itself or on a parent."""
    forms = []
    for night in _NIGHT:
        forms.append(f".card{night} {selector}".strip())
        forms.append(f"{night} .card {selector}".strip())
    return ", ".join(forms)


def _css() -> str:
    light_tones = "\n".join(f".tone{t} {{ color: {c}; }}" for t, c in TONE_COLORS.items())
    # The fields carry light colours inline (they show in Anki's browser and editor too);
    # night mode overrides them.
    dark_tones = "\n".join(
        f"{_night(f'.tone{t}')} {{ color: {c} !important; }}" for t, c in TONE_COLORS_DARK.items()
    )
    return f"""\
.card {{
  font-family: {_FONT};
  font-size: 20px; line-height: 1.5; text-align: center;
  color: #1f2328; background-color: #fbfaf7;
}}
{_night()} {{ color: #e8e6e3; background-color: #1e1f22; }}
.hanzi {{ font-size: 56px; line-height: 1.2; }}
.traditional {{ font-size: 30px; color: #6b6b6b; }}
.pinyin {{ font-size: 28px; margin-top: 0.3em; }}
.meaning {{ margin-top: 0.4em; }}
.prompt {{ font-size: 24px; }}
.sentence {{ font-size: 24px; margin-top: 1em; }}
.sentence b {{ color: #b3261e; }}
.sentence-pinyin {{ font-size: 16px; color: #555; }}
.sentence-pinyin b {{ color: #b3261e; }}
.meta {{ margin-top: 1.2em; font-size: 13px; color: #777; }}
.meta span + span::before {{ content: " · "; }}
{_night(".traditional")}, {_night(".sentence-pinyin")}, {_night(".meta")} {{ color: #a9a9a9; }}
{_night(".sentence b")}, {_night(".sentence-pinyin b")} {{ color: #ff8a80; }}
{light_tones}
{dark_tones}
"""


_CHARACTERS = """\
<div class="hanzi" lang="zh-Hans">{{Simplified}}</div>
{{#Traditional}}<div class="traditional" lang="zh-Hant">{{Traditional}}</div>{{/Traditional}}"""
_META = """\
<div class="meta">{{#HSK level}}<span>{{HSK level}}</span>{{/HSK level}}\
{{#Article}}<span>{{Article}}</span>{{/Article}}</div>"""
_SENTENCE = """\
{{#Sentence}}<div class="sentence" lang="zh">{{Sentence}}</div>{{/Sentence}}"""
_READING = """\
<div class="pinyin">{{Pinyin}}</div>
<div class="meaning">{{Meaning}}</div>"""

# Recognise: the characters (in their sentence) ask for the reading and the meaning.
_RECOGNISE_FRONT = f"{_CHARACTERS}\n{_SENTENCE}"
_RECOGNISE_BACK = f"""\
{{{{FrontSide}}}}
<hr id="answer">
{_READING}
{{{{#Sentence pinyin}}}}<div class="sentence-pinyin">{{{{Sentence pinyin}}}}</div>\
{{{{/Sentence pinyin}}}}
{{{{Audio}}}}
{_META}"""
# Recall: the meaning asks for the characters. CC-CEDICT meanings may name the word
# itself ("see 西安區|西安区"), which would give the answer away: the card hides it.
# A word without a meaning gets no Recall card: its front is empty.
_RECALL_FRONT = """\
{{#Meaning}}\
<div class="prompt" data-word="{{text:Simplified}}" data-other="{{text:Traditional}}">\
{{Meaning}}</div>
<script>
document.querySelectorAll(".prompt[data-word]").forEach(function (prompt) {
  [prompt.dataset.word, prompt.dataset.other].forEach(function (word) {
    if (word) { prompt.innerHTML = prompt.innerHTML.split(word).join("～"); }
  });
});
</script>\
{{/Meaning}}"""
_RECALL_BACK = f"""\
{{{{FrontSide}}}}
<hr id="answer">
{_CHARACTERS}
<div class="pinyin">{{{{Pinyin}}}}</div>
{_SENTENCE}
{{{{Audio}}}}
{_META}"""

TEMPLATES = (
    {"name": "Recognise", "qfmt": _RECOGNISE_FRONT, "afmt": _RECOGNISE_BACK},
    {"name": "Recall", "qfmt": _RECALL_FRONT, "afmt": _RECALL_BACK},
)


def note_type() -> genanki.Model:
    import genanki

    return genanki.Model(
        ANKI_MODEL_ID,
        NOTE_TYPE_NAME,
        fields=[{"name": name} for name in FIELDS],
        templates=[dict(template) for template in TEMPLATES],
        css=_css(),
    )


def anki_guid(item: VocabItem) -> str:
    """Note guid from the word alone, so re-exports update notes instead of adding new ones."""
    import genanki

    return genanki.guid_for(_GUID_NAMESPACE, item.simplified)


# -- one note -------------------------------------------------------------------------------


def sentence_words(item: VocabItem, sources: DeckSources) -> list[Token]:
    """The saved sentence read into words (contextual pinyin); [] without a reader."""
    if sources.read_words is None or not has_han(item.sentence):
        return []
    return list(sources.read_words(item.sentence))


def note_fields(
    item: VocabItem, sources: DeckSources, words: Sequence[Token] = (), audio: str = ""
) -> list[str]:
    """The note's fields in `FIELDS` order (`words`: `sentence_words`); text is escaped."""
    def esc(text: str) -> str:
        return html.escape(text, quote=False)

    traditional = item.traditional if item.traditional != item.simplified else ""
    return [
        esc(item.simplified),
        esc(traditional),
        pinyin_html(item.pinyin.split()),
        esc(item.gloss),
        marked_sentence(item, "<b>", "</b>", escape=True),
        sentence_pinyin_html(item, words),
        esc(item.article),
        hsk_label(item, sources.levels),
        audio,
    ]


def note_tags(item: VocabItem, levels: HskLevels | None) -> list[str]:
    """zhreader, the HSK 3.0 band (HSK3::4), the article (zhreader::<title>), the status."""
    tags = ["zhreader"]
    band = _band(item, levels)
    if band is not None:
        from app.core.language.hsk import band_label

        tags.append("HSK3::" + band_label(band).replace("–", "-"))
    if item.article:
        tags.append("zhreader::" + anki_tag(item.article))
    tags.append(anki_tag(item.status))
    return [tag for tag in tags if tag]


def anki_tag(text: str) -> str:
    """A tag from free text: Anki splits tags on spaces and nests them on '::'."""
    tag = re.sub(r"\s+", "_", text.strip()).replace('"', "")
    tag = re.sub(":{2,}", ":", tag).strip(":_")
    return tag[:60]


def hsk_label(item: VocabItem, levels: HskLevels | None) -> str:
    band = _band(item, levels)
    if band is None:
        return ""
    from app.core.language.hsk import band_label

    return f"HSK {band_label(band)}"


def _band(item: VocabItem, levels: HskLevels | None) -> int | None:
    if levels is None:
        return None
    level = levels.level(item.simplified) or levels.level(item.traditional)
    return level.v3 if level is not None else None


_PUNCTUATION = str.maketrans(
    {"，": ",", "。": ".", "！": "!", "？": "?", "；": ";", "：": ":", "、": ",",
     "“": '"', "”": '"', "「": '"', "」": '"', "『": '"', "』": '"', "（": "(", "）": ")"}
)
_NO_SPACE_BEFORE = tuple(",.!?;:)\"'")
_OPEN_VOWELS = "aāáǎàoōóǒòeēéěè"  # a syllable starting with one takes an apostrophe


def sentence_pinyin_html(item: VocabItem, words: Sequence[Token]) -> str:
    """The sentence in pinyin, a word per group (yínháng), the saved word's syllables bold."""
    span = word_span(item) or (-1, -1)
    pieces: list[str] = []
    for token in words:
        if not any(token.pinyin):
            text = " ".join(token.text.split()).translate(_PUNCTUATION)
            if text:
                pieces.append(html.escape(text, quote=False))
            continue
        word = ""
        bold = False
        for offset, syllable in enumerate(token.pinyin, start=token.start):
            inside = span[0] <= offset < span[1]
            if inside != bold:
                word += "<b>" if inside else "</b>"
                bold = inside
            if not syllable:
                continue
            if offset > token.start and syllable[0].lower() in _OPEN_VOWELS:
                word += "'"  # xī'ān, not xīān
            word += html.escape(syllable, quote=False)
        pieces.append(word + ("</b>" if bold else ""))
    out = ""
    for piece in pieces:
        if out and not piece.startswith(_NO_SPACE_BEFORE):
            out += " "
        out += piece
    return out


# -- the package ----------------------------------------------------------------------------


def build_apkg(
    items: Iterable[VocabItem],
    deck_name: str,
    sources: DeckSources,
    timestamp: float | None = None,
) -> tuple[bytes, int]:
    """The .apkg file's bytes and how many notes it holds."""
    import genanki

    model = note_type()
    deck = genanki.Deck(ANKI_DECK_ID, deck_name)
    stamp = timestamp if timestamp is not None else datetime.now(UTC).timestamp()
    count = 0
    with contextlib.ExitStack() as cleanup:
        # Audio is the only scratch on disk, in a folder removed here (or, when the export
        # is killed, by the next export: export._remove_old_scratch knows the prefix).
        folder = None
        if sources.speech is not None:
            folder = Path(cleanup.enter_context(
                tempfile.TemporaryDirectory(prefix=SCRATCH_PREFIX)))
        sounds = _Sounds(folder, sources.speech)
        for item in items:
            words = sentence_words(item, sources)
            deck.add_note(
                genanki.Note(
                    model=model,
                    fields=note_fields(item, sources, words, sounds.field(item, words)),
                    guid=anki_guid(item),
                    tags=note_tags(item, sources.levels),
                )
            )
            count += 1
        # genanki's own write_to_file leaves its temporary SQLite file behind in /tmp
        # (0.13.1): the collection is built in memory and zipped from there.
        conn = sqlite3.connect(":memory:")
        try:
            genanki.Package(deck).write_to_db(
                conn.cursor(), stamp, itertools.count(int(stamp * 1000))
            )
            conn.commit()
            collection = conn.serialize()
        finally:
            conn.close()
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("collection.anki2", collection)
            archive.writestr("media", json.dumps(dict(enumerate(sounds.names))))
            for index, path in enumerate(sounds.paths):
                archive.write(path, str(index))
    return buffer.getvalue(), count


class _Sounds:
    """Audio for each note's word and sentence, one file per distinct text."""

    def __init__(self, folder: Path | None, speech: SpeechEngine | None) -> None:
        self._folder = folder
        self._speech = speech
        self._by_text: dict[str, str | None] = {}
        self.names: list[str] = []
        self.paths: list[Path] = []

    def field(self, item: VocabItem, words: Sequence[Token]) -> str:
        """`[sound:…]` for the word, then the sentence, each read as the deck shows it."""
        if self._speech is None:
            return ""
        word_reading = item.pinyin.split()
        sentence_reading = [syllable for token in words for syllable in token.pinyin]
        names = [
            self._sound(text, reading)
            for text, reading in ((item.simplified, word_reading),
                                  (item.sentence, sentence_reading))
            if text
        ]
        return " ".join(f"[sound:{name}]" for name in names if name)

    def _sound(self, text: str, reading: Sequence[str]) -> str | None:
        if text in self._by_text:
            return self._by_text[text]
        folder, speech = self._folder, self._speech
        if folder is None or speech is None:  # build_apkg makes a folder whenever it speaks
            return None
        digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]
        name = f"zhreader-{digest}.wav"
        path = folder / name
        speak_as = getattr(speech, "synthesize_reading", None)
        try:
            if speak_as is not None and len(reading) == len(text):
                speak_as(text, reading, path)  # the polyphones as the card reads them
            else:
                speech.synthesize(text, path)
            ok = path.is_file() and path.stat().st_size > 0
        except Exception:  # an engine failing on one text leaves that Audio field empty
            ok = False
        self._by_text[text] = name if ok else None
        if ok:
            self.names.append(name)
            self.paths.append(path)
        return self._by_text[text]
