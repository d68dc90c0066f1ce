"""The anonymous benchmark: a municipality's submission, the collector's set, the published
reference and the comparison with it. :mod:`ethics_tool.benchmark` is imported lazily (pydantic
models the GUI does not need before the first paint)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ethics_tool.domain.assessment import AssessmentData
from ethics_tool.i18n import t
from ethics_tool.scoring import Results
from ethics_tool.services.base import ServiceError
from ethics_tool.services.results import ResultUseCases

if TYPE_CHECKING:
    from ethics_tool.benchmark.compare import BenchComparison
    from ethics_tool.benchmark.format import Reference, Submission
    from ethics_tool.benchmark.store import ImportReport, SetInfo


class BenchmarkUseCases(ResultUseCases):
    """Submissions, the collector's set, the reference and the comparison (over results)."""

    # -- benchmark ------------------------------------------------------------------------------
    def benchmark_submission(
        self,
        assessment_id: int,
        *,
        municipality_type: str | None = None,
        size_class: str,
        include_questions: bool = False,
        include_name: bool = False,
    ) -> Submission:
        """The anonymous benchmark submission of an assessment (to preview or to save)."""
        from ethics_tool.benchmark import format as bench

        data = self.load(assessment_id)
        kind = municipality_type or bench.municipality_type_of(data.info.municipality)
        if kind is None:
            raise ServiceError(
                t(
                    "the type of “{name}” is not known: choose state city or novads",
                    name=data.info.municipality,
                )
            )
        return bench.make_submission(
            data,
            self.score(data),
            municipality_type=kind,
            size_class=size_class,
            include_questions=include_questions,
            include_name=include_name,
        )

    def export_benchmark(self, submission: Submission, path: Path, text: str | None = None) -> None:
        """Write a submission (``text``: the exact text the user was shown)."""
        from ethics_tool.benchmark import format as bench

        bench.write_document(submission, path, text)

    def import_benchmark(self, paths: Sequence[Path]) -> ImportReport:
        """Add benchmark files to the collector's set; re-sent files replace, never double.

        Every file is checked on its own: a refused file is listed with its reason and changes
        nothing; the good ones are stored in one transaction.
        """
        from ethics_tool.benchmark import format as bench
        from ethics_tool.benchmark import store

        report = store.ImportReport()
        with self._session() as session, session.begin():
            for path in paths:
                try:
                    document, checksum = bench.read_document(path)
                except bench.BenchmarkError as exc:
                    report.refused.append((path, exc.message))
                    continue
                if not isinstance(document, bench.Submission):
                    report.refused.append(
                        (path, t("{path}: a published reference, not a submission", path=path))
                    )
                    continue
                outcome = store.add_submission(session, document, checksum)
                {"added": report.added, "replaced": report.replaced}.get(
                    outcome, report.duplicates
                ).append(path)
        return report

    def benchmark_sets(self) -> list[SetInfo]:
        from ethics_tool.benchmark import store

        with self._session() as session:
            return store.sets(session)

    def clear_benchmark(self) -> int:
        from ethics_tool.benchmark import store

        with self._session() as session, session.begin():
            return store.clear(session)

    def benchmark_aggregate(
        self, form_id: str | None = None, year: int | None = None, publisher: str = ""
    ) -> Reference:
        """Aggregates (quartiles, suppressed below 5) of one form version and year of the set.

        Without ``form_id``/``year`` the newest year's largest part is used.
        """
        from ethics_tool.benchmark import store
        from ethics_tool.benchmark.aggregate import aggregate

        with self._session() as session:
            parts = store.sets(session)
            chosen = [
                p
                for p in parts
                if (form_id is None or p.key.form_id == form_id)
                and (year is None or p.key.year == year)
            ]
            if not chosen:
                raise ServiceError(
                    t("the benchmark set has no files for this questionnaire and year")
                    if parts
                    else t("the benchmark set is empty: import benchmark files first")
                )
            part = chosen[0]
            submissions = store.submissions(session, part.key)
        form = self.catalog.forms.get(part.key.form_id)
        if form is not None and form.version == part.key.form_version:
            titles = {th.id: th.title for th in form.themes}
        else:
            from ethics_tool.domain.questionnaire import Text

            ids: dict[str, None] = {}
            for submission in submissions:
                ids.update(dict.fromkeys(submission.themes))
            titles = {tid: Text(lv=tid, en=tid) for tid in ids}
        return aggregate(submissions, titles, part.key, publisher=publisher.strip())

    def publish_benchmark(
        self,
        path: Path,
        form_id: str | None = None,
        year: int | None = None,
        publisher: str = "",
    ) -> Reference:
        """Write the reference file (aggregates only) that the association sends back."""
        from ethics_tool.benchmark import format as bench

        reference = self.benchmark_aggregate(form_id, year, publisher)
        if not reference.groups:
            raise ServiceError(
                t(
                    "nothing can be published: fewer than {n} municipalities in every group",
                    n=bench.MIN_GROUP,
                )
            )
        bench.write_document(reference, path)
        return reference

    def load_reference(self, path: Path) -> tuple[Reference, bool]:
        """Keep a published reference for comparisons; (reference, False) if loaded before."""
        from ethics_tool.benchmark import format as bench
        from ethics_tool.benchmark import store

        document, checksum = bench.read_document(path)
        if not isinstance(document, bench.Reference):
            raise ServiceError(
                t(
                    "{path}: this is one municipality's benchmark file; load the reference "
                    "the association published",
                    path=path,
                )
            )
        with self._session() as session, session.begin():
            new = store.save_reference(session, document, checksum)
        return document, new

    def benchmark_comparison(self, assessment_id: int) -> BenchComparison | None:
        """The assessment against the newest loaded reference of its questionnaire, if any."""
        data = self.load(assessment_id)
        return self.benchmark_comparison_of(data, self.score(data))

    def benchmark_comparison_of(
        self, data: AssessmentData, results: Results
    ) -> BenchComparison | None:
        from ethics_tool.benchmark import store
        from ethics_tool.benchmark.compare import compare_with

        with self._session() as session:
            found = store.references(session, data.form.id)
        same = [r for r in found if r.form_hash == data.info.form_hash]
        for reference in same + [r for r in found if r not in same]:
            return compare_with(reference, data.form, data.info, results)
        return None
