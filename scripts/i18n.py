#!/usr/bin/env python3
"""Translations of the app: extract the texts from the code, check, compile, absorb JSON tables.

The catalogue is ``resources/translations/lv/LC_MESSAGES/ethics_tool.po`` (edit this one) and its
compiled twin ``ethics_tool.mo`` beside it (committed: the app reads it with the standard library,
so neither the app nor its bundle needs Babel). Texts are found in ``ethics_tool/`` by Babel with
the keywords ``t``, ``nt:1,2`` (plurals), ``pt:1c,2`` (context) and ``N_`` (marker only).

Subcommands (run from anywhere; paths are relative to the repository):

  extract   Read every t()/nt()/pt()/N_() text in ethics_tool/ and bring the .po up to date: new
            texts are added untranslated, removed ones are dropped (listed on screen), a text
            whose English changed keeps its old Latvian marked "fuzzy" for review. Recompiles.
  check     Fail (exit 1) on anything a user would see wrongly: a text without a Latvian
            translation or still fuzzy, a plural without all three Latvian forms, placeholders
            that differ from the English, a text in the .po no longer used by the code, a t() call
            whose text is not a literal, a .mo that does not match the .po, a JSON table not yet
            absorbed. The test suite runs the same check.
  compile   Write the .mo files from the .po files.
  absorb    Move the entries of JSON tables (English -> Latvian, the format used before gettext,
            e.g. resources/translations/lv/<lane>.json) into the .po, recompile and delete the JSON.
            Entries the code does not use stay in the JSON (exit 1) unless --drop-unused; an entry
            that contradicts a translation already in the .po is reported and the .po wins unless
            --replace.

Typical work:
  * you added t("New text") in the code:   extract, translate the new msgstr in the .po, compile
  * you rebased a lane that had <lane>.json: absorb resources/translations/lv/<lane>.json
  * a rebase conflict in the .mo:            resolve the .po, then compile, then `git add` the .mo
  * a rebase conflict "deleted in HEAD, modified in <commit>" on lv/core.json, gui.json or
    report.json (you added entries to a table that the catalogue replaced): keep your version
    (`git add` it), finish the rebase, then absorb that file; entries already in the .po are no-ops
  * before committing:                       check

Plural texts: write ``nt("{count} answer", "{count} answers", n)``; the .po entry then has
``msgstr[0]`` (0, 10-20, 30, ... "jautājumi"), ``msgstr[1]`` (1, 21, 31, ... "jautājums") and
``msgstr[2]`` (the rest, "jautājumi"), as Babel's Latvian ``Plural-Forms`` header says.
See docs/translations.md.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import io
import json
import re
import string
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "ethics_tool"
TRANSLATIONS = ROOT / "resources" / "translations"
DOMAIN = "ethics_tool"
LANGUAGES = ("lv",)  # English is the source language
# Babel keyword specs: which positional arguments are the text (and "c" the context).
KEYWORDS: dict[str, object] = {"t": None, "nt": (1, 2), "pt": ((1, "c"), 2), "N_": None}
# The same, for the literal-argument check: function name -> 0-based indexes of literal arguments.
LITERAL_ARGS = {"t": (0,), "nt": (0, 1), "pt": (0, 1), "N_": (0,)}
HEADER = """\
# Latvian translation of Ētikas pašnovērtējums (ethics-tool).
# Edit the msgstr lines, then run `python scripts/i18n.py check` and `compile`.
# See docs/translations.md."""

VERSION = re.search(r'__version__ = "([^"]+)"', (PACKAGE / "__init__.py").read_text("utf-8"))

Key = tuple[str, str | None]  # (msgid, msgctxt); for plurals the msgid is the singular


class I18nError(Exception):
    """A problem the person running the script can fix (bad JSON, missing catalogue)."""


def po_path(lang: str, translations: Path = TRANSLATIONS) -> Path:
    return translations / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(lang: str, translations: Path = TRANSLATIONS) -> Path:
    return translations / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"


