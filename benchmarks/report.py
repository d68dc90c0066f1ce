"""Benchmark: the PDF report of a council-sized assessment against a bare Platypus document.

The assessment: forms/council.yaml if it exists, otherwise a generated form of 12 themes × 7
questions; 30 respondents answering individually (with comments, N/A and "Nezinu"), a previous
round and an action plan.

* report: ``build_report`` as the app calls it.
* bare: the same story (the same tables, charts and paragraphs, made by the same section
  functions) in a plain ``SimpleDocTemplate`` written to memory: no page templates, header,
  footer, "page X of Y", outline, metadata, temporary file, fsync or progress. The ratio is the
  price of everything the report adds around ReportLab's own layout work.
* minimal: for scale, a lighter document of the main texts in plain tables with the same charts.

Then whole processes, side by side in the same run (``--processes`` runs of each, interleaved):

* cli: ``python -m ethics_tool report ID -o r.pdf`` for the demo's latest council round (the
  demo database is made once beforehand with ``ethics-tool demo``), start to exit;
* rl: ``benchmarks/report_bare.py``, a bare ReportLab process (nothing of the app imported) that
  writes a 30-page document with a chart and a table on every page, start to exit;
* stack: the same after importing SQLAlchemy's ORM and pydantic, which any program reading the
  assessment through this app's storage and questionnaire model imports first (the floor).

Both run with this source tree first and their bytecode cached (as an installed program has its
.pyc files). Each figure is a median; CPU time (user + system) is given beside wall-clock time:
on a machine shared with other work the wall-clock time of both grows with the load, CPU time
hardly, so the target ``cli_cpu_ratio`` = cli / rl <= 1.5 is judged on CPU time.

Run: .venv/bin/python benchmarks/report.py [--runs N] [--processes N] [--processes-only]
The LAST line is key=value pairs: report_s=… bare_s=… ratio=… cli_s=… rl_s=… cli_ratio=…
cli_cpu_s=… rl_cpu_s=… cli_cpu_ratio=… (targets: report < 2 s, ratio < 1.5, cli_cpu_ratio
<= 1.5).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reportlab.lib.units import mm  # noqa: E402
from reportlab.platypus import (  # noqa: E402
    NextPageTemplate,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from ethics_tool.domain.answers import AnswerValue, Mode, RespondentAnswers, Role  # noqa: E402
from ethics_tool.domain.assessment import (  # noqa: E402
    ActionData,
    AssessmentData,
    AssessmentInfo,
    RespondentInfo,
    Status,
)
from ethics_tool.domain.loader import load_form, parse_form  # noqa: E402
from ethics_tool.domain.questionnaire import ItemType, Questionnaire  # noqa: E402
from ethics_tool.report import build_report  # noqa: E402
from ethics_tool.report import styles as st  # noqa: E402
from ethics_tool.report.charts import BarSeries, Strand, StrandKind, bar_chart, radar_chart  # noqa: E402
from ethics_tool.report.context import ReportContext  # noqa: E402
from ethics_tool.report.pdf import report_story  # noqa: E402
from ethics_tool.scoring import Results, score  # noqa: E402

THEMES = 12
QUESTIONS = 7
RESPONDENTS = 30


# -- the assessment ---------------------------------------------------------------------------
def synthetic_form() -> Questionnaire:
    """A council-sized form written as YAML, so that it is validated like a real one."""
    quick = (ROOT / "forms" / "quick.yaml").read_text(encoding="utf-8")
    header = quick.split("\nthemes:", 1)[0].replace("id: quick", "id: bench")
    lines = [header, "themes:"]
    for ti in range(1, THEMES + 1):
        lines += [
            f"  - id: T{ti}",
            f"    weight: {1 + (ti % 3) / 10}",
            f"    title: {{lv: 'Joma {ti}: ētikas kultūra un godprātība pašvaldībā', "
            f"en: 'Theme {ti}: ethics culture and integrity in the municipality'}}",
            "    description: {lv: 'Vai pašvaldībā ir skaidri noteikumi un tos ievēro.', "
            "en: 'Whether the municipality has clear rules and follows them.'}",
            "    references:",
            f"      - {{kind: coe, ref: 'P{ti}'}}",
            f"      - {{kind: oecd, ref: '{ti}'}}",
            "    questions:",
        ]
        for qi in range(1, QUESTIONS + 1):
            perception = qi == QUESTIONS
            legal = qi == 1
            lines += [
                f"      - id: T{ti}.Q{qi}",
                f"        type: {'perception' if perception else 'maturity'}",
                "        text: {lv: 'Vai domes deputāti un darbinieki zina, kā rīkoties interešu "
                "konflikta gadījumā, un vai to var pierādīt ar dokumentiem?', en: 'Do deputies "
                "and staff know what to do in a conflict of interest, and can it be shown?'}",
                "        guidance: {lv: 'Skaidra kārtība mazina risku.', en: 'A clear "
                "procedure lowers the risk.'}",
                f"        weight: {1 + (qi % 2) / 2}",
            ]
            if legal:
                lines += [
                    "        legal:",
                    "          law: {lv: 'Likums “Par interešu konflikta novēršanu valsts "
                    "amatpersonu darbībā”', en: 'Law on Prevention of Conflict of Interest'}",
                    "          article: '11. pants'",
                ]
            levels = "[1, 2]" if perception else "[0, 1, 2]"
            lines += [
                "        recommendations:",
                f"          - levels: {levels}",
                "            text: {lv: 'Pieņemiet kārtību, norīkojiet atbildīgo un pārrunājiet to "
                "ar visiem deputātiem.', en: 'Adopt a procedure, name a responsible person and "
                "brief every deputy.'}",
            ]
    return parse_form("\n".join(lines) + "\n", "<benchmark form>")


def council_form() -> tuple[Questionnaire, str]:
    path = ROOT / "forms" / "council.yaml"
    if path.exists():
        return load_form(path), "forms/council.yaml"
    return synthetic_form(), "generated 12x7"


def respondents(form: Questionnaire, seed: int) -> list[RespondentAnswers]:
    rng = random.Random(seed)
    out = []
    for r in range(RESPONDENTS):
        answers: dict[str, AnswerValue] = {}
        for _theme, question in form.iter_questions():
            roll = rng.random()
            comment = "Protokolos tas ir redzams, bet ne vienmēr." if roll < 0.06 else ""
            if roll < 0.03:
                answers[question.id] = AnswerValue.unknown(comment)
            elif roll < 0.05:
                answers[question.id] = AnswerValue.na(comment)
            elif roll < 0.97:
                low, high = (1, 5) if question.type is ItemType.PERCEPTION else (0, 4)
                answers[question.id] = AnswerValue.level(rng.randint(low, high), comment)
        out.append(
            RespondentAnswers(
                key=f"r{r}", label=f"Deputāts Nr. {r + 1}", role=Role.DEPUTY, answers=answers
            )
        )
    return out


def assessment(
    form: Questionnaire, seed: int, day: date, ident: int
) -> tuple[AssessmentData, Results]:
    answers = respondents(form, seed)
    info = AssessmentInfo(
        id=ident,
        uuid=f"u{ident}",
        municipality="Ķekavas novada pašvaldība",
        unit_type="dome",
        unit_name="Dome",
        assessed_on=day,
        prepared_by="Līga Bērziņa",
        form_id=form.id,
        form_version=form.version,
        form_hash="0" * 64,
        mode=Mode.INDIVIDUAL,
        status=Status.COMPLETED,
        is_demo=False,
        previous_id=None,
        created_at=datetime(2026, 1, 1),
        updated_at=None,
    )
    actions = [
        ActionData(
            id=i,
            question_id=None,
            text="Pieņemt interešu konflikta kārtību un iepazīstināt ar to deputātus.",
            responsible="Izpilddirektors",
            deadline=date(2026, 6, 30),
            position=i,
        )
        for i in range(10)
    ]
    data = AssessmentData(
        info=info,
        form=form,
        respondents=[RespondentInfo(i, a.key, a.label, a.role) for i, a in enumerate(answers)],
        answers=answers,
        actions=actions,
    )
    return data, score(form, answers, Mode.INDIVIDUAL)


# -- the comparison documents ----------------------------------------------------------------
def bare(
    current: tuple[AssessmentData, Results], previous: tuple[AssessmentData, Results]
) -> bytes:
    """The report's own story in a plain SimpleDocTemplate, in memory."""
    ctx = ReportContext(current[0], current[1], "lv", previous)
    story = [f for f in report_story(ctx, date.today()) if not isinstance(f, NextPageTemplate)]
    out = io.BytesIO()
    SimpleDocTemplate(
        out,
        pagesize=st.PAGE_SIZE,
        leftMargin=st.MARGIN_X,
        rightMargin=st.MARGIN_X,
        topMargin=st.MARGIN_TOP,
        bottomMargin=st.MARGIN_BOTTOM,
    ).build(story)
    return out.getvalue()


