"""Whatever a learner copies from the web opens as its text or fails with one clear line."""

from __future__ import annotations

import codecs
import json
import resource
import socket
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from app.core.analysis.analyzer import Analyzer, default_analyzer
from app.core.errors import UserError
from app.core.text import articles
from app.core.text.articles import MAX_ARTICLE_CHARS, article_from_bytes, load_article, read_text
from app.core.text.cleaning import clean_text
from app.core.text.encoding import decode_bytes
from app.core.types import Article, VocabItem
from app.core.user.export import export_csv, export_path_in, neutralize_cell, safe_filename

from .conftest import ARTICLES, REPO

XAI = (ARTICLES / "xai-greg-yang-steps-back.txt").read_text(encoding="utf-8")
YI_TAY = (ARTICLES / "yi-tay-returns-to-google.txt").read_text(encoding="utf-8")
SIMPLIFIED = XAI.splitlines()[3]  # 杨格毕业于哈佛大学…
TRADITIONAL = YI_TAY.splitlines()[5]  # 我將回到谷歌 DeepMind…


def _one_line_error(call) -> str:
    with pytest.raises(UserError) as info:
        call()
    message = str(info.value)
    assert "\n" not in message and message.strip() == message and message
    return message


def _covers(analysis) -> None:
    """Tokens tile the shown text exactly, in order, with one reading per character."""
    position = 0
    for token in analysis.tokens:
        assert token.start == position < token.end
        assert token.text == analysis.text[token.start : token.end]
        assert len(token.pinyin) == len(token.text)
        position = token.end
    assert position == len(analysis.text)


# -- encodings ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("utf-8", SIMPLIFIED),
        ("utf-8-sig", SIMPLIFIED),
        ("utf-16", TRADITIONAL),  # with a BOM, as Windows Notepad writes it
        ("utf-16-be", SIMPLIFIED),
        ("gbk", SIMPLIFIED),
        ("gb18030", SIMPLIFIED),
        ("big5", TRADITIONAL),
    ],
)
def test_every_common_chinese_encoding_opens_as_written(
    tmp_path: Path, encoding: str, text: str
) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(text.encode(encoding))
    article = load_article(path, clean=False)
    assert article.text == text
    assert "\ufeff" not in article.text


def test_utf8_read_as_western_and_saved_again_is_repaired() -> None:
    # What a Latin-1 tool makes of a UTF-8 article: valid UTF-8 that spells "æ™ºä¸œè¥¿".
    garbled = SIMPLIFIED.encode("utf-8").decode("latin-1").encode("utf-8")
    assert decode_bytes(garbled) == SIMPLIFIED


def test_unrecoverable_mojibake_is_refused_not_shown() -> None:
    # cp1252 has no glyph for some bytes; once replaced, the Chinese cannot come back.
    lossy = SIMPLIFIED.encode("utf-8").decode("cp1252", errors="replace").encode("utf-8")
    message = _one_line_error(lambda: decode_bytes(lossy))
    assert "UTF-8" in message


def test_a_utf8_file_cut_mid_character_still_opens(tmp_path: Path) -> None:
    path = tmp_path / "cut.txt"
    path.write_bytes(XAI.encode("utf-8")[:-1])  # the last character lost a byte
    text = read_text(path)
    assert text == XAI[:-1]


def test_european_text_is_not_mistaken_for_mojibake() -> None:
    assert decode_bytes("Déjà vu, naïve café".encode()) == "Déjà vu, naïve café"


# -- files that are not articles ------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [b"", b" \n\t\r\n", codecs.BOM_UTF8, " \n \n".encode("utf-16"), codecs.BOM_UTF16_LE],
)
def test_empty_and_blank_files_say_so(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(content)
    assert "empty" in _one_line_error(lambda: load_article(path))


def test_html_page_without_text(tmp_path: Path) -> None:
    path = tmp_path / "blank.html"
    path.write_text("<html><head><script>alert(1)</script></head><body> </body></html>")
    assert "no text" in _one_line_error(lambda: load_article(path))


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"%PDF-1.7\n" + bytes(range(256)), "PDF"),
        (b"PK\x03\x04" + bytes(200), "ZIP"),
        (bytes(range(256)) * 16, "binary"),
        (b"\x7fELF\x02\x01\x01" + bytes(100), "program"),
    ],
)
def test_binary_files_are_named_not_shown(tmp_path: Path, content: bytes, says: str) -> None:
    path = tmp_path / "download.txt"
    path.write_bytes(content)
    message = _one_line_error(lambda: load_article(path))
    assert says in message and str(path) in message


