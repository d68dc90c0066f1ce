"""``ethics-tool``: the GUI without a subcommand; headless subcommands for administrators.

Errors are one clear line on stderr and a non-zero exit code, never a traceback.

Over 400 lines because every subcommand's parser and its small handler live here side by side
(each handler only calls the services); moving the parser out is the next split.
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ethics_tool import __version__, logs
from ethics_tool.errors import UserError
from ethics_tool.filetypes import looks_like_exchange_file
from ethics_tool.i18n import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    argparse_text,
    format_percent,
    mode_label,
    set_language,
    status_label,
    t,
)

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2


class CliError(UserError):
    """An error already phrased for the user."""


def _parser(commands: bool = True) -> argparse.ArgumentParser:
    """The whole command line; ``commands=False`` gives only its options before a command.

    Without the commands the parser reads the desktop program's own options (see
    :func:`_desktop_only`) the same way and is built in a fraction of the time: the subcommands'
    parsers, with their translated help, take about 5 ms, which the desktop program would otherwise
    spend before its window appears.
    """
    db_help = t(
        "database file or SQLAlchemy URL (default: $ETHICS_TOOL_DB or the user data folder)"
    )
    parser = argparse.ArgumentParser(
        prog="ethics-tool",
        description=t(
            "Ētikas pašnovērtējums — ethics self-assessment for municipalities. "
            "Without a command the desktop application starts."
        ),
    )
    parser.add_argument("--db", metavar="PATH", default=None, help=db_help)
    parser.add_argument(
        "--upgrade-server",
        action="store_true",
        help=t("update the schema of a server database (make a backup with pg_dump first)"),
    )
    parser.add_argument("--version", action="version", version=f"ethics-tool {__version__}")
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        help=t("language of the application and its messages (default lv)"),
    )
    if not commands:
        parser.set_defaults(command=None)
        return parser
    # Subcommands repeat --db so it may stand before or after the command; SUPPRESS keeps a
    # subcommand from overwriting a value given before it.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=db_help)
    common.add_argument(
        "--upgrade-server", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("list", parents=[common], help=t("list assessments, one per line, ID first"))
    p.add_argument("--json", action="store_true", help=t("print a JSON array"))

    p = sub.add_parser("report", parents=[common], help=t("write the PDF report of an assessment"))
    p.add_argument("id", type=int, help=t("assessment ID (see 'list')"))
    p.add_argument("-o", "--output", required=True, type=Path, help=t("PDF file to write"))
    p.add_argument(
        "--lang",
        dest="report_lang",
        choices=LANGUAGES,
        default="lv",
        help=t("report language (default lv)"),
    )

    p = sub.add_parser(
        "export",
        parents=[common],
        help=t("export an assessment as JSON, or its results as a spreadsheet (.xlsx or .csv)"),
    )
    p.add_argument("id", type=int)
    p.add_argument(
        "-o",
        "--output",
        required=True,
        type=Path,
        help=t("file to write; .xlsx and .csv give a spreadsheet, anything else JSON"),
    )
    p.add_argument(
        "--lang",
        dest="report_lang",
        choices=LANGUAGES,
        default="lv",
        help=t("language of a spreadsheet's texts (default lv)"),
    )

    p = sub.add_parser(
        "plan-import",
        parents=[common],
        help=t("import an action plan edited in the exported .xlsx workbook"),
    )
    p.add_argument("id", type=int, help=t("assessment ID the workbook was exported from"))
    p.add_argument("file", type=Path, help=t("the edited .xlsx workbook"))
    p.add_argument("--dry-run", action="store_true", help=t("only list the changes, store nothing"))

    p = sub.add_parser(
        "import", parents=[common], help=t("import an assessment from a JSON export")
    )
    p.add_argument("file", type=Path)
    p.add_argument(
        "--merge-into",
        type=int,
        metavar="ID",
        help=t(
            "merge the file into this assessment answer by answer (answers from another "
            "computer): nothing is deleted; where both changed an answer the newer wins and the "
            "conflict is listed"
        ),
    )

    p = sub.add_parser("demo", parents=[common], help=t("create a fully answered demo assessment"))

    p = sub.add_parser(
        "reopen",
        parents=[common],
        help=t("put a finished assessment back in progress, so its answers can be changed"),
    )
    p.add_argument("id", type=int, help=t("assessment ID (see 'list')"))

    _add_benchmark_parser(sub, common)
    _add_copy_parser(sub)
    p = sub.add_parser("backup", parents=[common], help=t("list, create or restore backups"))
    backup_sub = p.add_subparsers(dest="backup_command", metavar="ACTION", required=True)
    backup_sub.add_parser(
        "list", parents=[common], help=t("the backups, newest first (number first)")
    )
    backup_sub.add_parser("create", parents=[common], help=t("back up the database now"))
    r = backup_sub.add_parser(
        "restore",
        parents=[common],
        help=t("put a backup in place of the database (the current file is backed up first)"),
    )
    r.add_argument("backup", help=t("number from 'backup list' (1 = newest) or the file name"))

    p = sub.add_parser("forms", parents=[common], help=t("questionnaire files"))
    forms_sub = p.add_subparsers(dest="forms_command", metavar="ACTION", required=True)
    v = forms_sub.add_parser("validate", help=t("check a questionnaire file and list its problems"))
    v.add_argument("file", type=Path)
    forms_sub.add_parser("list", parents=[common], help=t("list the available questionnaires"))
    pr = forms_sub.add_parser("print", parents=[common], help=t("a blank questionnaire as PDF"))
    pr.add_argument("form", help=t("questionnaire id (see 'forms list') or a .yaml file"))
    pr.add_argument("-o", "--output", required=True, type=Path)
    pr.add_argument("--lang", dest="report_lang", choices=LANGUAGES, default="lv")
    _add_dilemmas_parser(sub, common)
    return parser


def _add_dilemmas_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("dilemmas", parents=[common], help=t("dilemma cards for seminars"))
    dsub = p.add_subparsers(dest="dilemmas_command", metavar="ACTION", required=True)
    dsub.add_parser("list", help=t("list the cards: number, id, themes, title"))
    v = dsub.add_parser("validate", help=t("check a dilemma card file and list its problems"))
    v.add_argument("file", type=Path)
    pr = dsub.add_parser(
        "print",
        help=t("printable cards (4 to an A4 page, options on the back) and facilitator notes"),
    )
    pr.add_argument("-o", "--output", required=True, type=Path, help=t("PDF file to write"))
    pr.add_argument("--lang", dest="report_lang", choices=LANGUAGES, default="lv")
    pr.add_argument(
        "--theme",
        action="append",
        metavar="T",
        help=t("only cards of this theme (T1 … T12); repeatable"),
    )
    pr.add_argument("--no-notes", action="store_true", help=t("leave out the facilitator's notes"))


def _services(db: str | None, upgrade_server: bool = False, forms: bool = True):  # type: ignore[no-untyped-def]
    """The services over the database; ``forms=False`` skips reading the questionnaire files,
    for commands that only use an assessment's own stored copy of its form (the report)."""
    from ethics_tool import paths
    from ethics_tool.domain.loader import FormCatalog, load_catalog
    from ethics_tool.services import Services
    from ethics_tool.storage.db import open_database

    catalog = load_catalog(paths.forms_dirs()) if forms else FormCatalog()
    for error in catalog.errors:
        print(f"warning: {error.first_line}", file=sys.stderr)
    database = open_database(db or paths.default_db_path(), confirm_server_migration=upgrade_server)
    return Services(database, catalog)


