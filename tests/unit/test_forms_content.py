"""Content checks for the built-in questionnaires (forms/*.yaml) and the municipality list.

The loader checks the structure of a form; these tests check the editorial rules of forms/README.md
that every built-in form must meet: bilingual texts with guidance, descriptors for every level,
recommendations for the low levels, references, stable ``T<n>.Q<m>`` ids, legal items that name an
article and cannot be answered "Nav attiecināms", and Latvian written with its diacritics.
They run over whatever forms exist, so new forms are checked as soon as they are added.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from ethics_tool.domain.loader import FormError, load_form
from ethics_tool.domain.questionnaire import ItemType, Question, Questionnaire

ROOT = Path(__file__).parents[2]
FORM_FILES = sorted((ROOT / "forms").glob("*.yaml"))
MUNICIPALITIES = ROOT / "resources" / "municipalities.json"

THEME_IDS = [f"T{n}" for n in range(1, 13)]
THEME_ID = re.compile(r"^T[1-9][0-9]*$")
QUESTION_ID = re.compile(r"^(T[1-9][0-9]*)\.Q[1-9][0-9]*$")

# The 12 themes of shared/research/frameworks.md §9.2 and their suggested weights.
CANONICAL_WEIGHTS = {
    "T1": 1.2,
    "T2": 1.0,
    "T3": 1.3,
    "T4": 0.8,
    "T5": 1.3,
    "T6": 1.3,
    "T7": 1.2,
    "T8": 1.0,
    "T9": 0.9,
    "T10": 1.0,
    "T11": 0.9,
    "T12": 1.0,
}

# Ids of the quick form that saved assessments already use; their meaning must not change.
QUICK_STABLE_IDS = {
    "T1.Q1": ItemType.MATURITY,
    "T1.Q2": ItemType.PERCEPTION,
    "T3.Q1": ItemType.MATURITY,
    "T3.Q2": ItemType.MATURITY,
    "T7.Q1": ItemType.MATURITY,
}

# ASCII spellings that are always wrong in Latvian: each stem needs a diacritic in every form of
# the word (ētika, pašvaldība, interešu konflikts, trauksmes celšana, deputāts, lēmums, iestāde,
# pārvalde, atbildīgs …). Words that are correct without diacritics (darbinieki, izpilddirektors,
# korupcija, komisija) must not be listed here.
FORBIDDEN_ASCII = [
    r"\betik",  # ētika, ētikas, ētisks
    r"\betisk",
    r"pasvaldib",  # pašvaldība
    r"pasnovertejum",  # pašnovērtējums
    r"interesu konflikt",  # interešu konflikts
    r"trauksmes celsan",  # trauksmes celšana
    r"trauksmes celej",  # trauksmes cēlējs
    r"\bdeputat",  # deputāts, deputāti, deputātu
    r"\blemum",  # lēmums, lēmumprojekts
    r"\biestad",  # iestāde
    r"parvald",  # pārvalde, pārvaldība
    r"atbildig",  # atbildīgais
    r"atbildib",  # atbildība
    r"godpratib",  # godprātība
    r"\bdavan",  # dāvana
    r"sabiedrib",  # sabiedrība, kapitālsabiedrība
    r"atklatib",  # atklātība
    r"\bparskat",  # pārskats, pārskatatbildība
    r"\bipasum",  # īpašums
    r"macib",  # mācības, apmācības
    r"velesan",  # vēlēšanas
    r"jautajum",  # jautājums
    r"\bricib",  # rīcība
    r"darbib",  # darbība
    r"kartib",  # kārtība
    r"timeklvietn",  # tīmekļvietne
    r"\blimen",  # līmenis
    r"atbilstib",  # atbilstība
    r"\bvertib",  # vērtība
    r"\bsedes\b",  # sēdes
    r"\bpiemer",  # piemērs
]
FORBIDDEN_RE = [re.compile(pattern, re.IGNORECASE) for pattern in FORBIDDEN_ASCII]
URL_RE = re.compile(r"https?://\S+")
LATVIAN_LETTERS = set("āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ")
LATVIAN_ALPHABET = "aābcčdeēfgģhiījkķlļmnņoprsštuūvzž"


# -- helpers -----------------------------------------------------------------------------------


@cache
def _load(path: Path) -> Questionnaire:
    return load_form(path)


def form_of(path: Path) -> Questionnaire:
    """The parsed form, or a failed test that shows the loader's message."""
    try:
        return _load(path)
    except FormError as exc:
        pytest.fail(f"{path.name} does not validate:\n{exc}")


