"""`zhreader entities ...`: the user's corrections to the entity list (apply to every article)."""

from __future__ import annotations

import argparse

from app.cli import say
from app.core.types import ENTITY_TYPES


def add_entities_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("entities", help="correct the named-entity list")
    commands = parser.add_subparsers(dest="entities_command", metavar="ACTION", required=True)
    ignore = commands.add_parser("ignore", help="never list NAME as an entity")
    ignore.add_argument("name")
    unignore = commands.add_parser("unignore", help="undo `ignore NAME`")
    unignore.add_argument("name")
    add = commands.add_parser("add", help="always list NAME (found by string search)")
    add.add_argument("name")
    add.add_argument("--type", required=True, choices=ENTITY_TYPES)
    remove = commands.add_parser("remove", help="undo `add NAME`")
    remove.add_argument("name")
    commands.add_parser("list", help="show the corrections")


def run_entities(args: argparse.Namespace) -> int:
    from app.core.user.corrections import Corrections

    corrections = Corrections.load()
    if corrections.notice:
        say("note", corrections.notice)
    action = args.entities_command
    if action == "list":
        from app.cli import terminal_safe

        for name in sorted(corrections.ignored):
            print(f"ignored\t{terminal_safe(name)}")
        for name, etype in sorted(corrections.added.items()):
            print(f"added\t{terminal_safe(name)}\t{etype}")
        return 0
    if action == "ignore":
        corrections.ignore(args.name)
        message = f"{args.name}: will not be listed as an entity"
    elif action == "add":
        corrections.add(args.name, args.type)
        message = f"{args.name}: will be listed as {args.type}"
    elif action == "unignore":
        if not corrections.unignore(args.name):
            print(f"{args.name}: was not ignored")
            return 1
        message = f"{args.name}: may be listed again"
    else:
        if not corrections.remove_added(args.name):
            print(f"{args.name}: was not added")
            return 1
        message = f"{args.name}: no longer added"
    corrections.save()
    print(message)
    return 0
