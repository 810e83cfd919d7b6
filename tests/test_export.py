"""Exports a learner imports elsewhere: Anki decks, Pleco flashcards, Zhongwen word lists,
spreadsheet CSV. Each text format is read back by a reader written here from the format's
own documentation, not by zhreader's importer."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.core.analysis.analyzer import default_analyzer
from app.core.errors import UserError
from app.core.language.hsk import HskLevels
from app.core.language.tones import TONE_COLORS
from app.core.types import Token, VocabItem, WordLevel
from app.core.user.export import (
    ANKI_MODEL_ID,
    CSV_HEADER,
    DeckSources,
    export,
    export_apkg,
    export_csv,
    export_path_in,
    export_pleco,
    export_tsv,
    export_zhongwen,
    safe_filename,
)
from tests.conftest import TAY, YANG

MATHEMATICIAN = VocabItem(
    "数学家",
    "數學家",
    "shù xué jiā",
    "mathematician",
    sentence=YANG,
    article="xAI联合创始人杨格退出",
    added=1_700_000_000.0,
)
ENGAGE = VocabItem(
    "从事",
    "從事",
    "cóng shì",
    "to go for; to engage in; to undertake",
    sentence=TAY,
    article="Yi Tay 回到谷歌",
    added=1_700_000_100.0,
    status="known",
    note="<script>alert(1)</script> & more",
)
ITEMS = [ENGAGE, MATHEMATICIAN]


def apkg_notes(path: Path) -> list[tuple[str, dict[str, str], str]]:
    """(guid, fields by name, tags) of each note, read from the package's SQLite collection."""
    with zipfile.ZipFile(path) as archive, tempfile.TemporaryDirectory() as tmp:
        archive.extract("collection.anki2", tmp)
        conn = sqlite3.connect(Path(tmp) / "collection.anki2")
        rows = conn.execute("SELECT guid, flds, tags FROM notes ORDER BY id").fetchall()
        (models,) = conn.execute("SELECT models FROM col").fetchone()
        conn.close()
    names = [f["name"] for f in json.loads(models)[str(ANKI_MODEL_ID)]["flds"]]
    return [(guid, dict(zip(names, flds.split("\x1f"), strict=True)), tags)
            for guid, flds, tags in rows]


def apkg_models(path: Path) -> dict:
    with zipfile.ZipFile(path) as archive, tempfile.TemporaryDirectory() as tmp:
        archive.extract("collection.anki2", tmp)
        conn = sqlite3.connect(Path(tmp) / "collection.anki2")
        (models,) = conn.execute("SELECT models FROM col").fetchone()
        conn.close()
    return json.loads(models)


# -- Anki -----------------------------------------------------------------------------------


def test_apkg_holds_one_note_per_word_with_the_word_highlighted(tmp_path: Path):
    out = tmp_path / "words.apkg"
    assert export_apkg(ITEMS, out) == 2
    notes = apkg_notes(out)
    assert len(notes) == 2
    _, fields, tags = notes[1]
    assert (fields["Simplified"], fields["Traditional"], fields["Meaning"]) == (
        "数学家",
        "數學家",
        "mathematician",
    )
    assert fields["Sentence"] == YANG.replace("数学家", "<b>数学家</b>")
    assert fields["Article"] == "xAI联合创始人杨格退出"
    assert "zhreader" in tags.split()
    assert "zhreader::xAI联合创始人杨格退出" in tags.split()


def test_apkg_pinyin_is_coloured_by_tone(tmp_path: Path):
    out = tmp_path / "words.apkg"
    export_apkg([MATHEMATICIAN], out)
    pinyin = apkg_notes(out)[0][1]["Pinyin"]
    # shù (4) xué (2) jiā (1), each in its tone's colour, as the popup shows them
    for syllable, tone in (("shù", 4), ("xué", 2), ("jiā", 1)):
        assert f'class="tone{tone}" style="color:{TONE_COLORS[tone]}">{syllable}<' in pinyin


def test_apkg_escapes_html_in_everything_but_the_highlight(tmp_path: Path):
    hostile = VocabItem("研究", "研究", "yán jiū", "<img src=x onerror=alert(1)>",
                        sentence="<script>研究</script>", article="a & <b>b</b>")
    out = tmp_path / "words.apkg"
    export_apkg([hostile, ENGAGE], out)
    (_, fields, _), (_, engage, _) = apkg_notes(out)
    assert fields["Meaning"] == "&lt;img src=x onerror=alert(1)&gt;"
    assert fields["Sentence"] == "&lt;script&gt;<b>研究</b>&lt;/script&gt;"
    assert fields["Article"] == "a &amp; &lt;b&gt;b&lt;/b&gt;"
    assert "<b>從事</b>" in engage["Sentence"]  # the traditional sentence marks the word too