def questions(form: Questionnaire) -> Iterator[Question]:
    for _, question in form.iter_questions():
        yield question


def latvian_texts(node: Any, where: str = "") -> Iterator[tuple[str, str]]:
    """Every Latvian string in a dumped form, with its path (``themes[0].questions[1].text``)."""
    if isinstance(node, dict):
        for key, value in node.items():
            path = f"{where}.{key}" if where else str(key)
            if key == "lv" and isinstance(value, str):
                yield where, value
            else:
                yield from latvian_texts(value, path)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from latvian_texts(value, f"{where}[{index}]")


def low_levels(question: Question) -> set[int]:
    """The levels that must always get a recommendation: 0–1, or 1–2 on the agreement scale."""
    return {1, 2} if question.type is ItemType.PERCEPTION else {0, 1}


def latvian_key(name: str) -> tuple[int, ...]:
    """A sort key in Latvian alphabetical order (a ā b c č … z ž); a space sorts first."""
    key = []
    for char in name.lower():
        if char in LATVIAN_ALPHABET:
            key.append(LATVIAN_ALPHABET.index(char) + 1)
        elif char == " ":
            key.append(0)
        else:
            key.append(100 + ord(char))
    return tuple(key)


def form_params() -> list[Any]:
    return [pytest.param(path, id=path.stem) for path in FORM_FILES]


# -- every built-in form -----------------------------------------------------------------------


def test_there_are_built_in_forms() -> None:
    assert any(path.stem == "quick" for path in FORM_FILES), "forms/quick.yaml is missing"


@pytest.mark.parametrize("path", form_params())
def test_form_validates(path: Path) -> None:
    form = form_of(path)
    assert form.id == path.stem, "the file name should be the form id"
    assert form.question_count > 0


@pytest.mark.parametrize("path", form_params())
def test_every_question_has_text_and_guidance_in_both_languages(path: Path) -> None:
    form = form_of(path)
    problems = []
    for question in questions(form):
        if question.guidance is None:
            problems.append(f"{question.id}: no guidance")
            continue
        for field, text in (("text", question.text), ("guidance", question.guidance)):
            if not text.lv.strip() or not text.en.strip():
                problems.append(f"{question.id}.{field}: lv or en is empty")
            elif text.lv.strip() == text.en.strip():
                problems.append(f"{question.id}.{field}: lv and en are the same (not translated?)")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", form_params())
def test_maturity_items_describe_every_level(path: Path) -> None:
    form = form_of(path)
    scale = [level.value for level in form.scale.levels]
    problems = []
    for question in questions(form):
        if question.type is not ItemType.MATURITY:
            continue
        missing = [value for value in scale if value not in question.levels]
        if missing:
            problems.append(f"{question.id}: no descriptor for level(s) {missing}")
            continue
        lv = [question.levels[value].lv for value in scale]
        en = [question.levels[value].en for value in scale]
        if len(set(lv)) != len(lv) or len(set(en)) != len(en):
            problems.append(f"{question.id}: two levels have the same descriptor")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", form_params())
def test_low_levels_get_a_recommendation(path: Path) -> None:
    form = form_of(path)
    problems = []
    for question in questions(form):
        covered = {level for rec in question.recommendations for level in rec.levels}
        missing = sorted(low_levels(question) - covered)
        if missing:
            problems.append(f"{question.id} ({question.type}): no recommendation for {missing}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", form_params())