def _check_output(path: Path) -> None:
    parent = path.expanduser().resolve().parent
    if not parent.is_dir():
        raise CliError(
            t("cannot write {path}: the folder {folder} does not exist", path=path, folder=parent)
        )
    if not os.access(parent, os.W_OK):
        raise CliError(
            t("cannot write {path}: no permission to write in {folder}", path=path, folder=parent)
        )
    if path.is_dir():
        raise CliError(t("cannot write {path}: it is a folder", path=path))


def _cmd_list(args: argparse.Namespace) -> int:
    services = _services(args.db, args.upgrade_server)
    try:
        rows = services.list_assessments()
    finally:
        services.db.dispose()
    if args.json:
        out = [
            {
                "id": row.info.id,
                "uuid": row.info.uuid,
                "municipality": row.info.municipality,
                "unit_type": row.info.unit_type,
                "unit_name": row.info.unit_name,
                "form_id": row.info.form_id,
                "form_version": row.info.form_version,
                "assessed_on": row.info.assessed_on.isoformat(),
                "round_label": row.info.round_label,
                "mode": row.info.mode.value,
                "status": row.info.status.value,
                "respondents": row.n_respondents,
                "progress": round(row.progress, 1),
                "is_demo": row.info.is_demo,
                "previous_id": row.info.previous_id,
            }
            for row in rows
        ]
        import json  # only here: the desktop program starts through this module

        print(json.dumps(out, ensure_ascii=False, indent=2))
        return EXIT_OK
    header = [
        t("ID"),
        t("Municipality"),
        t("Unit"),
        t("Questionnaire"),
        t("Date"),
        t("Mode"),
        t("Status"),
        t("Answered"),
    ]
    print("\t".join(header))
    if not rows:
        print(
            t("No assessments yet: create one in the desktop program, or try 'ethics-tool demo'.")
        )
    from ethics_tool.domain.assessment import round_text

    for row in rows:
        info = row.info
        demo = " [demo]" if info.is_demo else ""
        print(
            f"{info.id}\t{info.municipality}\t{info.unit_label}\t{info.form_id}\t"
            f"{round_text(info)}\t{mode_label(info.mode)}\t{status_label(info.status)}\t"
            f"{format_percent(row.progress)}{demo}"
        )
    return EXIT_OK


