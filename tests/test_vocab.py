"""The vocabulary store: words persist, never duplicate, and survive crashes and rivals."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from app.core.errors import UserError
from app.core.types import VocabItem, WordState, WordStatus
from app.core.user.vocab import SCHEMA_VERSION, VocabStore, word_span
from tests.conftest import NOT_A_STATUS, TAY, YANG, scribble_over_a_page

REPO = Path(__file__).resolve().parents[1]
ARTICLES = REPO / "resources" / "articles"




@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "vocabulary.sqlite3"


@pytest.fixture
def store(store_path: Path):
    with VocabStore(store_path) as opened:
        yield opened


def word(simplified: str, traditional: str = "", *, gloss: str = "", sentence: str = "",
         article: str = "", note: str = "", added: float = 0.0,
         status: WordStatus = "learning") -> VocabItem:
    return VocabItem(simplified, traditional or simplified, "", gloss, sentence=sentence,
                     article=article, added=added, status=status, note=note)


# -- persistence and upsert -----------------------------------------------------------------


def test_saved_word_is_there_after_reopening(store_path: Path):
    with VocabStore(store_path) as store:
        saved = store.save(
            VocabItem(
                "数学家",
                "數學家",
                "shù xué jiā",
                "mathematician",
                sentence=YANG,
                article="xAI联合创始人杨格退出",
                note="from the xAI story",
            )
        )
    assert saved.added > 0
    with VocabStore(store_path) as reopened:
        again = reopened.get("数学家")
    assert again == saved
    assert again.sentence == YANG and again.status == "learning"


def test_default_location_is_the_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("ZHREADER_DATA_DIR", str(tmp_path / "data"))
    with VocabStore() as store:
        store.save(word("数学家", "數學家"))
    assert (tmp_path / "data" / "vocabulary.sqlite3").is_file()


def test_saving_twice_updates_instead_of_duplicating(store: VocabStore):
    first = store.save(word("研究员", "研究員", gloss="researcher", sentence=YANG, added=1000.0))
    second = store.save(
        word("研究员", "研究員", gloss="researcher; research fellow", sentence="", note="")
    )
    assert len(store.items()) == 1
    assert second.added == first.added == 1000.0  # first-seen time is kept
    assert second.gloss == "researcher; research fellow"
    assert second.sentence == YANG  # not given again -> kept


def test_a_new_sentence_replaces_the_old_one_with_its_article(store: VocabStore):
    store.save(word("研究", gloss="research", sentence=YANG, article="杨格"))
    updated = store.save(word("研究", sentence=TAY, article="Yi Tay 回到谷歌"))
    assert (updated.sentence, updated.article, updated.gloss) == (
        TAY,
        "Yi Tay 回到谷歌",
        "research",
    )


def test_resaving_a_known_word_does_not_demote_it(store: VocabStore):
    store.save(word("知名"))
    store.set_status("知名", "known")
    assert store.save(word("知名", gloss="famous")).status == "known"


def test_found_by_either_script(store: VocabStore):
    store.save(word("从事", "從事", gloss="to go for; to engage in"))
    assert store.get("從事").simplified == "从事"
    assert store.get("从事").traditional == "從事"
    assert store.get("事") is None


def test_items_are_newest_first(store: VocabStore):
    for n, text in enumerate(["数学家", "研究员", "知名"]):
        store.save(word(text, added=1000.0 + n))
    assert [item.simplified for item in store.items()] == ["知名", "研究员", "数学家"]


def test_remove_by_traditional_and_missing_word(store: VocabStore):
    store.save(word("从事", "從事"))
    assert store.remove("從事") is True
    assert store.get("从事") is None
    assert store.remove("從事") is False


def test_known_words_cover_both_scripts_and_can_be_undone(store: VocabStore):
    store.save(word("从事", "從事"))
    store.save(word("研究"))
    assert store.set_status("从事", "known")
    assert store.known_words() == {"从事", "從事"}
    store.set_status("從事", "learning")
    assert store.known_words() == set()
    assert store.set_status("没有", "known") is False
    with pytest.raises(ValueError):
        store.set_status("研究", NOT_A_STATUS)


def test_note_is_kept(store_path: Path):
    with VocabStore(store_path) as store:
        store.save(word("数学家"))
        assert store.set_note("数学家", "杨格 is one")
    with VocabStore(store_path) as store:
        assert store.get("数学家").note == "杨格 is one"


def test_saving_many_is_all_or_nothing(store: VocabStore):
    store.save(word("研究", gloss="research"))
    with pytest.raises(ValueError):
        store.save_many([word("银行", "銀行", gloss="bank"), word(" ", gloss="broken")])
    assert [item.simplified for item in store.items()] == ["研究"]
    assert store.save_many([word("银行", "銀行", gloss="bank"), word("研究", note="n")]) == 2
    saved = {item.simplified: item for item in store.items()}
    assert saved["研究"].gloss == "research" and saved["研究"].note == "n"


def test_saving_many_with_exact_status_can_demote(store: VocabStore):
    store.save(word("研究", status="known"))
    store.save_many([word("研究")])
    assert store.get("研究").status == "known"  # as save: learning does not demote
    store.save_many([word("研究")], exact_status=True)
    assert store.get("研究").status == "learning"


def test_empty_word_is_refused(store: VocabStore):
    with pytest.raises(ValueError):
        store.save(word("  "))


def test_missing_traditional_is_filled_in(store: VocabStore):
    assert store.save(VocabItem("数学家", "", "", "")).traditional == "數學家"


# -- word states (unknown, learning 1-4, known, ignored) -----------------------------------


def test_a_word_marked_known_or_ignored_stays_out_of_the_list(store_path: Path):
    with VocabStore(store_path) as store:
        store.set_state("研究", "known")
        store.set_state("從事", "ignored")
    with VocabStore(store_path) as store:  # the states outlive a restart
        assert store.items() == [] and len(store) == 0
        assert store.known_words() == {"研究"}
        states = store.states()
        assert states["研究"] == WordState("known")
        # A traditional word is keyed by its simplified form and found by either.
        assert states["从事"] == states["從事"] == WordState("ignored")
        assert store.get("從事").saved is False


def test_a_version_2_store_gains_states_and_keeps_its_words(tmp_path: Path):
    from app.core.user import vocab

    path = tmp_path / "v2.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {vocab.APPLICATION_ID}")
    vocab._MIGRATIONS[0](conn)
    vocab._MIGRATIONS[1](conn)
    conn.execute("PRAGMA user_version = 2")
    conn.execute(
        "INSERT INTO vocab (simplified, traditional, pinyin, gloss, sentence, article, added,"
        " updated, status, note, mark) VALUES ('银行', '銀行', 'yín háng', 'bank', '我去银行。',"
        " 'old', 1.0, 1.0, 'known', '', 2), ('研究', '研究', '', '', '', '', 2.0, 2.0,"
        " 'learning', '', -1)"
    )
    conn.commit()
    conn.close()
    with VocabStore(path) as store:
        items = {item.simplified: item for item in store.items()}
        assert set(items) == {"银行", "研究"}  # still listed: they were saved
        assert (items["银行"].status, items["银行"].mark) == ("known", 2)
        assert (items["研究"].status, items["研究"].level) == ("learning", 1)
        store.set_state("的", "ignored")  # the new states are accepted
        assert store.states()["的"].status == "ignored"


# -- file format and migrations -------------------------------------------------------------


def test_store_is_wal_and_versioned(store_path: Path):
    VocabStore(store_path).close()
    raw = sqlite3.connect(store_path)
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    raw.close()


def test_an_empty_file_becomes_a_store(store_path: Path):
    store_path.touch()
    with VocabStore(store_path) as store:
        store.save(word("知名"))
        assert store.notice is None
    assert not list(store_path.parent.glob("*.unreadable-*"))


def test_a_store_from_a_newer_version_is_refused_and_left_alone(store_path: Path):
    with VocabStore(store_path) as store:
        store.save(word("知名"))
    raw = sqlite3.connect(store_path)
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    raw.commit()
    raw.close()
    with pytest.raises(UserError, match="newer"):
        VocabStore(store_path)
    raw = sqlite3.connect(store_path)
    assert raw.execute("SELECT simplified FROM vocab").fetchall() == [("知名",)]
    raw.close()


# -- corrupt or foreign files ---------------------------------------------------------------


def _asides(store_path: Path) -> list[Path]:
    return sorted(
        p for p in store_path.parent.glob(store_path.name + ".unreadable-*") if "-wal" not in p.name
    )


def test_garbage_file_is_kept_aside_and_a_fresh_store_starts(store_path: Path):
    garbage = "这不是数据库\n".encode() * 100
    store_path.write_bytes(garbage)
    with VocabStore(store_path) as store:
        assert store.notice is not None
        (aside,) = _asides(store_path)
        assert aside.name in store.notice
        assert "\n" not in store.notice
        assert aside.read_bytes() == garbage  # renamed, never deleted or altered
        store.save(word("知名"))
    with VocabStore(store_path) as again:
        assert again.notice is None
        assert [item.simplified for item in again.items()] == ["知名"]


def test_another_programs_sqlite_file_is_not_written_into(store_path: Path):
    other = sqlite3.connect(store_path)
    other.execute("CREATE TABLE bookmarks (url TEXT)")
    other.execute("INSERT INTO bookmarks VALUES ('https://example.org')")
    other.commit()
    other.close()
    with VocabStore(store_path) as store:
        assert store.notice and "another program" in store.notice
        store.save(word("知名"))
    (aside,) = _asides(store_path)
    kept = sqlite3.connect(aside)
    assert kept.execute("SELECT url FROM bookmarks").fetchall() == [("https://example.org",)]
    assert kept.execute("SELECT count(*) FROM sqlite_master WHERE name='vocab'").fetchone() == (0,)
    kept.close()


def test_damaged_store_is_kept_aside(store_path: Path):
    with VocabStore(store_path) as store:
        for n in range(40):
            store.save(word(f"词{n}", note="笔记" * 2000))
    raw = sqlite3.connect(store_path)
    raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw.close()
    data = bytearray(store_path.read_bytes())
    page = 4096
    data[page : page * 6] = b"\xff" * (page * 5)  # scribble over b-tree pages
    store_path.write_bytes(bytes(data))
    with VocabStore(store_path) as store:
        assert store.notice is not None
        back = store.items()  # only whole words come back, long notes included
        assert len(back) < 40
        assert all(i.simplified.startswith("词") and i.note == "笔记" * 2000 for i in back)
    (aside,) = _asides(store_path)
    assert aside.read_bytes() == bytes(data)


@pytest.mark.parametrize("which", ["rows", "first", "root"])
def test_the_words_on_intact_pages_of_a_damaged_store_are_kept(store_path: Path, which: str):
    """A bad page must not cost every saved word: what can be read is taken back, through
    SQLite where it can still find the rows, from the file's bytes where it cannot."""
    with VocabStore(store_path) as store:
        store.save_many([word(f"词{n}", gloss=f"gloss {n}", sentence=f"我学了词{n}。" * 10)
                         for n in range(300)])
        store.set_state("记住", "known")  # a word state of a word never saved
    with VocabStore(store_path) as store:
        saved = {item.simplified: item for item in store.items()}
    damaged = scribble_over_a_page(store_path, which)
    with VocabStore(store_path) as store:
        kept = store.items()
        known = store.get("记住")
        assert known is None or known.status == "known"
        assert store.notice is not None and "\n" not in store.notice
        rows = len(kept) + (known is not None)
        assert f"the {rows} saved and marked words that could still be read" in store.notice
        if which == "rows":
            assert 0 < len(kept) < len(saved)  # the scribbled page's words are gone, no others
        else:  # the rows themselves were intact
            assert len(kept) == len(saved) and known is not None
        for item in kept:
            assert item == saved[item.simplified]  # glosses, sentences, dates unchanged
        store.save(word("新词"))  # the new store is a normal, writable store
    (aside,) = _asides(store_path)
    assert aside.read_bytes() == damaged  # the damaged file is kept exactly as it was
    with VocabStore(store_path) as again:
        assert again.notice is None
        assert len(again.items()) == len(kept) + 1


