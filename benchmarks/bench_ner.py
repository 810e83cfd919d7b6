"""Entity P/R/F1 (exact span + type) on MSRA, People's Daily, Weibo and a CLUENER slice.

Usage: python benchmarks/bench_ner.py [--sets msra,pd,weibo,cluener] [--split dev,test]
                                      [--limit N] [--errors N] [--examples "false bound ORG"]
                                      [--rules-only] [--typed-as fullwidth|ascii-marks|traditional]
--errors also counts false alarms and misses by kind: "type" (right span, wrong type), "bound"
(overlaps a gold/predicted span: longer, shorter or shifted) and "alone" (nothing overlapping).
Each corpus sentence is analysed as its own document with no user corrections. Our types map
person->PER, organization->ORG, place->LOC; "work" has no counterpart and is dropped. For Weibo
only named (.NAM) mentions count and GPE is merged into LOC. "cluener" is the tenth of
CLUENER2020's training file that app/core/language/entities/train.py keeps out of training
(its only split, printed with the dev splits): CLUENER's types mapped as the tagger's training
maps them (name PER; company/organization/government ORG; address LOC; book/movie/game WORK),
works compared without 《》, position ignored, and a predicted span that is exactly a scene
span neither counts for nor against.
--typed-as retypes every text before the analyser reads it, one character for one so the gold
spans hold, as other sources write Chinese: "fullwidth" turns ASCII letters and digits into
full-width ones (１２月, ＩＢＭ: older wires, many IMEs), "ascii-marks" types ，。；！？（） as
ASCII (web pages, chat), "traditional" converts to traditional characters (OpenCC s2t; a text
whose conversion changes its length is left as it was). A robustness figure, not another set.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.core.analysis.analyzer import Analyzer
from app.core.language.entities import EntityTagger
from app.core.language.entities.train import default_data, gold_spans, read_cluener, strip_marks
from app.core.text.script import to_traditional
from app.core.user.corrections import Corrections

ANALYZER = Analyzer()  # the shipped data; corrections are passed per call
# --rules-only: a tagger without a model file, so the rules decide alone.
NO_TAGGER = EntityTagger(Path(os.devnull) / "none")

OUR_TYPES = {"person": "PER", "organization": "ORG", "place": "LOC"}
WITH_WORKS = {**OUR_TYPES, "work": "WORK"}


def shared_benchmarks() -> Path:
    override = os.environ.get("ZHREADER_SHARED")
    base = Path(override) if override else Path(__file__).resolve().parents[2] / "shared"
    return base / "benchmarks"


def read_bio(path: Path, sep: str | None, weibo: bool = False) -> list[tuple[str, set]]:
    """Sentences as (text, {(start, end, type)})."""
    sentences, chars, tags = [], [], []

    def flush() -> None:
        if chars:
            sentences.append(("".join(chars), spans_from_bio(tags)))
        chars.clear()
        tags.clear()

    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip():
                flush()
                continue
            token, tag = line.split(sep) if sep else line.split()
            if weibo:
                token = token[:-1]
                if tag != "O":
                    kind, _, rest = tag.partition("-")
                    etype, _, nominal = rest.partition(".")
                    label = "LOC" if etype == "GPE" else etype
                    tag = "O" if nominal != "NAM" else f"{kind}-{label}"
            chars.append(token or " ")
            tags.append(tag)
    flush()
    return sentences


def spans_from_bio(tags: list[str]) -> set[tuple[int, int, str]]:
    spans, start, etype = set(), None, None
    for i, tag in enumerate([*tags, "O"]):
        if start is not None and not (tag.startswith("I-") and tag[2:] == etype):
            spans.add((start, i, etype))
            start = None
        if tag.startswith("B-") or (tag.startswith("I-") and start is None):
            start, etype = i, tag[2:]
    return spans


CORPORA = {
    "msra": ("msra_ner", {"test": "msra_test_bio.txt"}, "\t", False),
    "pd": ("peoples_daily_ner", {"test": "example.test", "dev": "example.dev"}, " ", False),
    "weibo": (
        "weibo_ner",
        {"test": "weiboNER_2nd_conll.test", "dev": "weiboNER_2nd_conll.dev"},
        "\t",
        True,
    ),
}


def read_cluener_heldout() -> list[tuple[str, set, set]]:
    """(text, gold spans, scene spans) of the held-out tenth of CLUENER's training file."""
    return read_cluener_part(held_out_tenth=True)


def read_cluener_part(held_out_tenth: bool) -> list[tuple[str, set, set]]:
    """(text, gold spans, scene spans) of the held-out tenth of CLUENER's training file, or
    of the nine tenths the tagger trained on."""
    from app.core.language.entities.train import held_out

    out = []
    for text, spans in read_cluener(default_data()):
        if held_out(text) == held_out_tenth:
            gold = {g for g in gold_spans(text, {k: v for k, v in spans.items() if k != "scene"})}
            out.append((text, gold, set(spans.get("scene", ()))))
    return out


def predict(
    text: str,
    corrections: Corrections,
    types: dict[str, str] = OUR_TYPES,
    tagger: EntityTagger | None = None,
) -> set[tuple[int, int, str]]:
    out = set()
    for entity in ANALYZER.entities(text, corrections=corrections, tagger=tagger):
        label = types.get(entity.type)
        if label == "WORK":
            out.update((*strip_marks(text, s, e), label) for s, e in entity.spans)
        elif label:
            out.update((s, e, label) for s, e in entity.spans)
    return out


