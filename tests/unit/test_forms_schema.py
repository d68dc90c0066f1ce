"""The 2.0 additions to the form schema as a user meets them.

Links to the law (``url``), the secondary ``source`` of a legal item, the ``evidence`` hint, the
expected completion time and the core subset chosen when an assessment is created; assessments
saved with a 1.x form (whose snapshot has none of these fields) still open.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from ethics_tool import i18n
from ethics_tool.domain.loader import FormError, form_from_json, form_to_json, load_form
from ethics_tool.domain.questionnaire import Questionnaire
from ethics_tool.report.pdf import build_report
from ethics_tool.services import ServiceError, Services

sys.path.insert(0, str(Path(__file__).parent / "report"))
from report_helpers import make_data, scored, single_respondent

ROOT = Path(__file__).parents[2]
SAMPLE = ROOT / "tests" / "data" / "sample_form.yaml"
NEW_FIELDS = {"url", "source", "evidence", "core", "minutes", "core_minutes", "subset"}


@pytest.fixture(autouse=True)
def _english() -> None:
    i18n.set_language("en")


def council() -> Questionnaire:
    return load_form(ROOT / "forms" / "council.yaml")


def strip(node: object) -> object:
    """A snapshot as a 1.x form would have stored it: without the 2.0 fields."""
    if isinstance(node, dict):
        return {k: strip(v) for k, v in node.items() if k not in NEW_FIELDS}
    if isinstance(node, list):
        return [strip(v) for v in node]
    return node


def test_a_snapshot_saved_before_the_new_fields_still_opens() -> None:
    old = json.dumps(strip(json.loads(form_to_json(council()))), ensure_ascii=False)
    assert '"url"' not in old and '"evidence"' not in old
    form = form_from_json(old)
    assert form.question_count == council().question_count
    assert form.core_count == 0 and not form.has_core and form.minutes is None


def test_core_subset_keeps_ids_and_rules_and_drops_the_rest() -> None:
    form = council()
    core = form.core_subset()
    ids = [q.id for _, q in core.iter_questions()]
    assert ids == [q.id for _, q in form.iter_questions() if q.core]
    assert 25 <= len(ids) <= 35, "the core subset should be about 30 questions"
    assert core.subset == "core" and not core.has_core
    assert core.minutes == form.core_minutes and core.minutes is not None
    assert core.scale == form.scale and core.bands == form.bands
    # every theme keeps at least one core question, so the core result covers all 12 themes
    assert [t.id for t in core.themes] == [t.id for t in form.themes]
    # the snapshot of a core subset round-trips
    assert form_from_json(form_to_json(core)) == core


def test_a_form_without_core_questions_refuses_a_core_subset() -> None:
    quick = load_form(ROOT / "forms" / "quick.yaml")
    assert not quick.has_core
    with pytest.raises(ValueError, match="no core subset"):
        quick.core_subset()


def test_create_assessment_with_core_only(services: Services) -> None:
    new_id = services.create_assessment(
        municipality="Ķekavas novads", form_id="council", core_only=True
    )
    form = services.load(new_id).form
    assert form.subset == "core"
    assert form.question_count == council().core_count
    full = services.create_assessment(municipality="Ķekavas novads", form_id="council")
    assert services.load(full).form.question_count == council().question_count
    with pytest.raises(ServiceError, match="no core subset"):
        services.create_assessment(municipality="Ķekavas novads", form_id="quick", core_only=True)


def test_a_bad_url_is_refused_with_its_place(tmp_path: Path) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    marker = "references:\n"
    assert marker in text
    index = text.index(marker)
    indent = text[:index].rsplit("\n", 1)[1]
    bad = f"{marker}{indent}  - {{kind: law, ref: X, url: 'likumi.lv/ta/id/1'}}\n"
    path = tmp_path / "bad.yaml"
    path.write_text(text[:index] + bad + text[index + len(marker) :], encoding="utf-8")
    with pytest.raises(FormError) as info:
        load_form(path)
    assert any("url" in str(p) and "http" in str(p) for p in info.value.problems)


def test_report_links_laws_and_names_the_core_subset(tmp_path: Path) -> None:
    form = council().core_subset()
    data, results = scored(make_data(form, [single_respondent(form)]))
    path = tmp_path / "core.pdf"
    build_report(data, results, path, lang="en")
    reader = PdfReader(path)
    uris = {
        str(annot.get_object()["/A"]["/URI"])
        for page in reader.pages
        for annot in page.get("/Annots") or []
        if "/A" in annot.get_object() and "/URI" in annot.get_object()["/A"]
    }
    legal_urls = {q.legal.url for _, q in form.iter_questions() if q.legal and q.legal.url}
    assert legal_urls, "the council form links its legal requirements"
    assert legal_urls <= uris
    text = " ".join(" ".join(page.extract_text() for page in reader.pages[:2]).split())
    assert "(core questions only: " in text


def test_blank_questionnaire_shows_the_legal_basis_and_the_evidence_hint(tmp_path: Path) -> None:
    from ethics_tool.report.pdf import build_blank_questionnaire

    form = council().core_subset()
    path = tmp_path / "blank.pdf"
    build_blank_questionnaire(form, path, lang="lv")
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())
    first = next(q for _, q in form.iter_questions() if q.legal is not None)
    assert first.evidence is not None and first.legal is not None
    assert "Kas apliecina 3. līmeni:" in text
    assert " ".join(first.evidence.lv.split())[:40] in text
    assert first.legal.article in text
