"""The .apkg as Anki itself reads it: the `anki` package (Anki's own importer and
exporter) opens it in a temporary collection."""

from __future__ import annotations

import time
import wave
from html.parser import HTMLParser
from pathlib import Path

import pytest
from anki.collection import (
    Collection,
    ImportAnkiPackageOptions,
    ImportAnkiPackageRequest,
)

from app.core.analysis.analyzer import default_analyzer
from app.core.types import VocabItem
from app.core.user.anki_deck import DeckSources
from app.core.user.export import export_apkg
from app.core.user.vocab import VocabStore
from app.core.user.vocab_import import apply_import, parse_word_list, plan_import
from tests.conftest import TAY, YANG

MATHEMATICIAN = VocabItem("数学家", "數學家", "shù xué jiā", "mathematician", sentence=YANG,
                          article="xAI联合创始人杨格退出")
ENGAGE = VocabItem("从事", "從事", "cóng shì", "to go for; to engage in", sentence=TAY,
                   article="Yi Tay 回到谷歌")
BANK = VocabItem("银行", "銀行", "yín háng", "bank")
ITEMS = [MATHEMATICIAN, ENGAGE, BANK]


class SilentSpeech:
    """Writes a short silent WAV for any text, as a speech engine would write speech."""

    def __init__(self) -> None:
        self.spoken: list[str] = []

    def available(self) -> bool:
        return True

    def synthesize(self, text: str, out: Path) -> None:
        self.spoken.append(text)
        with wave.open(str(out), "wb") as wav:
            wav.setnchannels(1)
            wav.setsampwidth(2)
            wav.setframerate(16_000)
            wav.writeframes(b"\x00\x00" * 1600)


class ReadingSpeech(SilentSpeech):
    """An engine that is told the reading, as espeak-ng's pinyin voice is."""

    def __init__(self) -> None:
        super().__init__()
        self.readings: dict[str, list[str]] = {}

    def synthesize_reading(self, text: str, reading: list[str], out: Path) -> None:
        self.readings[text] = list(reading)
        self.synthesize(text, out)


@pytest.fixture
def collection(tmp_path: Path):
    (tmp_path / "anki").mkdir()
    col = Collection(str(tmp_path / "anki" / "collection.anki2"))
    yield col
    col.close()


def import_package(col: Collection, path: Path):
    request = ImportAnkiPackageRequest(package_path=str(path), options=ImportAnkiPackageOptions())
    return col.import_anki_package(request).log