_ASCII_MARKS = str.maketrans("，。；！？（）", ",.;!?()")


def retyped(text: str, how: str) -> str:
    """`text` as another source would type it (--typed-as), one character for one."""
    if how == "fullwidth":
        return "".join(chr(ord(c) + 0xFEE0) if c.isascii() and c.isalnum() else c for c in text)
    if how == "ascii-marks":
        return text.translate(_ASCII_MARKS)
    if how == "traditional":
        converted = to_traditional(text)
        return converted if len(converted) == len(text) else text
    return text


def error_kind(item: tuple[int, int, str], other: set[tuple[int, int, str]]) -> str:
    """Why a false alarm (or miss) happened: wrong type, wrong boundary, or nothing there."""
    start, end, label = item
    for s, e, t in other:
        if (s, e) == (start, end):
            return f"type {label}<>{t}"
        if s < end and start < e:
            side = (
                "longer"
                if s >= start and e <= end
                else "shorter"
                if start >= s and end <= e
                else "shifted"
            )
            return f"bound {label} {side}" + ("" if t == label else f" ({t})")
    return f"alone {label}"


def in_context(text: str, item: tuple[int, int, str]) -> str:
    start, end, _ = item
    return f"{text[start:end]} | {text[max(0, start - 8) : end + 8]}"


def score(
    name: str,
    sentences: list[tuple[str, set]] | list[tuple[str, set, set]],
    errors: int = 0,
    examples: str = "",
    types: dict[str, str] = OUR_TYPES,
    tagger: EntityTagger | None = None,
    typed_as: str = "",
) -> None:
    corrections = Corrections()
    shown = 0
    tp, fp, fn = Counter(), Counter(), Counter()
    fp_kinds, fn_kinds = Counter(), Counter()
    began = time.perf_counter()
    for text, gold, *scenes in sentences:
        pred = predict(retyped(text, typed_as), corrections, types, tagger)
        if scenes:
            pred = {p for p in pred if p[:2] not in scenes[0]}
        for item in pred & gold:
            tp[item[2]] += 1
        for item in pred - gold:
            fp[item[2]] += 1
            kind = error_kind(item, gold)
            fp_kinds[kind] += 1
            if examples and f"false {kind}".startswith(examples):
                print(f"  false {kind}: {in_context(text, item)}")
        for item in gold - pred:
            fn[item[2]] += 1
            kind = error_kind(item, pred)
            fn_kinds[kind] += 1
            if examples and f"missed {kind}".startswith(examples):
                print(f"  missed {kind}: {in_context(text, item)}")
        if shown < errors and pred != gold:
            shown += 1
            missed = sorted(f"{text[s:e]}/{t}" for s, e, t in gold - pred)
            wrong = sorted(f"{text[s:e]}/{t}" for s, e, t in pred - gold)
            print(f"  - missed {' '.join(missed)} | false {' '.join(wrong)}")
    seconds = time.perf_counter() - began

    def prf(t: int, p: int, n: int) -> str:
        precision = t / (t + p) if t + p else 0.0
        recall = t / (t + n) if t + n else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return f"P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}"

    total = (sum(tp.values()), sum(fp.values()), sum(fn.values()))
    print(f"{name}: {len(sentences)} sentences, {seconds:.1f} s")
    print(f"  all  {prf(*total)}  (gold {total[0] + total[2]}, predicted {total[0] + total[1]})")
    for label in types.values():
        print(f"  {label}  {prf(tp[label], fp[label], fn[label])}")
    if errors:
        print("  false alarms: " + ", ".join(f"{k} {n}" for k, n in fp_kinds.most_common()))
        print("  misses: " + ", ".join(f"{k} {n}" for k, n in fn_kinds.most_common()))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default="msra,pd,weibo,cluener")
    parser.add_argument("--split", default="dev,test", help="dev, test or dev,test")
    parser.add_argument("--limit", type=int, default=0, help="first N sentences only")
    parser.add_argument("--errors", type=int, default=0, help="print N sentences' errors")
    parser.add_argument(
        "--examples", default="", help='print every error of one kind, e.g. "false bound ORG"'
    )
    parser.add_argument(
        "--rules-only", action="store_true", help="leave the trained tagger out (the rules alone)"
    )
    parser.add_argument(
        "--typed-as",
        default="",
        choices=["", "fullwidth", "ascii-marks", "traditional"],
        help="retype every text first, as other sources write Chinese (a robustness check)",
    )
    args = parser.parse_args()
    tagger = NO_TAGGER if args.rules_only else None
    for split in args.split.split(","):
        print(f"== {split} ==")
        for key in args.sets.split(","):
            if key == "cluener":
                if split == "dev":  # the held-out slice is tuned on, like a dev split
                    held = read_cluener_heldout()[: args.limit or None]
                    name = "cluener held-out tenth of train"
                    score(name, held, args.errors, args.examples, WITH_WORKS, tagger, args.typed_as)
                continue
            folder, files, sep, weibo = CORPORA[key]
            if split not in files:
                print(f"{key}: no {split} split")
                continue
            path = shared_benchmarks() / folder / files[split]
            if not path.exists():
                print(f"{key}: {path} not found (set ZHREADER_SHARED)")
                continue
            sentences = read_bio(path, sep, weibo)
            if args.limit:
                sentences = sentences[: args.limit]
            score(
                f"{key} {split}",
                sentences,
                args.errors,
                args.examples,
                OUR_TYPES,
                tagger,
                args.typed_as,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