def test_randomly_damaged_stores_always_open(store_path: Path):
    """Whatever the damage (bytes flipped, the file cut short, its first page garbage), the
    store opens with a one-line notice, never a traceback or a hang, and whatever comes back
    is a word that was saved."""
    import random

    with VocabStore(store_path) as store:
        store.save_many([word(f"词{n}", note="笔" * (n * 40)) for n in range(80)])
    raw = sqlite3.connect(store_path)
    raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw.close()
    healthy = store_path.read_bytes()
    chance = random.Random(7)
    for _ in range(40):
        data = bytearray(healthy)
        for _ in range(chance.randint(1, 200)):
            data[chance.randrange(len(data))] = chance.randrange(256)
        if chance.random() < 0.3:
            data = data[: chance.randrange(len(data))]
        for extra in store_path.parent.iterdir():
            extra.unlink()
        store_path.write_bytes(bytes(data))
        with VocabStore(store_path) as store:
            assert store.notice is None or "\n" not in store.notice
            assert len(store.items()) <= 80


# -- crashes and concurrent instances -------------------------------------------------------

_SAVER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from app.core.types import VocabItem
    from app.core.user.vocab import VocabStore

    store = VocabStore(Path(sys.argv[1]))
    prefix = sys.argv[2]
    limit = int(sys.argv[3])
    sys.stdin.readline()  # wait for "go" so rival writers really overlap
    n = 0
    while limit < 0 or n < limit:
        word = f"{prefix}{n}"
        # Notes of a few pages make each commit span several WAL frames.
        store.save(VocabItem(word, word, "cí", f"gloss {n}", note="笔记" * 3000))
        print(word, flush=True)  # confirmed only after save() returned
        n += 1
    store.save(VocabItem("共同", "共同", "gòng tóng", "common", note=prefix))
    print("done", flush=True)
    """
)


def _start_saver(store_path: Path, prefix: str, limit: int) -> subprocess.Popen[str]:
    return _run_script(_SAVER, store_path, prefix, str(limit))


def _run_script(script: str, *args: object) -> subprocess.Popen[str]:
    """A Python child running `script` from the repository, talking through pipes."""
    return subprocess.Popen(
        [sys.executable, "-c", script, *map(str, args)],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )


def _confirmed_until_killed(child: subprocess.Popen[str], count: int) -> list[str]:
    """Say "go", read `count` confirmations, kill -9; every line confirmed before the kill.

    Anything printed before the kill was confirmed to the user; a cut line was not.
    """
    try:
        child.stdin.write("go\n")
        child.stdin.flush()
        confirmed = []
        while len(confirmed) < count:
            line = child.stdout.readline()
            assert line, f"the child died: {child.stderr.read()}"
            confirmed.append(line.strip())
        os.kill(child.pid, signal.SIGKILL)
        rest, _ = child.communicate(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == -signal.SIGKILL
    return confirmed + [line for line in rest.split("\n")[:-1] if line]


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_kill_9_while_saving_keeps_every_confirmed_word(store_path: Path):
    VocabStore(store_path).close()
    child = _start_saver(store_path, "词", -1)
    confirmed = _confirmed_until_killed(child, 40)
    with VocabStore(store_path) as store:
        assert store.notice is None
        saved = {item.simplified for item in store.items()}
        store.save(word("知名"))  # still writable: no lock left behind
    assert set(confirmed) <= saved
    raw = sqlite3.connect(store_path)
    assert raw.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    raw.close()


# A reader turning pages of 10,000-word articles: "mark the rest known" on each visible
# page, then on the whole rest of the article at once (one 5,000-word transaction).
_PAGE_TURNER = textwrap.dedent(
    """
    import ast, sys
    from pathlib import Path
    from app.core.types import VocabItem
    from app.core.user.vocab import VocabStore

    store = VocabStore(Path(sys.argv[1]))
    pages = ast.literal_eval(sys.argv[2])
    store.save(VocabItem("数学家", "數學家", "shù xué jiā", "mathematician"))
    print("saved", flush=True)
    sys.stdin.readline()
    article = 0
    while True:
        words = [f"{chr(0x4E00 + article)}{n:05d}" for n in range(10_000)]
        for lo, hi in pages:
            store.set_states([*words[lo:hi], "数学家"], "known")  # only unknown words change
            print(article, lo, hi, flush=True)  # confirmed: set_states has committed
        article += 1
    """
)


_PAGES = ((0, 1000), (1000, 2000), (2000, 3000), (3000, 5000), (5000, 10_000))


def _page_words(article: int, lo: int, hi: int) -> list[str]:
    return [f"{chr(0x4E00 + article)}{n:05d}" for n in range(lo, hi)]


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_kill_9_while_marking_the_rest_known_keeps_every_confirmed_page(store_path: Path):
    child = _run_script(_PAGE_TURNER, store_path, repr(_PAGES))
    assert child.stdout.readline().strip() == "saved", child.stderr.read()
    # Into the second article, past a whole-article mark; the kill most likely lands
    # inside the next transaction.
    confirmed = _confirmed_until_killed(child, 7)
    pages = [tuple(map(int, line.split())) for line in confirmed]
    article, lo, hi = pages[-1]
    after = _PAGES.index((lo, hi)) + 1
    in_flight = (article, *_PAGES[after]) if after < len(_PAGES) else (article + 1, *_PAGES[0])
    with VocabStore(store_path) as store:
        assert store.notice is None
        states = store.states()
        for page in pages:
            assert all(states.get(w) == WordState("known") for w in _page_words(*page))
        # The page being marked when the kill came is there whole or not at all.
        marked = [w in states for w in _page_words(*in_flight)]
        assert all(marked) or not any(marked)
        # The saved word amid the pages kept its own state and its place in the list.
        assert [(i.simplified, i.status) for i in store.items()] == [("数学家", "learning")]
        store.set_state("知名", "known")  # still writable: no lock left behind
    raw = sqlite3.connect(store_path)
    assert raw.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    raw.close()


_HALF_WRITER = textwrap.dedent(
    """
    import sqlite3, sys
    from pathlib import Path
    from app.core.types import VocabItem
    from app.core.user.vocab import VocabStore

    store = VocabStore(Path(sys.argv[1]))
    store.save(VocabItem("数学家", "數學家", "shù xué jiā", "mathematician"))
    print("confirmed", flush=True)
    raw = sqlite3.connect(sys.argv[1], isolation_level=None)
    raw.execute("BEGIN IMMEDIATE")
    raw.execute(
        "INSERT INTO vocab (simplified, traditional, added, updated) VALUES (?, ?, 1, 1)",
        ("研究员", "研究員"),
    )
    print("inside", flush=True)
    sys.stdin.readline()  # killed here, before COMMIT
    """
)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_kill_9_inside_a_write_leaves_a_readable_writable_store(store_path: Path):
    child = subprocess.Popen(
        [sys.executable, "-c", _HALF_WRITER, str(store_path)],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout.readline().strip() == "confirmed", child.stderr.read()
        assert child.stdout.readline().strip() == "inside", child.stderr.read()
        os.kill(child.pid, signal.SIGKILL)
        child.communicate(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    with VocabStore(store_path) as store:
        assert store.notice is None
        assert [item.simplified for item in store.items()] == ["数学家"]
        store.save(word("研究员", "研究員"))  # the dead writer's lock is gone
        assert store.get("研究員") is not None


def test_two_processes_writing_at_once_lose_nothing(store_path: Path):
    VocabStore(store_path).close()
    writers = [_start_saver(store_path, prefix, 40) for prefix in ("甲", "乙")]
    try:
        for writer in writers:
            writer.stdin.write("go\n")
            writer.stdin.flush()
        outputs = [writer.communicate(timeout=120) for writer in writers]
    finally:
        for writer in writers:
            if writer.poll() is None:
                writer.kill()
    for writer, (out, err) in zip(writers, outputs, strict=True):
        assert writer.returncode == 0, err
        assert out.rstrip().endswith("done")
    with VocabStore(store_path) as store:
        saved = [item.simplified for item in store.items()]
        shared = store.get("共同")
    expected = {f"{prefix}{n}" for prefix in ("甲", "乙") for n in range(40)} | {"共同"}
    assert sorted(saved) == sorted(expected)  # every word once, none lost
    assert shared.note in {"甲", "乙"}


def test_two_instances_in_one_process_see_each_others_changes(store_path: Path):
    with VocabStore(store_path) as window, VocabStore(store_path) as panel:
        window.save(word("数学家", gloss="mathematician"))
        assert panel.get("数学家").gloss == "mathematician"
        panel.set_note("数学家", "杨格")
        window.set_status("数学家", "known")
        both = window.get("数学家")
    assert (both.note, both.status) == ("杨格", "known")


# -- the word inside its sentence -----------------------------------------------------------


def test_word_is_found_in_a_sentence_of_the_other_script():
    item = VocabItem("从事", "從事", "cóng shì", "to engage in", sentence=TAY)
    start, end = word_span(item)
    assert TAY[start:end] == "從事"


def test_word_missing_from_sentence_has_no_span():
    assert word_span(VocabItem("银行", "銀行", "", "", sentence=YANG)) is None


# -- saved position ------------------------------------------------------------------------


def test_saved_position_marks_the_right_occurrence_of_a_repeated_word(tmp_path):
    from app.core.user.vocab import marked_sentence

    sentence = "他说行，银行也说行。"
    with VocabStore(tmp_path / "v.sqlite3") as store:
        store.save(VocabItem("行", "行", "xíng", "OK", sentence=sentence, mark=8))
        saved = store.get("行")
    assert saved is not None and saved.mark == 8
    assert marked_sentence(saved, "[", "]") == "他说行，银行也说[行]。"


def test_a_version_1_store_is_migrated_and_keeps_its_words(tmp_path):
    import sqlite3

    from app.core.user import vocab

    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {vocab.APPLICATION_ID}")
    vocab._MIGRATIONS[0](conn)
    conn.execute("PRAGMA user_version = 1")
    conn.execute(
        "INSERT INTO vocab (simplified, traditional, pinyin, gloss, sentence, article, added,"
        " updated, status, note) VALUES ('银行', '銀行', 'yín háng', 'bank', '我去银行。',"
        " 'old', 1.0, 1.0, 'known', '')"
    )
    conn.commit()
    conn.close()
    with VocabStore(path) as store:
        item = store.get("銀行")
        assert item is not None
        assert (item.gloss, item.status, item.mark) == ("bank", "known", -1)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == vocab.SCHEMA_VERSION
    conn.close()


# -- files beside the store that are not its own (issue 16) ---------------------------------


def _foreign_wal(folder: Path, page_size: int = 4096) -> bytes:
    """The -wal of another program's SQLite database, caught before its checkpoint."""
    other = folder / "bookmarks.sqlite3"
    conn = sqlite3.connect(other, isolation_level=None)
    conn.execute(f"PRAGMA page_size = {page_size}")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("CREATE TABLE bookmarks (url TEXT)")
    for n in range(60):
        conn.execute("INSERT INTO bookmarks VALUES (?)", (f"https://example.org/{n}" * 20,))
    wal = (folder / "bookmarks.sqlite3-wal").read_bytes()
    conn.close()
    return wal


