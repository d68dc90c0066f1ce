"""Benchmark files, the collector and the published reference: round trip, tampering, privacy."""

from __future__ import annotations

import json
import random
from datetime import date
from pathlib import Path

import pytest

from ethics_tool import i18n
from ethics_tool.benchmark import format as bench
from ethics_tool.benchmark.aggregate import SetKey, aggregate, quartiles
from ethics_tool.domain.answers import AnswerValue, Mode, Role
from ethics_tool.domain.questionnaire import Text
from ethics_tool.services import NewRespondent, ServiceError, Services


@pytest.fixture(autouse=True)
def _english() -> None:
    i18n.set_language("en")


def answered(services: Services, municipality: str, level: int, year: int = 2026) -> int:
    aid = services.create_assessment(
        municipality=municipality,
        form_id="quick",
        assessed_on=date(year, 5, 1),
        mode=Mode.INDIVIDUAL,
        respondents=[NewRespondent("Deputāte Anna Kalniņa", Role.DEPUTY)],
        prepared_by="Jānis Secret",
    )
    data = services.load(aid)
    person = data.respondents[0].id
    for index, (_, question) in enumerate(data.form.iter_questions()):
        value = (
            (level + index) % 5 if question.type.value == "maturity" else 1 + (level + index) % 5
        )
        services.record_answer(
            person, question.id, AnswerValue.level(value, comment="Slepens komentārs")
        )
    return aid


def test_round_trip_and_what_the_file_holds(services: Services, tmp_path: Path) -> None:
    aid = answered(services, "Ķekavas novads", 2)
    path = tmp_path / "kekava.etbench"
    submission = services.benchmark_submission(aid, size_class="20k-50k")
    services.export_benchmark(submission, path)
    text = path.read_text(encoding="utf-8")
    for secret in ("Ķekava", "Anna", "Jānis", "Slepens", "Deputāte", "T1.Q1"):
        assert secret not in text
    read, checksum = bench.read_document(path)
    assert read == submission and checksum.startswith("sha256:")
    assert read.municipality_type == "novads" and read.year == 2026
    results = services.results(aid)
    assert read.overall == results.overall
    assert {k: v.score for k, v in read.themes.items()} == {
        k: v.score for k, v in results.themes.items()
    }

    opted = services.benchmark_submission(
        aid, size_class="20k-50k", include_questions=True, include_name=True
    )
    assert opted.municipality == "Ķekavas novads"
    assert opted.questions is not None and set(opted.questions) == set(results.questions)
    assert "Slepens" not in bench.file_text(opted)


def test_unknown_type_must_be_chosen_and_demo_is_refused(services: Services) -> None:
    aid = answered(services, "Kāda cita pašvaldība", 2)
    with pytest.raises(ServiceError, match="choose state city or novads"):
        services.benchmark_submission(aid, size_class="lt20k")
    assert services.benchmark_submission(
        aid, municipality_type="valstspilseta", size_class="50k+"
    ).municipality_type == ("valstspilseta")
    demo = services.create_demo()
    with pytest.raises(bench.BenchmarkError, match="demo data"):
        services.benchmark_submission(demo, size_class="lt20k", municipality_type="novads")


def _write(tmp_path: Path, name: str, data: dict[str, object]) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_malformed_and_tampered_files_are_refused(services: Services, tmp_path: Path) -> None:
    aid = answered(services, "Rīga", 3)
    good = tmp_path / "riga.etbench"
    services.export_benchmark(services.benchmark_submission(aid, size_class="50k+"), good)
    original = json.loads(good.read_text(encoding="utf-8"))

    changed = json.loads(json.dumps(original))
    changed["payload"]["overall"] = 99.0
    with pytest.raises(bench.BenchmarkError, match="checksum does not match"):
        bench.read_document(_write(tmp_path, "a", changed))

    smuggled = json.loads(json.dumps(original))
    smuggled["payload"]["comments"] = ["a name"]
    smuggled["checksum"] = bench.checksum(1, smuggled["payload"])
    with pytest.raises(bench.BenchmarkError, match=r"payload\.comments: Extra inputs"):
        bench.read_document(_write(tmp_path, "b", smuggled))

    out_of_range = json.loads(json.dumps(original))
    out_of_range["payload"]["themes"]["T1"]["score"] = 140
    out_of_range["checksum"] = bench.checksum(1, out_of_range["payload"])
    with pytest.raises(bench.BenchmarkError, match=r"payload\.themes\.T1\.score"):
        bench.read_document(_write(tmp_path, "c", out_of_range))

    future = json.loads(json.dumps(original))
    future["format_version"] = 9
    with pytest.raises(bench.BenchmarkError, match="format_version 9 is not supported"):
        bench.read_document(_write(tmp_path, "d", future))

    (tmp_path / "e").write_text('{"format": "ethics-tool-benchmark", ', encoding="utf-8")
    with pytest.raises(bench.BenchmarkError, match="not valid JSON"):
        bench.read_document(tmp_path / "e")
    with pytest.raises(bench.BenchmarkError, match="not a benchmark file"):
        bench.read_document(_write(tmp_path, "f", {"format": "ethics-tool-assessment"}))

    report = services.import_benchmark([good, tmp_path / "a", tmp_path / "b"])
    assert [p.name for p in report.added] == ["riga.etbench"]
    assert [p.name for p, _ in report.refused] == ["a", "b"]


