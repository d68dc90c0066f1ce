"""``python -m ethics_tool.gui [--db PATH] [--lang lv|en]``: start the GUI directly."""

from __future__ import annotations

import argparse
from pathlib import Path

from ethics_tool.gui.app import run


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m ethics_tool.gui")
    parser.add_argument("--db", type=Path, default=None, help="database file")
    parser.add_argument("--lang", choices=("lv", "en"), default=None)
    args = parser.parse_args()
    return run(args.db, args.lang)


if __name__ == "__main__":
    raise SystemExit(main())