def _confirmed_words(store_path: Path) -> set[str]:
    words = {"数学家", "研究员", "知名"}
    with VocabStore(store_path) as store:
        for text in words:
            store.save(word(text, gloss=f"{text} gloss", sentence=YANG))
    return words


@pytest.mark.parametrize("page_size", [4096, 1024])
def test_a_foreign_wal_beside_the_store_is_set_aside_unread(tmp_path: Path, page_size: int):
    store_path = tmp_path / "data" / "vocabulary.sqlite3"
    store_path.parent.mkdir()
    confirmed = _confirmed_words(store_path)
    before = store_path.read_bytes()
    stray = _foreign_wal(tmp_path, page_size)
    (store_path.parent / "vocabulary.sqlite3-wal").write_bytes(stray)
    with VocabStore(store_path) as store:
        assert store.notice and "did not belong" in store.notice and "\n" not in store.notice
        assert {item.simplified for item in store.items()} == confirmed
    # Closing did not replay it either: every confirmed word is in the file itself.
    assert store_path.read_bytes() == before
    with VocabStore(store_path) as again:
        assert again.notice is None
        assert {item.simplified for item in again.items()} == confirmed
    (aside,) = store_path.parent.glob("vocabulary.sqlite3-wal.stray-*")
    assert aside.read_bytes() == stray  # kept as it was, for whoever wants it back