def _cmd_report(args: argparse.Namespace) -> int:
    _check_output(args.output)
    # the report is built from the form snapshot stored with the assessment: no form files needed
    services = _services(args.db, args.upgrade_server, forms=False)
    try:
        services.build_report(args.id, args.output, lang=args.report_lang)
    finally:
        services.db.dispose()
    print(t("Report written: {path}", path=args.output))
    return EXIT_OK


def _cmd_export(args: argparse.Namespace) -> int:
    _check_output(args.output)
    services = _services(args.db, args.upgrade_server)
    try:
        if args.output.suffix.lower() in {".xlsx", ".csv"}:
            services.export_spreadsheet(args.id, args.output, lang=args.report_lang)
        else:
            services.export_json(args.id, args.output)
    finally:
        services.db.dispose()
    print(t("Exported: {path}", path=args.output))
    return EXIT_OK


def _cmd_plan_import(args: argparse.Namespace) -> int:
    services = _services(args.db)
    try:
        changes = services.import_action_plan(args.id, args.file, apply=not args.dry_run)
    finally:
        services.db.dispose()
    for line in changes.summary():
        print(line)
    if args.dry_run:
        print(t("Nothing was stored (--dry-run)."))
    elif changes.empty:
        print(t("The action plan is unchanged."))
    else:
        print(t("Action plan updated."))
    return EXIT_OK


def _cmd_import(args: argparse.Namespace) -> int:
    from ethics_tool.services import summary_lines

    services = _services(args.db, args.upgrade_server)
    try:
        summary = services.import_json(args.file, merge_into=args.merge_into)
    finally:
        services.db.dispose()
    for line in summary_lines(summary):
        print(line)
    return EXIT_OK


def _cmd_reopen(args: argparse.Namespace) -> int:
    from ethics_tool.domain.assessment import Status

    services = _services(args.db, args.upgrade_server)
    try:
        if services.info(args.id).status is not Status.COMPLETED:
            print(t("Assessment {id} is not finished: nothing to reopen", id=args.id))
            return EXIT_OK
        services.set_status(args.id, Status.IN_PROGRESS)
    finally:
        services.db.dispose()
    print(t("Assessment {id} is in progress again", id=args.id))
    return EXIT_OK


def _cmd_demo(args: argparse.Namespace) -> int:
    services = _services(args.db, args.upgrade_server)
    try:
        existing = services.demo_id()
        new_id = services.create_demo()
    finally:
        services.db.dispose()
    if existing is not None:
        print(t("Demo data already exists (assessment {id}); nothing was added", id=existing))
    else:
        print(t("Demo assessment created: {id}", id=new_id))
    return EXIT_OK


