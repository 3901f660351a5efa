"""Helpers shared by the field-test edge tests (test_edges_alerts, test_edges_inputs)."""

from __future__ import annotations

import re

from bot.app import PoskoRuntime
from bot.jobs import ESCALATION_JOB

INCIDENT_REF = re.compile(r"I-(\d{4})")


async def run_escalation(runtime: PoskoRuntime) -> None:
    assert runtime.application is not None and runtime.application.job_queue is not None
    [job] = runtime.application.job_queue.get_jobs_by_name(ESCALATION_JOB)
    await job.run(runtime.application)


def incident_id(text: str) -> int:
    match = INCIDENT_REF.search(text)
    assert match, text
    return int(match.group(1))