def test_a_garbage_wal_is_set_aside_and_the_words_kept(store_path: Path):
    confirmed = _confirmed_words(store_path)
    junk = b"\x37\x7f\x06\x82" + bytes(range(256)) * 40  # a WAL magic number, then noise
    (store_path.parent / "vocabulary.sqlite3-wal").write_bytes(junk)
    with VocabStore(store_path) as store:
        assert {item.simplified for item in store.items()} == confirmed
        store.save(word("银行", "銀行"))
    with VocabStore(store_path) as again:
        assert {item.simplified for item in again.items()} == confirmed | {"银行"}


def test_a_wal_that_belongs_to_the_store_is_replayed(store_path: Path):
    # Words committed only to the WAL (a process killed before its checkpoint) are kept.
    confirmed = _confirmed_words(store_path)
    writer = sqlite3.connect(store_path, isolation_level=None)
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    with VocabStore(store_path) as store:
        store.save(word("银行", "銀行"))
        wal = (store_path.parent / "vocabulary.sqlite3-wal").read_bytes()
    (store_path.parent / "vocabulary.sqlite3-wal").write_bytes(wal)  # as a crash leaves it
    writer.close()
    with VocabStore(store_path) as again:
        assert again.notice is None
        assert {item.simplified for item in again.items()} == confirmed | {"银行"}