def _cmd_dilemmas(args: argparse.Namespace) -> int:
    from ethics_tool import paths
    from ethics_tool.domain.dilemma_loader import deck_dirs, load_deck, load_dilemma

    if args.dilemmas_command == "validate":
        card = load_dilemma(args.file)
        print(
            t(
                "{file}: valid — {options} options, themes {themes}",
                file=args.file,
                options=len(card.options),
                themes=", ".join(card.themes),
            )
        )
        return EXIT_OK
    deck = load_deck(deck_dirs(paths.forms_dirs()))
    for error in deck.errors:
        print(f"warning: {error.first_line}", file=sys.stderr)
    numbered = list(enumerate(deck.ordered(), start=1))
    if args.dilemmas_command == "list":
        for number, card in numbered:
            print(f"{number}\t{card.id}\t{','.join(card.themes)}\t{card.title.lv}")
        return EXIT_OK
    _check_output(args.output)
    wanted = {theme.upper() for theme in args.theme or []}
    chosen = [(n, c) for n, c in numbered if not wanted or wanted & set(c.themes)]
    if not chosen:
        raise CliError(
            t("no dilemma card matches the themes {themes}", themes=", ".join(sorted(wanted)))
        )
    from ethics_tool.domain.loader import load_catalog
    from ethics_tool.report.cards import build_dilemma_cards

    catalog = load_catalog(paths.forms_dirs())
    form = catalog.forms.get("quick") or next(iter(catalog.forms.values()), None)
    titles = {theme.id: theme.title.get(args.report_lang) for theme in form.themes} if form else {}
    build_dilemma_cards(
        [c for _n, c in chosen],
        args.output,
        lang=args.report_lang,
        theme_titles=titles,
        numbers=[n for n, _c in chosen],
        notes=not args.no_notes,
    )
    print(t("Cards written: {path} ({count} cards)", path=args.output, count=len(chosen)))
    return EXIT_OK


def _cmd_forms(args: argparse.Namespace) -> int:
    from ethics_tool.domain.loader import load_form

    if args.forms_command == "validate":
        form = load_form(args.file)
        print(
            t(
                "{file}: valid — {themes} themes, {questions} questions",
                file=args.file,
                themes=len(form.themes),
                questions=form.question_count,
            )
        )
        return EXIT_OK
    if args.forms_command == "list":
        services = _services(args.db, args.upgrade_server)
        services.db.dispose()
        for form in services.forms():
            print(f"{form.id}\t{form.version}\t{form.question_count}\t{form.title.get('lv')}")
        return EXIT_OK
    # print
    _check_output(args.output)
    candidate = Path(args.form)
    if candidate.suffix in {".yaml", ".yml"} and candidate.exists():
        form = load_form(candidate)
    else:
        services = _services(args.db, args.upgrade_server)
        services.db.dispose()
        form = services.form(args.form)
    from ethics_tool.report import build_blank_questionnaire

    build_blank_questionnaire(form, args.output, lang=args.report_lang)
    print(t("Report written: {path}", path=args.output))
    return EXIT_OK


def _add_benchmark_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    from ethics_tool.benchmark import MUNICIPALITY_TYPES, SIZE_CLASSES

    p = sub.add_parser(
        "benchmark",
        parents=[common],
        help=t("anonymous benchmark files: export, collect, publish, load a reference"),
    )
    bench = p.add_subparsers(dest="bench_command", metavar="ACTION", required=True)
    e = bench.add_parser(
        "export", parents=[common], help=t("write an assessment's anonymous benchmark file")
    )
    e.add_argument("id", type=int, help=t("assessment ID (see 'list')"))
    e.add_argument("-o", "--output", type=Path, help=t("file to write (.etbench)"))
    e.add_argument("--size", required=True, choices=SIZE_CLASSES, help=t("size class (residents)"))
    e.add_argument(
        "--type",
        dest="municipality_type",
        choices=MUNICIPALITY_TYPES,
        help=t("municipality type (default: from the list of municipalities)"),
    )
    e.add_argument(
        "--questions", action="store_true", help=t("include question-level scores (opt-in)")
    )
    e.add_argument(
        "--name", action="store_true", help=t("include the municipality's name (opt-in)")
    )
    e.add_argument(
        "--preview",
        action="store_true",
        help=t("print exactly what the file would contain; write nothing"),
    )
    i = bench.add_parser(
        "import", parents=[common], help=t("collect benchmark files into the benchmark set")
    )
    i.add_argument("files", nargs="+", type=Path, help=t("benchmark files (.etbench)"))
    s = bench.add_parser(
        "show", parents=[common], help=t("the set's aggregates (groups under 5 suppressed)")
    )
    s.add_argument("--form", help=t("questionnaire id (default: the newest year's largest part)"))
    s.add_argument("--year", type=int, help=t("year of the assessments (default: the newest)"))
    pb = bench.add_parser(
        "publish", parents=[common], help=t("write the reference file (aggregates only)")
    )
    pb.add_argument("-o", "--output", required=True, type=Path, help=t("file to write (.etbench)"))
    pb.add_argument("--form", help=t("questionnaire id (default: the newest year's largest part)"))
    pb.add_argument("--year", type=int, help=t("year of the assessments (default: the newest)"))
    pb.add_argument(
        "--publisher", default="", help=t("who publishes it, e.g. the association's name")
    )
    ld = bench.add_parser(
        "load", parents=[common], help=t("load a published reference to compare assessments with")
    )
    ld.add_argument("file", type=Path, help=t("a published reference file"))