def test_every_question_has_a_reference(path: Path) -> None:
    form = form_of(path)
    missing = [question.id for question in questions(form) if not question.references]
    assert not missing, f"questions without references: {missing}"


@pytest.mark.parametrize("path", form_params())
def test_ids_are_unique_and_well_formed(path: Path) -> None:
    form = form_of(path)
    theme_ids = [theme.id for theme in form.themes]
    question_ids = [question.id for question in questions(form)]
    assert len(set(theme_ids)) == len(theme_ids), f"duplicate theme ids: {theme_ids}"
    assert len(set(question_ids)) == len(question_ids), "duplicate question ids"
    problems = [f"theme id {tid!r} is not T<n>" for tid in theme_ids if not THEME_ID.match(tid)]
    for theme in form.themes:
        for question in theme.questions:
            match = QUESTION_ID.match(question.id)
            if match is None:
                problems.append(f"question id {question.id!r} is not T<n>.Q<m>")
            elif match.group(1) != theme.id:
                problems.append(f"question {question.id} is in theme {theme.id}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", form_params())
def test_legal_items_name_an_article_and_forbid_na(path: Path) -> None:
    form = form_of(path)
    problems = []
    for question in questions(form):
        if question.legal is None:
            continue
        if not re.search(r"\d", question.legal.article):
            problems.append(
                f"{question.id}: article {question.legal.article!r} names no article number"
            )
        if question.allow_na is not False:
            problems.append(f"{question.id}: a legal item needs allow_na: false")
        if question.type is not ItemType.MATURITY:
            problems.append(f"{question.id}: a legal item must be a maturity item")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", form_params())
def test_themes_have_description_and_references(path: Path) -> None:
    form = form_of(path)
    problems = []
    for theme in form.themes:
        if theme.description is None:
            problems.append(f"{theme.id}: no description")
        if not theme.references:
            problems.append(f"{theme.id}: no references")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", form_params())
def test_latvian_texts_use_diacritics(path: Path) -> None:
    form = form_of(path)
    problems = []
    for where, text in latvian_texts(form.model_dump(mode="json")):
        text = URL_RE.sub("", text)  # addresses are ASCII by nature
        for pattern in FORBIDDEN_RE:
            found = pattern.search(text)
            if found:
                problems.append(f"{where}: ASCII spelling {found.group(0)!r} in {text[:60]!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", form_params())
def test_latvian_text_as_a_whole_has_latvian_letters(path: Path) -> None:
    form = form_of(path)
    text = " ".join(value for _, value in latvian_texts(form.model_dump(mode="json")))
    letters = [char for char in text if char.isalpha()]
    latvian = [char for char in letters if char in LATVIAN_LETTERS]
    assert len(set(char.lower() for char in latvian)) >= 5, "hardly any Latvian letters"
    # Ordinary Latvian prose has roughly 6–10 % letters with diacritics.
    assert len(latvian) / len(letters) > 0.03, "too few Latvian letters for Latvian text"


@pytest.mark.parametrize("path", form_params())
def test_perception_items_have_no_maturity_descriptors(path: Path) -> None:
    form = form_of(path)
    wrong = [q.id for q in questions(form) if q.type is ItemType.PERCEPTION and q.levels]
    assert not wrong, f"perception items use the agreement scale, not descriptors: {wrong}"


# -- form-specific rules -----------------------------------------------------------------------


def test_quick_form_covers_all_themes_briefly() -> None:
    form = form_of(ROOT / "forms" / "quick.yaml")
    assert [theme.id for theme in form.themes] == THEME_IDS
    assert 12 <= form.question_count <= 15
    assert all(1 <= len(theme.questions) <= 2 for theme in form.themes)
    assert form.audience.value == "any"
    perception = [q.id for q in questions(form) if q.type is ItemType.PERCEPTION]
    assert 2 <= len(perception) <= 3, perception
    assert all(any(q.type is ItemType.MATURITY for q in t.questions) for t in form.themes), (
        "every theme needs a maturity item, or it has no score"
    )
    assert {theme.id: theme.weight for theme in form.themes} == CANONICAL_WEIGHTS


