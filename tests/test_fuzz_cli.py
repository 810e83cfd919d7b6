"""A bounded fuzz run over the command line: generated paths, encodings and nested structures.

Each example is a short session of commands against a fresh data folder, with documents in
every encoding zhreader reads (cut short, with stray bytes), file names with markup,
control characters, undecodable bytes and impossible lengths, and deeply nested JSON put
where zhreader keeps its corrections and cached analyses. Whatever happens:

* every message is zhreader's own line (`zhreader: error:` / `zhreader: note:`), never a
  traceback or the "unexpected" catch-all;
* every word whose `vocab add` succeeded is still in the store afterwards;
* the store files are never replaced by an export.

Bounded: a fixed number of derandomised examples (a few seconds; well under a minute in CI).
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from app.cli import main
from app.core.user.vocab import VocabStore

from .conftest import ARTICLES

SIMPLIFIED = (ARTICLES / "xai-greg-yang-steps-back.txt").read_text("utf-8")[:400]
TRADITIONAL = (ARTICLES / "yi-tay-returns-to-google.txt").read_text("utf-8")[:400]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "gb18030",
             "gbk", "big5", "cp950", "latin-1"]
WORDS = ["银行", "研究员", "數學家", "行", "杨格", "知名"]


@st.composite
def documents(draw: st.DrawFn) -> bytes:
    """Article bytes in some encoding, perhaps cut mid-character or with stray bytes."""
    kind = draw(st.sampled_from(["encoded", "html", "binary", "nested"]))
    if kind == "binary":
        return draw(st.binary(max_size=600))
    if kind == "nested":
        depth = draw(st.integers(1, 5_000))  # deeper than any parser recursion goes
        return draw(st.sampled_from(["[", '{"a":', "<div>", "<!--"])).encode() * depth
    text = draw(st.sampled_from([SIMPLIFIED, TRADITIONAL]))
    text = text[: draw(st.integers(1, len(text)))]
    if kind == "html":
        tail = draw(st.sampled_from(["", "<!-- unclosed", "<div class='x", "<script>x=1",
                                     "</p", "&lt;img src=x&gt;"]))
        text = f"<html><head><title>{text[:10]}</title></head><body><p>{text}</p>{tail}"
    encoding = draw(st.sampled_from(ENCODINGS))
    data = text.encode(encoding, errors="replace")
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(min_size=1, max_size=2)) + data[at:]
    return data


NAME_CHARS = st.one_of(
    st.sampled_from([*"文字abc.-_ <>&\"'\\", "\x1b", "\x07", "\u202e", "\udcff", "\ufffd"]),
    st.characters(codec="utf-8", exclude_categories=("Cs",)),
)
names = st.one_of(
    st.text(NAME_CHARS, min_size=1, max_size=40),
    st.integers(250, 300).map(lambda n: "长" * n),  # longer than a file name may be
)
# Not starting with "-": argparse would read those as options (its own usage error).
words = st.one_of(
    st.sampled_from(WORDS),
    st.text(NAME_CHARS, min_size=1, max_size=12).filter(lambda w: not w.startswith("-")),
)


@st.composite
def commands(draw: st.DrawFn) -> tuple[str, list[str], bytes | str | None]:
    """(what, argv after --data-dir, payload): payload is a file's bytes or stdin."""
    what = draw(st.sampled_from(
        ["analyze-file", "analyze-stdin", "analyze-lines", "add", "list", "export",
         "export-own", "entities", "nest-corrections", "nest-cache", "stray-wal", "lookup",
         "odd-data-dir", "words"]
    ))
    if what == "words":
        return what, ["words", "add", draw(words)], None
    if what == "odd-data-dir":  # a file, a strange or impossible name, a system folder
        folder = draw(st.one_of(names, st.sampled_from(["<file>", "/proc", "/dev/null"])))
        action = draw(st.sampled_from([["vocab", "list"], ["vocab", "add", "银行"],
                                       ["entities", "list"], ["lookup", "银行"]]))
        return what, action, folder
    if what == "analyze-file":
        suffix = draw(st.sampled_from([".txt", ".html", ".md", ""]))
        return what, [draw(names) + suffix], draw(documents())
    if what in ("analyze-stdin", "analyze-lines"):
        flags = ["--lines"] if what == "analyze-lines" else []
        return what, ["analyze", *flags, "-"], draw(documents())
    if what == "add":
        argv = ["vocab", "add", draw(words)]
        if draw(st.booleans()):
            argv += ["--context", draw(st.text(NAME_CHARS, max_size=30))]
        return what, argv, None
    if what == "list":
        return what, ["vocab", "list", *draw(st.sampled_from([[], ["--json"]]))], None
    if what == "export":
        fmt = draw(st.sampled_from(["apkg", "pleco", "zhongwen", "tsv", "csv"]))
        return what, ["vocab", "export", "--format", fmt], draw(names)
    if what == "export-own":
        target = draw(st.sampled_from(["vocabulary.sqlite3", "vocabulary.sqlite3-wal",
                                       "vocabulary.sqlite3-shm", "entity_corrections.json",
                                       "word_corrections.json"]))
        return what, ["vocab", "export", "--format", "csv"], target
    if what == "entities":
        action = draw(st.sampled_from([["ignore"], ["add", "--type", "person"]]))
        return what, ["entities", action[0], draw(words), *action[1:]], None
    if what == "lookup":
        return what, ["lookup", draw(words)], None
    depth = draw(st.integers(1, 200_000))
    return what, [], draw(st.sampled_from(["[", "{\"x\":"])) * depth


