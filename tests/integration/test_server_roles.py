"""The administrator's set-up in docs/server.md, run as written against a real server.

The SQL blocks of the guide create an administrator, a municipality's login and its database; the
program then works as that login, which can neither change the tables nor open another
municipality's database.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from ethics_tool.cli import main

GUIDE = Path(__file__).parents[2] / "docs" / "server.md"


def sql_blocks() -> list[str]:
    return re.findall(r"```sql\n(.*?)```", GUIDE.read_text(encoding="utf-8"), flags=re.S)


def execute(port: int, user: str, dbname: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(
        host="127.0.0.1", port=port, user=user, dbname=dbname, autocommit=True
    ) as conn:
        for statement in [s.strip() for s in sql.split(";")]:
            lines = [ln for ln in statement.splitlines() if not ln.strip().startswith("--")]
            if "\n".join(lines).strip():
                conn.execute("\n".join(lines))  # type: ignore[call-overload]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--lang", "en", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_guides_roles_work_and_keep_municipalities_apart(
    pg_cluster,  # type: ignore[no-untyped-def]
    capsys: pytest.CaptureFixture[str],
) -> None:
    server_wide, in_database = sql_blocks()
    port = pg_cluster.port
    execute(port, "ethics", "postgres", server_wide)
    # A second municipality, set up the same way.
    execute(
        port,
        "ethics",
        "postgres",
        server_wide.split("-- per municipality")[1].split("\n", 1)[1].replace("kekava", "riga"),
    )
    execute(port, "ethics_admin", "ethics_kekava", in_database)
    execute(port, "ethics_admin", "ethics_riga", in_database.replace("kekava", "riga"))

    base = f"postgresql://{{user}}@127.0.0.1:{port}/{{db}}"
    admin = base.format(user="ethics_admin", db="ethics_kekava")
    kekava = base.format(user="ethics_kekava", db="ethics_kekava")
    code, _, err = run(capsys, "--db", admin, "list")  # the administrator creates the tables
    assert code == 0, err
    code, out, err = run(capsys, "--db", kekava, "demo")
    assert code == 0, err
    code, out, _ = run(capsys, "--db", kekava, "list", "--json")
    assert json.loads(out)  # the demo went in as the municipality's login

    import psycopg

    with (
        psycopg.connect(
            host="127.0.0.1", port=port, user="ethics_kekava", dbname="ethics_kekava"
        ) as conn,
        pytest.raises(psycopg.errors.InsufficientPrivilege),
    ):
        conn.execute("CREATE TABLE mine (id integer)")
    code, _, err = run(capsys, "--db", base.format(user="ethics_kekava", db="ethics_riga"), "list")
    assert code == 1 and "permission denied for database" in err
    assert "Traceback" not in err