def _rel(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def extract_template(package: Path = PACKAGE) -> Catalog:
    """Every translatable text in ``package`` (a .pot in memory), with file locations."""
    template = Catalog(project="ethics-tool", domain=DOMAIN, fuzzy=False)
    found = extract_from_dir(
        str(package),
        method_map=[("**.py", "python")],
        keywords=KEYWORDS,
        comment_tags=("Translators:",),
        strip_comment_tags=True,
    )
    # Babel warns on stderr about every f-string argument (also placeholders' values such as
    # form=f"{id} {version}"); a text that really is an f-string is caught by call_problems().
    with contextlib.redirect_stderr(io.StringIO()):
        for filename, lineno, message, comments, context in found:
            location = (f"{package.name}/{Path(filename).as_posix()}", lineno)
            template.add(message, None, [location], auto_comments=comments, context=context)
    return template


def new_catalog(lang: str) -> Catalog:
    return Catalog(
        locale=lang,
        domain=DOMAIN,
        header_comment=HEADER,
        language_team="Latvian",
        last_translator="ethics-tool developers",
        fuzzy=False,
    )


def load_po(lang: str, translations: Path = TRANSLATIONS) -> Catalog:
    path = po_path(lang, translations)
    if path.exists():
        with path.open("rb") as fh:
            catalog = read_po(fh, locale=lang, domain=DOMAIN)
    else:
        catalog = new_catalog(lang)
    catalog.project, catalog.version = "ethics-tool", VERSION.group(1) if VERSION else "0"
    catalog.msgid_bugs_address = ""
    return catalog


def po_bytes(catalog: Catalog) -> bytes:
    for message in _messages(catalog):
        # "#| msgid" (the English before a change) belongs to fuzzy entries only; once a person
        # has reviewed the Latvian and removed the flag, Babel would keep it as a stray comment.
        message.user_comments = [c for c in message.user_comments if not c.startswith("| msg")]
        if not message.fuzzy:
            message.previous_id = []
    buf = io.BytesIO()
    # Sorted, with file names but no line numbers: lanes adding texts at the same time then
    # rarely touch the same lines, and moving code does not rewrite the catalogue.
    write_po(
        buf,
        catalog,
        width=100,
        sort_output=True,
        include_lineno=False,
        ignore_obsolete=True,
        include_previous=True,
    )
    return buf.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    buf = io.BytesIO()
    write_mo(buf, catalog, use_fuzzy=False)
    return buf.getvalue()


def save(catalog: Catalog, lang: str, translations: Path = TRANSLATIONS) -> None:
    """Write the .po and compile the .mo."""
    po = po_path(lang, translations)
    po.parent.mkdir(parents=True, exist_ok=True)
    po.write_bytes(po_bytes(catalog))
    # Compile from the file just written, as `compile` does, so the two always agree.
    compile_catalog(lang, translations)


def compile_catalog(lang: str, translations: Path = TRANSLATIONS) -> Path:
    catalog = load_po(lang, translations)
    target = mo_path(lang, translations)
    target.write_bytes(mo_bytes(catalog))
    return target


def merge(catalog: Catalog, template: Catalog) -> tuple[list[str], list[str]]:
    """Bring ``catalog`` up to ``template``; return (texts added, texts dropped)."""
    before = {_key(m) for m in _messages(catalog) if m.string and _complete(m.string)}
    old = {_key(m) for m in _messages(catalog)}
    catalog.update(template, update_header_comment=False, update_creation_date=False)
    now = {_key(m) for m in _messages(catalog)}
    added = sorted(_show(k) for k in now - old)
    dropped = sorted(_show(k) for k in before - now)
    return added, dropped


def _messages(catalog: Catalog) -> Iterator[Message]:
    return (m for m in catalog if m.id)


def _key(message: Message) -> Key:
    msgid = message.id[0] if isinstance(message.id, (list, tuple)) else message.id
    return (msgid, message.context)


def _show(key: Key) -> str:
    return f"[{key[1]}] {key[0]!r}" if key[1] else repr(key[0])


def _complete(value: str | tuple[str, ...] | list[str]) -> bool:
    forms = [value] if isinstance(value, str) else list(value)
    return bool(forms) and all(form.strip() for form in forms)


def placeholders(text: str) -> set[str]:
    """The ``{named}`` fields of a text; ValueError for a broken one (an unmatched brace)."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def call_problems(package: Path, template: Catalog) -> list[str]:
    """t()/nt()/pt()/N_() calls Babel cannot extract: a text that is not a literal, or a call
    hidden inside an f-string (Python < 3.12 gives Babel an f-string as one token)."""
    problems: list[str] = []
    extracted = {_key(m) for m in _messages(template)}
    for path in sorted(package.rglob("*.py")):
        if path.name == "i18n.py" and path.parent == package:
            continue  # defines the functions and translates its tables by variable
        where = f"{package.name}/{path.relative_to(package).as_posix()}"
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            name = node.func.id
            texts: list[str] = []
            for index in LITERAL_ARGS.get(name, ()):
                arg = node.args[index] if len(node.args) > index else None
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    texts.append(arg.value)
                else:
                    problems.append(
                        f"{where}:{node.lineno}: {name}() needs a literal text as argument "
                        f"{index + 1} (not a variable or an f-string; use {{named}} placeholders)"
                    )
            if len(texts) != len(LITERAL_ARGS.get(name, ())) or not texts:
                continue
            key: Key = (texts[1], texts[0]) if name == "pt" else (texts[0], None)
            if key not in extracted:
                problems.append(
                    f"{where}:{node.lineno}: {name}({texts[0]!r}) is inside an f-string or "
                    "another expression Babel cannot read; take it out into a variable"
                )
    return problems


def _translated(catalog: Catalog) -> dict[Key, tuple[str, ...]]:
    """What a compiled catalogue gives: translated, non-fuzzy messages only."""
    out: dict[Key, tuple[str, ...]] = {}
    for message in _messages(catalog):
        if message.fuzzy or not message.string or not _complete(message.string):
            continue
        value = message.string
        out[_key(message)] = (value,) if isinstance(value, str) else tuple(value)
    return out


def check(package: Path = PACKAGE, translations: Path = TRANSLATIONS) -> list[str]:
    """Everything wrong with the catalogues, one line each; empty when all is well."""
    problems = [
        f"{_rel(path)}: a JSON table not yet in the catalogue; run: "
        f"python scripts/i18n.py absorb {_rel(path)}"
        for path in sorted(translations.glob("*/*.json"))
    ]
    template = extract_template(package)
    problems += call_problems(package, template)
    wanted = {_key(m): m for m in _messages(template)}
    for lang in LANGUAGES:
        po = po_path(lang, translations)
        if not po.exists():
            problems.append(f"{_rel(po)}: missing; run: python scripts/i18n.py extract")
            continue
        catalog = load_po(lang, translations)
        where = _rel(po)
        rule = get_plural(lang)
        if (catalog.num_plurals, catalog.plural_expr) != (rule.num_plurals, rule.plural_expr):
            problems.append(
                f"{where}: Plural-Forms header is {catalog.plural_forms!r}, expected "
                f"{rule.plural_forms!r}"
            )
        have = {_key(m): m for m in _messages(catalog)}
        for key, source in wanted.items():
            place = ", ".join(sorted({f for f, _ in source.locations}))
            message = have.get(key)
            if message is None:
                problems.append(
                    f"{where}: {_show(key)} ({place}) is not in the catalogue; run: "
                    "python scripts/i18n.py extract, then translate it"
                )
                continue
            problems += _message_problems(where, key, source, message, catalog.num_plurals)
        for key in sorted(set(have) - set(wanted), key=str):
            problems.append(
                f"{where}: {_show(key)} is no longer used in the code; run: "
                "python scripts/i18n.py extract"
            )
        mo = mo_path(lang, translations)
        if not mo.exists():
            problems.append(f"{_rel(mo)}: missing; run: python scripts/i18n.py compile")
        else:
            with mo.open("rb") as fh:
                compiled = _translated(read_mo(fh))
            if compiled != _translated(catalog):
                differ = set(compiled.items()) ^ set(_translated(catalog).items())
                sample = ", ".join(sorted({_show(k) for k, _ in differ})[:3])
                problems.append(
                    f"{_rel(mo)}: does not match {where} ({len(differ)} entries differ, e.g. "
                    f"{sample}); run: python scripts/i18n.py compile"
                )
    return problems


def _message_problems(
    where: str, key: Key, source: Message, message: Message, num_plurals: int
) -> list[str]:
    name = _show(key)
    if source.pluralizable != message.pluralizable:
        return [f"{where}: {name} changed between plain and plural; run extract and translate it"]
    forms = list(message.string) if message.pluralizable else [message.string]
    if message.pluralizable and len(forms) != num_plurals:
        return [f"{where}: {name} needs {num_plurals} plural forms, has {len(forms)}"]
    if not _complete(message.string):
        return [f"{where}: {name} has no Latvian translation (fill its msgstr)"]
    if message.fuzzy:
        return [f"{where}: {name} is marked fuzzy: review the Latvian, then remove the flag"]
    ids = list(source.id) if source.pluralizable else [source.id]
    out: list[str] = []
    try:
        expected = set().union(*(placeholders(text) for text in ids))
    except ValueError as exc:
        return [f"{where}: {name}: broken placeholder in the English text ({exc})"]
    for form in forms:
        try:
            got = placeholders(form)
        except ValueError as exc:
            out.append(f"{where}: {name}: broken placeholder in {form!r} ({exc})")
            continue
        # A plural form may leave the number out ("vēl viens"); it may never add a field.
        if got - expected or (not message.pluralizable and got != expected):
            out.append(
                f"{where}: {name}: placeholders {sorted(got)} in {form!r} differ from the "
                f"English {sorted(expected)}"
            )
        if form != form.strip():
            out.append(f"{where}: {name}: Latvian text has leading or trailing spaces")
    return out


def extract(package: Path = PACKAGE, translations: Path = TRANSLATIONS) -> None:
    template = extract_template(package)
    for lang in LANGUAGES:
        catalog = load_po(lang, translations)
        added, dropped = merge(catalog, template)
        save(catalog, lang, translations)
        print(f"{_rel(po_path(lang, translations))}: {len(list(_messages(catalog)))} texts")
        _listing("new, to translate", added)
        _listing("dropped (no longer in the code)", dropped)
        fuzzy = sorted(_show(_key(m)) for m in _messages(catalog) if m.fuzzy)
        _listing("fuzzy (English changed: review the Latvian, then remove the flag)", fuzzy)


def _listing(title: str, items: Iterable[str]) -> None:
    items = list(items)
    if items:
        print(f"  {title}: {len(items)}")
        for item in items:
            print(f"    {item}")


def read_table(path: Path) -> dict[str, str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise I18nError(f"{path}: cannot read: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise I18nError(f"{path}: line {exc.lineno}: not valid JSON ({exc.msg})") from exc
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in data.items()
    ):
        raise I18nError(f"{path}: expected one object of English text -> Latvian text")
    return data


def absorb(
    tables: list[Path],
    *,
    replace: bool = False,
    drop_unused: bool = False,
    package: Path = PACKAGE,
    translations: Path = TRANSLATIONS,
) -> bool:
    """Move JSON tables into the catalogue of their language; False when entries were left over."""
    template = extract_template(package)
    complete = True
    for path in tables:
        entries = read_table(path)
        lang = path.parent.name
        if lang not in LANGUAGES:
            raise I18nError(f"{path}: the folder name {lang!r} is not a language ({LANGUAGES})")
        catalog = load_po(lang, translations)
        merge(catalog, template)
        taken: list[str] = []
        unused: dict[str, str] = {}
        kept: list[str] = []
        plural: list[str] = []
        # A text that became plural in the code is found by its English plural form too.
        by_plural = {m.id[1]: m for m in _messages(catalog) if m.pluralizable}
        for source, latvian in entries.items():
            message = catalog.get(source) or by_plural.get(source)
            if message is None:
                unused[source] = latvian
            elif message.pluralizable:
                plural.append(repr(source))
            elif message.string and not message.fuzzy and message.string != latvian and not replace:
                kept.append(f"{source!r}: kept {message.string!r}, not {latvian!r}")
            else:
                message.string = latvian
                message.flags.discard("fuzzy")
                taken.append(repr(source))
        save(catalog, lang, translations)
        print(f"{_rel(path)} -> {_rel(po_path(lang, translations))}: {len(taken)} entries taken")
        _listing("different from the catalogue, catalogue kept (use --replace)", kept)
        _listing("plural in the code now: translate its forms in the .po by hand", plural)
        if unused and not drop_unused:
            path.write_text(json.dumps(unused, ensure_ascii=False, indent=2) + "\n", "utf-8")
            _listing(f"not used by any t() in the code, left in {_rel(path)}", map(repr, unused))
            print("  fix the code or run again with --drop-unused")
            complete = False
        else:
            _listing("not used by any t() in the code, dropped", map(repr, unused))
            path.unlink()
            print(f"  deleted {_rel(path)}")
    return complete


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python scripts/i18n.py",
        description=__doc__.split("\n\n", 1)[0],
        epilog=__doc__.split("\n\n", 1)[1],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--package", type=Path, default=PACKAGE, help=argparse.SUPPRESS)
    parser.add_argument("--translations", type=Path, default=TRANSLATIONS, help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    sub.add_parser("extract", help="update the .po files from the code and recompile")
    sub.add_parser("check", help="fail on a missing, fuzzy or broken translation")
    sub.add_parser("compile", help="write the .mo files from the .po files")
    absorb_parser = sub.add_parser(
        "absorb",
        help="move JSON tables (English -> Latvian) into the .po, recompile, delete the JSON",
        description="Move JSON tables into the catalogue of their folder's language.",
    )
    absorb_parser.add_argument("tables", nargs="+", type=Path, metavar="FILE.json")
    absorb_parser.add_argument(
        "--replace", action="store_true", help="the JSON wins over a different .po translation"
    )
    absorb_parser.add_argument(
        "--drop-unused",
        action="store_true",
        help="also delete entries that no t() in the code uses (default: leave them in the JSON)",
    )
    args = parser.parse_args(argv)
    try:
        if args.command == "extract":
            extract(args.package, args.translations)
        elif args.command == "compile":
            for lang in LANGUAGES:
                print(_rel(compile_catalog(lang, args.translations)))
        elif args.command == "absorb":
            ok = absorb(
                args.tables,
                replace=args.replace,
                drop_unused=args.drop_unused,
                package=args.package,
                translations=args.translations,
            )
            return 0 if ok else 1
        else:
            problems = check(args.package, args.translations)
            for problem in problems:
                print(problem)
            if problems:
                print(f"{len(problems)} translation problems", file=sys.stderr)
                return 1
            print("translations OK")
    except I18nError as exc:
        print(f"i18n: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