def test_collector_deduplicates_resent_files(services: Services, tmp_path: Path) -> None:
    aid = answered(services, "Bauskas novads", 1)
    first = tmp_path / "bauska.etbench"
    services.export_benchmark(services.benchmark_submission(aid, size_class="20k-50k"), first)
    copy = tmp_path / "bauska-copy.etbench"
    copy.write_bytes(first.read_bytes())
    report = services.import_benchmark([first, copy])
    assert (len(report.added), len(report.duplicates)) == (1, 1)
    # The municipality corrects an answer and sends the file again: it replaces the first.
    person = services.load(aid).respondents[0].id
    services.record_answer(person, "T1.Q1", AnswerValue.level(4))
    again = tmp_path / "bauska-2.etbench"
    services.export_benchmark(services.benchmark_submission(aid, size_class="20k-50k"), again)
    report = services.import_benchmark([again])
    assert len(report.replaced) == 1
    assert [s.count for s in services.benchmark_sets()] == [1]


THEMES = {f"T{i}": Text(lv=f"Joma {i}", en=f"Theme {i}") for i in range(1, 4)}
KEY = SetKey("quick", "1.0.0", "a" * 64, 2026)


def fake(index: int, rng: random.Random, kind: str, size: str) -> bench.Submission:
    scores = {tid: rng.uniform(0, 100) if rng.random() > 0.15 else None for tid in THEMES}
    return bench.Submission(
        kind="submission",
        submission_id=f"{index:032x}",
        form_id=KEY.form_id,
        form_version=KEY.form_version,
        form_hash=KEY.form_hash,
        year=KEY.year,
        municipality_type=kind,  # type: ignore[arg-type]
        size_class=size,  # type: ignore[arg-type]
        unit_type="dome",
        mode=Mode.SINGLE,
        n_respondents=1,
        overall=rng.uniform(0, 100),
        band_index=0,
        coverage=100.0,
        themes={
            tid: bench.ThemeScore(score=s, climate=None, coverage=100.0)
            for tid, s in scores.items()
        },
    )


def test_quartiles_are_the_inclusive_method() -> None:
    stats = quartiles([10.0, 20.0, 30.0, 40.0, 50.0, 60.0])
    assert (stats.n, stats.q1, stats.median, stats.q3) == (6, 22.5, 35.0, 47.5)
    with pytest.raises(ValueError):
        quartiles([1.0, 2.0, 3.0, 4.0])


def _values(subs: list[bench.Submission], statistic: str) -> list[tuple[bench.Submission, float]]:
    out = []
    for s in subs:
        value = s.overall if statistic == "overall" else s.themes[statistic].score
        if value is not None:
            out.append((s, value))
    return out


def _category(s: bench.Submission, dimension: str) -> str:
    return s.municipality_type if dimension == "type" else s.size_class


@pytest.mark.parametrize("size", range(1, 21))
def test_no_single_municipality_can_be_recovered_from_published_aggregates(size: int) -> None:
    """The attacker holds the published reference and knows how groups are formed.

    They try (1) any group small enough to single out a municipality, (2) the difference between
    all municipalities and any published group or union of published groups of one dimension
    (which would isolate fewer than 5), using the shift of quartiles that one added value causes.
    Every municipality's true overall and theme scores are checked against every candidate.
    """
    rng = random.Random(size)
    for trial in range(40):
        kinds = [rng.choice(bench.MUNICIPALITY_TYPES) for _ in range(size)]
        sizes = [rng.choice(bench.SIZE_CLASSES) for _ in range(size)]
        if trial % 4 == 0 and size > 1:  # the hard case: exactly one state city
            kinds = ["novads"] * size
            kinds[rng.randrange(size)] = "valstspilseta"
        subs = [fake(i, rng, kinds[i], sizes[i]) for i in range(size)]
        reference = aggregate(subs, THEMES, KEY)
        # the file a municipality receives must validate (every n ≥ 5)
        text = bench.file_text(reference)
        parsed, _ = bench.parse_text(text, "reference")
        assert parsed == reference
        for statistic in ["overall", *THEMES]:
            present = _values(subs, statistic)
            published = {
                g.key: (g.overall if statistic == "overall" else g.themes.get(statistic))
                for g in reference.groups
            }
            published = {k: v for k, v in published.items() if v is not None}
            for stats in published.values():
                assert stats.n >= bench.MIN_GROUP
            if len(present) < bench.MIN_GROUP:
                assert not published
                continue
            everyone = published["all"]
            assert everyone.n == len(present)
            # Differencing: "all" minus a published group leaves the others; when fewer than five
            # are left, the shift of the quartiles gives their values away (exactly, for one).
            candidates: list[float] = []
            leaks: list[tuple[str, int]] = []
            for dimension in ("type", "size"):
                shown = {k: v for k, v in published.items() if k.startswith(dimension + ":")}
                hidden_n = everyone.n - sum(v.n for v in shown.values())
                if 0 < hidden_n < bench.MIN_GROUP:
                    leaks.append((dimension, hidden_n))
                for key, stats in shown.items():
                    gap = everyone.n - stats.n
                    if 0 < gap < bench.MIN_GROUP:
                        leaks.append((key, gap))
                        candidates += [
                            2 * everyone.median - stats.median,
                            2 * everyone.q1 - stats.q1,
                            2 * everyone.q3 - stats.q3,
                            (everyone.n - 1) * 2 * everyone.median / everyone.n,
                        ]
            small = [
                value
                for s, value in present
                if any(
                    sum(1 for o, _ in present if _category(o, d) == _category(s, d))
                    < bench.MIN_GROUP
                    for d in ("type", "size")
                )
            ]
            recovered = [v for v in small for c in candidates if abs(c - v) < 1e-9]
            assert not recovered, (size, trial, statistic, recovered)
            assert not leaks, (size, trial, statistic, leaks)