class _Shown(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self._hidden += tag in ("script", "style")

    def handle_endtag(self, tag: str) -> None:
        self._hidden -= tag in ("script", "style")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.text.append(data)


def shown(card_html: str) -> str:
    """The text a card shows (not its scripts, styles or attributes)."""
    parser = _Shown()
    parser.feed(card_html)
    return "".join(parser.text)


def notes_by_word(col: Collection) -> dict[str, dict[str, str]]:
    notes = (col.get_note(nid) for nid in col.find_notes(""))
    return {note["Simplified"]: dict(note.items()) | {"_tags": " ".join(note.tags)}
            for note in notes}


def test_anki_imports_one_note_per_word_with_its_fields(tmp_path: Path, collection: Collection):
    out = tmp_path / "deck.apkg"
    export_apkg(ITEMS, out)
    log = import_package(collection, out)
    assert len(log.new) == 3 and collection.note_count() == 3
    notes = notes_by_word(collection)
    assert notes["数学家"]["Sentence"] == YANG.replace("数学家", "<b>数学家</b>")
    assert notes["数学家"]["Traditional"] == "數學家"
    assert notes["银行"]["Meaning"] == "bank"
    assert "háng" in notes["银行"]["Pinyin"] and "tone2" in notes["银行"]["Pinyin"]
    assert "zhreader::Yi_Tay_回到谷歌" in notes["从事"]["_tags"].split()
    # two cards a note: recognise and recall
    assert collection.card_count() == 6


def test_a_word_without_a_meaning_gets_no_recall_card(tmp_path: Path, collection: Collection):
    out = tmp_path / "deck.apkg"
    export_apkg([VocabItem("祖克柏", "祖克柏", "zǔ kè bǎi", "")], out)
    import_package(collection, out)
    (note_id,) = collection.find_notes("")
    assert [c.template()["name"] for c in collection.get_note(note_id).cards()] == ["Recognise"]


def test_anki_renders_both_cards(tmp_path: Path, collection: Collection):
    out = tmp_path / "deck.apkg"
    export_apkg([BANK], out)
    import_package(collection, out)
    (note_id,) = collection.find_notes("")
    cards = {card.template()["name"]: card for card in collection.get_note(note_id).cards()}
    recognise, recall = cards["Recognise"], cards["Recall"]
    assert "银行" in shown(recognise.question()) and "bank" not in shown(recognise.question())
    assert "bank" in shown(recognise.answer())
    assert "bank" in shown(recall.question()) and "银行" not in shown(recall.question())
    assert "银行" in shown(recall.answer())


def test_audio_files_go_into_the_media_folder(tmp_path: Path, collection: Collection):
    speech = SilentSpeech()
    out = tmp_path / "deck.apkg"
    export_apkg([MATHEMATICIAN, BANK], out, sources=DeckSources(speech=speech))
    import_package(collection, out)
    assert sorted(speech.spoken) == sorted(["数学家", YANG, "银行"])  # no sentence, no sound
    media = Path(collection.media.dir())
    for note in notes_by_word(collection).values():
        sounds = [part[len("[sound:") : -1] for part in note["Audio"].split()]
        assert sounds and all((media / name).is_file() for name in sounds)
    assert len(list(media.glob("*.wav"))) == 3


def test_audio_reads_polyphones_as_the_card_shows_them(tmp_path: Path):
    speech = ReadingSpeech()
    bank = VocabItem("银行", "銀行", "yín háng", "bank", sentence="他在银行工作。", mark=2)
    export_apkg([bank], tmp_path / "deck.apkg",
                sources=DeckSources(read_words=default_analyzer().read_words, speech=speech))
    assert speech.readings["银行"] == ["yín", "háng"]
    assert speech.readings["他在银行工作。"][2:4] == ["yín", "háng"]  # 行 háng, not xíng


def test_reimport_updates_notes_instead_of_adding_copies(tmp_path: Path, collection: Collection):
    first = tmp_path / "first.apkg"
    export_apkg(ITEMS, first)
    import_package(collection, first)
    ids = {word: nid for nid in collection.find_notes("")
           for word in [collection.get_note(nid)["Simplified"]]}
    again = import_package(collection, first)
    assert len(again.new) == 0 and collection.note_count() == 3

    # Later the learner corrects a meaning in zhreader and exports again.
    corrected = VocabItem(BANK.simplified, BANK.traditional, BANK.pinyin, "bank; CL:家[jia1]")
    second = tmp_path / "second.apkg"
    export_apkg([MATHEMATICIAN, ENGAGE, corrected], second, timestamp=time.time() + 60)
    log = import_package(collection, second)
    assert len(log.new) == 0 and len(log.updated) == 3
    assert collection.note_count() == 3 and collection.card_count() == 6
    notes = notes_by_word(collection)
    assert notes["银行"]["Meaning"] == "bank; CL:家[jia1]"
    assert {word: nid for nid in collection.find_notes("")
            for word in [collection.get_note(nid)["Simplified"]]} == ids


def test_anki_notes_exported_as_text_import_back(tmp_path: Path, collection: Collection):
    """Anki's File → Export → Notes in Plain Text, read by zhreader: the same words."""
    out = tmp_path / "deck.apkg"
    export_apkg(ITEMS, out)
    import_package(collection, out)
    from anki.collection import DeckIdLimit

    text_file = tmp_path / "notes.txt"
    deck_id = collection.decks.id_for_name("zhreader vocabulary")
    collection.export_note_csv(out_path=str(text_file), limit=DeckIdLimit(deck_id),
                               with_html=True, with_tags=True, with_deck=True,
                               with_notetype=True, with_guid=True)
    parsed = parse_word_list(text_file.read_text(encoding="utf-8"))
    assert parsed.format == "anki" and parsed.unreadable == ()
    with VocabStore(tmp_path / "vocabulary.sqlite3") as store:
        apply_import(plan_import(parsed, {}), store)
        saved = {item.simplified: item for item in store.items()}
    assert set(saved) == {"数学家", "从事", "银行"}
    for item in ITEMS:
        back = saved[item.simplified]
        assert (back.traditional, back.pinyin, back.gloss) == (
            item.traditional, item.pinyin, item.gloss
        )
        assert (back.sentence, back.article) == (item.sentence, item.article)
    assert saved["从事"].mark == TAY.index("從事")
