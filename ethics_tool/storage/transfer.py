"""Copy assessments between two databases (a laptop's SQLite file and a server, either way).

Every row that belongs to an assessment is copied with all its columns: respondents (their UUIDs:
the same people), answers with their merge history (installation, version vector, time of the
last change), the action plan, the dilemma sessions of a seminar linked to it, and whatever a
later schema hangs off these tables. So is the assessment's identity: its UUID and its lineage, so
a copy worked on elsewhere can later be exported and merged back into the original. Integer keys
are given anew by the target and the references between rows follow them; the link to the
previous round is kept when that round is copied too or already in the target.

An assessment that the target already has (same UUID) is skipped and named, never doubled. Rows
not tied to an assessment (this installation's id, the benchmark collector's files and
references) are not copied. The copy is one transaction in the target: all of it, or nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Column, Connection, String, Table, select

from ethics_tool.i18n import t
from ethics_tool.storage import core_tables
from ethics_tool.storage.db import Database
from ethics_tool.storage.engines import StorageError
from ethics_tool.storage.tables import Base

ROOT = core_tables.assessment
CHUNK = 500


@dataclass
class CopyResult:
    copied: dict[int, int] = field(default_factory=dict)  # source ID -> target ID
    skipped: dict[int, int] = field(default_factory=dict)  # source ID -> the target's same one


def _pk(table: Table) -> str | None:
    keys = list(table.primary_key.columns)
    return keys[0].name if len(keys) == 1 else None


def owned_tables() -> list[tuple[Table, str]]:
    """Tables whose rows belong to an assessment, each with the column tying a row to its owner.

    A row with a required link (respondents, answers, action plan) always belongs to its owner;
    one with an optional link (a dilemma session) only when it is linked.
    """
    owned: list[tuple[Table, str]] = []
    reachable = {ROOT.name}
    for table in Base.metadata.sorted_tables:
        if table.name in reachable:
            continue
        for column in table.columns:
            refs = [fk.column.table.name for fk in column.foreign_keys]
            if refs and refs[0] in reachable:
                owned.append((table, column.name))
                reachable.add(table.name)
                break
    return owned


def copy_assessments(
    source: Database, target: Database, ids: Sequence[int] | None = None
) -> CopyResult:
    """Copy the assessments ``ids`` (all when empty) from ``source`` into ``target``."""
    result = CopyResult()
    with source.engine.connect() as src, target.engine.begin() as dst:
        query = select(ROOT).order_by(ROOT.c.id)
        if ids:
            query = query.where(ROOT.c.id.in_(list(ids)))
        rows = [dict(r._mapping) for r in src.execute(query)]
        missing = sorted(set(ids or ()) - {r["id"] for r in rows})
        if missing:
            raise StorageError(
                t(
                    "{db}: no assessment with ID {ids}",
                    db=source.location,
                    ids=", ".join(str(i) for i in missing),
                )
            )
        present: dict[str, int] = {}
        for chunk in _chunks([r["uuid"] for r in rows]):
            present.update(
                {
                    uuid: tid
                    for uuid, tid in dst.execute(
                        select(ROOT.c.uuid, ROOT.c.id).where(ROOT.c.uuid.in_(chunk))
                    )
                }
            )
        ids_by_table: dict[str, dict[Any, int]] = {ROOT.name: {}}
        check = _Checker(source.location)
        for row in rows:
            if row["uuid"] in present:
                result.skipped[row["id"]] = present[row["uuid"]]
                continue
            check.assessment = row["id"]
            new_id = _insert(dst, ROOT, row, {}, check)
            ids_by_table[ROOT.name][row["id"]] = new_id
            result.copied[row["id"]] = new_id
        _relink_previous(src, dst, rows, ids_by_table[ROOT.name])
        _relink_next(src, dst, ids_by_table[ROOT.name])
        owner_of = {ROOT.name: {old: old for old in ids_by_table[ROOT.name]}}
        for table, owner_column in owned_tables():
            owner = next(iter(table.c[owner_column].foreign_keys)).column.table.name
            owners = ids_by_table.get(owner, {})
            mapping = ids_by_table.setdefault(table.name, {})
            assessments = owner_of.setdefault(table.name, {})
            if not owners:
                continue
            pk = _pk(table)
            order = [table.c[pk]] if pk else []
            for chunk in _chunks(list(owners)):
                for source_row in src.execute(
                    select(table).where(table.c[owner_column].in_(chunk)).order_by(*order)
                ):
                    values = dict(source_row._mapping)
                    if _already_there(dst, table, values):
                        continue
                    check.assessment = owner_of[owner].get(values[owner_column])
                    new_id = _insert(dst, table, values, ids_by_table, check)
                    if pk is not None:
                        mapping[values[pk]] = new_id
                        if check.assessment is not None:
                            assessments[values[pk]] = check.assessment
    return result


def _chunks(values: list[Any], size: int = CHUNK) -> list[list[Any]]:
    return [values[i : i + size] for i in range(0, len(values), size)]


def _already_there(dst: Connection, table: Table, values: dict[str, Any]) -> bool:
    """A row with its own unique UUID (a dilemma session) that the target already holds."""
    column = table.c.get("uuid")
    if column is None or not column.unique or values.get("uuid") is None:
        return False
    found = dst.execute(select(column).where(column == values["uuid"])).first()
    return found is not None


@dataclass
class _Checker:
    """Refuses a value the target cannot hold (SQLite does not enforce lengths, a server does)."""

    location: str
    assessment: int | None = None

    def __call__(self, table: Table, values: dict[str, Any]) -> None:
        for column in table.columns:
            value = values.get(column.name)
            length = _max_length(column)
            if isinstance(value, str) and length is not None and len(value) > length:
                raise StorageError(
                    t(
                        "{db}: assessment {id}: {table}.{column} is {n} characters long, "
                        "the most a database may hold there is {limit}: “{value}”",
                        db=self.location,
                        id=self.assessment if self.assessment is not None else "?",
                        table=table.name,
                        column=column.name,
                        n=len(value),
                        limit=length,
                        value=value[:60] + ("…" if len(value) > 60 else ""),
                    ),
                    [t("Nothing was copied.")],
                )


def _max_length(column: Column[Any]) -> int | None:
    kind = column.type
    return kind.length if isinstance(kind, String) and kind.length else None


def _insert(
    dst: Connection,
    table: Table,
    values: dict[str, Any],
    ids: dict[str, dict[Any, int]],
    check: _Checker,
) -> int:
    pk = _pk(table)
    out = dict(values)
    if pk is not None:
        out.pop(pk)
    for column in table.columns:
        for fk in column.foreign_keys:
            referenced = fk.column.table.name
            if referenced == table.name or out.get(column.name) is None:
                continue
            mapped = ids.get(referenced, {}).get(out[column.name])
            if mapped is None and not column.nullable:
                raise StorageError(
                    t(
                        "{table}.{column}: a row refers to one that was not copied",
                        table=table.name,
                        column=column.name,
                    )
                )
            out[column.name] = mapped
    if table is ROOT:
        out["previous_id"] = None  # linked afterwards, once every round has its new ID
    check(table, out)
    inserted = dst.execute(table.insert().values(**out))
    key = inserted.inserted_primary_key
    return int(key[0]) if key and key[0] is not None else 0


def _relink_previous(
    src: Connection, dst: Connection, rows: list[dict[str, Any]], new_ids: dict[Any, int]
) -> None:
    """Keep the link to the previous round: a copied one, or the same round already in the target."""
    previous_ids = sorted({r["previous_id"] for r in rows if r["previous_id"] is not None})
    uuids: dict[int, str] = {}
    for chunk in _chunks(previous_ids):
        uuids.update(
            {
                old_id: uuid
                for old_id, uuid in src.execute(
                    select(ROOT.c.id, ROOT.c.uuid).where(ROOT.c.id.in_(chunk))
                )
            }
        )
    for row in rows:
        if row["id"] not in new_ids or row["previous_id"] is None:
            continue
        previous = new_ids.get(row["previous_id"])
        if previous is None and row["previous_id"] in uuids:
            previous = dst.execute(
                select(ROOT.c.id).where(ROOT.c.uuid == uuids[row["previous_id"]])
            ).scalar()
        if previous is not None:
            dst.execute(
                ROOT.update()
                .where(ROOT.c.id == new_ids[row["id"]])
                .values(previous_id=previous, updated_at=row["updated_at"])
            )


def _relink_next(src: Connection, dst: Connection, new_ids: dict[Any, int]) -> None:
    """A round copied after its successor: the successor, already in the target, links to it."""
    for chunk in _chunks(list(new_ids)):
        successors = src.execute(
            select(ROOT.c.uuid, ROOT.c.previous_id).where(ROOT.c.previous_id.in_(chunk))
        ).all()
        for uuid, previous_id in successors:
            dst.execute(
                ROOT.update()
                .where(ROOT.c.uuid == uuid, ROOT.c.previous_id.is_(None))
                .values(previous_id=new_ids[previous_id], updated_at=ROOT.c.updated_at)
            )
