"""The cheap reading of the migration scripts agrees with Alembic, and a normal start skips Alembic."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory

from ethics_tool.storage import db as db_module
from ethics_tool.storage import schema
from ethics_tool.storage.revisions import scan

ROOT = Path(__file__).resolve().parents[3]


def _alembic(location: Path) -> tuple[set[str], str | None]:
    cfg = Config()
    cfg.set_main_option("script_location", str(location))
    scripts = ScriptDirectory.from_config(cfg)
    return {rev.revision for rev in scripts.walk_revisions()}, scripts.get_current_head()


def _copy(tmp_path: Path) -> Path:
    scripts = tmp_path / "migrations"
    shutil.copytree(schema.MIGRATIONS, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    return scripts


def _add(scripts: Path, name: str, header: str) -> None:
    (scripts / "versions" / f"{name}.py").write_text(
        f'"""{name}."""\n\nfrom alembic import op\n\n{header}\n'
        "branch_labels = None\ndepends_on = None\n\n\n"
        "def upgrade() -> None:\n    op.execute('SELECT 1')\n\n\n"
        "def downgrade() -> None:\n    pass\n",
        encoding="utf-8",
    )


def test_the_real_scripts_agree_with_alembic() -> None:
    found = scan(schema.MIGRATIONS)
    assert found is not None, "revisions.scan no longer understands the migration scripts"
    known, head = _alembic(schema.MIGRATIONS)
    assert (set(found.known), found.head) == (known, head)


def test_a_branch_and_its_merge_agree_with_alembic(tmp_path: Path) -> None:
    scripts = _copy(tmp_path)
    head = _alembic(scripts)[1]
    # Two lanes each add a migration (annotated, as Alembic's template writes them), then a merge.
    _add(scripts, "9001_a", f'revision: str = "9001_a"\ndown_revision: str | None = "{head}"')
    _add(scripts, "9002_b", f"revision = '9002_b'\ndown_revision = '{head}'")
    assert scan(scripts) is None  # two heads: left to Alembic, which refuses them
    _add(scripts, "9003_merge", 'revision = "9003_merge"\ndown_revision = ("9001_a", "9002_b")')
    found = scan(scripts)
    assert found is not None
    assert (set(found.known), found.head) == _alembic(scripts)
    assert found.head == "9003_merge"


@pytest.mark.parametrize(
    "header",
    [
        'revision = "9001_x"\ndown_revision = PARENT',  # not a literal
        'revision = "9001_x"\ndown_revision = (\n    "0001_baseline",\n)',  # over several lines
        'revision = "9001_x"\ndown_revision = "no_such_revision"',  # a missing parent
    ],
)
def test_what_it_does_not_understand_is_left_to_alembic(tmp_path: Path, header: str) -> None:
    scripts = _copy(tmp_path)
    _add(scripts, "9001_x", header)
    assert scan(scripts) is None


def test_a_labelled_branch_is_left_to_alembic(tmp_path: Path) -> None:
    scripts = _copy(tmp_path)
    head = _alembic(scripts)[1]
    (scripts / "versions" / "9001_l.py").write_text(
        f"revision = '9001_l'\ndown_revision = '{head}'\nbranch_labels = ('extra',)\n"
        "depends_on = None\ndef upgrade():\n    pass\n",
        encoding="utf-8",
    )
    assert scan(scripts) is None


def test_opening_a_file_at_the_head_does_not_import_alembic(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    db_module.open_database(path).dispose()  # created (and migrated) by Alembic
    code = (
        "import sys\nfrom pathlib import Path\n"
        "from ethics_tool.storage.db import open_database\n"
        "db = open_database(Path(sys.argv[1]))\n"
        "print(db.created, sorted({m.split('.')[0] for m in sys.modules} & {'alembic', 'mako'}))\n"
        "db.dispose()\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    out = subprocess.run(
        [sys.executable, "-c", code, str(path)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    assert out.strip() == "False []"
