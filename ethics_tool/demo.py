"""Demo data for seminars: the story of a fictional municipality, generated as plain data.

*Parauga novads* assessed its council twice, a year apart, and its administration once, in a
consensus workshop. The first council round shows the usual picture: rules on paper, little
practice, many "don't know" answers on whistleblowing. By the second round the council has adopted
a procedure for declaring conflicts of interest and a gift register, so those themes improve, while
whistleblowing and risk management still lag. The administration is stronger on procedures and
weaker on gifts and openness. Comments say what people in such a municipality would say, and two
dilemma sessions from the seminar are attached to the newest round.

This module only *generates* the story (:func:`build_story`); it never touches the database.
:meth:`ethics_tool.services.Services.create_demo` persists it. The answers come from a fixed seed,
so every demo shows the same numbers.
"""

from __future__ import annotations

import random
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from ethics_tool.domain.answers import AnswerKind, AnswerValue, Mode, RespondentAnswers, Role
from ethics_tool.domain.assessment import ActionData, ActionStatus, Status
from ethics_tool.domain.questionnaire import ItemType, Questionnaire
from ethics_tool.scoring import score

DEMO_MUNICIPALITY = "Parauga novads (demo)"
COUNCIL_FORMS = ("council", "quick")  # the first one available is used
ADMINISTRATION_FORMS = ("administration", "quick")


@dataclass(frozen=True)
class DemoAssessment:
    """One assessment of the story with everything that goes into it."""

    key: str
    form_id: str
    unit_type: str
    unit_name: str
    mode: Mode
    assessed_on: date
    prepared_by: str
    respondents: tuple[tuple[str, Role], ...]  # the people (no group respondent)
    answers: tuple[dict[str, AnswerValue], ...]  # per scoring respondent, in order
    actions: tuple[ActionData, ...] = ()
    status: Status = Status.COMPLETED
    previous: str | None = None  # key of the earlier round
    municipality: str = DEMO_MUNICIPALITY
    round_label: str = ""  # in the story's language (Latvian), as a user would write it


@dataclass(frozen=True)
class DemoSession:
    """A dilemma discussed at the seminar, attached to an assessment of the story."""

    dilemma_id: str
    dilemma_title: str
    tallies: tuple[int, ...]
    notes: str
    minutes: int
    held_at: datetime
    assessment: str  # key


@dataclass
class DemoStory:
    assessments: list[DemoAssessment] = field(default_factory=list)
    sessions: list[DemoSession] = field(default_factory=list)
    newest: str = ""  # the key to open first


_COUNCIL_PEOPLE = (
    ("Deputāts A", Role.DEPUTY),
    ("Deputāte B", Role.DEPUTY),
    ("Domes priekšsēdētājs", Role.CHAIR),
    ("Izpilddirektore", Role.EXECUTIVE),
)
_ADMINISTRATION_PEOPLE = (
    ("Juriste", Role.MANAGER),
    ("Iepirkumu speciālists", Role.STAFF),
    ("Personāla vadītāja", Role.MANAGER),
    ("Sociālā dienesta vadītāja", Role.MANAGER),
)

# What people in such a municipality say, by theme; a comment is picked for some answers.
_COMMENTS: dict[str, tuple[str, ...]] = {
    "T1": (
        "Priekšsēdētājs par godprātību runā jaunā gada uzrunā, bet ne ikdienā.",
        "Vadība pati ievēro noteikumus – arī dienesta auto lietošanā.",
    ),
    "T2": (
        "Ētikas kodekss ir pieņemts 2019. gadā, bet jaunie deputāti to nav redzējuši.",
        "Ētikas komisija pēdējos divos gados nav sanākusi ne reizi.",
    ),
    "T3": (
        "Atstatīšanās protokolā tiek ierakstīta, bet ne vienmēr ar iemeslu.",
        "Deklarācijas iesniedz laikā, taču neviens tās nesalīdzina ar lēmumiem.",
        "Jaunā kārtība par interešu konflikta paziņošanu strādā kopš pavasara.",
    ),
    "T4": (
        "Dāvanu reģistrs ir izveidots, bet svētku laikā to aizmirst.",
        "Nav skaidrs, vai ziedi un konfektes no uzņēmējiem ir jāreģistrē.",
    ),
    "T5": (
        "Korupcijas riski tika novērtēti pirms četriem gadiem, kopš tā laika nav pārskatīti.",
        "Iekšējais auditors ir viens uz visu pašvaldību.",
    ),
    "T6": (
        "Iepirkumu komisijas apliecinājumus paraksta, bet ne otrreiz pēc piedāvājumu atvēršanas.",
        "Zemes nomas līgumi daļēji pagarināti bez izsoles.",
    ),
    "T7": (
        "Darbinieki nezina, kas ir trauksmes celšanas kontaktpersona.",
        "Pēc pagājušā gada gadījuma cilvēki baidās ziņot.",
    ),
    "T8": (
        "Komiteju sēžu ieraksti tīmekļvietnē parādās ar nokavēšanos.",
        "Lēmumu projekti iedzīvotājiem pieejami tikai sēdes dienā.",
    ),
    "T9": (
        "Iedzīvotāju padome ir izveidota, bet tās priekšlikumiem nav atbildes.",
        "Līdzdalības budžeta balsojumā piedalījās daudz vairāk jauniešu nekā gaidīts.",
    ),
    "T10": (
        "Sūdzības par deputātu uzvedību izskata tās pašas partijas biedri.",
        "Revīzijas ieteikumu izpilde netiek sekota.",
    ),
    "T11": (
        "Pretkorupcijas mācības pēdējo reizi notika pirms trim gadiem.",
        "Vakances izsludina publiski, bet kritēriji nav zināmi iepriekš.",
    ),
    "T12": (
        "Deputāti mēdz zvanīt speciālistiem tieši, apejot izpilddirektori.",
        "Kapitālsabiedrību mērķi nav pārskatīti kopš to noteikšanas.",
    ),
}