def test_quick_form_keeps_its_stable_ids() -> None:
    form = form_of(ROOT / "forms" / "quick.yaml")
    for question_id, item_type in QUICK_STABLE_IDS.items():
        assert form.question(question_id).type is item_type, question_id
    assert form.question("T3.Q1").is_legal
    assert form.question("T7.Q1").is_legal


@pytest.mark.parametrize("form_id", ["council", "administration"])
def test_full_forms_have_twelve_themes_of_five_to_ten_questions(form_id: str) -> None:
    path = ROOT / "forms" / f"{form_id}.yaml"
    if not path.exists():
        pytest.skip(f"forms/{form_id}.yaml is not assembled yet")
    form = form_of(path)
    assert [theme.id for theme in form.themes] == THEME_IDS
    sizes = {theme.id: len(theme.questions) for theme in form.themes}
    wrong = {tid: n for tid, n in sizes.items() if not 5 <= n <= 10}
    assert not wrong, f"themes with fewer than 5 or more than 10 questions: {wrong}"
    assert form.audience.value == form_id


# -- forms 2.0.0: legal accuracy, item quality and one vocabulary (issue #10) ----------------

TERMS = ROOT / "resources" / "terms.yaml"
STEM_LIMIT = 160
# Words that mark an unfinished reference; none may reach a report.
PLACEHOLDER = re.compile(
    r"jāprecizē|jāpārbauda|precizējam|TODO|TBD|\?\?|to be (checked|confirmed|verified)|"
    r"numurs jā|number to (be )?(check|confirm)",
    re.IGNORECASE,
)
LIKUMI = re.compile(r"^https://likumi\.lv/ta/id/\d+$")


@cache
def vocabulary() -> dict[str, Any]:
    import yaml

    with TERMS.open(encoding="utf-8") as fh:
        data: dict[str, Any] = yaml.safe_load(fh)
    return data


def all_texts(form: Questionnaire) -> Iterator[tuple[str, str, str]]:
    """(where, language, text) for every bilingual text and every reference string."""

    def walk(node: Any, where: str) -> Iterator[tuple[str, str, str]]:
        if isinstance(node, dict):
            for key, value in node.items():
                path = f"{where}.{key}" if where else str(key)
                if key in ("lv", "en") and isinstance(value, str):
                    yield where, key, value
                elif key in ("ref", "article") and isinstance(value, str):
                    yield path, "ref", value
                else:
                    yield from walk(value, path)
        elif isinstance(node, list):
            for index, value in enumerate(node):
                yield from walk(value, f"{where}[{index}]")

    yield from walk(form.model_dump(mode="json"), "")


@pytest.mark.parametrize("path", form_params())
def test_legal_items_have_an_article_and_a_likumi_link(path: Path) -> None:
    form = form_of(path)
    problems = []
    for question in questions(form):
        if question.legal is None:
            continue
        if not question.legal.url or not LIKUMI.match(question.legal.url):
            problems.append(
                f"{question.id}: legal item without a likumi.lv link ({question.legal.url})"
            )
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", form_params())
def test_no_placeholder_in_any_text_or_reference(path: Path) -> None:
    form = form_of(path)
    found = [
        f"{where} ({lang}): {PLACEHOLDER.search(text).group(0)!r} in {text[:80]!r}"  # type: ignore[union-attr]
        for where, lang, text in all_texts(form)
        if PLACEHOLDER.search(text)
    ]
    assert not found, "\n".join(found)


@pytest.mark.parametrize("path", form_params())
def test_every_law_reference_links_to_its_text(path: Path) -> None:
    form = form_of(path)
    refs = [ref for theme in form.themes for ref in theme.references] + [
        ref for question in questions(form) for ref in question.references
    ]
    missing = sorted({ref.ref for ref in refs if ref.kind.value == "law" and not ref.url})
    assert not missing, f"law references without a url: {missing}"


