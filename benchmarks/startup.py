"""Start-up time of the GUI against a bare window and against the floor of this stack.

Each figure is the median of several fresh processes (offscreen), measured from the moment the
process is started, the same way for every program: ``shown`` is the main window's first paint
followed by the event loop going idle (a zero timer posted from the paint fires); ``ready`` is the
app's home list filled and usable (``MainWindow.ready``: the database opened and the assessments
listed on a worker thread, the home page built); ``painted`` is that page's first paint followed
by the event loop going idle; ``core`` is the moment the services (the ORM, the questionnaires,
every page's wiring) are loaded and attached, right after ready (``MainWindow.core_loaded``; a
click before it waits for it, see docs/startup.md).

Each run starts these, each as a fresh process:

- **bare**: a QMainWindow and nothing else;
- **floor**: what any program on this stack must do before it can show data: import PySide6,
  SQLAlchemy and pydantic, open the SQLite file (the same file the app opens), read from it into a
  pydantic model, and show a window; its ``shown`` is its ``ready``;
- the app on that existing database (a normal start), on a new file (the very first start, which
  creates the schema) and on a database with 1,000 assessments.

The last line is key=value pairs: ``ratio`` is app shown / bare shown (#17 asks at most 1.5 of the bundle) and
``ready_floor`` is app ready / floor (#15: at most 1.3), ``painted_floor`` and ``core_floor`` the
same for the list painted and the core loaded, from medians; ``*_best`` are the same ratios
from each program's best run (on a shared machine, the run least disturbed by others).
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
    def __init__(self, window, label="shown"):
        super().__init__(window)
        self.window = window
        self.label = label
        window.installEventFilter(self)
    def eventFilter(self, obj, event):
        if obj is self.window and event.type() == QEvent.Type.Paint:
            self.window.removeEventFilter(self)
            # The window's paint event starts the paint of the whole window; the zero timer fires
            # when that is done and the event loop is idle again.
            QTimer.singleShot(0, lambda: print(self.label, time.time() - t0, flush=True))
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

FLOOR = (
    PROBE
    + r"""
from pydantic import BaseModel
from sqlalchemy import create_engine, text

class Table(BaseModel):
    name: str

engine = create_engine("sqlite:///" + os.environ["BENCH_DB"])
with engine.connect() as conn:
    rows = conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'"))
    tables = [Table(name=name) for (name,) in rows]
assert tables, "the floor must read a real database"
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
from ethics_tool.__main__ import main
from ethics_tool.gui.main_window import MainWindow

original = MainWindow.__init__
def init(self, *args, **kwargs):
    original(self, *args, **kwargs)
    self.bench_watcher = FirstPaintIdle(self)
    def ready():
        print("ready", time.time() - t0)
        print("rows", self.home.model.rowCount())
        # the home list on screen: its page painted and the event loop idle again
        self.bench_list = FirstPaintIdle(self.home, "painted")
    def core():
        print("core", time.time() - t0)
        start = time.perf_counter()
        self.home.refresh()
        print("refresh", time.perf_counter() - start)
        QTimer.singleShot(0, self.close)
    self.ready.connect(ready)
    self.core_loaded.connect(core)
MainWindow.__init__ = init
# The program's own entry point, as the installed ``ethics-tool`` runs it.
sys.exit(main(["--lang", "lv", "--db", os.environ["BENCH_DB"]]))
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
    existing = work / "empty.sqlite3"
    run_child(APP, dict(env, BENCH_DB=str(existing)))  # creates it; warms the caches once
    run_child(BARE, dict(env, BENCH_BARE="1"))
    runs: dict[str, list[dict[str, float]]] = {
        name: [] for name in ("bare", "floor", "app", "new", "thousand")
    }
    for run in range(args.runs):
        runs["bare"].append(run_child(BARE, dict(env, BENCH_BARE="1")))
        runs["floor"].append(run_child(FLOOR, dict(env, BENCH_BARE="1", BENCH_DB=str(existing))))
        runs["app"].append(run_child(APP, dict(env, BENCH_DB=str(existing))))
        runs["new"].append(run_child(APP, dict(env, BENCH_DB=str(work / f"new{run}.sqlite3"))))
        runs["thousand"].append(run_child(APP, dict(env, BENCH_DB=str(big))))
    bare_shown = median(runs["bare"], "shown")
    floor = median(runs["floor"], "shown")
    shown = median(runs["app"], "shown")
    ready = median(runs["app"], "ready")
    painted = median(runs["app"], "painted")
    core = median(runs["app"], "core")
    new_ready = median(runs["new"], "ready")
    new_core = median(runs["new"], "core")
    big_shown = median(runs["thousand"], "shown")
    big_ready = median(runs["thousand"], "ready")
    big_painted = median(runs["thousand"], "painted")
    big_core = median(runs["thousand"], "core")
    refresh_ms = median(runs["thousand"], "refresh") * 1000
    rows = int(median(runs["thousand"], "rows"))
    ratio = shown / bare_shown
    ready_floor = ready / floor
    # The best run of each: on a shared machine the one least disturbed by other programs.
    best_floor = min(r["shown"] for r in runs["floor"])
    best_ready = min(r["ready"] for r in runs["app"])
    best_core = min(r["core"] for r in runs["app"])
    best_ratio = min(r["shown"] for r in runs["app"]) / min(r["shown"] for r in runs["bare"])
    print(f"bare QMainWindow shown and idle:              {bare_shown:.3f} s")
    print(f"floor (PySide6+SQLAlchemy+pydantic+SQLite):   {floor:.3f} s")
    print(f"app main window shown and idle:               {shown:.3f} s  ({ratio:.2f}× bare)")
    print(
        f"app ready (home list filled):                 {ready:.3f} s  ({ready_floor:.2f}× floor)"
    )
    print(
        f"app home list painted and idle:               {painted:.3f} s  "
        f"({painted / floor:.2f}× floor)"
    )
    print(
        f"app core loaded (services, every page):       {core:.3f} s  ({core / floor:.2f}× floor)"
    )
    print(
        f"app on its very first start (new file):       ready {new_ready:.3f} s, core {new_core:.3f} s"
    )
    print(
        f"best runs: shown {best_ratio:.2f}× bare, ready {best_ready / best_floor:.2f}× floor, "
        f"core {best_core / best_floor:.2f}× floor"
    )
    print(
        f"app with {rows} assessments: shown {big_shown:.3f} s, ready {big_ready:.3f} s, "
        f"painted {big_painted:.3f} s, core {big_core:.3f} s"
    )
    print(f"home list refresh with {rows} rows:            {refresh_ms:.0f} ms")
    print(
        f"bare_s={bare_shown:.3f} floor_s={floor:.3f} shown_s={shown:.3f} ready_s={ready:.3f} "
        f"painted_s={painted:.3f} core_s={core:.3f} "
        f"ready_new_s={new_ready:.3f} core_new_s={new_core:.3f} shown_1000_s={big_shown:.3f} "
        f"ready_1000_s={big_ready:.3f} painted_1000_s={big_painted:.3f} core_1000_s={big_core:.3f} "
        f"rows={rows} refresh_1000_ms={refresh_ms:.0f} ratio={ratio:.2f} "
        f"ready_floor={ready_floor:.2f} painted_floor={painted / floor:.2f} "
        f"core_floor={core / floor:.2f} ratio_best={best_ratio:.2f} "
        f"ready_floor_best={best_ready / best_floor:.2f} core_floor_best={best_core / best_floor:.2f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
