"""`zhreader vocab ...` as a user types it: add, list, remove, known, export, --data-dir."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from app.cli import main
from app.core.analysis.analyzer import Analyzer
from app.core.language.segmentation import Segmenter
from app.core.types import Entry, VocabItem
from app.core.user.vocab import VocabStore

REPO = Path(__file__).resolve().parents[1]
ARTICLES = REPO / "resources" / "articles"
TAY_LINE = (ARTICLES / "yi-tay-returns-to-google.txt").read_text(encoding="utf-8").splitlines()[5]
TAY = TAY_LINE[: TAY_LINE.index("。") + 1]  # 我將回到谷歌 DeepMind 從事人工智能研究。

ENGAGE = Entry("從事", "从事", "cóng shì", "cong2 shi4", ("to go for", "to engage in"))
WALK = Entry("行", "行", "xíng", "xing2", ("to walk", "to go"))
ROW = Entry("行", "行", "háng", "hang2", ("row", "line"))


class FakeDictionary:
    """Stands in for app.core.language.dictionary: these tests build no CC-CEDICT index."""

    def __init__(self, entries: dict[str, tuple[Entry, ...]]) -> None:
        self.entries = entries

    def lookup(self, word: str) -> tuple[Entry, ...]:
        return self.entries.get(word, ())

    def gloss(self, word: str) -> tuple[str | None, str | None]:
        return (f"{word[0]}: first part", "parts") if word else (None, None)

    def contains(self, word: str) -> bool:  # what the segmenter asks
        return word in self.entries

    def decompose(self, word: str) -> list[tuple[str, tuple[Entry, ...]]]:
        return [(ch, self.lookup(ch)) for ch in word]

    def readings_many(self, words):  # what the pinyin reader asks for
        found = {}
        for word in words:
            for e in self.entries.get(word, ()):
                found.setdefault(word, []).append((e.pinyin_numbered, e.simplified, e.proper))
        return found


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def dictionary(use_analyzer) -> FakeDictionary:
    """The commands' Analyzer, for this test, reads this dictionary (its reader too)."""
    fake = FakeDictionary({"从事": (ENGAGE,), "從事": (ENGAGE,), "行": (WALK, ROW)})
    use_analyzer(Analyzer(dictionary=fake, segmenter=Segmenter(fake.contains)))
    return fake


def vocab(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), "vocab", *args])


def stored(data_dir: Path) -> list[VocabItem]:
    with VocabStore(data_dir / "vocabulary.sqlite3") as store:
        return store.items()


def test_add_fills_in_the_word_from_the_dictionary(data_dir, dictionary, capsys):
    assert vocab(data_dir, "add", "从事", "--context", TAY, "--article", "Yi Tay 回到谷歌") == 0
    (item,) = stored(data_dir)
    assert (item.simplified, item.traditional, item.pinyin) == ("从事", "從事", "cóng shì")
    assert item.gloss == "to go for; to engage in"
    assert (item.sentence, item.article) == (TAY, "Yi Tay 回到谷歌")
    assert capsys.readouterr().out.startswith("saved 从事 (從事) [cóng shì]")


def test_add_in_traditional_is_stored_under_simplified(data_dir, dictionary):
    vocab(data_dir, "add", "從事")
    assert [item.simplified for item in stored(data_dir)] == ["从事"]


def test_add_twice_keeps_one_entry(data_dir, dictionary):
    vocab(data_dir, "add", "从事")
    vocab(data_dir, "add", "从事", "--context", TAY)
    (item,) = stored(data_dir)
    assert item.sentence == TAY


def test_a_word_with_two_readings_keeps_both_glosses(data_dir, dictionary):
    vocab(data_dir, "add", "行")
    (item,) = stored(data_dir)
    assert item.pinyin == "xíng"
    assert "to walk" in item.gloss and "[háng] row; line" in item.gloss


def test_a_word_outside_the_dictionary_gets_a_gloss_from_its_parts(data_dir, dictionary):
    vocab(data_dir, "add", "人工智能研究")
    (item,) = stored(data_dir)
    assert item.gloss == "人: first part"
    assert item.pinyin == "rén gōng zhì néng yán jiū"


def test_list_shows_words_and_json(data_dir, dictionary, capsys):
    vocab(data_dir, "add", "从事", "--context", TAY)
    vocab(data_dir, "known", "從事")
    capsys.readouterr()
    vocab(data_dir, "list")
    text = capsys.readouterr().out
    assert "从事 (從事) [cóng shì]" in text and "✓" in text
    vocab(data_dir, "list", "--json")
    (entry,) = json.loads(capsys.readouterr().out)
    assert entry["simplified"] == "从事" and entry["status"] == "known"
    assert entry["sentence"] == TAY