@pytest.mark.parametrize("path", form_params())
def test_stems_are_short_with_one_question(path: Path) -> None:
    form = form_of(path)
    problems = []
    for question in questions(form):
        for lang in ("lv", "en"):
            text = getattr(question.text, lang)
            limit = STEM_LIMIT if lang == "lv" else STEM_LIMIT + 30
            if len(text) > limit:
                problems.append(f"{question.id} ({lang}): {len(text)} characters > {limit}")
            marks = text.count("?")
            wanted = 1 if question.type is ItemType.MATURITY else 0
            if marks != wanted:
                problems.append(
                    f"{question.id} ({lang}): {marks} question marks, expected {wanted}"
                )
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", form_params())
def test_no_duplicate_stems_within_a_form(path: Path) -> None:
    form = form_of(path)
    seen: dict[str, str] = {}
    duplicates = []
    for question in questions(form):
        key = " ".join(question.text.lv.lower().split())
        if key in seen:
            duplicates.append(f"{question.id} repeats {seen[key]}")
        seen.setdefault(key, question.id)
    assert not duplicates, "\n".join(duplicates)


@pytest.mark.parametrize("path", form_params())
def test_theme_titles_come_from_the_master_list(path: Path) -> None:
    form = form_of(path)
    master = vocabulary()["themes"]
    wrong = [
        f"{theme.id}: {theme.title.lv!r} / {theme.title.en!r}"
        for theme in form.themes
        if (theme.title.lv, theme.title.en) != (master[theme.id]["lv"], master[theme.id]["en"])
    ]
    assert not wrong, "theme titles off resources/terms.yaml:\n" + "\n".join(wrong)


@pytest.mark.parametrize("path", form_params())
def test_texts_use_the_terms_of_the_term_sheet(path: Path) -> None:
    form = form_of(path)
    avoid = {
        lang: [
            (re.compile(pattern), term[lang])
            for term in vocabulary()["terms"]
            for pattern in term.get(f"avoid_{lang}", [])
        ]
        for lang in ("lv", "en")
    }
    problems = []
    for where, lang, text in all_texts(form):
        for pattern, preferred in avoid.get(lang, []):
            found = pattern.search(text)
            if found:
                problems.append(f"{where} ({lang}): {found.group(0)!r}, use {preferred!r}")
    assert not problems, "\n".join(problems[:40])


@pytest.mark.parametrize("path", form_params())
def test_every_question_says_what_shows_level_three(path: Path) -> None:
    form = form_of(path)
    missing = [q.id for q in questions(form) if q.type is ItemType.MATURITY and q.evidence is None]
    assert not missing, f"maturity items without an evidence hint: {missing}"


@pytest.mark.parametrize("path", form_params())
def test_first_recommendation_names_a_first_step(path: Path) -> None:
    form = form_of(path)
    problems = []
    for question in questions(form):
        lowest = [
            rec for rec in question.recommendations if min(low_levels(question)) in rec.levels
        ]
        if not lowest:
            continue
        text = lowest[0].text
        if not text.lv.startswith("Pirmais solis:") or not text.en.startswith("First step:"):
            problems.append(f"{question.id}: {text.lv[:60]!r}")
    heading = "recommendations for the lowest levels must start with the first step:"
    assert not problems, heading + "\n" + "\n".join(problems)


def test_forms_state_their_completion_time_and_core_subset() -> None:
    for form_id in ("council", "administration", "quick"):
        form = form_of(ROOT / "forms" / f"{form_id}.yaml")
        assert tuple(map(int, form.version.split("."))) >= (2, 0, 0)
        assert form.minutes is not None, form_id
    for form_id in ("council", "administration"):
        form = form_of(ROOT / "forms" / f"{form_id}.yaml")
        assert 25 <= form.core_count <= 35, (form_id, form.core_count)
        assert form.core_minutes is not None
        core_themes = {theme.id for theme in form.core_subset().themes}
        assert core_themes == set(THEME_IDS), "the core subset covers every theme"


