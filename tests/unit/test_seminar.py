"""Seminar kit core: dilemma sessions in the database, the demo story, printable cards."""

from __future__ import annotations

import ast
from datetime import datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from sqlalchemy import inspect

from ethics_tool import demo
from ethics_tool.domain.answers import Mode
from ethics_tool.report.cards import back_slot, build_dilemma_cards, card_origin, card_size
from ethics_tool.seminar import SeminarError, SessionRecord
from ethics_tool.services import Services

HELD = datetime(2026, 11, 19, 11, 0)


def flat(text: str) -> str:
    return " ".join(text.split())


def new(services: Services) -> int:
    return services.create_assessment(municipality="Ķekavas novads", form_id="quick")


# -- dilemma sessions ----------------------------------------------------------------------------
def test_the_migration_creates_the_session_table(services: Services) -> None:
    columns = {c["name"] for c in inspect(services.db.engine).get_columns("dilemma_session")}
    assert {"dilemma_id", "tallies", "notes", "assessment_id", "discussion_seconds"} <= columns


def test_a_session_is_stored_attached_and_read_back(services: Services) -> None:
    aid = new(services)
    seminar = services.seminar
    sid = seminar.save(
        SessionRecord(
            dilemma_id="festival-gifts",
            dilemma_title="Dāvanas novada svētkos",
            tallies=(3, 6, 2, 9),
            notes="Vienojās par dāvanu noteikumu.",
            discussion_seconds=1080,
            held_at=HELD,
        )
    )
    seminar.attach(sid, aid)
    [record] = seminar.sessions(assessment_id=aid)
    assert record.tallies == (3, 6, 2, 9) and record.votes == 20
    assert record.notes == "Vienojās par dāvanu noteikumu." and record.held_at == HELD
    assert seminar.sessions(dilemma_id="relative-bid") == []
    # an update keeps the ID
    assert seminar.save(SessionRecord(**{**record.__dict__, "notes": "Labots."})) == sid
    assert seminar.get(sid).notes == "Labots."
    # deleting the assessment keeps the session, detached
    services.delete(aid)
    assert seminar.get(sid).assessment_id is None


@pytest.mark.parametrize(
    ("record", "message"),
    [
        (SessionRecord(dilemma_id=" "), "jānorāda kartīte"),
        (SessionRecord(dilemma_id="x", tallies=(1, 2, 3, 4, 5)), "ne vairāk kā 4"),
        (SessionRecord(dilemma_id="x", tallies=(1, -2)), "jābūt no 0 līdz"),
        (SessionRecord(dilemma_id="x", assessment_id=999), "999"),
    ],
)
def test_bad_sessions_are_refused_with_a_reason(
    services: Services, record: SessionRecord, message: str
) -> None:
    with pytest.raises(SeminarError, match=message):
        services.seminar.save(record)
    assert services.seminar.sessions() == []


def test_the_deck_is_available_through_the_services(services: Services) -> None:
    assert len(services.seminar.deck) >= 20


# -- the demo story -----------------------------------------------------------------------------
def test_the_demo_story_is_plain_data(services: Services) -> None:
    story = demo.build_story(services.catalog.forms)
    keys = [a.key for a in story.assessments]
    assert keys == ["council-2025", "council-2026", "administration-2026"]
    council, second, admin = story.assessments
    assert second.previous == "council-2025" and council.form_id == "council"
    assert admin.form_id == "administration" and admin.mode is Mode.CONSENSUS
    comments = [a.comment for answers in second.answers for a in answers.values() if a.comment]
    assert len(comments) >= 10 and len(set(comments)) >= 8
    assert story.sessions and all(s.assessment == "council-2026" for s in story.sessions)
    assert all(s.dilemma_id in services.seminar.deck.cards for s in story.sessions)


def test_demo_is_created_once_and_removed_in_one_step(services: Services) -> None:
    newest = services.create_demo()
    rows = services.list_assessments()
    assert len(rows) == 3 and all(r.info.is_demo and r.progress == 100 for r in rows)
    assert {r.info.form_id for r in rows} == {"council", "administration"}
    assert services.info(newest).previous_id is not None
    assert len(services.seminar.sessions(assessment_id=newest)) == 2
    # the second round improved conflicts of interest, as the story says
    before = services.results(services.info(newest).previous_id or 0).themes["T3"].score or 0
    assert (services.results(newest).themes["T3"].score or 0) > before
    assert services.create_demo() == newest and len(services.list_assessments()) == 3
    real = new(services)
    assert services.delete_demo() == 3
    assert [r.info.id for r in services.list_assessments()] == [real]
    assert services.seminar.sessions() == []


def test_demo_does_not_import_the_services() -> None:
    tree = ast.parse(Path(demo.__file__).read_text(encoding="utf-8"))
    imported = {
        node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module
    }
    assert imported and not any(name.startswith("ethics_tool.services") for name in imported)


# -- printable cards ----------------------------------------------------------------------------
def test_cards_pdf_fronts_backs_and_notes(services: Services, tmp_path: Path) -> None:
    cards = services.seminar.deck.ordered()[:5]
    target = tmp_path / "cards.pdf"
    build_dilemma_cards(cards, target, lang="lv", theme_titles={"T3": "Interešu konflikti"})
    reader = PdfReader(target)
    # two sheets (fronts and backs) for five cards, then the notes
    fronts, backs = flat(reader.pages[0].extract_text()), flat(reader.pages[1].extract_text())
    assert cards[0].title.lv in fronts and "Kādas vērtības ir uz spēles?" in fronts
    assert cards[0].options[0].lv[:30] in backs and cards[0].situation.lv[:30] not in backs
    assert cards[4].title.lv in flat(reader.pages[2].extract_text())
    notes = flat(" ".join(page.extract_text() for page in reader.pages[4:]))
    assert all(card.note.lv[:25] in notes for card in cards)
    fonts = {
        str(font["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert fonts and all("DejaVu" in name for name in fonts), fonts


def test_card_backs_are_mirrored_for_long_edge_duplex() -> None:
    page_width = A4[0]
    w, _h = card_size()
    for slot in range(4):
        x, y = card_origin(slot)
        bx, by = card_origin(back_slot(slot))
        # turned over on the long edge, the back's left edge is where the front's right edge was
        assert by == y and bx == pytest.approx(page_width - (x + w))


def test_cards_in_english(services: Services, tmp_path: Path) -> None:
    card = services.seminar.deck.get("festival-gifts")
    target = tmp_path / "en.pdf"
    build_dilemma_cards([card], target, lang="en", numbers=[4], notes=False)
    reader = PdfReader(target)
    assert len(reader.pages) == 2
    text = flat(reader.pages[0].extract_text())
    assert "Gifts at the municipal festival" in text and "Dilemma 4" in text
