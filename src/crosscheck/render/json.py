"""The JSON report: exactly ``Report.to_dict()``, schema version 1 (see docs)."""

from __future__ import annotations

import json

from crosscheck.model import Report


def render(report: Report) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"