# Typical level (0..1) by theme in each assessment: the shape of the story.
_COUNCIL_1 = {"T3": 0.3, "T4": 0.25, "T7": 0.08, "T5": 0.25, "T8": 0.55, "T9": 0.5}
_COUNCIL_2 = {"T3": 0.62, "T4": 0.55, "T7": 0.12, "T5": 0.3, "T8": 0.6, "T9": 0.6}
_ADMINISTRATION = {"T4": 0.3, "T8": 0.35, "T6": 0.7, "T5": 0.55, "T7": 0.35, "T11": 0.65}


def _pick_form(forms: Mapping[str, Questionnaire], choices: tuple[str, ...]) -> Questionnaire:
    for form_id in choices:
        if form_id in forms:
            return forms[form_id]
    if not forms:
        raise ValueError("no questionnaire is available for the demo")
    return next(iter(forms.values()))


def _theme_base(theme_id: str, base: float, shape: Mapping[str, float]) -> float:
    if theme_id in shape:
        return shape[theme_id]
    # the other themes get their own typical level so that the radar chart has a shape
    return min(0.95, max(0.05, base + (zlib.crc32(theme_id.encode()) % 7 - 3) * 0.05))


def _answer(
    rng: random.Random,
    form: Questionnaire,
    theme_id: str,
    qtype: ItemType,
    level: float,
    unknown_rate: float,
) -> AnswerValue:
    roll = rng.random()
    comment = ""
    if rng.random() < 0.1:
        comment = rng.choice(_COMMENTS.get(theme_id, ("",)))
    if roll < unknown_rate:
        return AnswerValue.unknown(comment)
    if roll < unknown_rate + 0.03:
        return AnswerValue.na()
    levels = form.scale.levels if qtype is ItemType.MATURITY else form.scale.agreement
    low, high = levels[0].value, levels[-1].value
    value = round(level * (high - low) + low + rng.choice((-1, 0, 0, 0, 1)))
    return AnswerValue.level(min(high, max(low, value)), comment)


def _answers(
    form: Questionnaire,
    seed: int,
    people: int,
    base: float,
    shape: Mapping[str, float],
) -> tuple[dict[str, AnswerValue], ...]:
    rng = random.Random(seed)
    out = []
    for _person in range(people):
        answers: dict[str, AnswerValue] = {}
        for theme, question in form.iter_questions():
            # whistleblowing is where people most often do not know
            unknown = 0.2 if theme.id == "T7" else 0.03
            answer = _answer(
                rng, form, theme.id, question.type, _theme_base(theme.id, base, shape), unknown
            )
            fallback = form.scale.levels[1].value
            if answer.kind is AnswerKind.NA and not form.allows_na(question):
                answer = AnswerValue.level(fallback, answer.comment)
            if answer.kind is AnswerKind.UNKNOWN and not form.allows_unknown(question):
                answer = AnswerValue.level(fallback, answer.comment)
            answers[question.id] = answer
        out.append(answers)
    return tuple(out)


