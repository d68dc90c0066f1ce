"""A database server that cannot be reached mid-session is a storage fault with a clear message,
not an internal error, and the same program goes on once the server answers again."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ethics_tool.domain.answers import AnswerValue
from ethics_tool.domain.loader import FormCatalog
from ethics_tool.services import Services
from ethics_tool.storage.db import ServerUnreachableError, StorageError, open_database
from ethics_tool.storage.faults import classify_server
from tests.pgcluster import Cluster
from tests.tcp_proxy import Proxy


@pytest.fixture
def proxied(pg_cluster: Cluster) -> Iterator[tuple[str, Proxy]]:
    url = pg_cluster.create_database()
    proxy = Proxy(pg_cluster.port)
    yield proxy.url(url), proxy
    proxy.close()
    pg_cluster.drop_database(url)


def test_a_save_while_the_network_is_cut_says_the_server_cannot_be_reached(
    proxied: tuple[str, Proxy], catalog: FormCatalog
) -> None:
    url, proxy = proxied
    services = Services(open_database(url), catalog)
    try:
        aid = services.create_assessment(municipality="Talsu novads", form_id="quick")
        data = services.load(aid)
        respondent, question = data.respondents[0].id, data.form.themes[0].questions[0].id
        services.record_answer(respondent, question, AnswerValue.level(2))

        proxy.cut()
        with pytest.raises(ServerUnreachableError) as caught:
            services.record_answer(respondent, question, AnswerValue.level(4))
        assert isinstance(caught.value, StorageError)  # kept and retried by the GUI, CLI exits 1
        message = str(caught.value)
        assert "nevar sasniegt" in message and f":{proxy.port}/" in message
        with pytest.raises(ServerUnreachableError):
            services.db.ping()

        proxy.restore()
        services.db.ping()
        services.record_answer(respondent, question, AnswerValue.level(4))
        assert services.load(aid).answers[0].answers[question] == AnswerValue.level(4)
    finally:
        services.db.dispose()


class _Failure(Exception):
    def __init__(self, sqlstate: str | None) -> None:
        super().__init__("failure")
        self.sqlstate = sqlstate


class OperationalError(_Failure):
    """Named like the driver's error of a connection that could not be made."""


@pytest.mark.parametrize(
    ("exc", "disconnect", "unreachable"),
    [
        (OperationalError(None), False, True),  # refused, timed out, unknown host
        (_Failure("08006"), False, True),  # connection failure
        (_Failure("57P01"), False, True),  # the server is shutting down
        (_Failure("23505"), False, False),  # a unique violation is not a network fault
        (_Failure("40001"), False, False),  # nor is a serialisation failure
        (_Failure("23505"), True, True),  # SQLAlchemy saw the connection drop
    ],
)
def test_only_a_lost_or_refused_connection_counts_as_unreachable(
    exc: BaseException, disconnect: bool, unreachable: bool
) -> None:
    found = classify_server(exc, "postgresql://server/db", disconnect)
    assert isinstance(found, ServerUnreachableError) is unreachable