def _cmd_benchmark(args: argparse.Namespace) -> int:
    services = _services(args.db)
    try:
        return _benchmark(services, args)
    finally:
        services.db.dispose()


def _benchmark(services: Any, args: argparse.Namespace) -> int:
    from ethics_tool.benchmark import format as bench

    action = args.bench_command
    if action == "export":
        if args.output is None and not args.preview:
            raise CliError(t("give -o FILE, or --preview to see the contents"))
        submission = services.benchmark_submission(
            args.id,
            municipality_type=args.municipality_type,
            size_class=args.size,
            include_questions=args.questions,
            include_name=args.name,
        )
        text = bench.file_text(submission)
        if args.preview:
            print(text, end="")
            return EXIT_OK
        _check_output(args.output)
        services.export_benchmark(submission, args.output, text)
        print(t("Benchmark file written: {path}", path=args.output))
        return EXIT_OK
    if action == "import":
        report = services.import_benchmark(args.files)
        print(
            t(
                "{added} added, {replaced} replaced by a newer file, {same} already in the set, "
                "{refused} refused",
                added=len(report.added),
                replaced=len(report.replaced),
                same=len(report.duplicates),
                refused=len(report.refused),
            )
        )
        for _path, message in report.refused:
            print(f"  {message}", file=sys.stderr)
        return EXIT_ERROR if report.refused else EXIT_OK
    if action == "show":
        reference = services.benchmark_aggregate(args.form, args.year)
        _print_reference(reference)
        return EXIT_OK
    if action == "publish":
        _check_output(args.output)
        reference = services.publish_benchmark(args.output, args.form, args.year, args.publisher)
        all_group = reference.group("all")
        n = all_group.overall.n if all_group and all_group.overall else 0
        print(
            t(
                "Reference written: {path} ({form} {version}, {year}, {n} municipalities, "
                "{groups} groups)",
                path=args.output,
                form=reference.form_id,
                version=reference.form_version,
                year=reference.year,
                n=n,
                groups=len(reference.groups),
            )
        )
        return EXIT_OK
    # load
    reference, new = services.load_reference(args.file)
    print(
        t(
            "Reference loaded: {form} {version}, {year}",
            form=reference.form_id,
            version=reference.form_version,
            year=reference.year,
        )
        if new
        else t("This reference was already loaded.")
    )
    return EXIT_OK


def _print_reference(reference: Any) -> None:
    from ethics_tool.benchmark.format import MIN_GROUP
    from ethics_tool.i18n import current_language, format_number

    print(
        t(
            "{form} {version}, {year}: quartiles (Q1 / median / Q3); groups under {n} are not shown",
            form=reference.form_id,
            version=reference.form_version,
            year=reference.year,
            n=MIN_GROUP,
        )
    )
    if not reference.groups:
        print(t("Nothing to show: fewer than {n} municipalities.", n=MIN_GROUP))
    lang = current_language()
    for group in reference.groups:
        print(f"\n[{group_label(group.key)}]")
        rows = [(t("Overall index"), group.overall)] + [
            (f"{tid} {reference.themes[tid].get(lang)}", stats)
            for tid, stats in group.themes.items()
        ]
        for name, stats in rows:
            if stats is None:
                continue
            print(
                f"  {name[:60]:<60} n={stats.n:<3} "
                f"{format_number(stats.q1)} / {format_number(stats.median)} / "
                f"{format_number(stats.q3)}"
            )