def test_a_foreign_wal_mode_file_is_set_aside_without_being_written(
    tmp_path: Path, store_path: Path
):
    # Another program's database in WAL mode, its last writes still in its -wal.
    elsewhere = tmp_path / "other"
    elsewhere.mkdir()
    other = sqlite3.connect(elsewhere / "app.db", isolation_level=None)
    other.execute("PRAGMA journal_mode = WAL")
    other.execute("PRAGMA wal_autocheckpoint = 0")
    other.execute("CREATE TABLE bookmarks (url TEXT)")
    other.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the table is in the file itself
    other.execute("INSERT INTO bookmarks VALUES ('https://example.org')")
    files = {suffix: (elsewhere / f"app.db{suffix}").read_bytes() for suffix in ("", "-wal")}
    other.close()
    for suffix, data in files.items():
        (store_path.parent / f"{store_path.name}{suffix}").write_bytes(data)
    with VocabStore(store_path) as store:
        assert store.notice and "another program" in store.notice
        store.save(word("知名"))
    (aside,) = _asides(store_path)
    # Opened only as a copy: neither the file nor its WAL was written into.
    assert aside.read_bytes() == files[""]
    assert (aside.parent / f"{aside.name}-wal").read_bytes() == files["-wal"]


# -- folders that cannot be written ---------------------------------------------------------