def test_remove_and_unknown_words_give_one_line_errors(data_dir, dictionary, capsys):
    vocab(data_dir, "add", "从事")
    assert vocab(data_dir, "remove", "從事") == 0
    assert stored(data_dir) == []
    capsys.readouterr()
    assert vocab(data_dir, "remove", "从事") == 2
    assert vocab(data_dir, "known", "从事") == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and all(line.startswith("zhreader: error: ") for line in err)


@pytest.fixture
def plain_deck(monkeypatch: pytest.MonkeyPatch) -> None:
    """Decks without sentence pinyin: reading it needs the real dictionary, faked here."""
    from app.core.user import anki_deck

    monkeypatch.setattr(anki_deck, "default_sources",
                        lambda analyzer, audio=True: anki_deck.DeckSources())


@pytest.mark.parametrize("fmt", ["apkg", "pleco", "zhongwen", "tsv", "csv"])
def test_export_from_the_command_line(data_dir, dictionary, plain_deck, tmp_path, fmt, capsys):
    vocab(data_dir, "add", "从事", "--context", TAY)
    out = tmp_path / f"words.{fmt}"
    assert vocab(data_dir, "export", "--format", fmt, "--out", str(out)) == 0
    assert f"exported 1 word to {out}" in capsys.readouterr().out
    if fmt == "apkg":
        with zipfile.ZipFile(out) as archive:
            archive.extract("collection.anki2", tmp_path)
        conn = sqlite3.connect(tmp_path / "collection.anki2")
        (fields,) = conn.execute("SELECT flds FROM notes").fetchone()
        conn.close()
        assert "<b>從事</b>" in fields
    else:
        assert "从事" in out.read_text(encoding="utf-8-sig")


def test_export_format_from_the_file_name_and_into_a_folder(data_dir, dictionary, tmp_path):
    vocab(data_dir, "add", "从事")
    assert vocab(data_dir, "export", "--out", str(tmp_path / "mine.tsv")) == 0
    assert (tmp_path / "mine.tsv").read_text(encoding="utf-8").startswith("从事\t從事\t")
    folder = tmp_path / "exports"
    folder.mkdir()
    assert vocab(data_dir, "export", "--format", "csv", "--out", str(folder), "--deck", "../x") == 0
    (written,) = folder.iterdir()
    assert written.suffix == ".csv"


def test_export_errors_are_one_line(data_dir, dictionary, tmp_path, capsys):
    assert vocab(data_dir, "export", "--format", "tsv", "--out", str(tmp_path / "w.tsv")) == 2
    assert "empty" in capsys.readouterr().err
    vocab(data_dir, "add", "从事")
    assert vocab(data_dir, "export", "--out", str(tmp_path / "words.docx")) == 2
    assert "--format" in capsys.readouterr().err
    assert vocab(data_dir, "export", "--group", "--out", str(tmp_path / "words.csv")) == 2
    assert "pleco" in capsys.readouterr().err


def test_a_txt_file_is_pleco_flashcards_grouped_on_request(data_dir, dictionary, tmp_path):
    vocab(data_dir, "add", "从事", "--context", TAY, "--article", "Yi Tay")
    out = tmp_path / "cards.txt"
    assert vocab(data_dir, "export", "--out", str(out), "--group") == 0
    assert out.read_bytes().decode("utf-8").split("\r\n")[:2] == [
        "// zhreader/Yi Tay",
        "从事[從事]\tcong2shi4\tto go for; to engage in"
        " | 我將回到谷歌 DeepMind 【從事】人工智能研究。 | 《Yi Tay》",
    ]


def test_import_previews_then_imports(data_dir, dictionary, tmp_path, capsys):
    listing = tmp_path / "list.txt"
    listing.write_text("从事\n行\nnot chinese\n从事\n", encoding="utf-8")
    assert vocab(data_dir, "import", str(listing), "--dry-run") == 0
    out = capsys.readouterr().out
    assert "word list" in out
    assert "would add 2 new, 0 updated, 1 skipped" in out and "1 unreadable line (3)" in out
    assert stored(data_dir) == []  # a dry run writes nothing
    assert vocab(data_dir, "import", str(listing), "--known") == 0
    assert "added 2 new" in capsys.readouterr().out
    assert {item.simplified for item in stored(data_dir)} == {"从事", "行"}
    assert vocab(data_dir, "list", "--json") == 0
    listed = {entry["simplified"]: entry for entry in json.loads(capsys.readouterr().out)}
    assert listed["从事"]["gloss"] == "to go for; to engage in"  # from the dictionary
    assert {entry["status"] for entry in listed.values()} == {"known"}


def test_import_errors_are_one_line(data_dir, dictionary, tmp_path, capsys):
    assert vocab(data_dir, "import", str(tmp_path / "nothing.txt")) == 2
    (err,) = capsys.readouterr().err.strip().splitlines()
    assert err.startswith("zhreader: error: ") and "no such file" in err


