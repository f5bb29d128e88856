#!/usr/bin/env python3
"""moto's server on loopback, plus a ContributorInsights shim for DynamoDB.

moto 5.2.5 answers DescribeContributorInsights / UpdateContributorInsights with HTTP 500
(NotImplementedError); the ACK Table controller calls them on every reconcile. This wraps moto's
WSGI app and answers those two calls itself (state kept per account/region/table/index), returning
ResourceNotFoundException when the table does not exist in moto. Everything else goes to moto.

Fault injection, for tests of how the engines report DynamoDB refusing a call (moto accepts many
inputs real DynamoDB refuses, so a refusal has to be asked for): POST /_vela_tables/faults with
{"operation": "CreateTable", "tableName": "t1", "code": "LimitExceededException",
"message": "...", "times": 1} makes the next matching call(s) fail with that error, exactly as
DynamoDB answers errors (HTTP 400, `__type`, `message`); `times` absent or 0 = until cleared.
GET lists the active faults, DELETE clears them (with {"owner": ...}, only those posted with
that owner). The path is not part of DynamoDB's API and is
only served here, on loopback.

Run with the python of the venv made by scripts/platform/install-moto.sh:
  <venv>/bin/python scripts/platform/moto_server.py --host 127.0.0.1 --port 0
Prints `moto_server ready on http://<host>:<port>` (flushed) once it is listening. --port 0 picks
a free port. SIGTERM / SIGINT stop it with exit code 0. State is in memory only.
"""
import argparse
import json
import os
import re
import signal
import sys
import threading
from datetime import datetime, timezone

from werkzeug.serving import make_server

from moto.core import DEFAULT_ACCOUNT_ID
from moto.moto_server.werkzeug_app import (
    DomainDispatcherApplication,
    MotoRequestHandler,
    create_backend_app,
)

TARGET_PREFIX = "DynamoDB_20120810."
SHIMMED = {"DescribeContributorInsights", "UpdateContributorInsights"}
CREDENTIAL = re.compile(r"Credential=([^/,\s]+)/[^/]+/([^/]+)/")

_state = {}  # (account, region, table, index) -> {"status": ..., "updated": ...}
_lock = threading.Lock()
FAULTS_PATH = "/_vela_tables/faults"
_faults = []  # [{"operation", "tableName", "code", "message", "times"}]


def _account_and_region(environ):
    match = CREDENTIAL.search(environ.get("HTTP_AUTHORIZATION", ""))
    if not match:
        return DEFAULT_ACCOUNT_ID, "us-east-1"
    access_key, region = match.group(1), match.group(2)
    try:
        from moto.iam.models import get_account_id_from

        account = get_account_id_from(access_key)
    except Exception:  # pragma: no cover - moto internals moved
        account = DEFAULT_ACCOUNT_ID
    return account, region


def _table_exists(account, region, table):
    from moto.dynamodb.models import dynamodb_backends

    try:
        return table in dynamodb_backends[account][region].tables
    except KeyError:
        return False


def _respond(start_response, status, payload):
    body = json.dumps(payload).encode("utf-8")
    start_response(
        status,
        [
            ("Content-Type", "application/x-amz-json-1.0"),
            ("Content-Length", str(len(body))),
            ("x-amzn-RequestId", "vela-tables-moto-shim"),
        ],
    )
    return [body]


def _error(start_response, kind, message):
    return _respond(
        start_response,
        "400 Bad Request",
        {"__type": f"com.amazonaws.dynamodb.v20120810#{kind}", "message": message},
    )


