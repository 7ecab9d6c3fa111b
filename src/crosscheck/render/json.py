"""JSON: the report is exactly ``Report.to_dict()``, schema version 1 (see docs).

``render_results`` is ``crosscheck check --format json``: the same report
plus a ``gate`` member (``GateResult.to_dict()``) and, for a configured
group, its ``group`` name; several groups give a list of such reports.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from crosscheck.gate import GateResult
from crosscheck.model import Report


def render(report: Report) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def render_results(results: Sequence[GateResult]) -> str:
    documents = []
    for result in results:
        document = result.report.to_dict()
        if result.group is not None:
            document["group"] = result.group
        document["gate"] = result.to_dict()
        documents.append(document)
    payload: Any = documents[0] if len(documents) == 1 else documents
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
