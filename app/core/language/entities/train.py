"""Rebuild the shipped entity tagger from CLUENER2020's training split.

    nice python -m app.core.language.entities.train [--data PATH] [--out PATH]

Deterministic: the same data, code and libraries give the same model byte for byte (L-BFGS
has no random start; texts are read in file order). One text in ten (by a CRC of its text)
is held out of training; `benchmarks/bench_ner.py --sets cluener` scores that slice. CLUENER's
ten types map to ours: name -> person; company, organization, government -> organization;
address -> place; book, movie, game -> work; scene (scenic spots) -> place, which the scoring
neither requires nor penalises; position is left out. Works are labelled inside their 《》.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import zlib
from collections.abc import Iterator
from pathlib import Path

from app.core.language.entities.tagger import HEADER_END, MODEL_FILE, features
from app.core.paths import dictionaries_dir


def default_data() -> Path:
    """../shared/training/cluener/train.jsonl beside the checkout (ZHREADER_SHARED overrides)."""
    override = os.environ.get("ZHREADER_SHARED")
    base = Path(override) if override else Path(__file__).resolve().parents[4].parent / "shared"
    return base / "training" / "cluener" / "train.jsonl"


CLUENER_TYPES = {
    "name": "PER", "company": "ORG", "organization": "ORG", "government": "ORG",
    "address": "LOC", "scene": "LOC", "book": "WORK", "movie": "WORK", "game": "WORK",
}  # fmt: skip
TITLE_MARKS = "《》"

# Trainer settings, chosen on the held-out slice, People's Daily dev and Weibo dev.
PARAMS = {"c1": 0.8, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True}
MIN_FREQ = 2


def held_out(text: str) -> bool:
    """The deterministic tenth kept out of training, for tuning."""
    return zlib.crc32(text.encode("utf-8")) % 10 == 0


def read_cluener(path: Path) -> Iterator[tuple[str, dict[str, list[tuple[int, int]]]]]:
    """(text, {CLUENER type: [(start, end exclusive)]}) per line."""
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            item = json.loads(line)
            spans: dict[str, list[tuple[int, int]]] = {}
            for etype, names in item.get("label", {}).items():
                for bounds in names.values():
                    spans.setdefault(etype, []).extend((s, e + 1) for s, e in bounds)
            yield item["text"], spans


def strip_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """A work's span without the 《》 around it (CLUENER includes them sometimes)."""
    while start < end and text[start] in TITLE_MARKS:
        start += 1
    while end > start and text[end - 1] in TITLE_MARKS:
        end -= 1
    return start, end


def gold_spans(text: str, spans: dict[str, list[tuple[int, int]]]) -> set[tuple[int, int, str]]:
    """CLUENER's spans in our four labels (scene as LOC), works without their 《》."""
    out = set()
    for etype, bounds in spans.items():
        label = CLUENER_TYPES.get(etype)
        if label is None:
            continue
        for start, end in bounds:
            if label == "WORK":
                start, end = strip_marks(text, start, end)
            if end > start:
                out.add((start, end, label))
    return out


def bio(length: int, spans: set[tuple[int, int, str]]) -> list[str]:
    labels = ["O"] * length
    for start, end, label in sorted(spans, key=lambda s: (s[0] - s[1], s[0])):  # longest first
        if any(labels[i] != "O" for i in range(start, end)):
            continue
        labels[start] = "B-" + label
        for i in range(start + 1, end):
            labels[i] = "I-" + label
    return labels


def sequences(path: Path, heldout: bool = False) -> Iterator[tuple[list[list[str]], list[str]]]:
    """(features, labels) for each training text (or each held-out one), read with the
    shipped dictionary and a segmenter over it, as the app reads (no user corrections)."""
    from app.core.language.dictionary import open_dictionary
    from app.core.language.entities import prepare, rule_mentions
    from app.core.language.segmentation import Segmenter
    from app.core.user.corrections import Corrections

    dictionary = open_dictionary()
    segmenter = Segmenter(dictionary.contains, frequency=dictionary.frequency)
    corrections = Corrections()
    for text, spans in read_cluener(path):
        if held_out(text) != heldout:
            continue
        ctx = prepare(text, segmenter.segment_tagged(text), dictionary)
        rules = rule_mentions(ctx, corrections)
        yield features(ctx, rules, 0, len(text)), bio(len(text), gold_spans(text, spans))


def header(data: Path, count: int, params: dict[str, object]) -> bytes:
    lines = [
        "# zhreader entity tagger: a CRFsuite model (python-crfsuite), rebuilt by",
        "#   python -m app.core.language.entities.train",
        f"# Trained on {count} texts of CLUENER2020's training split (Xu et al. 2020,",
        "#   https://github.com/CLUEbenchmark/CLUENER2020; no licence stated, published as a",
        "#   public research benchmark), one text in ten held out; read from",
        f"#   ../shared/training/cluener/{data.name}, never copied into this repository.",
        f"# Settings: {json.dumps(params, sort_keys=True)}, min_freq {MIN_FREQ}.",
        "# The binary model follows the next line.",
    ]
    return ("\n".join(lines) + "\n").encode("utf-8") + HEADER_END


def train(data: Path, out: Path, params: dict[str, object], verbose: bool = True) -> int:
    import pycrfsuite

    began = time.perf_counter()
    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.select("lbfgs")
    count = 0
    for xseq, yseq in sequences(data):
        trainer.append(xseq, yseq)
        count += 1
    if verbose:
        print(f"features for {count} texts: {time.perf_counter() - began:.0f} s", file=sys.stderr)
    trainer.set_params({**params, "feature.minfreq": MIN_FREQ})
    raw = out.with_suffix(".tmp")
    trainer.train(str(raw))
    model = raw.read_bytes()
    raw.unlink()
    from app.core.paths import atomic_write_bytes

    atomic_write_bytes(out, header(data, count, params) + model)
    if verbose:
        seconds = time.perf_counter() - began
        size = out.stat().st_size / 1e6
        print(f"wrote {out} ({size:.1f} MB) in {seconds:.0f} s", file=sys.stderr)
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None, help="CLUENER train.jsonl")
    parser.add_argument("--out", type=Path, default=dictionaries_dir() / MODEL_FILE)
    parser.add_argument("--c1", type=float, default=PARAMS["c1"])
    parser.add_argument("--c2", type=float, default=PARAMS["c2"])
    parser.add_argument("--iterations", type=int, default=PARAMS["max_iterations"])
    args = parser.parse_args(argv)
    args.data = args.data or default_data()
    if not args.data.exists():
        print(f"{args.data} not found (pass --data)", file=sys.stderr)
        return 1
    params = {**PARAMS, "c1": args.c1, "c2": args.c2, "max_iterations": args.iterations}
    train(args.data, args.out, params)
    return 0


if __name__ == "__main__":
    sys.exit(main())
