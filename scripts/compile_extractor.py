"""Compile the quote extractor (``articles/quotes``) to C extension modules with mypyc.

The extractor is plain, fully annotated Python; mypyc turns each of its modules
into an extension module that Python loads in place of the source (an
extension module wins over a ``.py`` of the same name), with the same
behaviour about twice as fast. The package's ``__init__`` stays
source: it refuses to import compiled modules older than their sources (see
its docstring), so an edit never runs stale code.

Run by ``make compile`` (and so by ``make run`` and ``make test``) whenever a
source is newer than the last build. With ``--clean`` it removes the compiled
modules and the extractor runs from source again. The C files and objects go
to ``build/mypyc``.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "articles" / "quotes"
# The shared library of the compiled modules, ``articles/quotes/_native__mypyc*.so``.
GROUP = "articles.quotes._native"
STAMP = ROOT / "build" / "mypyc" / ".compiled"  # the Makefile's target


def sources() -> list[str]:
    """The package's modules to compile, relative to the project (not ``__init__``)."""
    return sorted(str(p.relative_to(ROOT)) for p in PACKAGE.glob("*.py") if p.name != "__init__.py")


def compiled() -> list[Path]:
    return sorted(PACKAGE.glob("*.so"))


def clean() -> None:
    """Remove the compiled modules, and Make's record of the build so that it builds again."""
    for path in compiled():
        path.unlink()
    STAMP.unlink(missing_ok=True)


def build() -> None:
    from mypyc.build import mypycify
    from setuptools import setup

    os.chdir(ROOT)
    clean()
    setup(
        name="strikewatch-extractor",
        ext_modules=mypycify(sources(), group_name=GROUP, target_dir="build/mypyc"),
        script_args=["--quiet", "build_ext", "--inplace", "--build-temp", "build/mypyc"],
    )
    # Copied with the build's times, which an unchanged module keeps from an earlier
    # build: stamped now, so that the package's staleness test compares with this one.
    for path in compiled():
        os.utime(path)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clean", action="store_true", help="remove the compiled modules")
    args = parser.parse_args()
    if args.clean:
        clean()
        return 0
    build()
    print(
        f"Compiled {len(sources())} modules of articles/quotes ({len(compiled())} extension files)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
