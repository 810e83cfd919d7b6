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
from app.core.types import VocabItem

if TYPE_CHECKING:
    from app.core.user.vocab import VocabStore


def add_vocab_parser(sub: argparse._SubParsersAction) -> None:
    vocab = sub.add_parser(
        "vocab",
        help="manage the vocabulary list",
        description="Saved words: add, list, remove, mark known, export to Anki/TSV/CSV.",
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

    exporter = actions.add_parser("export", help="write the list for Anki, Pleco/Zhongwen, ...")
    exporter.add_argument(
        "--format",
        choices=("apkg", "tsv", "csv"),
        help="apkg (Anki), tsv (Pleco/Zhongwen), csv (spreadsheet); default: from --out",
    )
    exporter.add_argument("--out", required=True, metavar="PATH", help="file (or folder) to write")
    exporter.add_argument("--deck", metavar="NAME", help="Anki deck name (apkg only)")


def run_vocab(args: argparse.Namespace) -> int:
    from app.core.user.vocab import VocabStore

    commands = {
        "add": _add,
        "list": _list,
        "remove": _remove,
        "known": _known,
        "learning": _learning,
        "export": _export,
    }
    with VocabStore() as store:
        # A change to a read-only store fails with its own line; the note would repeat it.
        if store.notice and not (store.read_only and args.vocab_command in _CHANGES):
            say("note", store.notice)
        return commands[args.vocab_command](store, args)


_CHANGES = frozenset({"add", "remove", "known", "learning"})


def _add(store: VocabStore, args: argparse.Namespace) -> int:
    word = args.word.strip()
    if not word:
        raise UserError("give a word to save")
    sentence = (args.context or "").strip()
    item = lookup_item(word, sentence)
    item = vocab_item(
        item, sentence, (args.article or "").strip(), (args.note or "").strip(),
        mark=sentence.find(word) if sentence else -1,
    )
    saved = store.save(item)
    print(f"saved {_describe(saved)}")
    return 0


def lookup_item(word: str, sentence: str = "", at: int | None = None) -> WordLookup:
    """The word as the window would save it from `sentence` (read there, in context;
    `at`: its offset in the sentence when it occurs more than once)."""
    from app.core.language.dictionary import get_dictionary
    from app.core.language.lookup import context_reading, look_up
    from app.core.language.pinyin import get_reader

    reading = context_reading(get_reader(), word, sentence, at)
    return look_up(get_dictionary(), word, reading, in_context=word in sentence)


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


def _set_status(store: VocabStore, word: str, status: str) -> int:
    if not store.set_status(word, status):
        raise UserError(f"{word} is not in the vocabulary; add it first: zhreader vocab add {word}")
    print(f"{word}: {status}")
    return 0


def _export(store: VocabStore, args: argparse.Namespace) -> int:
    from app.core.user.export import DEFAULT_DECK_NAME, FORMATS, export, export_path_in

    out = Path(args.out).expanduser()
    fmt = args.format or out.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise UserError(f"say which format with --format {'|'.join(FORMATS)}")
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
    options = {"deck_name": deck} if fmt == "apkg" else {}
    count = export(items, out, fmt, **options)
    print(f"exported {count} word{'s' if count != 1 else ''} to {out}")
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