@contextlib.contextmanager
def _captured(stdin: bytes) -> Iterator[tuple[io.StringIO, io.StringIO]]:
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            yield out, err
    finally:
        sys.stdin = saved


def _run(root: Path, what: str, argv: list[str], payload) -> tuple[int, str]:
    data = root / "data"
    stdin = b""
    if what == "analyze-file":
        path = root / "docs" / argv[0]
        with contextlib.suppress(OSError, ValueError):  # NUL, too long, a slash: as typed
            path.parent.mkdir(exist_ok=True)
            path.write_bytes(payload)
        argv = ["analyze", str(path)]
    elif what in ("analyze-stdin", "analyze-lines"):
        stdin = payload
    elif what == "export":
        argv = [*argv, "--out", str(root / "exports" / payload)]
        (root / "exports").mkdir(exist_ok=True)
    elif what == "export-own":
        argv = [*argv, "--out", str(data / payload)]
    elif what == "nest-corrections":
        with contextlib.suppress(OSError):
            data.mkdir(exist_ok=True)
            (data / "entity_corrections.json").write_text(payload, encoding="utf-8")
        argv = ["analyze", str(ARTICLES / "xai-greg-yang-steps-back.txt")]
    elif what == "nest-cache":
        for cached in (root / "cache" / "analyses").glob("*.json"):
            cached.write_text(payload, encoding="utf-8")
        argv = ["analyze", str(ARTICLES / "xai-greg-yang-steps-back.txt")]
    elif what == "stray-wal":
        with contextlib.suppress(OSError):
            data.mkdir(exist_ok=True)
            (data / "vocabulary.sqlite3-wal").write_bytes(b"\x37\x7f\x06\x82" + os.urandom(4000))
        argv = ["vocab", "list"]
    folder = str(data)
    if what == "odd-data-dir":
        if payload == "<file>":
            folder = str(root / "a-file")
            Path(folder).write_text("not a folder", encoding="utf-8")
        else:
            folder = payload if payload.startswith("/") else str(root / "odd" / payload)
    with _captured(stdin) as (_, err):
        code = main(["--data-dir", folder, *argv])
    return code, err.getvalue()


def _stored_words(data: Path) -> set[str]:
    if not (data / "vocabulary.sqlite3").exists():
        return set()
    with VocabStore(data / "vocabulary.sqlite3") as store:
        return {item.simplified for item in store.items()}


# No shrinking phase: it could run for minutes on a failure; the failing session is
# printed as generated.
@settings(max_examples=80, deadline=None, derandomize=True, database=None,
          phases=(Phase.explicit, Phase.generate),
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(commands(), min_size=1, max_size=5))
def test_the_command_line_survives_generated_sessions(session) -> None:
    env = {key: os.environ.get(key) for key in ("ZHREADER_DATA_DIR", "ZHREADER_CACHE_DIR")}
    with tempfile.TemporaryDirectory(prefix="zhreader-fuzz-") as tmp:
        root = Path(tmp)
        os.environ["ZHREADER_CACHE_DIR"] = str(root / "cache")
        confirmed: set[str] = set()
        try:
            for what, argv, payload in session:
                code, err = _run(root, what, argv, payload)
                assert code in (0, 1, 2), (what, argv, err)
                assert "Traceback" not in err and "unexpected" not in err, (what, argv, err)
                for line in err.splitlines():
                    assert line.startswith("zhreader: "), (what, argv, err)
                if what == "add" and code == 0:
                    confirmed.add(_stored_key(root / "data", argv[2]))
                if what == "export-own":
                    assert code == 2, (argv, err)
                assert confirmed <= _stored_words(root / "data"), (what, argv, err)
        finally:
            for key, value in env.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value


def _stored_key(data: Path, typed: str) -> str:
    with VocabStore(data / "vocabulary.sqlite3") as store:
        item = store.get(typed.strip())
    assert item is not None, typed
    return item.simplified
