"""Import validation: every file the app would refuse as typed input is refused, by file, path, reason.

A refused import leaves the database exactly as it was.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from db_rows import digest

from ethics_tool.domain.answers import AnswerValue, Mode, Role
from ethics_tool.exchange import ExchangeError, read_export
from ethics_tool.services import NewRespondent, Services

QUESTION_WITHOUT_NA = "T3.Q1"  # quick.yaml: a legal item that forbids "Nav attiecināms"


@pytest.fixture
def exported(services: Services, tmp_path: Path) -> dict[str, Any]:
    aid = services.create_assessment(
        municipality="Ērgļu novads",
        form_id="quick",
        mode=Mode.INDIVIDUAL,
        respondents=[NewRespondent("Anna", Role.DEPUTY), NewRespondent("Jānis", Role.STAFF)],
    )
    first, second = services.respondents(aid)
    services.record_answers(first.id, {"T1.Q1": AnswerValue.level(2, "labi"), "T2.Q1": None})
    services.record_answers(second.id, {"T1.Q1": AnswerValue.unknown(), "T3.Q2": AnswerValue.na()})
    path = tmp_path / "export.json"
    services.export_json(aid, path)
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    data["assessment"]["uuid"] = "imported-copy"
    return data


def write(tmp_path: Path, data: Any, name: str = "bad.json") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def db_digest(services: Services) -> str:
    return digest(services.db)


def answer(data: dict[str, Any], person: int = 0, index: int = 0) -> dict[str, Any]:
    return data["respondents"][person]["answers"][index]  # type: ignore[no-any-return]


def _dup(d: dict[str, Any]) -> None:
    d["respondents"][0]["answers"].append(dict(answer(d)))


def _na_on_legal(d: dict[str, Any]) -> None:
    answer(d).update(question_id=QUESTION_WITHOUT_NA, kind="na", value=None)


def _level_off_scale(d: dict[str, Any]) -> None:
    answer(d).update(kind="level", value=5)


def _bool_level(d: dict[str, Any]) -> None:
    answer(d).update(kind="level", value=True)


def _value_with_unknown(d: dict[str, Any]) -> None:
    answer(d).update(kind="unknown", value=3)


def _unknown_question(d: dict[str, Any]) -> None:
    answer(d)["question_id"] = "T99.Q1"


def _two_groups(d: dict[str, Any]) -> None:
    d["respondents"][0]["role"] = "group"


def _blank_label(d: dict[str, Any]) -> None:
    d["respondents"][1]["label"] = "   "


def _action_on_unknown_question(d: dict[str, Any]) -> None:
    d["actions"] = [{"question_id": "nope", "text": "x"}]


def _long_comment(d: dict[str, Any]) -> None:
    answer(d)["comment"] = "ā" * 20_001


def _long_respondent_uuid(d: dict[str, Any]) -> None:
    # Fits SQLite, but PostgreSQL enforces the VARCHAR(36) of the column: refused for both.
    d["respondents"][0]["uuid"] = "x" * 37


def _long_municipality(d: dict[str, Any]) -> None:
    d["assessment"]["municipality"] = "Ā" * 201


CASES: list[tuple[Callable[[dict[str, Any]], None], str]] = [
    (_dup, "respondents[0].answers[1]: šis respondents uz jautājumu “T1.Q1” atbildējis divreiz"),
    (_na_on_legal, "respondents[0].answers[0]: šim jautājumam nevar atbildēt “Nav attiecināms”"),
    (_level_off_scale, "respondents[0].answers[0]: līmenis 5 nav skalā 0, 1, 2, 3, 4"),
    (_bool_level, "respondents[0].answers[0].value"),
    (_value_with_unknown, "respondents[0].answers[0]: kopā ar “Nezinu” norādīts līmenis (3)"),
    (_unknown_question, "respondents[0].answers[0]: question “T99.Q1”"),
    (_two_groups, "respondents[0].role: grupas kopīgās atbildes var būt tikai vienošanās"),
    (_blank_label, "respondents[1].label"),
    (_action_on_unknown_question, "actions[0].question_id"),
    (_long_comment, "respondents[0].answers[0]: komentārs ir par garu"),
    (_long_respondent_uuid, "respondents[0].uuid: ir par garu"),
    (_long_municipality, "assessment.municipality: ir par garu"),
]


@pytest.mark.parametrize(("mutate", "expected"), CASES, ids=[c[0].__name__ for c in CASES])
def test_refusals_name_file_path_and_reason(
    services: Services,
    exported: dict[str, Any],
    tmp_path: Path,
    mutate: Callable[[dict[str, Any]], None],
    expected: str,
) -> None:
    assert read_export(write(tmp_path, exported, "good.json")).respondents
    mutate(exported)
    path = write(tmp_path, exported)
    before = db_digest(services)
    with pytest.raises(ExchangeError) as info:
        services.import_json(path)
    message = str(info.value)
    assert message.startswith(f"{path}: ")
    assert expected.replace("question “T99.Q1”", "") in message
    assert "Input should" not in message  # no pydantic English inside a Latvian message
    assert db_digest(services) == before


def test_lone_surrogate_in_a_comment_is_refused(exported: dict[str, Any], tmp_path: Path) -> None:
    text = json.dumps(exported).replace('"labi"', '"lab\\ud800i"')
    with pytest.raises(ExchangeError, match=r"respondents\[0\]\.answers\[0\]\.comment: .*U\+D800"):
        read_export(write(tmp_path, text))


def test_deep_nesting_and_json_oddities(exported: dict[str, Any], tmp_path: Path) -> None:
    deep = json.dumps(exported)[:-1] + ', "x": ' + "[" * 5000 + "]" * 5000 + "}"
    with pytest.raises(ExchangeError, match="ligzdots dziļāk"):
        read_export(write(tmp_path, deep))
    medium = json.dumps(exported)[:-1] + ', "x": ' + "[" * 100 + "]" * 100 + "}"
    with pytest.raises(ExchangeError, match="ligzdots dziļāk"):
        read_export(write(tmp_path, medium))
    twice = json.dumps(exported)[:-1] + ', "format_version": 1}'
    with pytest.raises(ExchangeError, match="“format_version” vienā objektā ir divreiz"):
        read_export(write(tmp_path, twice))
    nan = json.dumps(exported).replace('"value": 2', '"value": NaN')
    with pytest.raises(ExchangeError, match="NaN"):
        read_export(write(tmp_path, nan))
    huge = json.dumps(exported).replace('"value": 2', '"value": ' + "9" * 5000)
    with pytest.raises(ExchangeError, match="skaitlis ir par garu"):
        read_export(write(tmp_path, huge))


def test_byte_order_mark_is_accepted(exported: dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(exported).encode("utf-8"))
    assert read_export(path).assessment.municipality == "Ērgļu novads"


def test_oversized_file_and_text(
    exported: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    exported["assessment"]["unit_name"] = "x" * 100_001
    with pytest.raises(ExchangeError, match=r"assessment.unit_name: teksts ir par garu"):
        read_export(write(tmp_path, exported))
    monkeypatch.setattr("ethics_tool.exchange.reading.MAX_EXPORT_FILE_BYTES", 1000)
    with pytest.raises(ExchangeError, match="fails ir par lielu"):
        read_export(write(tmp_path, exported))


def test_pydantic_errors_are_translated(exported: dict[str, Any], tmp_path: Path) -> None:
    exported["assessment"]["assessed_on"] = "vakar"
    exported["respondents"][0]["role"] = "king"
    with pytest.raises(ExchangeError) as info:
        read_export(write(tmp_path, exported))
    text = str(info.value)
    assert "assessment.assessed_on: jābūt datumam" in text and "(un vēl 1)" in text
    assert "respondents[0].role: jābūt vienam no:" in text and "Input should" not in text