def _actions(
    form: Questionnaire,
    answers: tuple[dict[str, AnswerValue], ...],
    mode: Mode,
    plan: tuple[tuple[str, date, ActionStatus], ...],
) -> tuple[ActionData, ...]:
    """Actions from the top priorities that have a recommendation, as a council would agree."""
    respondents = [
        RespondentAnswers(key=str(i), label=str(i), role=Role.OTHER, answers=dict(a))
        for i, a in enumerate(answers)
    ]
    results = score(form, respondents, mode)
    chosen = [p for p in results.priorities if p.recommendations][: len(plan)]
    return tuple(
        ActionData(
            id=None,
            question_id=priority.question_id,
            text=priority.recommendations[0].text.lv,
            responsible=responsible,
            deadline=deadline,
            status=status,
        )
        for priority, (responsible, deadline, status) in zip(chosen, plan, strict=False)
    )


def build_story(forms: Mapping[str, Questionnaire]) -> DemoStory:
    """The whole demo as plain data, from the questionnaires available."""
    council = _pick_form(forms, COUNCIL_FORMS)
    administration = _pick_form(forms, ADMINISTRATION_FORMS)
    people = len(_COUNCIL_PEOPLE)
    first_answers = _answers(council, 2025, people, 0.4, _COUNCIL_1)
    first = DemoAssessment(
        key="council-2025",
        round_label="1. kārta",
        form_id=council.id,
        unit_type="dome",
        unit_name="Dome",
        mode=Mode.INDIVIDUAL,
        assessed_on=date(2025, 11, 20),
        prepared_by="Ētikas mentors",
        respondents=_COUNCIL_PEOPLE,
        answers=first_answers,
        actions=_actions(
            council,
            first_answers,
            Mode.INDIVIDUAL,
            (
                ("Juridiskā nodaļa", date(2026, 3, 31), ActionStatus.DONE),
                ("Domes priekšsēdētājs", date(2026, 6, 30), ActionStatus.DONE),
                ("Izpilddirektore", date(2026, 9, 30), ActionStatus.IN_PROGRESS),
            ),
        ),
    )
    second_answers = _answers(council, 2026, people, 0.5, _COUNCIL_2)
    second = DemoAssessment(
        key="council-2026",
        round_label="2. kārta",
        form_id=council.id,
        unit_type="dome",
        unit_name="Dome",
        mode=Mode.INDIVIDUAL,
        assessed_on=date(2026, 11, 19),
        prepared_by="Ētikas mentors",
        respondents=_COUNCIL_PEOPLE,
        answers=second_answers,
        actions=_actions(
            council,
            second_answers,
            Mode.INDIVIDUAL,
            (
                ("Izpilddirektore", date(2027, 3, 31), ActionStatus.IN_PROGRESS),
                ("Domes priekšsēdētājs", date(2027, 6, 30), ActionStatus.NOT_STARTED),
                ("Juridiskā nodaļa", date(2027, 12, 31), ActionStatus.NOT_STARTED),
            ),
        ),
        previous="council-2025",
    )
    admin_answers = _answers(administration, 2027, 1, 0.55, _ADMINISTRATION)
    admin = DemoAssessment(
        key="administration-2026",
        form_id=administration.id,
        unit_type="administracija",
        unit_name="Centrālā administrācija",
        mode=Mode.CONSENSUS,
        assessed_on=date(2026, 10, 15),
        prepared_by="Ētikas mentors",
        respondents=_ADMINISTRATION_PEOPLE,
        answers=admin_answers,
        actions=_actions(
            administration,
            admin_answers,
            Mode.CONSENSUS,
            (
                ("Personāla vadītāja", date(2027, 2, 28), ActionStatus.NOT_STARTED),
                ("Iepirkumu speciālists", date(2027, 4, 30), ActionStatus.NOT_STARTED),
            ),
        ),
    )
    sessions = [
        DemoSession(
            dilemma_id="festival-gifts",
            dilemma_title="Dāvanas novada svētkos",
            tallies=(3, 6, 2, 9),
            notes=(
                "Vairākums par to, ka vienkāršs dāvanu noteikums jāpieņem pirms Jāņiem. "
                "Strīds par to, vai medus burciņa ir dāvana; vienojās, ka ēdamo dala kopīgi."
            ),
            minutes=18,
            held_at=datetime(2026, 11, 19, 11, 40),
            assessment="council-2026",
        ),
        DemoSession(
            dilemma_id="whistleblower-colleague",
            dilemma_title="Kolēģe, kura cēla trauksmi",
            tallies=(1, 7, 8, 4),
            notes=(
                "Daudzi nezināja, kam ziņot par kolēģu iebiedēšanu. Izpilddirektore apsolīja "
                "nosaukt kontaktpersonu un to paziņot visiem darbiniekiem."
            ),
            minutes=22,
            held_at=datetime(2026, 11, 19, 12, 5),
            assessment="council-2026",
        ),
    ]
    return DemoStory(assessments=[first, second, admin], sessions=sessions, newest="council-2026")
