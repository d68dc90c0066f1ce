"""Feed the program 10,000 mutated export files and 10,000 mutated questionnaire files.

Imports go through the real service into a real SQLite file; every refusal must be an
``ExchangeError`` that leaves the database file unchanged, every acceptance must break none of the
rules of ``tests/mutations.py``. Forms go through ``load_form`` and must load or raise ``FormError``.
Prints crashes (any other exception), accepted-but-invalid files, refusals that changed the
database, and the slowest import and form. The last line is key=value pairs.

Run: python benchmarks/hostile_inputs.py [--imports 10000] [--forms 10000] [--seed 14]
     [--form-files quick,council,administration]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from mutations import mutate_data, mutate_text, rule_breaches, to_json  # noqa: E402

from ethics_tool.domain.answers import AnswerValue, Mode  # noqa: E402
from ethics_tool.domain.loader import FormError, load_catalog, load_form  # noqa: E402
from ethics_tool.exchange import ExchangeError, read_export  # noqa: E402
from ethics_tool.services import NewRespondent, Services  # noqa: E402
from ethics_tool.storage.db import open_database  # noqa: E402


def base_export(services: Services, folder: Path, rnd: random.Random) -> dict[str, Any]:
    """A real export of the quick form: three respondents with answers, N/A, Nezinu, comments."""
    import json

    form = services.form("quick")
    aid = services.create_assessment(
        municipality="Ādažu novads",
        form_id="quick",
        mode=Mode.INDIVIDUAL,
        respondents=[NewRespondent(f"Deputāts {i}") for i in range(1, 4)],
    )
    for person in services.respondents(aid):
        answers: dict[str, AnswerValue | None] = {}
        for _, question in form.iter_questions():
            options = [AnswerValue.level(lvl.value, "komentārs") for lvl in form.scale_of(question)]
            if form.allows_na(question):
                options.append(AnswerValue.na())
            if form.allows_unknown(question):
                options.append(AnswerValue.unknown("nezinu"))
            answers[question.id] = rnd.choice(options)
        services.record_answers(person.id, answers)
    path = folder / "base.json"
    services.export_json(aid, path)
    services.delete(aid)
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run_imports(n: int, rnd: random.Random, folder: Path) -> dict[str, Any]:
    db_path = folder / "fuzz.sqlite3"
    catalog = load_catalog([ROOT / "forms"])
    services = Services(open_database(db_path), catalog)
    base = base_export(services, folder, rnd)
    crashes: Counter[str] = Counter()
    invalid: list[str] = []
    changed = 0
    accepted = refused = 0
    slowest = (0.0, "")
    path = folder / "mutated.json"
    for i in range(n):
        data = dict(base)
        data["assessment"] = {**base["assessment"], "uuid": f"fuzz-{i}"}
        if rnd.random() < 0.7:
            text = to_json(mutate_data(data, rnd, rnd.randint(1, 3)))
        else:
            text = mutate_text(to_json(data), rnd, rnd.randint(1, 2))
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        before = digest(db_path)
        start = time.perf_counter()
        try:
            services.import_json(path)
            accepted += 1
            breaches = rule_breaches(read_export(path))
            if breaches:
                invalid.append(f"#{i}: {breaches[0]}")
        except ExchangeError:
            refused += 1
            if digest(db_path) != before:
                changed += 1
        except Exception as exc:
            crashes[f"{type(exc).__name__}: {str(exc)[:80]}"] += 1
        elapsed = time.perf_counter() - start
        if elapsed > slowest[0]:
            slowest = (elapsed, f"#{i} ({len(text):,} characters)")
    services.db.dispose()
    return {
        "accepted": accepted,
        "refused": refused,
        "crashes": crashes,
        "invalid": invalid,
        "changed": changed,
        "slowest": slowest,
    }


def run_forms(n: int, rnd: random.Random, folder: Path, names: list[str]) -> dict[str, Any]:
    sources = [(ROOT / "forms" / f"{name}.yaml").read_text(encoding="utf-8") for name in names]
    crashes: Counter[str] = Counter()
    loaded = refused = 0
    slowest = (0.0, "")
    path = folder / "mutated.yaml"
    for i in range(n):
        text = mutate_text(rnd.choice(sources), rnd, rnd.randint(1, 3))
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        start = time.perf_counter()
        try:
            load_form(path)
            loaded += 1
        except FormError:
            refused += 1
        except Exception as exc:
            crashes[f"{type(exc).__name__}: {str(exc)[:80]}"] += 1
        elapsed = time.perf_counter() - start
        if elapsed > slowest[0]:
            slowest = (elapsed, f"#{i} ({len(text):,} characters)")
    return {"loaded": loaded, "refused": refused, "crashes": crashes, "slowest": slowest}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--imports", type=int, default=10_000)
    parser.add_argument("--forms", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument(
        "--form-files",
        default="quick,council,administration",
        help="built-in forms to mutate, comma-separated (default: all three)",
    )
    args = parser.parse_args()
    rnd = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        imports = run_imports(args.imports, rnd, Path(tmp))
        import_seconds = time.perf_counter() - start
        start = time.perf_counter()
        forms = run_forms(args.forms, rnd, Path(tmp), args.form_files.split(","))
        form_seconds = time.perf_counter() - start
    print(f"Mutated imports: {args.imports:,} in {import_seconds:.0f} s")
    print(f"  accepted {imports['accepted']:,}, refused {imports['refused']:,}")
    print(f"  crashes: {sum(imports['crashes'].values())}")
    for message, count in imports["crashes"].most_common(10):
        print(f"    {count} × {message}")
    print(f"  accepted but invalid: {len(imports['invalid'])}")
    for line in imports["invalid"][:10]:
        print(f"    {line}")
    print(f"  refused but the database changed: {imports['changed']}")
    print(f"  slowest import: {imports['slowest'][0] * 1000:.0f} ms, {imports['slowest'][1]}")
    print(
        f"Mutated questionnaire files ({args.form_files}): {args.forms:,} in {form_seconds:.0f} s"
    )
    print(f"  loaded {forms['loaded']:,}, refused {forms['refused']:,}")
    print(f"  crashes: {sum(forms['crashes'].values())}")
    for message, count in forms["crashes"].most_common(10):
        print(f"    {count} × {message}")
    print(f"  slowest form: {forms['slowest'][0] * 1000:.0f} ms, {forms['slowest'][1]}")
    print(
        f"import_crashes={sum(imports['crashes'].values())} "
        f"import_accepted_invalid={len(imports['invalid'])} "
        f"import_refused_changed_db={imports['changed']} "
        f"slowest_import_ms={imports['slowest'][0] * 1000:.0f} "
        f"form_crashes={sum(forms['crashes'].values())} "
        f"slowest_form_ms={forms['slowest'][0] * 1000:.0f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