def test_apkg_note_type_has_a_fixed_id_fields_and_two_cards(tmp_path: Path):
    out = tmp_path / "words.apkg"
    export_apkg(ITEMS, out)
    models = apkg_models(out)
    assert list(models) == [str(ANKI_MODEL_ID)]
    model = models[str(ANKI_MODEL_ID)]
    assert [field["name"] for field in model["flds"]] == [
        "Simplified", "Traditional", "Pinyin", "Meaning", "Sentence", "Sentence pinyin",
        "Article", "HSK level", "Audio",
    ]
    templates = {t["name"]: t for t in model["tmpls"]}
    assert set(templates) == {"Recognise", "Recall"}
    # recognise asks with the characters, recall with the meaning
    assert "{{Simplified}}" in templates["Recognise"]["qfmt"]
    assert "{{Meaning}}" not in templates["Recognise"]["qfmt"]
    assert "{{Meaning}}" in templates["Recall"]["qfmt"]
    assert "{{Simplified}}" not in templates["Recall"]["qfmt"]
    assert ".nightMode" in model["css"] and ".night_mode" in model["css"]


def test_reexport_keeps_note_ids_stable(tmp_path: Path):
    first, second, edited = tmp_path / "a.apkg", tmp_path / "b.apkg", tmp_path / "c.apkg"
    export_apkg(ITEMS, first)
    export_apkg(ITEMS, second)
    changed = VocabItem(
        MATHEMATICIAN.simplified,
        MATHEMATICIAN.traditional,
        MATHEMATICIAN.pinyin,
        "mathematician; math expert",
        sentence=TAY,
    )
    export_apkg([ENGAGE, changed], edited)
    guids = [[guid for guid, _, _ in apkg_notes(path)] for path in (first, second, edited)]
    assert guids[0] == guids[1] == guids[2]
    assert len(set(guids[0])) == 2  # different words, different notes
    assert apkg_notes(edited)[1][1]["Meaning"] == "mathematician; math expert"


def test_apkg_level_and_sentence_pinyin_come_from_the_sources(tmp_path: Path):
    bank = VocabItem("银行", "銀行", "yín háng", "bank", sentence="我去银行取钱。")
    levels = HskLevels([("银行", ("銀行",), WordLevel(v3=2, v2=3, frequency_rank=900))])

    def read_words(text: str) -> list[Token]:  # a stand-in reader: one word per character
        readings = {"我": "wǒ", "去": "qù", "银": "yín", "行": "háng", "取": "qǔ", "钱": "qián"}
        return [Token(i, i + 1, ch, (readings.get(ch, ""),)) for i, ch in enumerate(text)]

    out = tmp_path / "words.apkg"
    export_apkg([bank], out, sources=DeckSources(levels=levels, read_words=read_words))
    _, fields, tags = apkg_notes(out)[0]
    assert fields["HSK level"] == "HSK 2"
    assert "HSK3::2" in tags.split()
    assert fields["Sentence pinyin"] == "wǒ qù <b>yín</b> <b>háng</b> qǔ qián."


def test_sentence_pinyin_is_read_in_context_and_grouped_by_word(tmp_path: Path):
    xian = VocabItem("西安", "西安", "xī ān", "Xi'an", sentence="我在银行工作，住在西安。", mark=9)
    out = tmp_path / "words.apkg"
    export_apkg([xian], out, sources=DeckSources(read_words=default_analyzer().read_words))
    reading = apkg_notes(out)[0][1]["Sentence pinyin"]
    assert "yínháng" in reading  # 行 read háng in 银行, and the word's syllables joined
    assert reading.endswith("<b>xī'ān</b>.")  # apostrophe before ān, the word bold


