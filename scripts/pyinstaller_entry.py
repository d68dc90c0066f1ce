"""Entry script of the PyInstaller bundle (see build.spec): the same as ``ethics-tool``."""

from __future__ import annotations

from ethics_tool.__main__ import main

if __name__ == "__main__":
    raise SystemExit(main())
