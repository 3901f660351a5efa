"""Helpers shared by the field-test edge tests (test_edges_alerts, test_edges_inputs)."""

from __future__ import annotations

import re

from bot.app import PoskoRuntime
from bot.jobs import ESCALATION_JOB
from bot.sandbox import SandboxClient, SimUser
from tests.helpers import shell_invites

INCIDENT_REF = re.compile(r"I-(\d{4})")


async def english_person(
    sandbox: SandboxClient, database_url: str, name: str, role: str, region: str
) -> SimUser:
    """A person whose Telegram is in English, registered with an invite."""
    [code] = await shell_invites(database_url, role=role, region=region)
    person = await sandbox.create_user(name, language_code="en")
    await person.send(f"/start {code}")
    assert "✅" in (await person.next_message()).text
    return person


async def run_escalation(runtime: PoskoRuntime) -> None:
    assert runtime.application is not None and runtime.application.job_queue is not None
    [job] = runtime.application.job_queue.get_jobs_by_name(ESCALATION_JOB)
    await job.run(runtime.application)


def incident_id(text: str) -> int:
    match = INCIDENT_REF.search(text)
    assert match, text
    return int(match.group(1))
