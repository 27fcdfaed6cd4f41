"""Schemathesis against the OpenAPI spec: generated requests to every operation, no server errors.

Bounded (a few examples per operation, no shrinking deadline) so it runs in seconds. Writes are
sent with the token so they reach their validation; URL-ingest jobs are replaced by a no-op (no
network in tests) and coding jobs use a stand-in coder.
"""
from __future__ import annotations

import pytest
import schemathesis
from schemathesis.checks import content_type_conformance, response_schema_conformance, status_code_conformance
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, Phase, given, settings
from test_api_writes import KeywordCoder
from test_web_support import build_api_store

from realpolitik.events.parallel import CoderSpec
from realpolitik.web import Settings, create_app

TOKEN = "schema-token"


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    path = tmp_path_factory.mktemp("schema") / "schema.duckdb"
    build_api_store(path).close()
    application = create_app(Settings(db=path, token=TOKEN, code_workers=1, coder_spec=CoderSpec(factory=KeywordCoder)))
    with pytest.MonkeyPatch.context() as mp, TestClient(application):
        # Generated URLs are accepted and queued, but never fetched: the test stays offline.
        mp.setattr("realpolitik.web.api.ingest.ingest_work", lambda urls, allow_private: lambda job, store: {"urls": urls})
        yield application


def operations(app):
    spec = schemathesis.openapi.from_asgi("/openapi.json", app)
    return [result.ok() for result in spec.get_all_operations()]


def check(case) -> None:
    response = case.call(headers={"Authorization": f"Bearer {TOKEN}"})
    where = f"{case.method} {case.formatted_path} {case.query}"
    assert response.status_code < 500, f"{where}: {response.text[:300]}"
    if response.status_code >= 400:
        # Every refusal says what is wrong, as JSON.
        assert response.json().get("error"), f"{where}: {response.text[:300]}"
    # Status codes, content types and bodies match what /openapi.json documents.
    case.validate_response(response, checks=[status_code_conformance, content_type_conformance,
                                             response_schema_conformance])


def test_every_operation_without_server_errors(app):
    # schemathesis' pytest fixture loader does not run under this pytest, so each operation's
    # Hypothesis strategy is driven directly; a failure names the operation and the request.
    ops = operations(app)
    assert len(ops) >= 15
    for op in ops:
        @settings(max_examples=15, deadline=None, phases=[Phase.explicit, Phase.generate],
                  suppress_health_check=list(HealthCheck), database=None, derandomize=True)
        @given(case=op.as_strategy())
        def run(case):
            check(case)

        run()