def minimal(data: AssessmentData, results: Results, previous: Results) -> bytes:
    """The main texts in plain tables with the same charts: a lower bound for the content."""
    s = st.styles()
    form = data.form
    pct = "{:.0f} %".format
    story: list[object] = [Paragraph(data.info.municipality, s.cover_title), PageBreak()]
    ids = [t.id for t in form.themes]
    story.append(
        radar_chart(
            [str(i + 1) for i in range(len(ids))],
            [
                Strand("now", [results.themes[i].score for i in ids], StrandKind.CURRENT),
                Strand("before", [previous.themes[i].score for i in ids], StrandKind.PREVIOUS),
                Strand("target", [75.0] * len(ids), StrandKind.TARGET),
            ],
            pct,
            width=78 * mm,
        )
    )
    story.append(_table([[t.title.lv, pct(results.themes[t.id].score or 0)] for t in form.themes]))
    for p in results.priorities[:5]:
        story.append(Paragraph(form.question(p.question_id).text.lv, s.body))
    for theme in form.themes:
        story.append(PageBreak())
        story.append(Paragraph(theme.title.lv, s.h1))
        qrs = [results.questions[q.id] for q in theme.questions]
        story.append(
            bar_chart(
                [q.id for q in theme.questions],
                [BarSeries("now", [r.score for r in qrs], [pct(r.score or 0) for r in qrs])],
                width=st.FRAME_WIDTH * 0.75,
                target=75.0,
            )
        )
        rows = []
        for q, r in zip(theme.questions, qrs, strict=True):
            dist = " · ".join(f"{k}: {v}" for k, v in r.distribution.items())
            rows.append([q.id, q.text.lv, f"{r.mean_level} {dist}", pct(r.score or 0)])
        story.append(_table(rows))
        for q, r in zip(theme.questions, qrs, strict=True):
            for comment in r.comments:
                story.append(Paragraph(f"{q.id} {comment}", s.comment))
        for p in results.priorities:
            if p.theme_id == theme.id:
                story += [Paragraph(rec.text.lv, s.bullet) for rec in p.recommendations]
    story.append(PageBreak())
    story.append(_table([[a.text, a.responsible, str(a.deadline), a.status] for a in data.actions]))
    story.append(PageBreak())
    story.append(
        bar_chart(
            [str(i + 1) for i in range(len(ids))],
            [
                BarSeries(
                    "before",
                    [previous.themes[i].score for i in ids],
                    [pct(previous.themes[i].score or 0) for i in ids],
                    previous=True,
                ),
                BarSeries(
                    "now",
                    [results.themes[i].score for i in ids],
                    [pct(results.themes[i].score or 0) for i in ids],
                ),
            ],
            width=st.FRAME_WIDTH * 0.75,
        )
    )
    story.append(
        _table(
            [
                [i, pct(previous.themes[i].score or 0), pct(results.themes[i].score or 0)]
                for i in ids
            ]
        )
    )
    story.append(PageBreak())
    story.append(
        _table(
            [
                [str(lv.value), lv.label.lv, lv.description.lv if lv.description else ""]
                for lv in form.scale.levels
            ]
        )
    )
    story.append(
        _table([[t.title.lv, ", ".join(r.ref for r in t.references)] for t in form.themes])
    )
    story.append(_table([[f"term {i}", "meaning of the term " * 4] for i in range(16)]))
    story.append(_table([[r.label, r.role.value, "100 %"] for r in data.answers]))
    story.append(Spacer(1, 1))
    out = io.BytesIO()
    SimpleDocTemplate(out).build(story)
    return out.getvalue()


