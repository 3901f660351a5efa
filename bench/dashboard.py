"""The dashboard at national scale: every Indonesian region (~83,000 villages) and
1,000,000 synthetic reports (bench.digest_scale's data), Sulawesi Tenggara's boundaries.

1. Page requests over HTTP, as a signed-in coordinator's browser makes them: the province
   (74) and a regency (74.09), p95 per request and bytes on the wire (gzip).
2. 200 open dashboards of the regency (server-sent events) and a burst of 100 reports
   written by another connection (as another process would): for every dashboard and
   report, the time from the report's commit to the dashboard's next `change` event.

The baseline, in the same run: the dashboard as it was before its province view was made
faster — a copy of the same database without `ix_report_day` (migration 0011), served by
a second server whose requests decode and lay out the map's outlines every time (they find
the outline and layout caches empty) and summarise readiness with the single GROUP BY
(`readiness_summary`, not `readiness_summary_by_area`). Its requests alternate with the first's, so
the shared machine's noise falls on both alike. Each view is asked a few times first (the
trends' past days are then cached, as on a server that has been running).

    python -m bench.dashboard [--reports 1000000] [--dashboards 200] [--burst 100]
        [--regions ../shared/data/wilayah_indonesia.csv] [--data national.db]

`--data FILE` keeps the made database in FILE and uses it again when it exists.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gzip
import shutil
import statistics
import tempfile
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
from aiohttp import web
from sqlalchemy import insert, select, text
from sqlmodel import col

from bench.common import add_people, machine
from bench.digest_scale import NOW, ROOT, make_data
from bot.app import BUNDLED_BOUNDARIES, import_boundaries_text, read_boundary_file
from bot.clock import ManualClock
from bot.config import Settings
from bot.dashboard import render
from bot.dashboard.auth import COOKIE, start_session
from bot.dashboard.views import register_dashboard
from bot.services import dashboard as dashboard_service
from bot.unit import Services
from storage import boundaries
from storage.engine import create_engine, create_session_factory
from storage.models import Person, Report
from storage.reports import readiness_summary

TOKEN = "123456789:BENCH-token_for_the_double_0000000000"


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, round(0.95 * len(ordered)) - 1)]


async def _server(url: str) -> tuple[web.AppRunner, int, Services]:
    engine = create_engine(url)
    factory = create_session_factory(engine)
    settings = replace(Settings(database_url=url, telegram_bot_token=TOKEN), web_port=0)
    services = Services(settings=settings, session_factory=factory, clock=ManualClock(NOW))
    app = web.Application()
    register_dashboard(app, services)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    return runner, port, services


async def _person_id(services: Services, telegram_id: int) -> int:
    async with services.session_factory() as session:
        found = await session.execute(select(Person).where(col(Person.telegram_id) == telegram_id))
        person = found.scalar_one()
        assert person.id is not None
        return person.id


async def _cookie(services: Services, telegram_id: int) -> str:
    async with services.session_factory() as session:
        found = await session.execute(select(Person).where(col(Person.telegram_id) == telegram_id))
        person = found.scalar_one()
        issued = await start_session(
            session, person=person, settings=services.settings, now=NOW, screen=False
        )
        await session.commit()
    return issued.token


WARM_UP = 3


@contextlib.contextmanager
def as_before() -> Iterator[None]:
    """Requests made inside run as the dashboard did before its province view was made
    faster: they find the outline and layout caches empty, and ask for the readiness
    summary with the single GROUP BY. Everything is as it was afterwards."""
    caches: list[dict[Any, Any]] = [boundaries._DECODED, render._LAYOUTS]
    kept = [dict(cache) for cache in caches]
    for cache in caches:
        cache.clear()
    summary = dashboard_service.readiness_summary_by_area
    dashboard_service.readiness_summary_by_area = readiness_summary  # type: ignore[assignment]
    try:
        yield
    finally:
        dashboard_service.readiness_summary_by_area = summary  # type: ignore[assignment]
        for cache, saved in zip(caches, kept, strict=True):
            cache.clear()
            cache.update(saved)


async def pages(servers: dict[str, tuple[str, str]], samples: int) -> None:
    """The province and the regency from each server (label → (base URL, cookie)), the
    servers' requests alternating; p95 per request and bytes on the wire. The baseline's
    requests (a label starting with "baseline") are made without the caches."""
    clients = {
        label: httpx.AsyncClient(base_url=base, cookies={COOKIE: token}, timeout=60)
        for label, (base, token) in servers.items()
    }
    try:
        for view, code in (("province 74", "74"), ("regency 74.09", "74.09")):
            timings: dict[str, list[float]] = {label: [] for label in clients}
            last: dict[str, httpx.Response] = {}
            for n in range(WARM_UP + samples):
                for label, client in clients.items():
                    baseline = label.startswith("baseline")
                    with as_before() if baseline else contextlib.nullcontext():
                        started = time.perf_counter()
                        response = await client.get(f"/dasbor/r/{code}")
                        elapsed = time.perf_counter() - started
                    assert response.status_code == 200, response.text[:200]
                    if n >= WARM_UP:
                        timings[label].append(elapsed)
                    last[label] = response
            for label, values in timings.items():
                response = last[label]
                print(
                    f"{view} ({label}): p95 {p95(values) * 1000:.0f} ms, median "
                    f"{statistics.median(values) * 1000:.0f} ms per request ({samples}); "
                    f"{response.num_bytes_downloaded / 1000:.1f} KB on the wire (gzip; "
                    f"{len(response.content) / 1000:.0f} KB HTML, "
                    f"{len(gzip.compress(response.content)) / 1000:.1f} KB by gzip -9 here) = "
                    f"{p95(values) * 1000 / 150:.2f}x the 150 ms target"
                )
            if len(timings) == 2:
                now, before = (p95(values) for values in timings.values())
                print(f"{view}: p95 {now / before:.2f}x the baseline's in the same run")
    finally:
        for client in clients.values():
            await client.aclose()


async def live(
    base: str, token: str, url: str, person_id: int, dashboards: int, burst: int
) -> None:
    received: list[list[float]] = [[] for _ in range(dashboards)]
    ready = asyncio.Event()
    connected = 0

    async def watch(index: int) -> None:
        nonlocal connected
        async with (
            httpx.AsyncClient(base_url=base, cookies={COOKIE: token}, timeout=None) as client,
            client.stream("GET", "/dasbor/live/74.09") as events,
        ):
            async for line in events.aiter_lines():
                if line == "event: hello":
                    connected += 1
                    if connected == dashboards:
                        ready.set()
                elif line == "event: change":
                    received[index].append(time.monotonic())

    tasks = [asyncio.create_task(watch(i)) for i in range(dashboards)]
    await asyncio.wait_for(ready.wait(), 60)
    await asyncio.sleep(1.0)
    engine = create_engine(url)
    factory = create_session_factory(engine)
    committed = []
    for n in range(burst):
        async with factory() as session:
            await session.execute(
                insert(Report),
                [
                    {
                        "person_id": person_id,
                        "reporter_role": "officer",
                        "region_code": f"74.09.{1 + n % 13:02d}",
                        "aspect_code": "distribusi",
                        "state": "partial",
                        "photo_file_ids": [],
                        "status": "active",
                        "created_at": NOW + timedelta(seconds=n),
                    }
                ],
            )
            await session.commit()
        committed.append(time.monotonic())
        await asyncio.sleep(0.005)
    await asyncio.sleep(3.0)
    await engine.dispose()
    for task in tasks:
        task.cancel()
    delays = []
    missing = 0
    for times in received:
        for at in committed:
            later = [t for t in times if t >= at]
            if later:
                delays.append(later[0] - at)
            else:
                missing += 1
    print(
        f"live: {dashboards} dashboards, {burst} reports in "
        f"{committed[-1] - committed[0]:.2f} s: delivery p95 {p95(delays):.2f} s, "
        f"max {max(delays):.2f} s, {missing} not delivered = {p95(delays) / 2:.2f}x the 2 s target"
    )


async def make(url: str, regions: Path, reports: int) -> None:
    await make_data(url, regions, reports)
    engine = create_engine(url)
    async with create_session_factory(engine)() as session:
        await import_boundaries_text(session, read_boundary_file(BUNDLED_BOUNDARIES))
        await session.commit()
    await engine.dispose()
    await add_people(url, [(2, "coordinator", "74"), (3, "officer", "74.09")])


async def baseline_copy(database: Path, copy: Path) -> str:
    """The same data without ix_report_day: the province's "today" as before 0011."""
    await asyncio.to_thread(shutil.copyfile, database, copy)
    url = f"sqlite+aiosqlite:///{copy}"
    engine = create_engine(url)
    async with engine.begin() as connection:
        await connection.execute(text("DROP INDEX IF EXISTS ix_report_day"))
    await engine.dispose()
    return url


