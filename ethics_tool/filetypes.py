"""Names the operating system sees: the application id, the exchange file type and its extension.

Used by the desktop integration (``packaging/``), the PyInstaller spec, the GUI's file dialogs and
the command line (``ethics-tool FILE`` opens an exchange file in the desktop program).
"""

from __future__ import annotations

from pathlib import Path

APP_ID = "lv.lps.EthicsTool"  # reverse-DNS id: .desktop file, AppStream, macOS bundle identifier
APP_NAME_EN = "Ethics self-assessment"
EXCHANGE_SUFFIX = ".etika"  # an assessment exported for archives or for merging (JSON inside)
MIME_TYPE = "application/x-ethics-tool-assessment"
# Files the import accepts: the own extension and plain JSON (older exports and hand-made files).
IMPORT_SUFFIXES = (EXCHANGE_SUFFIX, ".json")


def looks_like_exchange_file(argument: str) -> bool:
    """Whether a command-line argument names an exchange file to open (rather than a subcommand)."""
    path = Path(argument)
    return path.suffix.lower() in IMPORT_SUFFIXES or path.is_file()