def test_missing_path_and_folder(tmp_path: Path) -> None:
    assert "no such file" in _one_line_error(lambda: load_article(tmp_path / "nope.txt"))
    assert "folder" in _one_line_error(lambda: load_article(tmp_path))


def test_unreadable_path_is_a_user_error_even_when_stat_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Inside a folder without search permission even exists() raises PermissionError.
    def deny(self: Path, *args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "stat", deny)
    assert "permission denied" in _one_line_error(lambda: load_article(tmp_path / "a.txt"))


def test_impossible_file_names(tmp_path: Path) -> None:
    _one_line_error(lambda: load_article(tmp_path / ("长" * 400 + ".txt")))
    _one_line_error(lambda: load_article(str(tmp_path / "a\x00b.txt")))


def test_ten_million_characters_are_refused_by_size_without_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as fh:  # 10,000,000 Han characters, 30 MB of UTF-8
        chunk = ("我很高興能回來" * 1000).encode("utf-8")
        for _ in range(10_000_000 // 7000):
            fh.write(chunk)

    def no_reading(self: Path) -> bytes:
        raise AssertionError("a file over the limit must be refused before it is read")

    monkeypatch.setattr(Path, "read_bytes", no_reading)
    message = _one_line_error(lambda: load_article(huge))
    assert f"{MAX_ARTICLE_CHARS:,} characters" in message
    assert "split" in message


def test_over_the_character_limit_is_counted_after_decoding(tmp_path: Path) -> None:
    # Smaller than the byte limit (one byte per character), larger than the character one.
    wide = tmp_path / "wide.txt"
    wide.write_bytes(b"abc def, " * (MAX_ARTICLE_CHARS // 9 + 1))
    assert "characters" in _one_line_error(lambda: load_article(wide))


def test_byte_limit_matches_the_character_limit() -> None:
    # Four bytes is the most any encoding spends on a character (plus a BOM).
    assert articles.MAX_ARTICLE_BYTES >= 4 * MAX_ARTICLE_CHARS
    assert articles.MAX_ARTICLE_BYTES < 4 * MAX_ARTICLE_CHARS + 16


# -- HTML: nothing runs, nothing is fetched, markup in the text stays text -------------------

HOSTILE_PAGE = """<!DOCTYPE html><html><head>
<title>杨格退居二线<script>alert('title')</script></title>
<meta http-equiv="refresh" content="0;url=http://evil.example/">
<link rel="stylesheet" href="http://evil.example/x.css">
<script src="http://evil.example/x.js"></script>
<style>body { background: url(http://evil.example/bg.png) } 样式</style>
</head><body onload="alert('onload')">
<!-- 注释：<p>隐藏段落</p> -->
<p>杨格是知名的数学家和AI研究员。<img src="http://evil.example/pixel.png" alt="追踪像素"
 onerror="alert('img')"></p>
<iframe src="http://evil.example/frame.html">框架内容</iframe>
<p>代码示例：&lt;b&gt;粗体&lt;/b&gt;&lt;script&gt;alert(1)&lt;/script&gt;</p>
<svg><script>alert('svg')</script></svg>
<a href="javascript:alert('link')">阅读更多</a>
</body></html>"""


def test_hostile_page_yields_only_its_visible_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("opening an article must not touch the network")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    page = tmp_path / "page.html"
    page.write_text(HOSTILE_PAGE, encoding="utf-8")
    article = load_article(page)
    assert article.title == "杨格退居二线"
    for hidden in ("alert('", "evil.example", "样式", "隐藏段落", "框架内容", "追踪像素", "onload"):
        assert hidden not in article.text
    assert "杨格是知名的数学家和AI研究员。" in article.text


def test_escaped_markup_in_a_page_is_kept_as_literal_text(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(HOSTILE_PAGE, encoding="utf-8")
    text = load_article(page).text
    assert "代码示例：<b>粗体</b><script>alert(1)</script>" in text


# -- unusual text ---------------------------------------------------------------------------


def test_zero_width_characters_go_but_emoji_sequences_stay() -> None:
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    text = f"杨\u200b格是\u200c数学家\u2060。{family}很开心\ufeff。\u00ad"
    cleaned = clean_text(text)
    assert cleaned == f"杨格是数学家。{family}很开心。"


def test_right_to_left_overrides_cannot_show_a_text_or_its_title_backwards() -> None:
    """A right-to-left override (or an isolate) makes a viewer show the rest of the line
    backwards; a Chinese article never needs one, so neither the text nor the title keeps it."""
    page = (
        "<html><head><title>\u202e新闻\u2066标题\u2069\n\t第二行\x07</title></head>"
        "<body><p>\u202e她在学习中文。\u202c我们\u2067一起\u2069读。</p></body></html>"
    ).encode()
    article = article_from_bytes(page, "page.html")
    assert article.text == "她在学习中文。我们一起读。"
    assert article.title == "新闻 标题 第二行"

    from_text = article_from_bytes("\u202e很长的标题\u202c\n正文。".encode(), "note.txt")
    assert from_text.title == "很长的标题"


def test_a_huge_title_is_shortened_to_one_readable_line() -> None:
    page = f"<title>{'标题' * 50_000}</title><p>正文。</p>".encode()
    title = article_from_bytes(page, "page.html").title
    assert "\n" not in title and title.endswith("…") and len(title) <= 200


def test_mixed_scripts_emoji_and_combining_marks_analyse_in_place() -> None:
    text = (
        "杨格(Greg Yang)说：“Café\u0301 ❤️\u200d🔥 نعم 東京 한국 Ελλάδα 𠀋𡈽 "
        "e\u0301\u0302 👍🏽”。"
    )
    analysis = default_analyzer().analyze_document(text, clean=False)
    assert analysis.text == text
    _covers(analysis)
    assert any(t.text == "杨格" and t.pinyin == ("yáng", "gé") for t in analysis.tokens)


def test_combining_marks_stay_with_their_latin_letter() -> None:
    text = "他说Cafe\u0301和nai\u0308ve。"
    analysis = default_analyzer().analyze_document(text, clean=False)
    for token in analysis.tokens:
        assert unicodedata.category(token.text[0]) != "Mn"


def test_combining_marks_stay_with_their_han_character() -> None:
    analysis = default_analyzer().analyze_document("他说中\u0301文很好。", clean=False)
    for token in analysis.tokens:
        assert unicodedata.category(token.text[0]) != "Mn"


def test_lone_surrogates_from_stdin_become_replacement_characters() -> None:
    # surrogateescape turns undecodable stdin bytes into lone surrogates.
    line = "\udcff\udcfe broken \udced\udca0\udc80 杨格"
    analysis = default_analyzer().analyze_document(line)
    assert analysis.text == "\ufffd\ufffd broken \ufffd\ufffd\ufffd 杨格"
    _covers(analysis)
    json.dumps(analysis.to_json(), ensure_ascii=False).encode("utf-8")


def test_lone_surrogates_without_cleaning() -> None:
    analysis = default_analyzer().analyze_document("\udcff 杨格 \ud800", clean=False)
    assert len(analysis.text) == 6
    json.dumps(analysis.to_json(), ensure_ascii=False).encode("utf-8")


def test_a_long_line_without_punctuation_is_analysed_whole() -> None:
    han = "".join(ch for ch in XAI + YI_TAY if "\u4e00" <= ch <= "\u9fff")
    line = (han * (20_000 // len(han) + 1))[:20_000]
    article = Article(title="long", text=line, script="simplified")
    analysis = default_analyzer().analyze(article, use_cache=False)
    assert analysis.text == line
    _covers(analysis)


# -- exports --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "hostile",
    ["HSK\u202egpj.exe", "\u200b\u200d", "../" * 50 + "名字" * 200, "..\\..\\boot.ini", "NUL"],
)
def test_suggested_export_names_are_visible_short_and_inside_the_folder(
    tmp_path: Path, hostile: str
) -> None:
    name = safe_filename(hostile, "csv")
    assert all(unicodedata.category(ch) not in ("Cf", "Cc") for ch in name)
    assert len(name.encode("utf-8")) <= 255 and name.endswith(".csv")
    target = export_path_in(tmp_path, hostile, "csv")
    assert target.parent == tmp_path
    export_csv([VocabItem("研究", "研究", "yán jiū", "research")], target)
    assert target.is_file()


@pytest.mark.parametrize("cell", [" =1+1", "\n=cmd|' /C calc'!A0", "＝SUM(A1)", "＠A1"])
def test_formula_cells_hidden_behind_spaces_or_fullwidth_signs_are_neutralised(
    cell: str,
) -> None:
    assert neutralize_cell(cell) == "'" + cell


def test_article_text_with_a_formula_is_exported_as_text(tmp_path: Path) -> None:
    item = VocabItem("研究", "研究", "yán jiū", "research", sentence='=HYPERLINK("http://x")研究')
    out = tmp_path / "words.csv"
    export_csv([item], out)
    body = out.read_bytes().decode("utf-8-sig")
    assert '\'=HYPERLINK(""http://x"")研究' in body


def test_stdin_bytes_follow_the_same_rules() -> None:
    assert "standard input is empty" in _one_line_error(lambda: article_from_bytes(b"  ", "-"))
    article = article_from_bytes(TRADITIONAL.encode("big5"), "-", clean=False)
    assert article.text == TRADITIONAL


# -- issue 16: what attacking the command line found ----------------------------------------


def _cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    from app.cli import main

    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def _only_notes_or_one_error(err: str) -> None:
    """Whatever went wrong was said in zhreader's own lines: never a catch-all, never a trace."""
    assert "Traceback" not in err and "unexpected" not in err
    for line in err.splitlines():
        assert line.startswith(("zhreader: note: ", "zhreader: error: ")), err
    assert sum(line.startswith("zhreader: error: ") for line in err.splitlines()) <= 1


def _bounded_run(args: list[str], stdin_path: str) -> subprocess.CompletedProcess[bytes]:
    """`zhreader ARGS < stdin_path`, allowed 1 GiB of memory: an unbounded read dies early."""

    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2**30, 2**30))

    with open(stdin_path, "rb") as stdin:
        return subprocess.run(
            [sys.executable, "-m", "app", *args],
            cwd=REPO, stdin=stdin, capture_output=True, timeout=120, check=False,
            preexec_fn=limit_memory,
        )


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
@pytest.mark.parametrize(
    ("args", "stdin", "says"),
    [
        (["analyze", "-"], "/dev/zero", "standard input is larger than"),
        (["analyze", "-"], "/dev/urandom", "standard input is larger than"),
        (["analyze", "--lines", "-"], "/dev/zero", "a line of standard input is longer than"),
    ],
)
def test_endless_standard_input_is_refused_after_a_bounded_read(args, stdin, says) -> None:
    result = _bounded_run(args, stdin)
    err = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 2, err
    assert err.count("\n") == 1 and says in err
    _only_notes_or_one_error(err)


def test_deeply_nested_corrections_are_set_aside_and_the_analysis_still_runs(
    _isolated_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _isolated_data_dir.mkdir(parents=True, exist_ok=True)
    nested = "[" * 200_000
    (_isolated_data_dir / "entity_corrections.json").write_text(nested, encoding="utf-8")
    article = str(ARTICLES / "xai-greg-yang-steps-back.txt")
    code, out, err = _cli(["analyze", article], capsys)
    assert code == 0
    assert "杨格" in json.loads(out)["text"]
    assert "set aside" in err
    _only_notes_or_one_error(err)
    (aside,) = _isolated_data_dir.glob("entity_corrections.json.corrupt-*")
    assert aside.read_text(encoding="utf-8") == nested  # kept, for the user to look at
    code, out, err = _cli(["analyze", article], capsys)  # and not in the way any more
    assert code == 0 and err == ""


def test_a_deeply_nested_cached_analysis_is_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ZHREADER_CACHE_DIR", str(tmp_path / "cache"))
    article = str(ARTICLES / "yi-tay-returns-to-google.txt")
    code, first, _ = _cli(["analyze", article], capsys)
    assert code == 0
    for cached in (tmp_path / "cache" / "analyses").glob("*.json"):
        cached.write_text("[" * 200_000, encoding="utf-8")
    code, again, err = _cli(["analyze", article], capsys)
    assert code == 0 and again == first
    _only_notes_or_one_error(err)


def test_a_data_dir_that_is_a_file_does_not_spoil_analyze(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    not_a_folder = tmp_path / "data"
    not_a_folder.write_text("a file", encoding="utf-8")
    article = str(ARTICLES / "xai-greg-yang-steps-back.txt")
    code, out, err = _cli(["--data-dir", str(not_a_folder), "analyze", article], capsys)
    assert code == 0
    assert "杨格" in json.loads(out)["text"]  # the whole JSON, then no error after it
    _only_notes_or_one_error(err)
    assert not_a_folder.read_text(encoding="utf-8") == "a file"


@pytest.mark.parametrize(
    "argv",
    [
        ["--data-dir", "/proc", "vocab", "add", "银行"],
        ["--data-dir", "/proc", "entities", "add", "马斯克", "--type", "person"],
        ["vocab", "add", "\udcff\udcfe"],  # bytes that are not UTF-8, as Python receives them
        ["entities", "ignore", "名字\udcc0"],
        ["lookup", "\udce9"],
        ["search", "yin", "\udce9"],
        ["words", "split", "创新高", "创", "新\udcff高"],
        ["vocab", "export", "--format", "csv", "--out", "/tmp/" + "长" * 100 + ".csv"],
        ["--data-dir", "/tmp/" + "x" * 300, "vocab", "list"],
        ["--data-dir", "a\x00b", "vocab", "list"],
    ],
    ids=["proc-vocab", "proc-entities", "bad-utf8-word", "bad-utf8-name", "bad-utf8-lookup",
         "bad-utf8-search", "bad-utf8-split",
         "name-too-long", "dir-too-long", "nul-in-dir"],
)
def test_ordinary_mistakes_get_specific_one_line_errors(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    if argv[:2] == ["--data-dir", "/proc"] and not Path("/proc/self").exists():
        pytest.skip("needs /proc")
    if argv[:2] == ["vocab", "export"]:
        from app.core.user.vocab import VocabStore

        with VocabStore() as store:
            store.save(VocabItem("研究", "研究", "yán jiū", "research"))
    code, _, err = _cli(argv, capsys)
    assert code == 2, err
    assert err.count("\n") == 1 and err.startswith("zhreader: error: ")
    _only_notes_or_one_error(err)


def test_a_full_disk_when_saving_a_correction_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import errno

    from app.core.user import json_file

    def full(path: Path, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(json_file, "atomic_write_bytes", full)
    code, _, err = _cli(["entities", "add", "马斯克", "--type", "person"], capsys)
    assert code == 2 and "No space left on device" in err
    _only_notes_or_one_error(err)


# -- decoding: genuine replacement characters, cut files, unfinished comments ----------------


def test_a_stray_byte_does_not_remove_the_replacement_characters_the_file_holds() -> None:
    text = SIMPLIFIED[:20] + "\ufffd" + SIMPLIFIED[20:]
    data = text.encode("utf-8")
    cut = len(SIMPLIFIED[:10].encode("utf-8"))
    decoded = decode_bytes(data[:cut] + b"\xff" + data[cut:])  # a stray byte, between characters
    assert decoded == text  # the stray byte is gone, the file's own U+FFFD is not


def test_fifty_genuine_replacement_characters_and_one_bad_byte_are_not_refused() -> None:
    text = SIMPLIFIED + "\ufffd" * 50 + XAI[:400]
    data = text.encode("utf-8")
    decoded = decode_bytes(data[:30] + b"\xff" + data[30:])
    assert decoded.count("\ufffd") == 50


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_a_utf16_file_cut_mid_character_opens(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "cut.txt"
    text = "Yi Tay: " + TRADITIONAL
    path.write_bytes(text.encode(encoding)[:-1])  # the last character lost its second byte
    assert read_text(path) == text[:-1]


def test_an_unclosed_comment_at_the_end_of_a_page_is_not_shown(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><body><p>杨格是知名的数学家。</p><!-- 编辑备注：<p>不要发布</p>", encoding="utf-8"
    )
    text = load_article(page).text
    assert "杨格是知名的数学家。" in text
    assert "编辑备注" not in text and "不要发布" not in text and "<!--" not in text


def test_a_file_name_with_control_characters_stays_one_inert_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Found by the fuzz run: \x1d counts as a line break, \x1b starts a terminal command.
    name = tmp_path / "新闻\x1b]0;owned\x07\x1d\u2028.txt"
    name.write_bytes(b"\x81\x18\xed" * 40)  # no encoding reads it
    code, _, err = _cli(["analyze", str(name)], capsys)
    assert code == 2
    assert len(err.splitlines()) == 1 and err.startswith("zhreader: error: ")
    assert "\x1b" not in err and "\x07" not in err and "\\x1b]0;owned\\x07" in err


# -- a cache folder that cannot hold the dictionary index ------------------------------------


@pytest.mark.parametrize("obstacle", ["folder-at-index", "cache-is-a-file"])
def test_an_unusable_cache_folder_gets_an_index_in_memory_and_a_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], obstacle: str, use_analyzer,
) -> None:
    from app.core.language import dictionary

    source = tmp_path / "cedict.txt"
    source.write_text("# test\n銀行 银行 [yin2 hang2] /bank/\n", encoding="utf-8")
    cache = tmp_path / "cache"
    if obstacle == "folder-at-index":
        (cache / dictionary.INDEX_NAME).mkdir(parents=True)
    else:
        cache.write_text("a file where the cache folder belongs", encoding="utf-8")
    opened = dictionary.open_dictionary(source=source, cache=cache)
    assert opened.gloss("銀行") == ("bank", "word")
    assert opened.notice and "temporary" in opened.notice and "\n" not in opened.notice
    # The command line says so once, after the answer, and succeeds.
    use_analyzer(Analyzer(dictionary=opened))
    code, out, err = _cli(["lookup", "银行"], capsys)
    assert code == 0 and "bank" in out
    assert err.count("\n") == 1 and err.startswith("zhreader: note: the dictionary index")
