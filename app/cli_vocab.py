"""`zhreader vocab ...` (placeholder until the vocabulary store lands)."""

from __future__ import annotations

import argparse


def add_vocab_parser(sub: argparse._SubParsersAction) -> None:
    sub.add_parser("vocab", help="manage the vocabulary list")


def run_vocab(args: argparse.Namespace) -> int:
    raise NotImplementedError
