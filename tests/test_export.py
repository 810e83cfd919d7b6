"""Exports a learner imports elsewhere: Anki decks, Pleco/Zhongwen TSV, spreadsheet CSV."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import tempfile
import zipfile
from pathlib import Path

import pytest

from app.core.errors import UserError
from app.core.types import VocabItem
from app.core.user.export import (
    ANKI_MODEL_ID,
    CSV_HEADER,
    export,
    export_apkg,
    export_csv,
    export_path_in,
    export_tsv,
    safe_filename,
)
from tests.conftest import article_sentence

YANG = article_sentence("xai-greg-yang-steps-back.txt", "杨格是知名的数学家")
TAY = article_sentence("yi-tay-returns-to-google.txt", "我將回到谷歌")

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


def apkg_notes(path: Path) -> list[tuple[str, list[str], str]]:
    """(guid, fields, tags) of each note, read from the package's SQLite collection."""
    with zipfile.ZipFile(path) as archive, tempfile.TemporaryDirectory() as tmp:
        archive.extract("collection.anki2", tmp)
        conn = sqlite3.connect(Path(tmp) / "collection.anki2")
        rows = conn.execute("SELECT guid, flds, tags FROM notes ORDER BY id").fetchall()
        conn.close()
    return [(guid, flds.split("\x1f"), tags) for guid, flds, tags in rows]


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
    simplified, traditional, pinyin, gloss, sentence, article, _note = fields
    assert (simplified, traditional, pinyin, gloss) == (
        "数学家",
        "數學家",
        "shù xué jiā",
        "mathematician",
    )
    assert sentence == YANG.replace("数学家", "<b>数学家</b>")
    assert article == "xAI联合创始人杨格退出"
    assert "zhreader" in tags.split()


def test_apkg_escapes_html_in_everything_but_the_highlight(tmp_path: Path):
    out = tmp_path / "words.apkg"
    export_apkg(ITEMS, out)
    fields = apkg_notes(out)[0][1]
    assert fields[6] == "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more"
    assert "<b>從事</b>" in fields[4]  # the traditional sentence marks the word too
    assert "<script>" not in "".join(fields)


def test_apkg_note_type_has_a_fixed_id_and_the_learner_fields(tmp_path: Path):
    out = tmp_path / "words.apkg"
    export_apkg(ITEMS, out)
    models = apkg_models(out)
    assert list(models) == [str(ANKI_MODEL_ID)]
    names = [field["name"] for field in models[str(ANKI_MODEL_ID)]["flds"]]
    assert names[:5] == ["Simplified", "Traditional", "Pinyin", "Gloss", "Sentence"]


def test_reexport_updates_cards_instead_of_duplicating(tmp_path: Path):
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
    assert apkg_notes(edited)[1][1][3] == "mathematician; math expert"


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


# -- TSV ------------------------------------------------------------------------------------


def test_tsv_is_in_pleco_zhongwen_order_one_word_per_line(tmp_path: Path):
    out = tmp_path / "words.tsv"
    assert export_tsv(ITEMS, out) == 2
    lines = out.read_bytes().decode("utf-8").split("\n")
    assert lines[-1] == ""  # ends with a newline
    rows = [line.split("\t") for line in lines[:-1]]
    assert rows[1][:4] == ["数学家", "數學家", "shù xué jiā", "mathematician"]
    assert rows[0][:4] == ["从事", "從事", "cóng shì", "to go for; to engage in; to undertake"]
    assert all(len(row) == 5 for row in rows)
    assert "【数学家】" in rows[1][4] and "xAI联合创始人杨格退出" in rows[1][4]
    assert "【從事】" in rows[0][4] and "<script>" in rows[0][4]  # plain text, no HTML


def test_tsv_keeps_each_word_on_one_line(tmp_path: Path):
    messy = VocabItem("研究", "研究", "yán jiū", "research\tstudy", note="line one\nline two\r\n")
    out = tmp_path / "words.tsv"
    export_tsv([messy], out)
    (line,) = out.read_text(encoding="utf-8").splitlines()
    assert line.split("\t") == ["研究", "研究", "yán jiū", "research study", "line one line two"]


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


@pytest.mark.parametrize("fmt", ["tsv", "csv"])
def test_text_exports_are_deterministic(tmp_path: Path, fmt: str):
    export(ITEMS, tmp_path / f"a.{fmt}", fmt)
    export(ITEMS, tmp_path / f"b.{fmt}", fmt)
    assert (tmp_path / f"a.{fmt}").read_bytes() == (tmp_path / f"b.{fmt}").read_bytes()


@pytest.mark.parametrize("fmt", ["apkg", "tsv", "csv"])
def test_a_word_listed_twice_is_exported_once(tmp_path: Path, fmt: str):
    assert export([MATHEMATICIAN, MATHEMATICIAN], tmp_path / f"w.{fmt}", fmt) == 1


@pytest.mark.parametrize("fmt", ["apkg", "tsv", "csv"])
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
    assert out.read_text(encoding="utf-8").count("\n") == 1
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
