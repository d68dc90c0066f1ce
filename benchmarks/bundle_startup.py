"""The bundled program's first paint against a bundled bare PySide6 window (#17: at most 1.5×).

Starts each given bundle and the bare window (``tests/integration/hello_window.py``, bundled the
same way) as fresh processes, interleaved, and times each from the start until it prints that its
window has painted and the event loop is idle (``ethics-tool: shown`` with
``ETHICS_TOOL_EXIT_WHEN_READY=shown``, ``hello: shown``); the shutdown is not timed. Prints, per
program, the median, the first quartile and the best run, and the ratios to the bare window.

On a machine shared with other work the wall-clock figures move with the load (the same program
takes 0.13 s or 0.30 s), so ``--instructions`` also runs each program once under Valgrind's
Callgrind and prints the instructions it executed until it exits: a count that does not depend on
the load (it leaves out waiting for the disk and the time the loader spends in page faults).

    python benchmarks/bundle_startup.py --build /tmp/b          # build both into /tmp/b, then time
    python benchmarks/bundle_startup.py --hello /tmp/b/dist/hello/hello \\
        /tmp/b/dist/ethics-tool/ethics-tool OTHER/ethics-tool --runs 15 --instructions
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def build(work: Path) -> tuple[Path, Path]:
    """Build the app from build.spec and the bare window from hello_window.py into ``work``."""
    base = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"]
    base += ["--distpath", str(work / "dist"), "--workpath", str(work / "build")]
    subprocess.run([*base, str(ROOT / "build.spec")], cwd=ROOT, check=True)
    hello = ROOT / "tests" / "integration" / "hello_window.py"
    options = ["--onedir", "--specpath", str(work), "--name", "hello", "--exclude-module", "PIL"]
    subprocess.run([*base, *options, str(hello)], cwd=ROOT, check=True)
    return work / "dist" / "hello" / "hello", work / "dist" / "ethics-tool" / "ethics-tool"


def _command(program: Path, home: Path) -> tuple[list[str], dict[str, str], str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[var] = str(home / var.lower())
    if program.name.startswith("hello"):
        return [str(program)], env, "hello: shown"
    env["ETHICS_TOOL_EXIT_WHEN_READY"] = "shown"
    # Its own database, so that two bundles never wait for each other's lock.
    db = home / f"{program.parent.parent.name}-{program.parent.name}.sqlite3"
    return [str(program), "--db", str(db)], env, "ethics-tool: shown"


def seconds_to_shown(program: Path, home: Path) -> float:
    cmd, env, moment = _command(program, home)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert proc.stdout is not None
    seen = None
    for line in proc.stdout:
        if line.decode("utf-8", "replace").strip() == moment:
            seen = time.perf_counter() - start
    if proc.wait(timeout=60) != 0 or seen is None:
        raise SystemExit(f"{program} did not start cleanly")
    return seen


def instructions(program: Path, home: Path) -> int:
    """Instructions executed from the start to the exit right after the first paint (Callgrind)."""
    cmd, env, _ = _command(program, home)
    with tempfile.TemporaryDirectory() as out:
        valgrind = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}/cg.%p"]
        proc = subprocess.run(
            [*valgrind, "--trace-children=yes", *cmd],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
    counts = [int(n.replace(",", "")) for n in re.findall(r"refs:\s+([\d,]+)", proc.stderr)]
    if proc.returncode != 0 or not counts:
        raise SystemExit(f"callgrind failed for {program}:\n{proc.stderr[-2000:]}")
    return sum(counts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("programs", nargs="*", type=Path, help="bundled ethics-tool programs")
    parser.add_argument("--hello", type=Path, help="the bundled bare window")
    parser.add_argument("--build", type=Path, metavar="DIR", help="build both into DIR first")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--instructions", action="store_true", help="also count with Callgrind")
    args = parser.parse_args()
    hello, programs = args.hello, list(args.programs)
    if args.build:
        hello, app = build(args.build)
        programs = programs or [app]
    if hello is None or not programs:
        parser.error("give --hello and at least one program, or --build DIR")
    everything = [hello, *programs]
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        for program in everything:  # the first start of each creates its database and caches
            seconds_to_shown(program, home)
        times: dict[Path, list[float]] = {program: [] for program in everything}
        for _ in range(args.runs):
            for program in everything:
                times[program].append(seconds_to_shown(program, home))
        counts = {p: instructions(p, home) for p in everything} if args.instructions else {}
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"{args.runs} interleaved starts each, load average {load:.2f} on {os.cpu_count()} CPUs")
    bare = times[hello]
    for program in everything:
        runs = times[program]
        median, best = statistics.median(runs), min(runs)
        q1 = statistics.quantiles(runs, n=4)[0]
        line = f"{program}: median {median:.3f} s, q1 {q1:.3f} s, best {best:.3f} s"
        if program != hello:
            line += (
                f"; ratio median {median / statistics.median(bare):.2f}, "
                f"q1 {q1 / statistics.quantiles(bare, n=4)[0]:.2f}, best {best / min(bare):.2f}"
            )
        if counts:
            line += f"; {counts[program] / 1e6:.0f} M instructions"
            if program != hello:
                line += f" ({counts[program] / counts[hello]:.3f}×)"
        print(line)
    return 0


if __name__ == "__main__":
    if shutil.which("valgrind") is None and "--instructions" in sys.argv:
        raise SystemExit("--instructions needs Valgrind (apt-get install valgrind)")
    raise SystemExit(main())