def test_a_read_only_folder_still_lists_the_words_and_refuses_changes(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from app.core.user import sqlite_store

    confirmed = _confirmed_words(store_path)
    before = sorted(p.name for p in store_path.parent.iterdir())
    content = store_path.read_bytes()
    # Root writes anywhere whatever the mode: the folder's answer is what we control.
    monkeypatch.setattr(sqlite_store, "writable", lambda path: False)
    with VocabStore(store_path) as store:
        assert store.read_only
        assert store.notice and "can only be read" in store.notice
        assert {item.simplified for item in store.items()} == confirmed
        assert store.get("数学家") is not None
        with pytest.raises(UserError, match="can only be read") as caught:
            store.save(word("银行"))
        assert "\n" not in str(caught.value)
        with pytest.raises(UserError):
            store.remove("知名")
    # Nothing was written: no -wal, no -shm, the same bytes.
    assert sorted(p.name for p in store_path.parent.iterdir()) == before
    assert store_path.read_bytes() == content


def test_a_folder_named_like_the_store_is_a_one_line_error(store_path: Path):
    store_path.mkdir()
    with pytest.raises(UserError, match="is a folder") as caught:
        VocabStore(store_path)
    assert "\n" not in str(caught.value)


def test_a_data_folder_that_is_a_file_is_a_one_line_error(tmp_path: Path):
    data = tmp_path / "data"
    data.write_text("not a folder")
    with pytest.raises(UserError, match="data folder") as caught:
        VocabStore(data / "vocabulary.sqlite3")
    assert "\n" not in str(caught.value)
    assert data.read_text() == "not a folder"


def test_the_window_falls_back_to_memory_for_every_unusable_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from app.core.user import sqlite_store
    from app.core.user.vocab import MemoryVocab, open_vocabulary

    file_dir = tmp_path / "file"
    file_dir.write_text("x")
    folder_store = tmp_path / "folder" / "vocabulary.sqlite3"
    folder_store.mkdir(parents=True)
    for path in (file_dir / "vocabulary.sqlite3", folder_store):
        stand_in = open_vocabulary(path)
        assert isinstance(stand_in, MemoryVocab)
        assert stand_in.notice and "until you quit" in stand_in.notice
        stand_in.save(word("银行", "銀行"))
        assert stand_in.get("銀行") is not None
    # A read-only folder: the words that are there are shown, new ones kept in memory.
    readable = tmp_path / "ro" / "vocabulary.sqlite3"
    readable.parent.mkdir()
    confirmed = _confirmed_words(readable)
    monkeypatch.setattr(sqlite_store, "writable", lambda path: False)
    stand_in = open_vocabulary(readable)
    assert isinstance(stand_in, MemoryVocab)
    assert {item.simplified for item in stand_in.items()} == confirmed


def test_a_full_disk_still_lists_the_words_and_refuses_changes_in_one_line(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
):
    confirmed = _confirmed_words(store_path)

    def disk_full(self: VocabStore, trusted: bool) -> sqlite3.Connection:
        raise sqlite3.OperationalError("database or disk is full")  # the -shm cannot be made

    monkeypatch.setattr(VocabStore, "_open_checked", disk_full)
    with VocabStore(store_path) as store:
        assert store.read_only and "disk is full" in (store.notice or "")
        assert {item.simplified for item in store.items()} == confirmed
        with pytest.raises(UserError, match="nothing was changed"):
            store.set_status("知名", "known")
    monkeypatch.undo()
    with VocabStore(store_path) as again:  # room again: everything is still there, writable
        assert {item.simplified for item in again.items()} == confirmed
        assert again.set_status("知名", "known")
