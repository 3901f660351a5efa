"""The web server every process runs: /healthz, /readyz and /metrics, scraped as Prometheus
scrapes them, with the figures moving as officers report."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from bot.app import PoskoRuntime
from bot.clock import ManualClock
from bot.config import Settings
from bot.sandbox import SandboxClient
from tests.factories import make_coordinator, make_officer, running


@pytest.fixture
async def served(settings: Settings, clock: ManualClock) -> AsyncIterator[PoskoRuntime]:
    async with running(settings, clock, web_port=0) as runtime:
        yield runtime


async def _scrape(client: httpx.AsyncClient) -> dict[str, float]:
    response = await client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    figures: dict[str, float] = {}
    for family in text_string_to_metric_families(response.text):
        for sample in family.samples:
            labels = ",".join(f"{k}={v}" for k, v in sorted(sample.labels.items()))
            figures[f"{sample.name}{{{labels}}}" if labels else sample.name] = sample.value
    return figures


async def test_metrics_move_as_officers_report(
    served: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    assert served.web_server is not None and served.web_server.port
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{served.web_server.port}") as client:
        health = (await client.get("/healthz")).json()
        assert health["ok"] is True and health["role"] == "leader"
        ready = await client.get("/readyz")
        assert ready.status_code == 200
        assert ready.json() == {"ok": True, "role": "leader", "database": "up", "degraded": False}

        before = await _scrape(client)
        assert before["posko_leader"] == 1 and before["posko_database_up"] == 1
        officer = await make_officer(sandbox, database_url, name="Petugas", region="74.09.01")
        for n in range(3):
            await officer.send(f"/lapor distribusi sebagian {n}0%")
            await officer.next_message()
        # An unacknowledged high-severity incident waits for its escalation.
        for region in ("74.09.01", "74.09"):  # alerted at the district, escalated above
            await make_coordinator(sandbox, database_url, name=f"Koor {region}", region=region)
        await officer.send("/insiden tinggi kekerasan bentrok di TPS 03")
        await officer.next_message()
        after = await _scrape(client)

    def moved(name: str) -> float:
        return after.get(name, 0.0) - before.get(name, 0.0)

    assert moved("posko_updates_received_total") >= 6  # /start ×3, 3 reports, 1 incident
    assert moved("posko_updates_processed_total") >= 6
    assert moved("posko_sends_total") >= 6  # welcomes, replies, the alert
    assert moved("posko_intake_lag_seconds_count") >= 6
    assert after["posko_escalations_pending"] == 1
    assert after["posko_updates_pending"] == 0
    for priority in ("reply", "alert", "bulk"):
        assert f"posko_outbox_depth{{priority={priority}}}" in after
    assert "posko_outbox_oldest_age_seconds" in after
    assert moved("posko_send_errors_total{kind=429}") == 0
    assert "posko_digests_delivered_total" in after


async def test_429_and_5xx_answers_are_counted(
    served: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    assert served.web_server is not None
    officer = await make_officer(sandbox, database_url, name="Petugas", region="74.09.01")
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{served.web_server.port}") as client:
        before = await _scrape(client)

        async def counted(kind: str) -> None:
            name = f"posko_send_errors_total{{kind={kind}}}"
            for _ in range(100):
                if (await _scrape(client)).get(name, 0) > before.get(name, 0):
                    return
                await asyncio.sleep(0.05)
            raise AssertionError(f"no {kind} counted")

        # Telegram answers the reply with 429, then with 500, then takes it.
        await sandbox.set_faults(rate_429=1.0, methods=["sendMessage"])
        await officer.send("/lapor logistik siap")
        await counted("429")
        await sandbox.set_faults(rate_5xx=1.0, methods=["sendMessage"])
        await counted("5xx")
        await sandbox.clear_faults()
        assert "R-" in (await officer.next_message(timeout=20)).text
        after = await _scrape(client)

    faults = [c["fault"] for c in await sandbox.calls("sendMessage")]
    assert after["posko_send_errors_total{kind=429}"] - before.get(
        "posko_send_errors_total{kind=429}", 0
    ) == faults.count("429")
    assert after["posko_send_errors_total{kind=5xx}"] - before.get(
        "posko_send_errors_total{kind=5xx}", 0
    ) == faults.count("500") + faults.count("502")
    assert after["posko_sends_total"] > before["posko_sends_total"]
