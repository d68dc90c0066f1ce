"""Start-up time of the GUI against a bare QMainWindow, and the home page with 1,000 assessments.

Each figure is the median of several fresh processes (offscreen), measured from the moment the
process is started, the same way for both programs: ``shown`` is the main window's first paint
followed by the event loop going idle (a zero timer posted from the paint fires); ``ready`` is the
app's pages built and the home list filled (``MainWindow.ready``), which happens after the window is
shown, on a worker thread (core imports, database, forms). The last line is key=value pairs;
``ratio`` is app shown / bare shown (target under 1.5).
Run: python benchmarks/startup.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# The same probe in both programs: first paint of the main window, then the event loop idle.
PROBE = r"""
import os, sys, time
t0 = float(os.environ["BENCH_T0"])
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class FirstPaintIdle(QObject):
    # Installed on the main window only: an application-wide Python filter would slow every event.
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        window.installEventFilter(self)
    def eventFilter(self, obj, event):
        if obj is self.window and event.type() == QEvent.Type.Paint:
            self.window.removeEventFilter(self)
            # The window's paint event starts the paint of the whole window; the zero timer fires
            # when that is done and the event loop is idle again.
            QTimer.singleShot(0, lambda: print("shown", time.time() - t0, flush=True))
            if os.environ.get("BENCH_BARE"):
                QTimer.singleShot(0, QApplication.instance().quit)
        return False
"""

BARE = (
    PROBE
    + r"""
app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1240, 820)
watcher = FirstPaintIdle(window)
window.show()
app.exec()
"""
)

APP = (
    PROBE
    + r"""
from pathlib import Path
from ethics_tool.gui import app as gui_app
from ethics_tool.gui.main_window import MainWindow

original = MainWindow.__init__
def init(self, *args, **kwargs):
    original(self, *args, **kwargs)
    self.bench_watcher = FirstPaintIdle(self)
    def ready():
        print("ready", time.time() - t0)
        print("rows", self.home.model.rowCount())
        start = time.perf_counter()
        self.home.refresh()
        print("refresh", time.perf_counter() - start)
        QTimer.singleShot(0, self.close)
    self.ready.connect(ready)
MainWindow.__init__ = init
app = QApplication(sys.argv)
sys.exit(gui_app.run(Path(os.environ["BENCH_DB"]), lang="lv"))
"""
)


def run_child(code: str, env: dict[str, str]) -> dict[str, float]:
    env = dict(env, BENCH_T0=repr(time.time()))
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout
    values: dict[str, float] = {}
    for line in out.splitlines():
        key, _, value = line.partition(" ")
        try:
            values[key] = float(value)
        except ValueError:
            continue
    return values


def fill(db_path: Path, count: int) -> None:
    from ethics_tool.domain.loader import load_catalog
    from ethics_tool.paths import data_root
    from ethics_tool.services import Services
    from ethics_tool.storage.db import open_database

    db = open_database(db_path)
    services = Services(db, load_catalog([data_root() / "forms"]))
    form = services.form("quick")
    for i in range(count):
        services.create_assessment(municipality=f"Pašvaldība {i:04d}", form_id="quick", form=form)
    db.dispose()


def median(samples: list[dict[str, float]], key: str) -> float:
    return statistics.median(s[key] for s in samples if key in s)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="ethics-startup-"))
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[name] = str(work / name.lower())  # never the user's own settings or data

    big = work / "thousand.sqlite3"
    fill(big, 1000)
    run_child(BARE, dict(env, BENCH_BARE="1"))  # warm the file cache once
    bare, empty, thousand = [], [], []
    for run in range(args.runs):
        bare.append(run_child(BARE, dict(env, BENCH_BARE="1")))
        empty.append(run_child(APP, dict(env, BENCH_DB=str(work / f"empty{run}.sqlite3"))))
        thousand.append(run_child(APP, dict(env, BENCH_DB=str(big))))
    bare_shown = median(bare, "shown")
    shown = median(empty, "shown")
    ready = median(empty, "ready")
    big_shown = median(thousand, "shown")
    big_ready = median(thousand, "ready")
    refresh_ms = median(thousand, "refresh") * 1000
    rows = int(median(thousand, "rows"))
    ratio = shown / bare_shown
    print(f"bare QMainWindow shown and idle:              {bare_shown:.3f} s")
    print(f"app main window shown and idle:               {shown:.3f} s  ({ratio:.2f}× bare)")
    print(f"app ready (pages built, list filled):         {ready:.3f} s")
    print(f"app with {rows} assessments: shown {big_shown:.3f} s, ready {big_ready:.3f} s")
    print(f"home list refresh with {rows} rows:            {refresh_ms:.0f} ms")
    print(
        f"bare_s={bare_shown:.3f} shown_s={shown:.3f} ready_s={ready:.3f} "
        f"shown_1000_s={big_shown:.3f} ready_1000_s={big_ready:.3f} rows={rows} "
        f"refresh_1000_ms={refresh_ms:.0f} ratio={ratio:.2f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
