"""Compile the shared HSK word list into `dictionaries/hsk_levels.tsv`.

Run from the repository root: `python scripts/build_hsk_levels.py [../shared/data/hsk]`.
The source is MIT-licensed (complete-hsk-vocabulary); its notice is copied into the header.
The output is small, sorted and deterministic, so a rebuild from the same source is identical.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = REPO.parent / "shared" / "data" / "hsk"
OUT = REPO / "dictionaries" / "hsk_levels.tsv"


def _levels(labels: list[str], prefix: str) -> int | None:
    found = [int(label[1:]) for label in labels if label.startswith(prefix)]
    return min(found) if found else None


def main(argv: list[str]) -> int:
    source = Path(argv[0]) if argv else DEFAULT_SOURCE
    words = json.loads((source / "complete.min.json").read_text(encoding="utf-8"))
    licence = (source / "LICENSE").read_text(encoding="utf-8").strip().splitlines()
    rows = []
    for word in words:
        simplified = word["s"]
        traditional = sorted({form["t"] for form in word.get("f", []) if form.get("t")} - {""})
        v3 = _levels(word.get("l", []), "n")
        v2 = _levels(word.get("l", []), "o")
        rank = word.get("q")
        rows.append((simplified, "|".join(traditional), v3, v2, rank))
    rows.sort(key=lambda r: (r[2] or 99, r[4] or 10**9, r[0]))
    header = [
        "# HSK word levels, compiled by scripts/build_hsk_levels.py from",
        "# https://github.com/drkameleon/complete-hsk-vocabulary (complete.min.json,",
        "# commit 9a032f60b4d54db6a417ff2c2a1a022a0dfd4de4), MIT licence, notice below.",
        "# Columns: simplified, traditional forms ('|'-separated), HSK 3.0 band (1-6; 7 = the",
        "# 7-9 band), HSK 2.0 level (1-6, empty when not in HSK 2.0), frequency rank (1 = most",
        "# frequent, as given by the source).",
        "#",
        *(f"# {line}".rstrip() for line in licence),
    ]
    lines = ["\t".join(str(field or "") for field in row) for row in rows]
    OUT.write_text("\n".join(header + lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} words to {OUT.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
