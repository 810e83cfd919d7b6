"""`zhreader vocab ...`: the vocabulary list from the command line.

The store honours `--data-dir` through app.core.paths (set by app/cli.py before we
run). "saved"/"removed" lines are printed only after the store has committed.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli import say
from app.core.errors import UserError
from app.core.language.lookup import WordLookup, vocab_item
from app.core.types import VocabItem, WordStatus

if TYPE_CHECKING:
    from app.core.analysis.analyzer import Analyzer
    from app.core.user.vocab import VocabStore


def add_vocab_parser(sub: argparse._SubParsersAction) -> None:
    vocab = sub.add_parser(
        "vocab",
        help="manage the vocabulary list",
        description="Saved words: add, list, remove, mark known; export to Anki, Pleco, "
        "Zhongwen or CSV, and import what those tools export.",
    )
    actions = vocab.add_subparsers(dest="vocab_command", metavar="ACTION", required=True)

    add = actions.add_parser("add", help="save a word (again: updates it, never duplicates)")
    add.add_argument("word", help="the word, simplified or traditional")
    add.add_argument("--context", metavar="SENTENCE", help="the sentence it was met in")
    add.add_argument("--article", metavar="TITLE", help="the article it came from")
    add.add_argument("--note", help="a free note")

    listing = actions.add_parser("list", help="print the saved words, newest first")
    listing.add_argument("--json", action="store_true", help="print JSON")

    remove = actions.add_parser("remove", help="forget a saved word")
    remove.add_argument("word")

    known = actions.add_parser("known", help="mark a saved word as known")
    known.add_argument("word")

    learning = actions.add_parser("learning", help="mark a saved word as still learning")
    learning.add_argument("word")

    hsk = actions.add_parser(
        "known-hsk",
        help="mark every word of HSK 3.0 bands 1 to N known (\"I know HSK 1-N\")",
        description="Words you already gave a state (learning, known, ignored) keep it; "
        "the known words are not added to the vocabulary list.",
    )
    hsk.add_argument("band", type=int, choices=range(1, 8), metavar="N",
                     help="1-6, or 7 for the 7-9 band")

    exporter = actions.add_parser("export", help="write the list for Anki, Pleco, Zhongwen, ...")
    exporter.add_argument(
        "--format",
        choices=("apkg", "pleco", "zhongwen", "tsv", "csv"),
        help="apkg (Anki deck), pleco (Pleco flashcards), zhongwen (Zhongwen word list; "
        "tsv is the same), csv (spreadsheet); default: from --out (.apkg, .txt, .tsv, .csv)",
    )
    exporter.add_argument("--out", required=True, metavar="PATH", help="file (or folder) to write")
    exporter.add_argument("--deck", metavar="NAME", help="Anki deck name (apkg only)")
    exporter.add_argument(
        "--group",
        action="store_true",
        help="pleco only: a category (// zhreader/TITLE) per article",
    )

    importer = actions.add_parser(
        "import",
        help="read words back from Pleco, Zhongwen, Anki, CSV or a plain word list",
        description="Import a Pleco flashcard file, a Zhongwen word list, zhreader's CSV, "
        "Anki notes exported as plain text, or a list of one word a line (the format is "
        "detected). Saved words keep what they have and gain only what they lacked; "
        "pinyin and meanings missing from the file come from CC-CEDICT.",
    )
    importer.add_argument("file", metavar="FILE", help="the file to read")
    status = importer.add_mutually_exclusive_group()
    status.add_argument("--known", action="store_true", help="mark every imported word known")
    status.add_argument(
        "--learning", action="store_true", help="mark every imported word as being learned"
    )
    importer.add_argument(
        "--dry-run", action="store_true", help="only say what importing would change"
    )


def run_vocab(args: argparse.Namespace) -> int:
    from app.core.user.vocab import VocabStore

    commands = {
        "add": _add,
        "list": _list,
        "remove": _remove,
        "known": _known,
        "learning": _learning,
        "known-hsk": _known_hsk,
        "export": _export,
        "import": _import,
    }
    with VocabStore() as store:
        # A change to a read-only store fails with its own line; the note would repeat it.
        if store.notice and not (store.read_only and args.vocab_command in _CHANGES):
            say("note", store.notice)
        return commands[args.vocab_command](store, args)


_CHANGES = frozenset({"add", "remove", "known", "learning", "known-hsk"})


def _add(store: VocabStore, args: argparse.Namespace) -> int:
    word = args.word.strip()
    if not word:
        raise UserError("give a word to save")
    sentence = (args.context or "").strip()
    from app.core.analysis.analyzer import default_analyzer

    mark, found = _placed_lookup(default_analyzer(), word, sentence)
    item = vocab_item(
        found, sentence, (args.article or "").strip(), (args.note or "").strip(), mark=mark
    )
    saved = store.save(item)
    print(f"saved {_describe(saved)}")
    return 0


def lookup_item(
    analyzer: Analyzer, word: str, sentence: str = "", at: int | None = None
) -> WordLookup:
    """The word as the window would save it from `sentence` (read there, in context;
    `at`: its offset in the sentence when it occurs more than once)."""
    return _placed_lookup(analyzer, word, sentence, at)[1]


def _placed_lookup(
    analyzer: Analyzer, word: str, sentence: str = "", at: int | None = None
) -> tuple[int, WordLookup]:
    """`lookup_item` and where in `sentence` it was read (-1: not in it), from one
    segmentation of the sentence."""
    from app.core.language.lookup import look_up, placed_reading

    mark, reading = placed_reading(analyzer.reader, word, sentence, at)
    return mark, look_up(analyzer.dictionary, word, reading, in_context=word in sentence)


def _list(store: VocabStore, args: argparse.Namespace) -> int:
    items = store.items()
    if args.json:
        payload = [
            {
                "simplified": item.simplified,
                "traditional": item.traditional,
                "pinyin": item.pinyin,
                "gloss": item.gloss,
                "sentence": item.sentence,
                "article": item.article,
                "added": item.added,
                "status": item.status,
                "note": item.note,
            }
            for item in items
        ]
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return 0
    if not items:
        print("the vocabulary is empty; save words with: zhreader vocab add WORD")
        return 0
    for item in items:
        mark = "✓ " if item.status == "known" else "  "
        print(mark + _describe(item))
    return 0


def _remove(store: VocabStore, args: argparse.Namespace) -> int:
    if not store.remove(args.word):
        raise UserError(f"{args.word} is not in the vocabulary")
    print(f"removed {args.word}")
    return 0


def _known(store: VocabStore, args: argparse.Namespace) -> int:
    return _set_status(store, args.word, "known")


def _learning(store: VocabStore, args: argparse.Namespace) -> int:
    return _set_status(store, args.word, "learning")


def _known_hsk(store: VocabStore, args: argparse.Namespace) -> int:
    from app.core.analysis.analyzer import default_analyzer
    from app.core.language.hsk import band_label

    words = default_analyzer().hsk.words_up_to(args.band)
    marked = store.set_states(words, "known")
    kept = len(words) - len(marked)
    print(f"marked {len(marked):,} words of HSK 1–{band_label(args.band)} known"
          + (f"; {kept:,} already had a state and kept it" if kept else ""))
    return 0


def _set_status(store: VocabStore, word: str, status: WordStatus) -> int:
    if not store.set_status(word, status):
        raise UserError(f"{word} is not in the vocabulary; add it first: zhreader vocab add {word}")
    print(f"{word}: {status}")
    return 0


def _export(store: VocabStore, args: argparse.Namespace) -> int:
    from app.core.user.export import (
        DEFAULT_DECK_NAME,
        FORMATS,
        export,
        export_path_in,
        format_named,
    )

    out = Path(args.out).expanduser()
    fmt = format_named(args.format or out.suffix)
    if fmt is None:
        raise UserError(f"say which format with --format {'|'.join(FORMATS)}")
    if args.group and fmt != "pleco":
        raise UserError("--group makes Pleco categories; use it with --format pleco")
    items = store.items()
    if not items:
        raise UserError("the vocabulary is empty; nothing to export")
    deck = args.deck or DEFAULT_DECK_NAME
    try:
        into_folder = out.is_dir()
    except OSError as exc:  # a name too long for the file system, ...
        raise UserError(f"cannot export to {out}: {exc.strerror or exc}") from None
    if into_folder:
        out = export_path_in(out, deck, fmt)
    options: dict[str, object] = {}
    if fmt == "apkg":
        from app.core.analysis.analyzer import default_analyzer
        from app.core.user.anki_deck import default_sources

        options = {"deck_name": deck, "sources": default_sources(default_analyzer())}
    elif fmt == "pleco":
        options = {"group": args.group}
    count = export(items, out, fmt, **options)
    print(f"exported {count} word{'s' if count != 1 else ''} to {out}")
    return 0


def _import(store: VocabStore, args: argparse.Namespace) -> int:
    from app.core.analysis.analyzer import default_analyzer
    from app.core.user.vocab_import import (
        FORMAT_NAMES,
        Completer,
        apply_import,
        load_word_list,
        plan_import,
    )

    path = Path(args.file).expanduser()
    analyzer = default_analyzer()
    parsed = load_word_list(path, Completer(analyzer.dictionary, analyzer.reader))
    status: WordStatus | None = "known" if args.known else "learning" if args.learning else None
    plan = plan_import(parsed, {item.simplified: item for item in store.items()}, status)
    from app.cli import terminal_safe

    count = len(parsed.items)
    print(f"{terminal_safe(str(path))}: {FORMAT_NAMES[parsed.format]}, "
          f"{count} word{'s' if count != 1 else ''}")
    if not args.dry_run:
        apply_import(plan, store)
    print(plan.summary(dry_run=args.dry_run))
    return 0


def _describe(item: VocabItem) -> str:
    """One line for a terminal: the stored text may hold anything, control characters too."""
    from app.cli import terminal_safe

    head = item.simplified
    if item.traditional and item.traditional != item.simplified:
        head += f" ({item.traditional})"
    if item.pinyin:
        head += f" [{item.pinyin}]"
    return terminal_safe(f"{head} {item.gloss}".rstrip())