def group_label(key: str) -> str:
    from ethics_tool.benchmark.format import group_label as label

    return label(key)


def _db_file(db: str | None) -> Path:
    from ethics_tool import paths

    text = str(db or paths.default_db_path())
    if "://" in text:
        raise CliError(t("backups are made of a database file, not of a server ({url})", url=text))
    return Path(text).expanduser().resolve()


def _cmd_backup(args: argparse.Namespace) -> int:
    from ethics_tool.i18n import format_date
    from ethics_tool.storage import backup

    path = _db_file(args.db)
    if args.backup_command == "list":
        backups = backup.list_backups(path)
        if not backups:
            print(t("No backups of {path} yet", path=path))
        for number, info in enumerate(backups, start=1):
            print(
                f"{number}\t{format_date(info.created.date())} {info.created:%H:%M:%S}\t"
                f"{info.size / 1024:.0f} KiB\t{info.reason}\t{info.name}"
            )
        return EXIT_OK
    if args.backup_command == "create":
        if not path.exists():
            raise CliError(t("there is no database at {path}", path=path))
        target = backup.create_backup(path, reason="manual")
        print(t("Backup written: {path}", path=target))
        return EXIT_OK
    chosen = backup.find_backup(path, args.backup)
    saved = backup.restore_backup(path, chosen.path)
    print(t("Restored {path} from {backup}", path=path, backup=chosen.name))
    if saved is not None:
        print(t("The previous file was saved as {path}", path=saved))
    return EXIT_OK


def _add_copy_parser(sub: Any) -> None:
    p = sub.add_parser(
        "copy",
        help=t("copy assessments between two databases (a file and a server, either way)"),
        description=t(
            "Copy whole assessments (respondents, answers with their history, comments, action "
            "plan) from one database to another. One the target already has (same UUID) is "
            "skipped, never doubled; a copy keeps its lineage, so it can later be merged back."
        ),
    )
    p.add_argument("--from", dest="source", required=True, metavar="DB", help=t("file or URL"))
    p.add_argument("--to", dest="target", required=True, metavar="DB", help=t("file or URL"))
    p.add_argument(
        "ids", nargs="*", type=int, metavar="ID", help=t("assessment IDs (default: all)")
    )
    p.add_argument(
        "--upgrade-server", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS
    )


def _cmd_copy(args: argparse.Namespace) -> int:
    from ethics_tool.storage.db import open_database
    from ethics_tool.storage.engines import parse_target
    from ethics_tool.storage.transfer import copy_assessments

    source, target = parse_target(args.source), parse_target(args.target)
    if source.url == target.url:
        raise CliError(t("--from and --to name the same database"))
    if source.path is not None and not source.path.is_file():
        raise CliError(t("{path}: no such database file", path=source.path))
    upgrade = bool(getattr(args, "upgrade_server", False))
    origin = open_database(args.source, confirm_server_migration=upgrade)
    try:
        destination = open_database(args.target, confirm_server_migration=upgrade)
        try:
            result = copy_assessments(origin, destination, args.ids)
        finally:
            destination.dispose()
    finally:
        origin.dispose()
    for old, new in result.copied.items():
        print(t("Copied assessment {id} as {new}", id=old, new=new))
    for old, existing in result.skipped.items():
        print(
            t(
                "Assessment {id} is already there as {existing}: not copied",
                id=old,
                existing=existing,
            )
        )
    if not result.copied and not result.skipped:
        print(t("No assessments to copy"))
    return EXIT_OK


COMMANDS = {
    "list": _cmd_list,
    "report": _cmd_report,
    "export": _cmd_export,
    "import": _cmd_import,
    "plan-import": _cmd_plan_import,
    "benchmark": _cmd_benchmark,
    "demo": _cmd_demo,
    "reopen": _cmd_reopen,
    "backup": _cmd_backup,
    "copy": _cmd_copy,
    "forms": _cmd_forms,
    "dilemmas": _cmd_dilemmas,
}