def test_a_corrupt_store_is_reported_once_and_replaced(data_dir, dictionary, capsys):
    data_dir.mkdir()
    (data_dir / "vocabulary.sqlite3").write_bytes(b"not a database at all" * 50)
    assert vocab(data_dir, "add", "从事") == 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "kept as" in err
    assert vocab(data_dir, "list") == 0
    assert capsys.readouterr().err == ""
    assert len(list(data_dir.glob("vocabulary.sqlite3.unreadable-*"))) == 1


def test_data_dir_is_honoured_by_a_real_process(tmp_path: Path):
    data = tmp_path / "elsewhere"
    data.mkdir()
    with VocabStore(data / "vocabulary.sqlite3") as store:
        store.save(VocabItem("从事", "從事", "cóng shì", "to engage in", sentence=TAY))

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "app", "--data-dir", str(data), "vocab", *args],
            cwd=REPO,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=60,
            check=False,
        )

    listed = run("list", "--json")
    assert listed.returncode == 0, listed.stderr
    assert [entry["simplified"] for entry in json.loads(listed.stdout)] == ["从事"]
    known = run("known", "从事")
    assert known.returncode == 0 and known.stderr == ""
    missing = run("remove", "银行")
    assert missing.returncode == 2
    assert missing.stderr.strip() == "zhreader: error: 银行 is not in the vocabulary"
    with VocabStore(data / "vocabulary.sqlite3") as store:
        assert store.known_words() == {"从事", "從事"}


# -- exports never replace zhreader's own data or special files (issue 16) --------------------


def _saved_words(data_dir: Path) -> set[str]:
    for word in ("从事", "行"):
        vocab(data_dir, "add", word)
    return {"从事", "行"}


@pytest.mark.parametrize(
    "target",
    ["vocabulary.sqlite3", "vocabulary.sqlite3-wal", "vocabulary.sqlite3-shm",
     "entity_corrections.json", "word_corrections.json", "../data/./vocabulary.sqlite3"],
)
def test_export_over_the_store_or_its_files_is_refused_and_no_word_is_lost(
    data_dir, dictionary, capsys, target
):
    confirmed = _saved_words(data_dir)
    (data_dir / "entity_corrections.json").write_text('{"ignored": ["谷歌"]}', encoding="utf-8")
    before = {p.name: p.read_bytes() for p in data_dir.iterdir()}
    capsys.readouterr()
    out = data_dir / target
    assert vocab(data_dir, "export", "--format", "csv", "--out", str(out)) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "zhreader's" in err
    assert {p.name: p.read_bytes() for p in data_dir.iterdir()} == before
    assert {item.simplified for item in stored(data_dir)} == confirmed
    assert vocab(data_dir, "list") == 0 and capsys.readouterr().err == ""


def test_export_over_the_store_under_another_name_is_refused(
    data_dir, dictionary, tmp_path, capsys
):
    confirmed = _saved_words(data_dir)
    link = tmp_path / "words.csv"
    os.link(data_dir / "vocabulary.sqlite3", link)  # the same file under another name
    assert vocab(data_dir, "export", "--format", "csv", "--out", str(link)) == 2
    assert "zhreader's vocabulary" in capsys.readouterr().err
    assert {item.simplified for item in stored(data_dir)} == confirmed


