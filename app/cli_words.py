"""`zhreader words ...`: the user's word-boundary corrections (apply to every article)."""

from __future__ import annotations

import argparse
import json

from app.cli import say


def add_words_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("words", help="fix where words are cut (every article)")
    commands = parser.add_subparsers(dest="words_command", metavar="ACTION", required=True)
    add = commands.add_parser("add", help="always keep TEXT as one word")
    add.add_argument("text")
    split = commands.add_parser("split", help="always cut TEXT into PARTS")
    split.add_argument("text")
    split.add_argument("parts", nargs="+", metavar="PART")
    remove = commands.add_parser("remove", help="undo a correction of TEXT")
    remove.add_argument("text")
    listing = commands.add_parser("list", help="show the corrections")
    listing.add_argument("--json", action="store_true", help="print JSON")


def run_words(args: argparse.Namespace) -> int:
    from app.core.user.word_corrections import WordCorrections

    corrections = WordCorrections.load()
    if corrections.notice:
        say("note", corrections.notice)
    action = args.words_command
    if action == "list":
        if args.json:
            payload = [{"text": w, "parts": [w]} for w in sorted(corrections.words)]
            payload += [{"text": t, "parts": list(p)}
                        for t, p in sorted(corrections.splits.items())]
            print(json.dumps(payload, ensure_ascii=False))
            return 0
        for text, what in corrections.rows():
            print(f"{text}\t{what}")
        return 0
    if action == "add":
        word = corrections.add_word(args.text)
        message = f"{word}: always one word"
    elif action == "split":
        parts = corrections.split(args.text, args.parts)
        message = f"{''.join(parts)}: always cut as {' | '.join(parts)}"
    else:
        if not corrections.remove(args.text):
            print(f"{args.text}: no correction to remove")
            return 1
        message = f"{args.text}: cut as the segmenter decides again"
    corrections.save()
    print(message)
    return 0