def test_apkg_export_leaves_no_temporary_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    export_apkg(ITEMS, tmp_path / "words.apkg")
    assert list(scratch.iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["scratch", "words.apkg"]


def test_deck_name_does_not_become_a_path(tmp_path: Path):
    out = tmp_path / "words.apkg"
    export_apkg(ITEMS, out, deck_name="../../evil\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["words.apkg"]
    with zipfile.ZipFile(out) as archive:
        assert sorted(archive.namelist()) == ["collection.anki2", "media"]


# -- Pleco ----------------------------------------------------------------------------------


@dataclass
class PlecoCard:
    category: str | None
    simplified: str
    traditional: str | None
    pinyin: str
    definition: str


def read_pleco(data: bytes) -> list[PlecoCard]:
    """Pleco's flashcard text format, as its manual describes it: UTF-8, one card a line,
    `headword<TAB>pinyin<TAB>definition`, the headword `simplified[traditional]`,
    pinyin with tone numbers, and `//` lines naming the category of the cards after them.
    """
    text = data.decode("utf-8")
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")  # CRLF only
    category = None
    cards = []
    for line in text.split("\r\n")[:-1]:
        if line.startswith("//"):
            category = line[2:].strip()
            continue
        headword, pinyin, definition = line.split("\t")  # exactly three fields
        match = re.fullmatch(r"([^\[\]]+)(?:\[([^\[\]]+)\])?", headword)
        assert match, headword
        assert re.fullmatch(r"(?:[a-zü]+[1-5])+", pinyin.lower()), pinyin
        cards.append(PlecoCard(category, match[1], match[2], pinyin, definition))
    return cards


def test_pleco_cards_have_headword_numbered_pinyin_and_definition(tmp_path: Path):
    out = tmp_path / "words.txt"
    bank = VocabItem("银行", "銀行", "yín háng", "bank; CL:家[jia1]")
    study = VocabItem("研究", "研究", "yán jiū", "research; a study")
    assert export_pleco([bank, study, MATHEMATICIAN], out) == 3
    cards = read_pleco(out.read_bytes())
    assert [(c.simplified, c.traditional, c.pinyin) for c in cards] == [
        ("银行", "銀行", "yin2hang2"),
        ("研究", None, "yan2jiu1"),  # brackets only when the forms differ
        ("数学家", "數學家", "shu4xue2jia1"),
    ]
    assert cards[0].definition == "bank; CL:家[jia1]"
    assert all(card.category is None for card in cards)


def test_pleco_definition_carries_every_sense_then_sentence_and_article(tmp_path: Path):
    out = tmp_path / "words.txt"
    several = VocabItem("行", "行", "xíng", "to walk; to go / [háng] row; line",
                        sentence="这个办法很行。", article="notes", note="ok")
    export_pleco([several], out)
    (card,) = read_pleco(out.read_bytes())
    senses, sentence, article, note = card.definition.split(" | ")
    assert senses == "to walk; to go; [háng] row; line"
    assert sentence == "这个办法很【行】。"
    assert (article, note) == ("《notes》", "ok")
    assert card.pinyin == "xing2"


def test_pleco_groups_cards_under_one_category_per_article(tmp_path: Path):
    out = tmp_path / "words.txt"
    loose = VocabItem("研究", "研究", "yán jiū", "research")
    slashed = VocabItem("从来", "從來", "cóng lái", "always", article="AI/ML 周报")
    export_pleco([ENGAGE, MATHEMATICIAN, loose, slashed], out, group=True)
    cards = read_pleco(out.read_bytes())
    assert [(c.category, c.simplified) for c in cards] == [
        ("zhreader/Yi Tay 回到谷歌", "从事"),
        ("zhreader/xAI联合创始人杨格退出", "数学家"),
        ("zhreader", "研究"),
        ("zhreader/AI／ML 周报", "从来"),  # a '/' in a title would open a subcategory
    ]
    category_lines = [line for line in out.read_text("utf-8").splitlines() if "//" in line]
    assert category_lines[0] == "// zhreader/Yi Tay 回到谷歌"


def test_pleco_neutral_tone_and_u_umlaut(tmp_path: Path):
    out = tmp_path / "words.txt"
    items = [VocabItem("谢谢", "謝謝", "xiè xie", "thanks"), VocabItem("绿", "綠", "lǜ", "green")]
    export_pleco(items, out)
    assert [card.pinyin for card in read_pleco(out.read_bytes())] == ["xie4xie5", "lü4"]


# -- Zhongwen -------------------------------------------------------------------------------


def read_zhongwen(data: bytes) -> list[list[str]]:
    """Zhongwen's word-list export ("Save list"): UTF-8, one word a line ended by CRLF,
    five tab-separated fields: simplified, traditional, pinyin, definition, notes."""
    text = data.decode("utf-8")
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    rows = [line.split("\t") for line in text.split("\r\n")[:-1]]
    assert all(len(row) == 5 for row in rows)
    return rows


@pytest.mark.parametrize("fmt", ["zhongwen", "tsv"])
def test_zhongwen_list_in_its_column_order(tmp_path: Path, fmt: str):
    out = tmp_path / "words.tsv"
    assert export(ITEMS, out, fmt) == 2
    rows = read_zhongwen(out.read_bytes())
    assert rows[1][:4] == ["数学家", "數學家", "shù xué jiā", "mathematician"]
    assert rows[0][:4] == ["从事", "從事", "cóng shì", "to go for; to engage in; to undertake"]
    assert "【数学家】" in rows[1][4] and "xAI联合创始人杨格退出" in rows[1][4]
    assert "【從事】" in rows[0][4] and "<script>" in rows[0][4]  # plain text, no HTML


def test_zhongwen_keeps_each_word_on_one_line(tmp_path: Path):
    messy = VocabItem("研究", "研究", "yán jiū", "research\tstudy", note="line one\nline two\r\n")
    out = tmp_path / "words.tsv"
    export_zhongwen([messy], out)
    (row,) = read_zhongwen(out.read_bytes())
    assert row == ["研究", "研究", "yán jiū", "research study", "line one line two"]


# -- CSV ------------------------------------------------------------------------------------


def test_csv_has_a_header_and_a_plain_and_a_marked_sentence(tmp_path: Path):
    out = tmp_path / "words.csv"
    assert export_csv(ITEMS, out) == 2
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # spreadsheets then read the Chinese as UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert list(rows[0]) == list(CSV_HEADER)
    yang = rows[1]
    assert yang["simplified"] == "数学家" and yang["traditional"] == "數學家"
    assert yang["sentence"] == YANG
    assert yang["sentence_marked"] == YANG.replace("数学家", "【数学家】")
    assert yang["added"] == "2023-11-14T22:13:20Z"
    assert rows[0]["status"] == "known"


@pytest.mark.parametrize(
    "dangerous", ['=HYPERLINK("http://x")', "+1+2", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]
)
def test_csv_neutralises_formulas(tmp_path: Path, dangerous: str):
    item = VocabItem("研究", "研究", "yán jiū", dangerous, note=dangerous)
    out = tmp_path / "words.csv"
    export_csv([item], out)
    (row,) = list(csv.DictReader(io.StringIO(out.read_bytes().decode("utf-8-sig"))))
    for cell in (row["gloss"], row["note"]):
        assert cell == "'" + dangerous
    assert row["simplified"] == "研究"  # ordinary cells untouched


# -- shared behaviour -----------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["pleco", "zhongwen", "csv"])
def test_text_exports_are_deterministic(tmp_path: Path, fmt: str):
    export(ITEMS, tmp_path / f"a.{fmt}", fmt)
    export(ITEMS, tmp_path / f"b.{fmt}", fmt)
    assert (tmp_path / f"a.{fmt}").read_bytes() == (tmp_path / f"b.{fmt}").read_bytes()


@pytest.mark.parametrize("fmt", ["apkg", "pleco", "zhongwen", "csv"])
def test_a_word_listed_twice_is_exported_once(tmp_path: Path, fmt: str):
    assert export([MATHEMATICIAN, MATHEMATICIAN], tmp_path / f"w.{fmt}", fmt) == 1


@pytest.mark.parametrize("fmt", ["apkg", "pleco", "zhongwen", "csv"])
def test_unwritable_target_is_a_one_line_user_error(tmp_path: Path, fmt: str):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(UserError) as caught:
        export(ITEMS, blocker / f"inside.{fmt}", fmt)
    assert "\n" not in str(caught.value)


def test_export_replaces_an_old_file_whole(tmp_path: Path):
    out = tmp_path / "words.tsv"
    out.write_text("old content that is much longer than the new one " * 100, encoding="utf-8")
    export_tsv([MATHEMATICIAN], out)
    assert out.read_text(encoding="utf-8").count("\n") == 1  # tsv: Zhongwen's layout
    assert "old content" not in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "hostile",
    ["../../etc/passwd", "/etc/cron.d/x", "..", "a/../../b", "C:\\Windows\\x", "CON", "\x00\n", ""],
)
def test_suggested_names_stay_in_the_chosen_folder(tmp_path: Path, hostile: str):
    chosen = tmp_path / "exports"
    chosen.mkdir()
    target = export_path_in(chosen, hostile, "apkg")
    assert target.parent == chosen
    assert target.name.endswith(".apkg") and not target.name.startswith(".")
    export_apkg(ITEMS, target)
    assert [p.name for p in tmp_path.iterdir()] == ["exports"]
    assert [p.name for p in chosen.iterdir()] == [target.name]


def test_ordinary_deck_names_are_kept_readable():
    assert safe_filename("HSK 4 新闻词汇", "csv") == "HSK 4 新闻词汇.csv"


def test_suggested_names_take_the_suffix_the_tool_expects():
    assert safe_filename("HSK 4", "pleco") == "HSK 4.txt"
    assert safe_filename("HSK 4", "zhongwen") == "HSK 4.tsv"
    assert safe_filename("HSK 4", "tsv") == "HSK 4.tsv"