def _table(rows: list[list[object]]) -> Table:
    s = st.styles()
    cells = [[Paragraph(str(c), s.cell) for c in row] for row in rows]
    n = max(len(row) for row in rows)
    return Table(
        cells,
        colWidths=[st.FRAME_WIDTH / n] * n,
        repeatRows=1,
        style=TableStyle([("GRID", (0, 0), (-1, -1), 0.3, st.GRID)]),
    )


# -- whole processes --------------------------------------------------------------------------
def _env(pycache: Path) -> dict[str, str]:
    """Both processes alike: this source tree first, and bytecode cached (in a folder of the run,
    as an installed program has its .pyc files) even where PYTHONDONTWRITEBYTECODE is set."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONPYCACHEPREFIX": str(pycache)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _run(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system) of one whole process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


@dataclass(frozen=True)
class Processes:
    """Medians of whole processes: wall-clock and CPU seconds of the CLI and the bare process."""

    cli_wall: float
    cli_cpu: float
    rl_wall: float
    rl_cpu: float
    stack_wall: float
    stack_cpu: float
    pages: int


def processes(runs: int) -> Processes:
    """The CLI report and the bare ReportLab process, ``runs`` times each, interleaved."""
    with tempfile.TemporaryDirectory() as folder:
        env = _env(Path(folder) / "pycache")
        db = Path(folder) / "demo.sqlite3"
        cli = [sys.executable, "-m", "ethics_tool", "--db", str(db)]
        subprocess.run([*cli, "demo"], check=True, cwd=ROOT, stdout=subprocess.DEVNULL, env=env)
        listed = subprocess.run(
            [*cli, "list", "--json"], check=True, cwd=ROOT, capture_output=True, env=env
        )
        rows = json.loads(listed.stdout)
        latest = max(
            (r for r in rows if r["form_id"] == "council" and r["previous_id"] is not None),
            key=lambda r: r["assessed_on"],
        )
        out = Path(folder) / "r.pdf"
        report = [*cli, "report", str(latest["id"]), "-o", str(out)]
        bare_cmd = [sys.executable, str(ROOT / "benchmarks" / "report_bare.py"), str(out)]
        stack_cmd = [*bare_cmd, "--stack"]
        _run(report, env)  # warm-up: the OS file cache, the bytecode
        _run(stack_cmd, env)
        cli, rl, floor = [], [], []
        for _ in range(runs):
            cli.append(_run(report, env))
            rl.append(_run(bare_cmd, env))
            floor.append(_run(stack_cmd, env))
        from pypdf import PdfReader

        pages = len(PdfReader(out).pages)
    return Processes(
        cli_wall=statistics.median(w for w, _ in cli),
        cli_cpu=statistics.median(c for _, c in cli),
        rl_wall=statistics.median(w for w, _ in rl),
        rl_cpu=statistics.median(c for _, c in rl),
        stack_wall=statistics.median(w for w, _ in floor),
        stack_cpu=statistics.median(c for _, c in floor),
        pages=pages,
    )


# -- timing -----------------------------------------------------------------------------------
def median_time(fn: Callable[[], object], runs: int) -> float:
    fn()  # warm-up: font loading, imports, caches
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--processes", type=int, default=7, help="runs of each whole process")
    parser.add_argument(
        "--processes-only", action="store_true", help="only the whole-process comparison"
    )
    args = parser.parse_args()
    if args.processes_only:
        found = processes(args.processes)
        _print_processes(args.processes, found)
        print(_processes_line(found))
        return

    form, source = council_form()
    current = assessment(form, seed=1, day=date(2026, 3, 14), ident=2)
    previous = assessment(form, seed=2, day=date(2025, 3, 14), ident=1)
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "report.pdf"

        def report() -> None:
            build_report(current[0], current[1], target, previous=previous)

        report_s = median_time(report, args.runs)
        size = target.stat().st_size
        from pypdf import PdfReader

        pages = len(PdfReader(target).pages)
    st.register_fonts()
    bare_s = median_time(lambda: bare(current, previous), args.runs)
    minimal_s = median_time(lambda: minimal(current[0], current[1], previous[1]), args.runs)
    ratio = report_s / bare_s
    found = processes(args.processes)
    print(f"form: {source}, {form.question_count} questions in {len(form.themes)} themes")
    print(f"respondents: {RESPONDENTS}, previous round: yes, actions: {len(current[0].actions)}")
    print(f"report:  {report_s:.3f} s median of {args.runs} ({pages} pages, {size / 1024:.0f} KiB)")
    print(f"bare:    {bare_s:.3f} s (the same story in a plain SimpleDocTemplate, in memory)")
    print(f"minimal: {minimal_s:.3f} s (main texts in plain tables + the same charts)")
    _print_processes(args.processes, found)
    verdict_time = "ok" if report_s < 2 else "MISSED"
    verdict_ratio = "ok" if ratio < 1.5 else "MISSED"
    print(f"targets: report < 2 s ({verdict_time}), ratio < 1.5 ({verdict_ratio})")
    print(
        f"report_s={report_s:.3f} bare_s={bare_s:.3f} ratio={ratio:.2f} "
        f"minimal_s={minimal_s:.3f} pages={pages} questions={form.question_count} "
        f"respondents={RESPONDENTS} {_processes_line(found)}"
    )


def _print_processes(runs: int, found: Processes) -> None:
    print(
        f"cli:     {found.cli_wall:.3f} s wall, {found.cli_cpu:.3f} s CPU, medians of {runs} whole "
        f"processes (ethics-tool report of the demo, {found.pages} pages)"
    )
    print(
        f"rl:      {found.rl_wall:.3f} s wall, {found.rl_cpu:.3f} s CPU (bare ReportLab process, "
        "30 pages with a chart and a table each)"
    )
    print(
        f"stack:   {found.stack_wall:.3f} s wall, {found.stack_cpu:.3f} s CPU (the same bare process "
        "after importing SQLAlchemy's ORM and pydantic: the floor for this stack)"
    )
    print(f"cli / stack: {found.cli_cpu / found.stack_cpu:.2f} CPU")
    cpu = found.cli_cpu / found.rl_cpu
    verdict = "ok" if cpu <= 1.5 else "MISSED"
    print(
        f"cli / rl: {found.cli_wall / found.rl_wall:.2f} wall, {cpu:.2f} CPU; target <= 1.5 "
        f"({verdict}; judged on CPU time, which other programs on the machine do not inflate)"
    )


def _processes_line(found: Processes) -> str:
    return (
        f"cli_s={found.cli_wall:.3f} rl_s={found.rl_wall:.3f} "
        f"cli_ratio={found.cli_wall / found.rl_wall:.2f} cli_cpu_s={found.cli_cpu:.3f} "
        f"rl_cpu_s={found.rl_cpu:.3f} cli_cpu_ratio={found.cli_cpu / found.rl_cpu:.2f} "
        f"stack_cpu_s={found.stack_cpu:.3f} cli_stack_ratio={found.cli_cpu / found.stack_cpu:.2f} "
        f"cli_pages={found.pages}"
    )


if __name__ == "__main__":
    main()