def test_export_never_replaces_a_symlink_a_pipe_or_a_device(
    data_dir, dictionary, tmp_path, capsys
):
    _saved_words(data_dir)
    precious = tmp_path / "precious.txt"
    precious.write_text("keep me", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(precious)
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    targets = [link, fifo]
    if os.geteuid() == 0:  # a copy of /dev/null's device node, never the real one
        device = tmp_path / "null.csv"
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        targets.append(device)
    capsys.readouterr()
    for target in targets:
        mode = target.lstat().st_mode
        assert vocab(data_dir, "export", "--format", "csv", "--out", str(target)) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and ("symbolic link" in err or "regular file" in err)
        assert target.lstat().st_mode == mode  # still the same kind of thing
    assert link.is_symlink() and precious.read_text(encoding="utf-8") == "keep me"


def test_export_to_a_missing_folder_says_so_and_creates_nothing(
    data_dir, dictionary, tmp_path, capsys
):
    _saved_words(data_dir)
    capsys.readouterr()
    out = tmp_path / "no" / "such" / "folder" / "words.csv"
    assert vocab(data_dir, "export", "--out", str(out)) == 2
    err = capsys.readouterr().err
    assert "does not exist" in err and str(out.parent) in err
    assert not (tmp_path / "no").exists()


@pytest.mark.parametrize("fmt", ["apkg", "txt", "tsv", "csv"])
def test_exported_files_are_readable_by_others_as_the_umask_says(
    data_dir, dictionary, tmp_path, fmt
):
    _saved_words(data_dir)
    old = os.umask(0o022)
    try:
        out = tmp_path / f"words.{fmt}"
        assert vocab(data_dir, "export", "--out", str(out)) == 0
        assert stat.S_IMODE(out.stat().st_mode) == 0o644
        os.umask(0o077)
        again = tmp_path / f"private.{fmt}"
        assert vocab(data_dir, "export", "--out", str(again)) == 0
        assert stat.S_IMODE(again.stat().st_mode) == 0o600
    finally:
        os.umask(old)


@pytest.mark.parametrize("suffix", ["tsv", "txt"])
def test_zhongwen_and_pleco_neutralise_formulas_as_csv_does(data_dir, dictionary, tmp_path,
                                                             suffix):
    vocab(data_dir, "add", "从事", "--note", "=HYPERLINK(\"http://x\")")
    store = VocabStore(data_dir / "vocabulary.sqlite3")
    store.save(VocabItem("行", "行", "xíng", "-1+1 is not a meaning"))
    store.close()
    out = tmp_path / f"words.{suffix}"
    assert vocab(data_dir, "export", "--out", str(out)) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    cells = [cell for line in lines for cell in line.split("\t")]
    assert all(not cell.startswith(("=", "+", "-", "@")) for cell in cells)
    assert any(cell.startswith("'-1+1") for cell in cells)


def test_leftovers_of_a_killed_export_are_removed_by_the_next_one(
    data_dir, dictionary, tmp_path, monkeypatch
):
    import tempfile
    import time

    _saved_words(data_dir)
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    hour_ago = time.time() - 3 * 3600
    # What a kill -9 left: an earlier version's scratch folder, a half-written temp file.
    legacy = scratch / "zhreader-apkg-k1ll3d"
    legacy.mkdir()
    (legacy / "collection.anki2").write_bytes(b"half a collection")
    os.utime(legacy, (hour_ago, hour_ago))
    out = tmp_path / "words.apkg"
    half = tmp_path / ".words.apkg.deadbeef.tmp"
    half.write_bytes(b"half a package")
    os.utime(half, (hour_ago, hour_ago))
    running = tmp_path / ".words.apkg.0a1b2c3d.tmp"  # another export, writing right now
    running.write_bytes(b"in progress")
    assert vocab(data_dir, "export", "--out", str(out)) == 0
    assert not legacy.exists() and not half.exists()
    assert running.exists()
    assert sorted(p.name for p in scratch.iterdir()) == []
    names = zipfile.ZipFile(out).namelist()
    assert names[:2] == ["collection.anki2", "media"]
    assert all(name.isdigit() for name in names[2:])  # the words' audio, where espeak-ng is


def test_list_shows_control_characters_as_escapes(data_dir, dictionary, capsys):
    vocab(data_dir, "add", "从事")
    with VocabStore(data_dir / "vocabulary.sqlite3") as store:
        store.save(VocabItem("恶意", "惡意", "è yì", "\x1b]0;pwned\x07\x1b[2J\x9b31m"))
    capsys.readouterr()
    assert vocab(data_dir, "list") == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out
    assert "\\x1b]0;pwned\\x07" in out
    assert len(out.splitlines()) == 2  # one line per word


# -- a stray journal file beside the store, from the command line ----------------------------


def test_a_foreign_wal_beside_the_store_loses_no_word_from_the_command_line(
    data_dir, dictionary, tmp_path, capsys
):
    confirmed = _saved_words(data_dir)
    other = sqlite3.connect(tmp_path / "other.db", isolation_level=None)
    other.execute("PRAGMA journal_mode = WAL")
    other.execute("PRAGMA wal_autocheckpoint = 0")
    other.execute("CREATE TABLE t (x)")
    other.executemany("INSERT INTO t VALUES (?)", [("x" * 500,)] * 50)
    (data_dir / "vocabulary.sqlite3-wal").write_bytes((tmp_path / "other.db-wal").read_bytes())
    other.close()
    capsys.readouterr()
    assert vocab(data_dir, "list", "--json") == 0
    out, err = capsys.readouterr()
    assert {entry["simplified"] for entry in json.loads(out)} == confirmed
    assert err.count("\n") == 1 and "did not belong" in err
    assert {item.simplified for item in stored(data_dir)} == confirmed


def test_add_marks_the_occurrence_whose_reading_it_saved(data_dir):
    """为 inside 因为 is not the word saved: the sentence marks the 为 that stands alone."""
    sentence = "因为下雨，她为朋友做了一顿饭。"
    vocab(data_dir, "add", "为", "--context", sentence)
    (item,) = stored(data_dir)
    assert item.mark == sentence.index("她为") + 1
    assert item.pinyin == "wèi"