def test_reference_below_five_publishes_nothing(services: Services, tmp_path: Path) -> None:
    for index, name in enumerate(["Ādažu novads", "Alūksnes novads", "Balvu novads", "Rīga"]):
        aid = answered(services, name, index)
        path = tmp_path / f"{index}.etbench"
        services.export_benchmark(services.benchmark_submission(aid, size_class="lt20k"), path)
        services.import_benchmark([path])
    with pytest.raises(ServiceError, match="nothing can be published: fewer than 5"):
        services.publish_benchmark(tmp_path / "ref.etbench")
    assert not (tmp_path / "ref.etbench").exists()


def test_publish_load_and_compare(services: Services, tmp_path: Path) -> None:
    names = ["Ādažu novads", "Alūksnes novads", "Balvu novads", "Bauskas novads", "Cēsu novads"]
    names += ["Dobeles novads", "Rīga"]
    files = []
    for index, name in enumerate(names):
        aid = answered(services, name, index)
        path = tmp_path / f"{index}.etbench"
        services.export_benchmark(services.benchmark_submission(aid, size_class="20k-50k"), path)
        files.append(path)
    report = services.import_benchmark(files)
    assert len(report.added) == 7
    ref_path = tmp_path / "reference.etbench"
    reference = services.publish_benchmark(ref_path, publisher="LPS")
    keys = [g.key for g in reference.groups]
    # 6 novadi and 1 state city: the state city alone would be derivable, so neither type is shown
    assert keys == ["all", "size:20k-50k"]
    text = ref_path.read_text(encoding="utf-8")
    for name in names:
        assert name not in text
    assert '"min"' not in text and '"mean"' not in text

    own = answered(services, "Ogres novads", 3)
    assert services.benchmark_comparison(own) is None
    loaded, new = services.load_reference(ref_path)
    assert new and loaded == reference
    assert services.load_reference(ref_path)[1] is False
    comparison = services.benchmark_comparison(own)
    assert comparison is not None and not comparison.mapped
    sentence = comparison.themes["T1"].sentence("en")
    assert "of 7 municipalities" in sentence and "median" in sentence
    i18n.set_language("lv")
    assert "7 pašvaldību" in comparison.themes["T1"].sentence()
    with pytest.raises(ServiceError, match="one municipality's benchmark file"):
        i18n.set_language("en")
        services.load_reference(files[0])


def test_other_version_is_mapped_by_theme_id_with_a_note(services: Services) -> None:
    from ethics_tool.benchmark.compare import compare_with

    aid = answered(services, "Ogres novads", 2)
    data = services.load(aid)
    results = services.score(data)
    first = data.form.themes[0].id
    stats = bench.Stats(n=6, q1=20.0, median=40.0, q3=60.0)
    reference = bench.Reference(
        kind="reference",
        form_id=data.form.id,
        form_version="0.9.0",
        form_hash="b" * 64,
        year=2025,
        themes={first: data.form.themes[0].title, "OLD": Text(lv="Veca", en="Old")},
        groups=[bench.Group(key="all", overall=stats, themes={first: stats, "OLD": stats})],
    )
    comparison = compare_with(reference, data.form, data.info, results)
    assert comparison is not None and comparison.mapped
    assert "themes are compared by their ID" in comparison.note(data.form, "en")
    assert comparison.themes[first].stats == stats
    others = [p for tid, p in comparison.themes.items() if tid != first]
    assert others and all(p.stats is None for p in others)
    assert "fewer than 5" in others[0].sentence("en")
    assert (
        compare_with(
            reference.model_copy(update={"form_id": "other"}), data.form, data.info, results
        )
        is None
    )
