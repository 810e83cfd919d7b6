"""Entity P/R/F1 and type accuracy on the five built-in articles against benchmarks/gold.

Usage: python benchmarks/bench_entities_articles.py [--show]
The figures are in-sample (the rules and word lists were written while reading these articles),
so they are printed twice: with every name list entry as shipped, and with the known-name
entries marked "articles" in dictionaries/entity_known.txt switched off — the fairer figure.
An entity we list counts as found when its text or any alias matches (script- and
case-folded) the canonical text or any alias of a gold entity; each gold entity is matched
at most once. Type accuracy is over matched pairs.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from app.core.analysis.analyzer import Analyzer  # noqa: E402
from app.core.language.entities import Lexicon, load_lexicon  # noqa: E402
from app.core.user.corrections import Corrections, normalize_name  # noqa: E402

GOLD = REPO / "benchmarks" / "gold" / "articles_entities.json"
ARTICLES = REPO / "resources" / "articles"


def _forms(*names: object) -> set[str]:
    out = set()
    for name in names:
        if isinstance(name, str) and name.strip():
            out.add(normalize_name(name))
        elif isinstance(name, list | tuple):
            out |= _forms(*name)
    return out


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--show", action="store_true", help="list misses, false alarms and wrong types"
    )
    args = parser.parse_args()
    if not GOLD.exists():
        print(f"{GOLD} not found")
        return 1
    gold_all = json.loads(GOLD.read_text("utf-8"))["articles"]
    print("== every known-name entry (in-sample) ==")
    score(gold_all, load_lexicon(articles=True), args.show)
    print("== known names drawn from the articles switched off ==")
    score(gold_all, load_lexicon(articles=False), args.show)
    return 0


def score(gold_all: dict, lexicon: Lexicon, show: bool) -> None:
    totals = [0, 0, 0, 0, 0]  # tp, predicted, gold, right type, seconds*1000
    analyzer = Analyzer(lexicon=lexicon)
    for name, gold in sorted(gold_all.items()):
        from app.core.text.articles import load_article

        text = load_article(ARTICLES / name, words=analyzer.is_headword).text
        tagged = analyzer.segment_tagged(text)
        began = time.perf_counter()
        found = analyzer.entities(text, tagged, Corrections())
        millis = (time.perf_counter() - began) * 1000
        gold_forms = [_forms(g.get("canonical"), g.get("aliases", [])) for g in gold]
        used: set[int] = set()
        tp = right_type = 0
        false_alarms = []
        wrong_type = []
        for entity in found:
            forms = _forms(entity.text, entity.aliases)
            unused = (i for i, g in enumerate(gold_forms) if i not in used and forms & g)
            match = next(unused, None)
            if match is None:
                false_alarms.append(f"{entity.text}[{entity.type}]")
                continue
            used.add(match)
            tp += 1
            right_type += entity.type == gold[match].get("type")
            if entity.type != gold[match].get("type"):
                wrong_type.append(f"{entity.text}[{entity.type}, not {gold[match].get('type')}]")
        p, r, f = _prf(tp, len(found), len(gold))
        type_acc = right_type / tp if tp else 0.0
        counts = f"gold {len(gold)}, listed {len(found)}, matched {tp}; {millis:.0f} ms"
        print(f"{name}: P {p:.3f} R {r:.3f} F1 {f:.3f} type {type_acc:.3f} ({counts})")
        if show:
            missed = [g.get("canonical") for i, g in enumerate(gold) if i not in used]
            print("   missed:", ", ".join(map(str, missed)))
            print("   false alarms:", ", ".join(false_alarms))
            print("   wrong type:", ", ".join(wrong_type))
        for i, value in enumerate((tp, len(found), len(gold), right_type, millis)):
            totals[i] += value
    p, r, f = _prf(totals[0], totals[1], totals[2])
    type_acc = totals[3] / totals[0] if totals[0] else 0.0
    print(f"overall: P {p:.3f} R {r:.3f} F1 {f:.3f} type {type_acc:.3f} "
          f"(gold {totals[2]}, listed {totals[1]}, matched {totals[0]})")  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
