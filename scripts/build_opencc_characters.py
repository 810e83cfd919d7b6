"""Compile OpenCC's one-character conversions into `dictionaries/opencc_characters.tsv`.

Run from the repository root with the project's venv: `python scripts/build_opencc_characters.py`.
Detecting an article's script needs only which characters each direction changes; shipping
that (8,000 lines) spares every start loading OpenCC's s2t phrase tables (26 MB) and
converting 110,000 characters to find out.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from app.core.text.script import compute_char_tables  # noqa: E402

OUT = REPO / "dictionaries" / "opencc_characters.tsv"


def main() -> int:
    from importlib.metadata import version

    t2s, s2t = compute_char_tables()
    header = [
        f"# One-character conversions of OpenCC {version('opencc')} (https://github.com/BYVoid/OpenCC,",
        "# Apache License 2.0), compiled by scripts/build_opencc_characters.py: each character",
        "# converted alone, so no phrase rule applies. Columns: direction (t2s or s2t),",
        "# character, what OpenCC turns it into. Used to tell traditional from simplified text.",
    ]
    rows = [f"t2s\t{a}\t{b}" for a, b in sorted(t2s.items())]
    rows += [f"s2t\t{a}\t{b}" for a, b in sorted(s2t.items())]
    OUT.write_text("\n".join(header + rows) + "\n", encoding="utf-8")
    print(f"wrote {len(rows)} conversions to {OUT.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
