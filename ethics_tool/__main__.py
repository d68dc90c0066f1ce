"""``python -m ethics_tool``: the GUI without arguments, a CLI subcommand otherwise."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from ethics_tool.cli import main as cli_main

    return cli_main(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    raise SystemExit(main())
