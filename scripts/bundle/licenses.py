"""Copy the licence files of every Python distribution inside a built bundle into
LICENSES/third-party/, with Python's and PyInstaller's (its bootloader is in the program).

    python scripts/bundle/licenses.py BUNDLE_DIR

Run with the interpreter that built the bundle: it reads that environment's metadata.
"""

from __future__ import annotations

import importlib.metadata as metadata
import re
import shutil
import sys
import sysconfig
from pathlib import Path

_LICENCE_NAME = re.compile(r"^(licen[cs]e|copying|notice|authors)", re.IGNORECASE)


def _licence_files(dist: metadata.Distribution) -> list[Path]:
    found = []
    for file in dist.files or []:
        parts = file.parts
        in_metadata = parts[0].endswith((".dist-info", ".egg-info"))
        if in_metadata and (_LICENCE_NAME.match(file.name) or "licenses" in parts[1:-1]):
            found.append(Path(dist.locate_file(file)))
    return [path for path in found if path.is_file()]


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _runtime_closure(root: str) -> set[str]:
    """`root` and every distribution it requires at run time (extras left out)."""
    names: set[str] = set()
    todo = [root]
    while todo:
        name = _canonical(todo.pop())
        if name in names:
            continue
        names.add(name)
        try:
            requirements = metadata.requires(name) or []
        except metadata.PackageNotFoundError:
            continue
        for requirement in requirements:
            marker = requirement.partition(";")[2]
            if "extra" not in marker:
                todo.append(re.match(r"[A-Za-z0-9._-]+", requirement).group())
    return names


def _is_bundled(dist: metadata.Distribution, internal: Path) -> bool:
    """A package with files beside the program (pure Python ones are in its archive,
    and come from zhreader's requirements)."""
    tops = (dist.read_text("top_level.txt") or "").split()
    tops += [f.parts[0] for f in dist.files or [] if len(f.parts) > 1
             and not f.parts[0].endswith((".dist-info", ".egg-info", ".data"))]
    return any((internal / top).exists() for top in set(tops) if top and top != "..")


def main(bundle: Path) -> int:
    internal = bundle / "_internal"
    out = bundle / "LICENSES" / "third-party"
    out.mkdir(parents=True, exist_ok=True)
    copied = 0
    wanted = _runtime_closure("zhreader") - {"zhreader"} | {"pyinstaller"}
    for dist in sorted(metadata.distributions(), key=lambda d: d.metadata["Name"].lower()):
        name = dist.metadata["Name"]
        if name.lower() == "zhreader":
            continue  # its own licences are the LICENSES folder itself
        if _canonical(name) in wanted or _is_bundled(dist, internal):
            files = _licence_files(dist)
            for path in files:
                target = out / name / path.name
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, target)
                copied += 1
            if not files:
                print(f"note: {name} ships no licence file (see LICENSES/README.md)")
    python_licence = Path(sysconfig.get_paths()["stdlib"]) / "LICENSE.txt"
    if python_licence.is_file():
        (out / "Python").mkdir(exist_ok=True)
        shutil.copyfile(python_licence, out / "Python" / "LICENSE.txt")
        copied += 1
    print(f"{copied} licence files in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