def contributor_insights(environ, start_response, operation):
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
        request = json.loads(environ["wsgi.input"].read(length) or b"{}")
    except ValueError:
        return _error(start_response, "SerializationException", "request body is not JSON")
    table = request.get("TableName")
    if not table:
        return _error(start_response, "ValidationException", "TableName is required")
    index = request.get("IndexName")
    account, region = _account_and_region(environ)
    if not _table_exists(account, region, table):
        return _error(
            start_response,
            "ResourceNotFoundException",
            f"Requested resource not found: Table: {table} not found",
        )
    key = (account, region, table, index)
    answer = {"TableName": table}
    if index:
        answer["IndexName"] = index
    with _lock:
        if operation == "UpdateContributorInsights":
            action = request.get("ContributorInsightsAction")
            if action not in ("ENABLE", "DISABLE"):
                return _error(
                    start_response,
                    "ValidationException",
                    "ContributorInsightsAction must be ENABLE or DISABLE",
                )
            _state[key] = {
                "status": "ENABLED" if action == "ENABLE" else "DISABLED",
                "updated": datetime.now(timezone.utc).timestamp(),
            }
            answer["ContributorInsightsStatus"] = _state[key]["status"]
        else:
            entry = _state.get(key, {"status": "DISABLED", "updated": None})
            answer["ContributorInsightsStatus"] = entry["status"]
            answer["ContributorInsightsRuleList"] = []
            if entry["updated"] is not None:
                answer["LastUpdateDateTime"] = entry["updated"]
    return _respond(start_response, "200 OK", answer)


def _read_json(environ):
    length = int(environ.get("CONTENT_LENGTH") or 0)
    return json.loads(environ["wsgi.input"].read(length) or b"{}")


def faults_endpoint(environ, start_response):
    method = environ.get("REQUEST_METHOD")
    with _lock:
        if method == "POST":
            try:
                fault = _read_json(environ)
            except ValueError:
                return _error(start_response, "SerializationException", "fault is not JSON")
            missing = [k for k in ("operation", "code", "message") if not fault.get(k)]
            if missing:
                return _error(start_response, "ValidationException", f"fault needs {', '.join(missing)}")
            _faults.append({
                "operation": fault["operation"],
                "tableName": fault.get("tableName"),
                "code": fault["code"],
                "message": fault["message"],
                "times": int(fault.get("times") or 0),
                "owner": fault.get("owner"),
            })
        elif method == "DELETE":
            # {"owner": ...} clears only that owner's faults (tests in other processes keep theirs)
            try:
                owner = _read_json(environ).get("owner")
            except ValueError:
                owner = None
            if owner is None:
                _faults.clear()
            else:
                _faults[:] = [f for f in _faults if f.get("owner") != owner]
        return _respond(start_response, "200 OK", {"faults": list(_faults)})


def injected_fault(environ, operation):
    """The fault configured for this call, if any (consumes one of its `times`). Reads the body
    only when a fault names a table, and puts it back for moto."""
    with _lock:
        candidates = [f for f in _faults if f["operation"] == operation]
        if not candidates:
            return None
        body = b""
        if any(f["tableName"] for f in candidates):
            length = int(environ.get("CONTENT_LENGTH") or 0)
            body = environ["wsgi.input"].read(length)
            import io

            environ["wsgi.input"] = io.BytesIO(body)
        table = None
        if body:
            try:
                table = json.loads(body).get("TableName")
            except ValueError:
                table = None
        for fault in candidates:
            if fault["tableName"] and fault["tableName"] != table:
                continue
            if fault["times"]:
                fault["times"] -= 1
                if fault["times"] == 0:
                    _faults.remove(fault)
            return fault
    return None


def build_app():
    moto_app = DomainDispatcherApplication(create_backend_app)

    def app(environ, start_response):
        if environ.get("PATH_INFO") == FAULTS_PATH:
            return faults_endpoint(environ, start_response)
        target = environ.get("HTTP_X_AMZ_TARGET", "")
        if target.startswith(TARGET_PREFIX):
            operation = target[len(TARGET_PREFIX):]
            fault = injected_fault(environ, operation) if _faults else None
            if fault:
                return _error(start_response, fault["code"], fault["message"])
            if operation in SHIMMED:
                return contributor_insights(environ, start_response, operation)
        return moto_app(environ, start_response)

    return app


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-H", "--host", default="127.0.0.1")
    parser.add_argument("-p", "--port", type=int, default=0)
    args = parser.parse_args()

    server = make_server(
        args.host, args.port, build_app(), threaded=True, request_handler=MotoRequestHandler
    )

    def stop(signum, frame):
        # all state is in memory: nothing to flush, so exit at once (a graceful shutdown() polls
        # every 0.5 s and waits for request threads)
        sys.stdout.flush()
        os._exit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    print(f"moto_server ready on http://{args.host}:{server.server_port}", flush=True)
    server.serve_forever()
    server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
