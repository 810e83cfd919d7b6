"""What a change to the entity rules does on text no rule was written from.

Usage: python benchmarks/ner_train_diff.py --save DIR     (before the change)
       python benchmarks/ner_train_diff.py --against DIR  (after it)

The nine tenths of CLUENER2020's training file that the tagger trained on were never read to
write a rule, so they show a rule's false names that the tuned dev sets cannot. The tagger is
in-sample there, so the script reports no F1: it lists only the mentions the change added or
removed, each marked right or wrong by CLUENER's labels (mapped as `bench_ner.py` maps them;
CLUENER's conventions differ from People's Daily's, so read the list, not just its counts).
"""

from __future__ import annotations

import argparse
import pickle
import sys
from multiprocessing import Pool
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_ner import WITH_WORKS, predict, read_cluener_part

from app.core.language.entities.train import default_data
from app.core.user.corrections import Corrections

Span = tuple[int, int, str]
Item = tuple[str, set[Span], set[tuple[int, int]]]
PREDICTIONS = "cluener_train_predictions.pkl"


def _predict_chunk(chunk: list[Item]) -> list[set[Span]]:
    corrections = Corrections()
    return [
        {p for p in predict(text, corrections, WITH_WORKS) if p[:2] not in scenes}
        for text, _, scenes in chunk
    ]


def predictions(items: list[Item], workers: int) -> list[set[Span]]:
    size = max(1, len(items) // (workers * 8))
    chunks = [items[i : i + size] for i in range(0, len(items), size)]
    with Pool(workers) as pool:
        return [p for part in pool.map(_predict_chunk, chunks) for p in part]


def compare(items: list[Item], before: list[set[Span]], after: list[set[Span]]) -> None:
    counts = {"+right": 0, "+wrong": 0, "-right": 0, "-wrong": 0}
    for (text, gold, _), old, new in zip(items, before, after, strict=True):
        for sign, spans in (("+", new - old), ("-", old - new)):
            for start, end, label in sorted(spans):
                kind = sign + ("right" if (start, end, label) in gold else "wrong")
                counts[kind] += 1
                context = text[max(0, start - 10) : end + 10]
                print(f"{kind:7s} {text[start:end]} {label} | {context}")
    print(", ".join(f"{k} {v}" for k, v in counts.items()))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path, help="write today's predictions to this folder")
    group.add_argument("--against", type=Path, help="compare with predictions saved there")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    if not default_data().exists():
        print(f"{default_data()} not found (set ZHREADER_SHARED)", file=sys.stderr)
        return 1
    items: list[Item] = read_cluener_part(held_out_tenth=False)
    now = predictions(items, args.workers)
    if args.save:
        args.save.mkdir(parents=True, exist_ok=True)
        (args.save / PREDICTIONS).write_bytes(pickle.dumps(now))
        print(f"saved predictions for {len(items)} texts in {args.save}")
        return 0
    saved = pickle.loads((args.against / PREDICTIONS).read_bytes())
    if len(saved) != len(items):
        print("saved predictions are for another training file", file=sys.stderr)
        return 1
    compare(items, saved, now)
    return 0


if __name__ == "__main__":
    sys.exit(main())
