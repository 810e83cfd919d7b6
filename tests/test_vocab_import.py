"""Importing word lists: what zhreader exports comes back as the same words, and files
from Pleco, Zhongwen, Anki or a plain list are read without harming saved words."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.analysis.analyzer import default_analyzer
from app.core.errors import UserError
from app.core.types import VocabItem
from app.core.user.export import export
from app.core.user.vocab import VocabStore
from app.core.user.vocab_import import (
    Completer,
    apply_import,
    load_word_list,
    parse_word_list,
    plan_import,
)
from tests.conftest import TAY, YANG

ITEMS = [
    VocabItem("数学家", "數學家", "shù xué jiā", "mathematician", sentence=YANG,
              article="xAI联合创始人杨格退出", added=1_700_000_000.0),
    VocabItem("从事", "從事", "cóng shì", "to go for; to engage in; to undertake", sentence=TAY,
              article="Yi Tay 回到谷歌", status="known", note="seen twice",
              added=1_700_000_100.0),
    VocabItem("谢谢", "謝謝", "xiè xie", "to thank; thanks"),
    VocabItem("绿", "綠", "lǜ", "green"),
    VocabItem("研究", "研究", "yán jiū", "research; a study; CL:項|项[xiang4]"),
    VocabItem("主义", "主義", "zhǔ yì", "-ism; ideology"),  # a spreadsheet formula's start
]


@pytest.fixture(scope="module")
def lookup() -> Completer:

    return Completer(default_analyzer().dictionary, default_analyzer().reader)


@pytest.fixture
def store(tmp_path: Path):
    with VocabStore(tmp_path / "vocabulary.sqlite3") as opened:
        yield opened


def import_file(path: Path, store: VocabStore, lookup: Completer, status=None):
    parsed = load_word_list(path, lookup)
    plan = plan_import(parsed, {item.simplified: item for item in store.items()}, status)
    apply_import(plan, store)
    return parsed, plan


def saved(store: VocabStore) -> dict[str, VocabItem]:
    return {item.simplified: item for item in store.items()}


# -- round trips: export, then import into an empty vocabulary ------------------------------


@pytest.mark.parametrize(
    ("fmt", "options"), [("pleco", {}), ("pleco", {"group": True}), ("zhongwen", {}),
                         ("csv", {})]
)
def test_export_then_import_gives_the_same_words(tmp_path, store, lookup, fmt, options):
    out = tmp_path / f"words.{fmt}"
    export(ITEMS, out, fmt, **options)
    parsed, plan = import_file(out, store, lookup)
    assert parsed.format == fmt and parsed.unreadable == ()
    assert len(plan.new) == len(ITEMS)
    back = saved(store)
    for item in ITEMS:
        got = back[item.simplified]
        assert (got.traditional, got.pinyin, got.gloss) == (
            item.traditional, item.pinyin, item.gloss
        ), fmt
        assert (got.sentence, got.article, got.note) == (item.sentence, item.article, item.note)
        if item.sentence:  # the word's place in its sentence survives the round trip
            assert got.mark == item.sentence.index(item.traditional if item is ITEMS[1]
                                                   else item.simplified)


def test_csv_round_trip_keeps_status_and_date(tmp_path, store, lookup):
    out = tmp_path / "words.csv"
    export(ITEMS, out, "csv")
    import_file(out, store, lookup)
    back = saved(store)
    assert back["从事"].status == "known" and back["数学家"].status == "learning"
    assert back["数学家"].added == 1_700_000_000.0


def test_a_csv_saved_again_by_a_spreadsheet_with_semicolons(tmp_path, store, lookup):
    out = tmp_path / "words.csv"
    out.write_text("Simplified;Pinyin;Gloss;Status\n银行;yín háng;bank;known\n", encoding="utf-8")
    parsed, _ = import_file(out, store, lookup)
    assert parsed.format == "csv"
    item = saved(store)["银行"]
    assert (item.pinyin, item.gloss, item.status) == ("yín háng", "bank", "known")


def test_a_plain_word_list_gets_pinyin_and_meaning_from_cc_cedict(tmp_path, store, lookup):
    listing = tmp_path / "words.txt"
    listing.write_text("银行\n1. 研究\n學習 to study\n\nhello\n", encoding="utf-8")
    parsed, _plan = import_file(listing, store, lookup)
    assert parsed.format == "words"
    assert parsed.unreadable == (5,)  # "hello" is no Chinese word; the blank line is no line
    back = saved(store)
    assert set(back) == {"银行", "研究", "学习"}  # a traditional word is keyed simplified
    assert back["银行"].pinyin == "yín háng" and "bank" in back["银行"].gloss
    assert back["学习"].traditional == "學習" and "learn" in back["学习"].gloss


# -- files written by the tools themselves --------------------------------------------------


def test_a_pleco_export_with_its_own_categories(tmp_path, store, lookup):
    pleco = tmp_path / "flashcards.txt"
    pleco.write_bytes(
        "//HSK/Level 2\r\n"
        "银行[銀行]\tyin2 hang2\tbank\ueab1CL:家[jia1]\r\n"
        "謝謝\txie4xie5\t\r\n"  # a traditional headword alone, no definition
        "[]\tbroken\r\n".encode("utf-8")
    )
    parsed, _plan = import_file(pleco, store, lookup)
    assert parsed.format == "pleco" and parsed.unreadable == (4,)
    back = saved(store)
    assert back["银行"].pinyin == "yín háng"
    assert back["银行"].gloss.startswith("bank") and "\ueab1" not in back["银行"].gloss
    assert back["银行"].article == ""  # Pleco's own categories are not zhreader articles
    assert back["谢谢"].traditional == "謝謝" and back["谢谢"].pinyin == "xiè xie"
    assert "thank" in back["谢谢"].gloss  # filled from CC-CEDICT


def test_a_zhongwen_list_with_its_zhuyin_column(tmp_path, store, lookup):
    listing = tmp_path / "zhongwen.txt"
    listing.write_bytes(
        "中文\t中文\tzhōng wén\tㄓㄨㄥ ㄨㄣˊ\tChinese language ◆ Chinese writing\tmy note\r\n"
        .encode()
    )
    parsed, _ = import_file(listing, store, lookup)
    assert parsed.format == "zhongwen"
    item = saved(store)["中文"]
    assert item.gloss == "Chinese language; Chinese writing" and item.note == "my note"


def test_anki_notes_of_another_note_type_by_column_names(tmp_path, store, lookup):
    notes = tmp_path / "notes.txt"
    notes.write_text(
        "#separator:tab\n#html:true\n#columns:Front\tPinyin\tBack\tTags\n#tags column:4\n"
        '电脑\tdiàn nǎo\t"computer<br>PC"\tHSK1\n'
        "<b>学生</b>\txué sheng\tstudent\t\n",
        encoding="utf-8",
    )
    parsed, _ = import_file(notes, store, lookup)
    assert parsed.format == "anki"
    back = saved(store)
    assert back["电脑"].gloss == "computer PC" and back["电脑"].pinyin == "diàn nǎo"
    assert back["学生"].pinyin == "xué sheng"


def test_anki_notes_without_names_are_read_by_what_fields_hold(tmp_path, store, lookup):
    notes = tmp_path / "old-anki.txt"
    notes.write_text("to walk\t走\tzǒu\t我们走吧。\n", encoding="utf-8")
    _parsed, _ = import_file(notes, store, lookup)
    item = saved(store)["走"]
    assert (item.pinyin, item.gloss, item.sentence) == ("zǒu", "to walk", "我们走吧。")


# -- what an import does to saved words -----------------------------------------------------


def test_saved_words_keep_their_own_data_and_gain_only_what_they_lacked(tmp_path, store, lookup):
    store.save(VocabItem("数学家", "數學家", "shù xué jiā", "my own gloss"))
    store.save(ITEMS[4])  # 研究, exactly as in the file
    out = tmp_path / "words.tsv"
    export(ITEMS, out, "zhongwen")
    parsed = load_word_list(out, lookup)
    plan = plan_import(parsed, saved(store))
    assert (len(plan.new), len(plan.updated), plan.skipped) == (len(ITEMS) - 2, 1, 1)
    apply_import(plan, store)
    mathematician = saved(store)["数学家"]
    assert mathematician.gloss == "my own gloss"  # never overwritten
    assert mathematician.sentence == YANG  # gained: it had no sentence


def test_a_dry_run_plan_changes_nothing(tmp_path, store, lookup):
    out = tmp_path / "words.txt"
    export(ITEMS, out, "pleco")
    before = store.items()
    plan = plan_import(load_word_list(out, lookup), saved(store))
    assert len(plan.new) == len(ITEMS)
    assert store.items() == before
    assert plan.summary(dry_run=True).startswith(f"would add {len(ITEMS)} new, 0 updated")


def test_known_and_learning_apply_to_every_imported_word(tmp_path, store, lookup):
    store.save(VocabItem("谢谢", "謝謝", "xiè xie", "thanks", status="known"))
    out = tmp_path / "words.txt"
    export(ITEMS, out, "pleco")
    import_file(out, store, lookup, status="known")
    assert {item.status for item in store.items()} == {"known"}
    import_file(out, store, lookup, status="learning")
    assert {item.status for item in store.items()} == {"learning"}


def test_without_a_choice_saved_words_keep_their_status(tmp_path, store, lookup):
    store.save(VocabItem("谢谢", "謝謝", "xiè xie", "thanks", status="known"))
    out = tmp_path / "words.txt"
    export(ITEMS, out, "pleco")
    import_file(out, store, lookup)
    back = saved(store)
    assert back["谢谢"].status == "known" and back["研究"].status == "learning"


def test_a_word_repeated_in_the_file_is_counted_once(tmp_path, lookup):
    parsed = parse_word_list("银行\n银行\n研究\n")
    plan = plan_import(parsed, {})
    assert (len(plan.new), plan.skipped) == (2, 1)


# -- bad files: one clear line, the vocabulary untouched ------------------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"PK\x03\x04" + b"\x00" * 100, "Notes in Plain Text"),
        (b"\x00\x01\x02\x03" * 500, "binary"),
        (b"hello\nworld\n", "no words"),
    ],
)
def test_unusable_files_are_one_line_errors(tmp_path, store, lookup, content, message):
    store.save(ITEMS[0])
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    with pytest.raises(UserError) as caught:
        load_word_list(bad, lookup)
    assert message in str(caught.value) and "\n" not in str(caught.value)
    assert [item.simplified for item in store.items()] == ["数学家"]


def test_a_missing_file_or_a_folder_is_one_line_error(tmp_path, lookup):
    for path in (tmp_path / "missing.txt", tmp_path):
        with pytest.raises(UserError) as caught:
            load_word_list(path, lookup)
        assert "\n" not in str(caught.value)


def test_a_gbk_word_list_is_read(tmp_path, store, lookup):
    listing = tmp_path / "gbk.txt"
    listing.write_bytes("银行\n研究\n数学家\n".encode("gbk"))
    parsed, _ = import_file(listing, store, lookup)
    assert set(saved(store)) == {"银行", "研究", "数学家"} and parsed.unreadable == ()
