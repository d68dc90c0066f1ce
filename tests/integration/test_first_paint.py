"""What the window has at its first paint, started as a user starts it (``python -m ethics_tool``).

The first paint is made quick by leaving out what it does not show (docs/startup.md): the core,
the commands' parsers, the dialogs' classes. These checks start the real entry point in a fresh
process, look at the window at the moment it says ``ethics-tool: shown`` and check that it is still
complete (title, menus and toolbar in Latvian, icons, the bundled font with every Latvian letter)
and that the parts left for later were indeed not loaded yet.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json, sys
from ethics_tool.gui import app as gui_app

seen = {}
leave = gui_app._leave


def look(app, moment):
    import PySide6.QtGui as G
    import PySide6.QtWidgets as W
    from PySide6.QtGui import QFontMetrics

    from ethics_tool.gui.main_window import MainWindow

    # PySide6 builds a class's Python type when it is first used (by the app or by this probe); a
    # class no part of the app uses tells whether this PySide6 does so (else the check says nothing).
    lazy_types = "QCalendarWidget" not in vars(W)
    built = sorted(
        name
        for name in ("QMessageBox", "QFileDialog", "QPalette", "QDialog")
        if name in vars(W) or name in vars(G)
    )
    window = next(w for w in W.QApplication.topLevelWidgets() if isinstance(w, MainWindow))
    label = window.loading.title
    metrics = QFontMetrics(label.font())
    seen.update(
        visible=window.isVisible(),
        title=window.windowTitle(),
        menus=[action.text() for action in window.menuBar().actions()],
        toolbar=[action.text() for action in window.toolbar.actions()],
        toolbar_icons=[not action.icon().isNull() for action in window.toolbar.actions()],
        window_icon=not window.windowIcon().isNull(),
        app_icon=not W.QApplication.windowIcon().isNull(),
        loading=label.text(),
        title_points=label.font().pointSizeF(),
        window_colour=window.palette().color(G.QPalette.ColorRole.Window).name(),
        font=label.fontInfo().family(),
        latvian=all(metrics.inFontUcs4(ord(c)) for c in "āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ"),
        gc_on=__import__("gc").isenabled(),  # paused for the imports, resumed after the paint
        core=sorted(m for m in ("sqlalchemy", "pydantic", "alembic", "yaml") if m in sys.modules),
        lazy_types=lazy_types,
        built=built,
    )
    leave(app, moment)


gui_app._leave = look
from ethics_tool.__main__ import main

code = main(["--db", sys.argv[1]])
print("probe:" + json.dumps(seen))
raise SystemExit(code)
"""


def _first_paint(tmp_path: Path, settings: str = "") -> dict[str, object]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    env["ETHICS_TOOL_EXIT_WHEN_READY"] = "shown"
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[var] = str(tmp_path / var.lower())
    tmp_path.mkdir(parents=True, exist_ok=True)
    if settings:  # the user's remembered settings (QSettings' INI file)
        ini = tmp_path / "xdg_config_home" / "LPS" / "ethics-tool.ini"
        ini.parent.mkdir(parents=True)
        ini.write_text(settings, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path / "a.sqlite3")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr
    line = next(line for line in proc.stdout.splitlines() if line.startswith("probe:"))
    result: dict[str, object] = json.loads(line.removeprefix("probe:"))
    return result


def test_the_first_paint_shows_the_whole_frame_and_loads_nothing_it_does_not_show(
    tmp_path: Path,
) -> None:
    seen = _first_paint(tmp_path)
    assert seen["visible"]
    assert seen["title"] == "Ētikas pašnovērtējums"
    assert seen["menus"] == ["&Fails", "&Rediģēt", "&Skats", "&Palīdzība"]
    assert seen["toolbar"] == [
        "Sākums",
        "Jautājumi",
        "Rezultāti",
        "Salīdzināt",
        "Iestatījumi",
        "Palīdzība",
    ]
    assert seen["toolbar_icons"] == [True] * 6
    assert seen["window_icon"] and seen["app_icon"]
    assert seen["loading"] == "Novērtējumi"
    assert seen["font"] == "DejaVu Sans" and seen["latvian"]
    assert seen["core"] == []  # the core is imported after the first paint
    assert seen["gc_on"]
    if seen["lazy_types"]:  # the dialogs' Qt classes are built when a dialog is first shown
        assert seen["built"] == []


def test_the_remembered_appearance_is_there_at_the_first_paint(tmp_path: Path) -> None:
    """Large text and high contrast apply before the window is built: its first paint has them."""
    normal = _first_paint(tmp_path / "normal")
    seen = _first_paint(tmp_path / "large", "[appearance]\nlarge_fonts=true\nhigh_contrast=true\n")
    assert normal["title_points"] == 16.0  # 10 pt × 1.6 for the page title
    assert seen["title_points"] == pytest.approx(23.2)  # 10 pt × 1.45 (large text) × 1.6
    assert seen["window_colour"] == "#000000" != normal["window_colour"]
    assert seen["toolbar_icons"] == [True] * 6 and seen["latvian"]