def test_quick_check_reuses_full_form_items_verbatim() -> None:
    quick = form_of(ROOT / "forms" / "quick.yaml")
    full = {
        " ".join(q.text.lv.split())
        for form_id in ("council", "administration")
        for q in questions(form_of(ROOT / "forms" / f"{form_id}.yaml"))
    }
    foreign = [q.id for q in questions(quick) if " ".join(q.text.lv.split()) not in full]
    assert not foreign, f"quick items not taken from a full form: {foreign}"


def test_same_duty_has_the_same_status_in_every_form() -> None:
    """A stem that appears in several forms is a legal requirement in all of them or in none."""
    status: dict[str, set[tuple[str, bool]]] = {}
    for path in FORM_FILES:
        form = form_of(path)
        for question in questions(form):
            key = " ".join(question.text.lv.split())
            status.setdefault(key, set()).add((path.stem, question.is_legal))
    mixed = [stem[:70] for stem, seen in status.items() if len({legal for _, legal in seen}) > 1]
    assert not mixed, f"the same stem is legal in one form and not in another: {mixed}"
    # and the named duties have one status: recusal is legal, gift notification is not (yet)
    for path in FORM_FILES:
        form = form_of(path)
        for question in questions(form):
            if "dāvan" in question.text.lv.lower() and "paziņo" in question.text.lv.lower():
                assert not question.is_legal, f"{path.stem} {question.id}: gift rule status"


@pytest.mark.parametrize("path", form_params())
def test_only_legal_requirements_weigh_more_than_1_2(path: Path) -> None:
    form = form_of(path)
    heavy = [q.id for q in questions(form) if not q.is_legal and q.weight > 1.2]
    assert not heavy, f"weight above 1.2 is kept for legal requirements: {heavy}"


# -- resources/municipalities.json -------------------------------------------------------------


@cache
def _municipality_data() -> dict[str, Any]:
    with MUNICIPALITIES.open(encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


def test_municipalities_are_the_42_current_ones() -> None:
    entries = _municipality_data()["municipalities"]
    assert len(entries) == 42
    types = [entry["type"] for entry in entries]
    assert types.count("valstspilseta") == 7
    assert types.count("novads") == 35
    names = {entry["lv"] for entry in entries}
    assert "Madonas novads" in names and "Varakļānu novads" not in names
    for entry in entries:
        assert set(entry) >= {"id", "lv", "en", "type"}, entry
        assert entry["lv"].strip() and entry["en"].strip(), entry
        if entry["type"] == "novads":
            assert entry["lv"].endswith(" novads"), entry


def test_municipality_ids_are_unique_ascii_slugs() -> None:
    ids = [entry["id"] for entry in _municipality_data()["municipalities"]]
    assert len(set(ids)) == len(ids)
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", mid) for mid in ids), ids


def test_municipalities_are_in_latvian_alphabetical_order() -> None:
    names = [entry["lv"] for entry in _municipality_data()["municipalities"]]
    assert names == sorted(names, key=latvian_key)
    # The cases that a plain code-point sort gets wrong.
    for before, after in (
        ("Augšdaugavas novads", "Ādažu novads"),
        ("Jelgavas novads", "Jēkabpils novads"),
        ("Kuldīgas novads", "Ķekavas novads"),
        ("Limbažu novads", "Līvānu novads"),
    ):
        assert names.index(before) < names.index(after), (before, after)


def test_unit_types_are_present() -> None:
    unit_types = _municipality_data()["unit_types"]
    assert len(unit_types) >= 2
    ids = [unit["id"] for unit in unit_types]
    assert len(set(ids)) == len(ids)
    assert "dome" in ids and "cits" in ids
    for unit in unit_types:
        assert unit["lv"].strip() and unit["en"].strip(), unit