def _file_to_open(argv: list[str]) -> tuple[list[str], str | None]:
    """``ethics-tool [--db X] [--lang L] FILE``: the exchange file to open in the desktop program.

    A double-clicked ``.etika`` file arrives this way (the menu entry and the Windows association run
    ``ethics-tool FILE``). Returns the other arguments and the file, or the arguments unchanged.
    """
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in ("--db", "--lang"):
            i += 2
        elif arg.startswith("-"):
            i += 1
        elif arg not in COMMANDS and looks_like_exchange_file(arg):
            return argv[:i] + argv[i + 1 :], arg
        else:
            break
    return argv, None


def _language_asked(arguments: Sequence[str]) -> str | None:
    """The ``--lang`` given before the command (a command's own ``--lang`` is its report's)."""
    for index, arg in enumerate(arguments):
        if arg in COMMANDS:
            return None
        if arg == "--lang" and index + 1 < len(arguments):
            value = arguments[index + 1]
            return value if value in LANGUAGES else None
        if arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
            return value if value in LANGUAGES else None
    return None


# The desktop program's options: a flag, and options followed by their value.
DESKTOP_FLAGS = ("--upgrade-server",)
DESKTOP_OPTIONS = ("--db", "--lang")


def _desktop_only(arguments: Sequence[str]) -> bool:
    """True when ``arguments`` are only the desktop program's options, each well formed.

    Then the parser without the commands reads them exactly as the whole one does. Anything else
    (a command, ``--help``, ``--version``, an abbreviated option, a missing or unknown value) goes
    to the whole parser, which also words every error message.
    """
    index = 0
    while index < len(arguments):
        name, equals, value = arguments[index].partition("=")
        if not equals and name in DESKTOP_FLAGS:
            index += 1
            continue
        if name not in DESKTOP_OPTIONS:
            return False
        if not equals:
            if index + 1 == len(arguments):
                return False
            value = arguments[index + 1]
            index += 1
        index += 1
        if not value or value.startswith("-") or (name == "--lang" and value not in LANGUAGES):
            return False
    return True


def error_line(message: str) -> str:
    """``ethics-tool: kļūda: …`` — the one line an error gets on stderr."""
    return t("ethics-tool: error: {message}", message=message)


def main(argv: Sequence[str] | None = None) -> int:
    arguments, open_file = _file_to_open(list(sys.argv[1:] if argv is None else argv))
    # Help and argparse's own messages in the language asked for (Latvian by default).
    set_language(_language_asked(arguments) or DEFAULT_LANGUAGE)
    argparse._ = argparse_text  # type: ignore[attr-defined]
    args = _parser(commands=not _desktop_only(arguments)).parse_args(arguments)
    if args.lang:
        set_language(args.lang)
    if open_file is not None and not Path(open_file).is_file():
        message = t("cannot open {path}: no such file", path=open_file)
        print(error_line(message), file=sys.stderr)
        return EXIT_ERROR
    if args.command is None:
        # No garbage collection while the desktop program imports its GUI and builds its window (a
        # dozen collections, about 2 ms before the first paint); run() resumes it after the paint.
        paused = gc.isenabled()
        gc.disable()
        try:
            from ethics_tool.gui.app import run

            return run(
                args.db,
                lang=args.lang,
                open_file=Path(open_file) if open_file else None,
                upgrade_server=args.upgrade_server,
                resume_gc=paused,
            )
        finally:
            if paused:
                gc.enable()
    log_files = logs.setup(stderr_fallback=False)
    try:
        return COMMANDS[args.command](args)
    except UserError as exc:
        print(error_line(exc.first_line), file=sys.stderr)
        for line in exc.details:
            print(f"  {line}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except OSError as exc:
        where = f": {exc.filename}" if exc.filename else ""
        print(error_line(f"{exc.strerror or exc}{where}"), file=sys.stderr)
        return EXIT_ERROR
    except Exception as exc:  # a bug: one line for the user, the traceback in the log file
        logging.getLogger("ethics_tool.cli").exception("unhandled error in the command line")
        details = log_files.log or "no log file could be written"
        print(
            f"ethics-tool: internal error: {type(exc).__name__}: {exc} (details: {details})",
            file=sys.stderr,
        )
        return EXIT_ERROR
