"""Command line: `zhreader` (the window) and its headless subcommands.

Imports are done inside each command so `zhreader analyze` never loads Qt and
`zhreader --help` loads nothing heavy.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from app import __version__
from app.core.errors import UserError

if TYPE_CHECKING:
    from app.core.analysis.analyzer import Analyzer


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="zhreader",
        description="Read Chinese news articles: segmented words, hover pinyin and "
        "CC-CEDICT glosses, named entities, and a vocabulary list. "
        "Without a command, opens the reading window.",
    )
    parser.add_argument("--version", action="version", version=f"zhreader {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="where user data (vocabulary, corrections) lives; default: the platform's "
        "user data dir",
    )
    desktop = parser.add_mutually_exclusive_group()
    desktop.add_argument(
        "--install-desktop-entry", action="store_true",
        help="add zhreader to this user's applications menu and \"Open with\" "
        "(under $XDG_DATA_HOME), then exit",
    )
    desktop.add_argument(
        "--uninstall-desktop-entry", action="store_true",
        help="remove what --install-desktop-entry added, then exit",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    gui = sub.add_parser("gui", help="open the reading window (the default)")
    gui.add_argument("paths", nargs="*", help=".txt/.html files to open")

    analyze = sub.add_parser("analyze", help="print the analysis of an article as JSON")
    analyze.add_argument("path", help="a .txt/.html file, or - for standard input")
    analyze.add_argument(
        "--lines", action="store_true", help="each input line is a document; print JSON Lines"
    )
    analyze.add_argument(
        "--no-clean", action="store_true", help="skip cleaning, so offsets match the input"
    )

    lookup = sub.add_parser("lookup", help="print the dictionary entries the popup shows")
    lookup.add_argument("word")
    lookup.add_argument("--context", metavar="SENTENCE",
                        help="a sentence the word is in: read there, that entry first")
    lookup.add_argument("--json", action="store_true", help="print JSON")
    lookup.add_argument(
        "--longest", action="store_true",
        help="every entry starting at WORD's first character, longest first (as Alt+hover)")

    search = sub.add_parser(
        "search", help="search the dictionary by hanzi, pinyin (tones optional) or English")
    search.add_argument("query", nargs="+", help="e.g. 银行, yinhang, yin2hang2, yínháng, bank")
    search.add_argument("--json", action="store_true", help="print JSON, best first")
    search.add_argument("--limit", type=int, default=20, help="at most this many (default 20)")

    speak = sub.add_parser("speak", help="speak Chinese text aloud, or write it to a WAV file")
    speak.add_argument("text", help="the text (either script), or - for standard input")
    speak.add_argument("--out", metavar="FILE.wav", help="write a WAV file instead of playing")

    shot = sub.add_parser("screenshot", help="save a PNG of the window (works offscreen)")
    shot.add_argument("out", help="PNG file to write")
    shot.add_argument("--article", required=True, help="article file (or built-in title/slug)")
    shot.add_argument("--hover", metavar="WORD", help="hover the first occurrence of WORD")
    shot.add_argument("--size", default="1280x800", metavar="WxH", help="window size")
    shot.add_argument("--ruby", choices=("off", "all", "unknown"), default="off",
                      help="pinyin above all words, or only above words you don't know")
    shot.add_argument("--known-hsk", type=int, choices=range(7), default=0, metavar="N",
                      help="with --ruby unknown: words of HSK 3.0 bands 1..N count as known")
    shot.add_argument("--theme", choices=("light", "dark"), default="light")
    shot.add_argument("--tone-text", action="store_true", help="tone colours on characters")

    from app.cli_entities import add_entities_parser
    from app.cli_library import add_library_parser
    from app.cli_stats import add_stats_parser
    from app.cli_vocab import add_vocab_parser
    from app.cli_words import add_words_parser

    add_vocab_parser(sub)
    add_entities_parser(sub)
    add_words_parser(sub)
    add_stats_parser(sub)
    add_library_parser(sub)
    return parser


def _cmd_analyze(args: argparse.Namespace) -> int:
    from app.core.analysis.analyzer import default_analyzer

    analyzer = default_analyzer()
    if args.lines:
        source = _stdin_lines() if args.path == "-" else _open_text(args.path)
        out = sys.stdout
        for line in source:
            analysis = analyzer.analyze_document(
                line.rstrip("\r\n"), clean=not args.no_clean, use_cache=False
            )
            _write_analysis_json(analysis, out)
        _report_damaged_corrections(analyzer)
        return 0
    if args.path == "-":
        from app.core.text.articles import MAX_ARTICLE_BYTES

        # One byte more than any article may have: enough to refuse /dev/zero in one line
        # without reading it forever.
        data = sys.stdin.buffer.read(MAX_ARTICLE_BYTES + 1)
        analysis = analyzer.analyze_document(data, clean=not args.no_clean, name="-")
    else:
        analysis = analyzer.analyze_path(args.path, clean=not args.no_clean)
    _write_analysis_json(analysis, sys.stdout)
    _report_damaged_corrections(analyzer)
    return 0


def _stdin_lines():
    """Standard input line by line, each line bounded like a document (never read whole)."""
    from app.core.text.articles import MAX_ARTICLE_BYTES

    readline = sys.stdin.buffer.readline
    while raw := readline(MAX_ARTICLE_BYTES + 1):
        if len(raw) > MAX_ARTICLE_BYTES and not raw.endswith(b"\n"):
            raise UserError(
                f"a line of standard input is longer than {MAX_ARTICLE_BYTES // 2**20} MiB; "
                "with --lines each line is one document: split it"
            )
        # Bytes decoded here, not by the locale: a bad byte becomes U+FFFD, never an error.
        yield raw.decode("utf-8", "replace")


def _report_damaged_corrections(analyzer: Analyzer) -> None:
    """Analysis only reads the corrections file; here a damaged one is set aside, and said so.

    Also says when the dictionary index had to be built in memory (an unusable cache folder).
    """
    from app.core.user.corrections import Corrections

    dictionary = analyzer.dictionary_if_open()  # never opened (a cached analysis): no note
    notices = [Corrections.load().notice, dictionary.notice if dictionary else None]
    for notice in filter(None, notices):
        say("note", notice)


def _write_analysis_json(analysis, out) -> None:
    """One analysis as one JSON line, streamed (a 1M-character text's JSON is ~90 MB)."""
    from app.core.analysis.cache import write_json

    write_json(analysis, out)
    out.write("\n")


def _open_text(path: str):
    from app.core.text.articles import read_text

    # Lines end at "\n" only, exactly as standard input is read (not at U+2028, \f, ...).
    return iter(read_text(path).removesuffix("\n").split("\n"))


def _cmd_lookup(args: argparse.Namespace) -> int:
    from app.cli_vocab import lookup_item
    from app.core.analysis.analyzer import default_analyzer
    from app.core.language.hsk import level_summary

    analyzer = default_analyzer()
    if args.longest:
        return _print_longest(analyzer.dictionary, args.word, args.json)
    found = lookup_item(analyzer, args.word, (args.context or "").strip())
    reading = " ".join(s for s in found.reading if s)
    levels = analyzer.hsk
    level = levels.level(args.word.strip()) or levels.level(found.simplified)
    if args.json:
        payload = {
            "word": args.word,
            "hsk": {"v3": level.v3, "v2": level.v2} if level else None,
            "frequency_rank": level.frequency_rank if level else None,
            "simplified": found.simplified,
            "traditional": found.traditional,
            "reading": reading,
            "entries": [_entry_json(e) for e in found.entries],
            "parts": [
                {"text": text, "entries": [_entry_json(e) for e in part]}
                for text, part in found.parts
            ],
        }
        print(json.dumps(payload, ensure_ascii=False))
        _report_damaged_corrections(analyzer)
        return 0
    if not found.entries and not any(part for _, part in found.parts):
        print(f"{args.word}: not in the dictionary")
        _report_damaged_corrections(analyzer)
        return 1
    if reading:
        print(f"{args.word} read {reading}")
    if level is not None:
        print(level_summary(level))
    for entry in found.entries:
        print(_entry_line(entry))
    for text, part in found.parts:
        print(f"[{text}]")
        for entry in part:
            print("  " + _entry_line(entry))
    _report_damaged_corrections(analyzer)
    return 0


def _print_longest(dictionary, text: str, as_json: bool) -> int:
    """What Alt+hover shows on TEXT's first character: each match, longest first."""
    text = text.strip()
    matches = dictionary.prefix_matches(text, 0)
    if as_json:
        payload = {
            "text": text,
            "matches": [
                {"text": text[:length], "entries": [_entry_json(e) for e in entries]}
                for length, entries in matches
            ],
        }
        print(json.dumps(payload, ensure_ascii=False))
        return 0
    if not matches:
        print(f"{text[:1] or text}: not in the dictionary")
        return 1
    for length, entries in matches:
        print(f"[{text[:length]}]")
        for entry in entries:
            print("  " + _entry_line(entry))
    return 0


def _cmd_search(args: argparse.Namespace) -> int:
    from app.core.analysis.analyzer import default_analyzer
    from app.core.language.dictionary_search import DictionarySearch

    query = " ".join(args.query)
    search = DictionarySearch(default_analyzer().dictionary).search
    results = search(query, limit=max(0, args.limit))
    if args.json:
        payload = [
            {
                "simplified": r.entry.simplified,
                "traditional": r.entry.traditional,
                "pinyin": r.entry.pinyin,
                "gloss": r.entry.gloss,
                "matched": r.matched,
            }
            for r in results
        ]
        print(json.dumps(payload, ensure_ascii=False))
        return 0
    if not results:
        print(f"{query}: nothing found")
        return 1
    for result in results:
        print(_entry_line(result.entry))
    return 0


def _entry_json(entry) -> dict:
    return {
        "simplified": entry.simplified,
        "traditional": entry.traditional,
        "pinyin": entry.pinyin,
        "pinyin_numbered": entry.pinyin_numbered,
        "senses": list(entry.senses),
        "classifiers": list(entry.classifiers),
        "references": list(entry.references),
        "proper": entry.proper,
    }


def _entry_line(entry) -> str:
    head = entry.simplified
    if entry.traditional != entry.simplified:
        head += f" ({entry.traditional})"
    return f"{head} [{entry.pinyin}] {entry.gloss}"


def _cmd_speak(args: argparse.Namespace) -> int:
    import subprocess
    from pathlib import Path

    from app.core.analysis.analyzer import default_analyzer
    from app.core.language import speech

    text = sys.stdin.buffer.read().decode("utf-8", "replace") if args.text == "-" else args.text
    engine = speech.EspeakNgEngine(default_analyzer().spoken_reading)
    if not engine.available():
        raise UserError(engine.unavailable_reason())
    if args.out:
        out = Path(args.out)
        engine.synthesize(text, out)
        print(f"{terminal_safe(str(out))}: {speech.wav_duration(out):.2f} s of speech")
        return 0
    wav = speech.speak_to_temp(engine, text)
    try:
        command = speech.wav_player_command(wav)
        if command is None:
            raise UserError(f"{speech.PLAYER_HINT}; write a file with --out FILE.wav")
        subprocess.run(command, check=False, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
    finally:
        wav.unlink(missing_ok=True)
    return 0


def _cmd_gui(args: argparse.Namespace) -> int:
    paths = list(getattr(args, "paths", []) or [])
    for path in paths:  # said here, before a window opens (or waits for a display)
        if not _exists(path):
            raise UserError(f"{path}: no such file; check the path")
    _require_display()
    from app.ui.main import run_gui

    return run_gui(paths)


def _exists(path: str) -> bool:
    try:
        return Path(path).exists()
    except (OSError, ValueError):  # a name too long, a NUL byte
        return False


def _require_display() -> None:
    """Qt aborts the process without a display; say so in one line instead."""
    import os

    if (
        sys.platform.startswith("linux")
        and not os.environ.get("QT_QPA_PLATFORM")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    ):
        raise UserError(
            "no display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset); "
            "run zhreader in a desktop session, or make a picture headless with "
            "`zhreader screenshot OUT.png --article NAME`"
        )


def _cmd_screenshot(args: argparse.Namespace) -> int:
    from app.ui.screenshot import run_screenshot

    return run_screenshot(args.out, args.article, hover=args.hover, size=args.size,
                          ruby=args.ruby, theme=args.theme, tone_text=args.tone_text,
                          known_hsk=args.known_hsk)


def _desktop_entry(install: bool) -> int:
    from app.core import desktop_entry

    if install:
        written = desktop_entry.install()
        print(f"zhreader: added to the applications menu: {terminal_safe(str(written[0]))} "
              f"(and {len(written) - 1} icons)")
        return 0
    removed = desktop_entry.uninstall()
    print(f"zhreader: removed {len(removed)} files" if removed
          else "zhreader: no desktop entry was installed")
    return 0


def command_names(parser: argparse.ArgumentParser) -> list[str]:
    """The subcommands the parser knows (whoever added them)."""
    return [
        name
        for action in parser._actions
        if isinstance(action, argparse._SubParsersAction)
        for name in action.choices
    ]


def _with_default_command(argv: list[str], commands: Sequence[str] | None = None) -> list[str]:
    """`zhreader article.txt` opens the window on it, like `zhreader gui article.txt`.

    A first word that is neither a command nor an existing file is a mistake: it is said
    in one line (with the closest command) instead of opening a window on nothing.
    """
    commands = command_names(_build_parser()) if commands is None else commands
    at = 0
    while at < len(argv) and argv[at].startswith("-") and argv[at] != "-":
        at += 2 if argv[at] == "--data-dir" else 1  # global options come before the command
    if at >= len(argv) or argv[at] in commands:
        return argv
    word = argv[at]
    if not _exists(word):
        close = difflib.get_close_matches(word, commands, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else "; see zhreader --help"
        raise UserError(f"no such file or command {word!r}{hint}")
    return [*argv[:at], "gui", *argv[at:]]


# Arguments that are text to store or look up (not paths): they must be real Unicode.
_TEXT_ARGUMENTS = {"word": "word", "context": "sentence", "note": "note", "name": "name",
                   "deck": "deck name", "hover": "word", "query": "search", "text": "text",
                   "parts": "part"}
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _check_text_arguments(args: argparse.Namespace) -> None:
    """Bytes that are not UTF-8 reach Python as lone surrogates; say so instead of failing later."""
    fields = dict(_TEXT_ARGUMENTS)
    if args.command == "vocab":
        fields["article"] = "article title"
    for dest, label in fields.items():
        value = getattr(args, dest, None)
        for text in value if isinstance(value, list) else [value]:
            if isinstance(text, str) and _LONE_SURROGATE.search(text):
                shown = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
                raise UserError(f"the {label} {shown!r} is not valid UTF-8 text")


def _run(args: argparse.Namespace) -> int:
    _check_text_arguments(args)
    if args.install_desktop_entry or args.uninstall_desktop_entry:
        return _desktop_entry(install=args.install_desktop_entry)
    if args.data_dir:
        from app.core.paths import set_data_dir

        try:
            set_data_dir(args.data_dir)
        except (OSError, ValueError, RuntimeError) as exc:
            why = getattr(exc, "strerror", None) or exc
            raise UserError(f"--data-dir {args.data_dir}: not a usable path ({why})") from None
    if args.command == "vocab":
        from app.cli_vocab import run_vocab

        return run_vocab(args)
    if args.command == "entities":
        from app.cli_entities import run_entities

        return run_entities(args)
    if args.command == "words":
        from app.cli_words import run_words

        return run_words(args)
    if args.command == "stats":
        from app.cli_stats import run_stats

        return run_stats(args)
    if args.command == "library":
        from app.cli_library import run_library

        return run_library(args)
    commands = {
        None: _cmd_gui,
        "gui": _cmd_gui,
        "analyze": _cmd_analyze,
        "lookup": _cmd_lookup,
        "search": _cmd_search,
        "speak": _cmd_speak,
        "screenshot": _cmd_screenshot,
    }
    return commands[args.command](args)


# C0 and C1 controls, DEL and the Unicode line separators: a saved word, a name or a file
# name must not move the cursor, change the colours or retitle the terminal when it is
# printed, and a message stays on its one line.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def terminal_safe(text: str) -> str:
    """`text` with control characters shown as escapes (`\\x1b`), for printing on a terminal."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                        else f"\\u{ord(m.group()):04x}", text)


def say(kind: str, message: str) -> None:
    """One `zhreader: error:` / `zhreader: note:` line on stderr; file names in it stay inert."""
    print(f"zhreader: {kind}: {terminal_safe(message)}", file=sys.stderr)


def _os_error(exc: OSError) -> str:
    """An OSError nobody handled, still as one line that names the file and the reason."""
    where = f"{exc.filename}: " if exc.filename else ""
    return f"{where}{exc.strerror or exc}"


def main(argv: Sequence[str] | None = None) -> int:
    # A path or word that is not UTF-8 is printed with backslashes rather than crashing.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    parser = _build_parser()
    try:
        argv = list(sys.argv[1:] if argv is None else argv)
        args = parser.parse_args(_with_default_command(argv, command_names(parser)))
        return _run(args)
    except UserError as exc:
        say("error", str(exc))
        return 2
    except KeyboardInterrupt:
        print("zhreader: error: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:  # a path the user gave that the system refuses: still their mistake
        say("error", _os_error(exc))
        return 2
    except MemoryError:
        print("zhreader: error: out of memory", file=sys.stderr)
        return 1
    except Exception as exc:
        say("error", f"unexpected {type(exc).__name__}: {exc}")
        return 1


if __name__ == "__main__":
    sys.exit(main())
