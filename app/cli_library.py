"""`zhreader library ...`: the library from the command line (the window's, same files)."""

from __future__ import annotations

import argparse
import json
import time
from typing import TYPE_CHECKING

from app.core.errors import UserError

if TYPE_CHECKING:
    from app.core.analysis.library_index import LibraryIndex
    from app.core.analysis.stats import ArticleStats
    from app.core.types import LibraryEntry
    from app.core.user.library import LibraryStore


def add_library_parser(sub: argparse._SubParsersAction) -> None:
    library = sub.add_parser(
        "library",
        help="the texts you read: add, list, remove",
        description="The library the window shows: every text you opened or added, with "
        "how much of it you know.",
    )
    actions = library.add_subparsers(dest="library_command", metavar="ACTION", required=True)
    add = actions.add_parser(
        "add", help="add files, folders (.txt .html .htm .md .epub inside) and EPUB books")
    add.add_argument("paths", nargs="+", metavar="PATH")
    listing = actions.add_parser("list", help="print the library with %% known and new words")
    listing.add_argument("--json", action="store_true", help="print JSON")
    remove = actions.add_parser("remove", help="forget texts (the files stay where they are)")
    remove.add_argument("texts", nargs="+", metavar="ID|PATH",
                        help="an id from `library list`, or a file (all its chapters)")


def run_library(args: argparse.Namespace) -> int:
    from app.cli import say
    from app.core.analysis.library_index import LibraryIndex
    from app.core.user.library import LibraryStore

    with LibraryStore() as library:
        if library.notice:
            say("note", library.notice)
        index = LibraryIndex()
        try:
            commands = {"add": _add, "list": _list, "remove": _remove}
            return commands[args.library_command](library, index, args)
        finally:
            index.close()


def _add(library: LibraryStore, index: LibraryIndex, args: argparse.Namespace) -> int:
    from app.cli import say, terminal_safe
    from app.core.analysis.analyzer import default_analyzer
    from app.core.analysis.library_import import importable_files, read_file, store_batch

    files = importable_files(args.paths)
    if not files:
        raise UserError("nothing to add: no .txt, .html, .htm, .md or .epub file there")
    analyzer = default_analyzer()
    added = failed = 0
    for path in files:
        try:
            texts = read_file(analyzer, path)
        except UserError as exc:
            say("error", str(exc))
            failed += 1
            continue
        for entry in store_batch(library, index, texts):
            added += 1
            print(f"added {entry.id}: {terminal_safe(entry.title)} ({entry.chars:,} characters)")
    if not added:
        return 2
    return 1 if failed else 0


def _list(library: LibraryStore, index: LibraryIndex, args: argparse.Namespace) -> int:
    from app.cli import terminal_safe
    from app.core.analysis.library_index import file_stamp
    from app.core.analysis.stats import reading_stats
    from app.core.user.vocab import VocabStore

    entries = library.entries()
    with VocabStore() as vocab:
        states = vocab.states()
    texts = index.load()
    rows = []
    for entry in entries:
        words = texts.get(entry.location)
        stats = None if words is None else reading_stats(words.items(), states,
                                                         words.hsk_profile)
        rows.append((entry, stats, file_stamp(entry.path) is None))
    if args.json:
        print(json.dumps([_entry_json(*row) for row in rows], ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print("the library is empty; add texts with: zhreader library add PATH")
        return 0
    for entry, stats, missing in rows:
        known = f"{stats.known_share:4.0%} known, {stats.new_words:5,} new" if stats else \
            "not analysed yet"
        flag = " (missing)" if missing else ""
        print(f"{entry.id:5}  {known}  {terminal_safe(entry.title)}{flag}")
    return 0


def _entry_json(entry: LibraryEntry, stats: ArticleStats | None, missing: bool) -> dict:
    payload = {
        "id": entry.id,
        "title": entry.title,
        "path": entry.path,
        "part": entry.part,
        "book": entry.book,
        "chars": entry.chars,
        "added": time.strftime("%Y-%m-%dT%H:%M:%S", time.localtime(entry.added)),
        "last_read": time.strftime("%Y-%m-%dT%H:%M:%S", time.localtime(entry.last_read))
        if entry.last_read else None,
        "position": entry.position,
        "progress": round(entry.progress, 4),
        "missing": missing,
    }
    if stats is not None:
        payload |= stats.to_json()
    return payload


def _remove(library: LibraryStore, index: LibraryIndex, args: argparse.Namespace) -> int:
    from app.cli import terminal_safe
    from app.core.user.library import path_key

    entries = library.entries()
    chosen: list[LibraryEntry] = []
    for text in args.texts:
        key = path_key(text)
        matched = [e for e in entries if str(e.id) == text or e.path == key]
        if not matched:
            raise UserError(f"{text} is not in the library; see: zhreader library list")
        chosen.extend(e for e in matched if e not in chosen)
    removed = library.remove(entry.id for entry in chosen)
    index.remove(entry.location for entry in chosen)
    for entry in chosen:
        print(f"removed {entry.id}: {terminal_safe(entry.title)}")
    return 0 if removed else 2