async def run(
    database: Path, folder: Path, regions: Path, reports: int, dashboards: int, burst: int
) -> None:
    started = time.monotonic()
    url = f"sqlite+aiosqlite:///{database}"
    if not await asyncio.to_thread(database.exists):
        await make(url, regions, reports)
    print(f"machine: {machine()}; data ready in {time.monotonic() - started:.0f} s")
    baseline_url = await baseline_copy(database, folder / "baseline.db")
    runner, port, services = await _server(url)
    base_runner, base_port, base_services = await _server(baseline_url)
    try:
        token = await _cookie(services, 2)
        base = f"http://127.0.0.1:{port}"
        await pages(
            {
                "now": (base, token),
                "baseline: the code before": (
                    f"http://127.0.0.1:{base_port}",
                    await _cookie(base_services, 2),
                ),
            },
            samples=40,
        )
        await base_runner.cleanup()
        await live(base, token, url, await _person_id(services, 3), dashboards, burst)
    finally:
        await runner.cleanup()
        await base_runner.cleanup()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=1_000_000)
    parser.add_argument("--dashboards", type=int, default=200)
    parser.add_argument("--burst", type=int, default=100)
    parser.add_argument(
        "--regions", type=Path, default=ROOT.parent / "shared/data/wilayah_indonesia.csv"
    )
    parser.add_argument("--data", type=Path, help="keep the made database here, reuse it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        database = args.data or Path(folder) / "national.db"
        asyncio.run(
            run(database, Path(folder), args.regions, args.reports, args.dashboards, args.burst)
        )


if __name__ == "__main__":
    main()
