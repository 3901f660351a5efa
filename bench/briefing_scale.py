"""The Rakor briefing: a sample document, and its cost at national scale.

python -m bench.briefing_scale --sample docs/briefing-sample.pdf
    Konawe Utara on Rabu, 7 Februari 2024 from a week of synthetic reports, incidents
    and support requests on the bundled Sulawesi Tenggara regions and outlines (the
    picture in the README is its page 1).

python -m bench.briefing_scale [--reports 1000000]
    [--regions ../shared/data/wilayah_indonesia.csv] [--database postgresql://…]
    Every Indonesian region and 1,000,000 reports (bench.digest_scale's data), with the
    outlines of every province and regency for the maps (--boundaries), then the
    time to build province briefings, and how late the event loop answers while one is
    built (a timer that should fire every 10 ms: its lateness is what a person's reply
    would wait, since the bot answers on that loop).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlmodel import col

from bench.common import add_people, machine, prepare
from bench.digest_scale import ASPECTS, NOW, make_data
from bot.app import BUNDLED_BOUNDARIES, import_boundaries_text, read_boundary_file
from bot.briefing.pdf import render_briefing
from bot.config import normalize_database_url
from bot.domain.maps import BoundaryFileError, parse_boundaries
from bot.services.briefing import BriefingRequest, gather_briefing, write_briefing
from storage.engine import create_engine, create_session_factory, read_session
from storage.models import Election, Incident, Region, Report, SupportRequest
from storage.reports import add_report

ROOT = Path(__file__).resolve().parents[1]
TZ = ZoneInfo("Asia/Makassar")
DAY = date(2024, 2, 7)
SAMPLE_NOW = NOW + timedelta(hours=1)  # 09.00 WITA on the day


async def _sample_data(url: str) -> None:
    await prepare(url)
    engine = create_engine(url)
    factory = create_session_factory(engine)
    async with factory() as session:
        await import_boundaries_text(session, read_boundary_file(BUNDLED_BOUNDARIES))
        await session.commit()
        villages = list(
            (
                await session.execute(
                    select(col(Region.code)).where(
                        col(Region.level) == "village", col(Region.code).startswith("74.09.")
                    )
                )
            ).scalars()
        )
    [person_id] = (await add_people(url, [(1, "officer", "74.09")])).values()
    rng = random.Random(11)
    async with factory() as session:
        session.add(
            Election(name="Pemilu 2024", kind="Pemilu", voting_date="2024-02-14", created_at=NOW)
        )
        # A week in which readiness improves: later reports are more often ready.
        for day in range(8):
            moment = SAMPLE_NOW - timedelta(days=7 - day)
            for village in rng.sample(villages, 60):
                aspect = rng.choice(ASPECTS)
                weights = (4 + 2 * day, 3, max(1, 4 - day))
                state = rng.choices(("ready", "partial", "not_ready"), weights)[0]
                await add_report(
                    session,
                    report=Report(
                        person_id=person_id,
                        reporter_role="officer",
                        region_code=village,
                        aspect_code=aspect,
                        state=state,
                        created_at=moment - timedelta(minutes=rng.randint(0, 600)),
                    ),
                )
        incidents = [
            ("74.09.01.2017", "bencana", "tinggi", "Longsor menutup jalan ke desa Walasolo"),
            ("74.09.05.2001", "logistik", "kritis", "Kotak suara basah di gudang PPK <Lasolo>"),
            ("74.09.03.2003", "sistem", "sedang", "Jaringan seluler putus sejak pagi"),
            ("74.09.02.2004", "petugas", "rendah", "Dua anggota KPPS belum dilantik"),
        ]
        for region, kind, severity, text in incidents:
            if not await session.get(Region, region):
                region = villages[0]
            session.add(
                Incident(
                    reporter_id=person_id,
                    reporter_role="officer",
                    region_code=region,
                    athg_class="hambatan",
                    type_code=kind,
                    severity=severity,
                    description=text,
                    created_at=SAMPLE_NOW - timedelta(hours=rng.randint(2, 40)),
                )
            )
        for agency, need, hours in (
            ("polri", "Pengamanan gudang logistik Lasolo", -5),
            ("bpbd", "Alat berat untuk membuka jalan Walasolo", 12),
        ):
            session.add(
                SupportRequest(
                    requester_id=person_id,
                    requester_role="officer",
                    region_code=villages[1],
                    agency_code=agency,
                    need=need,
                    urgency="segera",
                    deadline_at=SAMPLE_NOW + timedelta(hours=hours),
                    target_region="74.09",
                    created_at=SAMPLE_NOW - timedelta(hours=20),
                )
            )
        await session.commit()
    await engine.dispose()


async def sample(output: Path) -> None:
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite+aiosqlite:///{Path(folder) / 'sample.db'}"
        await _sample_data(url)
        engine = create_engine(url)
        try:
            request = BriefingRequest(
                "74.09", DAY, DAY - timedelta(days=7), "id", TZ, "Koordinator Konawe Utara"
            )
            await write_briefing(url, request, now=SAMPLE_NOW, path=output)
        finally:
            await engine.dispose()
    print(output)


async def _load_boundaries(url: str, path: Path) -> None:
    """The outlines for the maps; a feature without a usable geometry is left out (the
    national file has one), since the loader refuses a file with any bad feature."""
    document = json.loads(read_boundary_file(path))
    features = document["features"]
    good = []
    for feature in features:
        try:
            parse_boundaries(json.dumps({"type": "FeatureCollection", "features": [feature]}))
        except BoundaryFileError:
            continue
        good.append(feature)
    document["features"] = good
    print(f"outlines: {len(document['features'])} of {len(features)} features loaded")
    engine = create_engine(url)
    async with create_session_factory(engine)() as session:
        await import_boundaries_text(session, json.dumps(document))
        await session.commit()
    await engine.dispose()


class _Lateness:
    """A timer that should fire every 10 ms on the event loop; how late each firing was."""

    def __init__(self) -> None:
        self.samples: list[float] = []
        self._done = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    async def _tick(self, done: asyncio.Event) -> None:
        while not done.is_set():
            planned = time.perf_counter() + 0.01
            await asyncio.sleep(0.01)
            self.samples.append(max(0.0, time.perf_counter() - planned))

    def __enter__(self) -> _Lateness:
        self._done = asyncio.Event()
        self._task = asyncio.create_task(self._tick(self._done))
        return self

    def __exit__(self, *exc: object) -> None:
        self._done.set()

    def summary(self) -> str:
        ordered = sorted(self.samples) or [0.0]
        p99 = ordered[int(len(ordered) * 0.99)] * 1000
        median = statistics.median(ordered) * 1000
        return f"median {median:.0f} ms, p99 {p99:.0f} ms, worst {ordered[-1] * 1000:.0f} ms"


async def measure(url: str, samples: int) -> None:
    """Province briefings timed with the event loop's lateness meanwhile: the data read on
    the measuring loop and the layout in a thread (to see where time goes), then the whole
    briefing as the bot builds it (`write_briefing`: a worker thread with its own loop)."""
    engine = create_engine(url)
    factory = create_session_factory(engine)
    async with factory() as session:
        provinces = list(
            (
                await session.execute(
                    select(col(Region.code)).where(col(Region.level) == "province")
                )
            ).scalars()
        )
    rng = random.Random(5)
    gathered, laid_out, whole = _Lateness(), _Lateness(), _Lateness()
    timings: dict[str, list[float]] = {"read": [], "layout": [], "whole": []}
    with tempfile.TemporaryDirectory() as folder:
        for code in rng.sample(provinces, min(samples, len(provinces))):
            request = BriefingRequest(code, DAY, DAY - timedelta(days=7), "id", TZ, "bench")
            started = time.perf_counter()
            with gathered:
                async with read_session(factory) as session:
                    data = await gather_briefing(session, request=request, now=NOW)
            timings["read"].append(time.perf_counter() - started)
            started = time.perf_counter()
            with laid_out:
                await asyncio.to_thread(render_briefing, data, "id", TZ)
            timings["layout"].append(time.perf_counter() - started)
            started = time.perf_counter()
            with whole:
                await write_briefing(url, request, now=NOW, path=Path(folder) / f"{code}.pdf")
            timings["whole"].append(time.perf_counter() - started)
    await engine.dispose()
    phases = (
        ("read on the bot's own loop (not what the bot does)", "read", gathered),
        ("layout alone, in a thread", "layout", laid_out),
        ("whole, as the bot builds it (worker thread, own loop)", "whole", whole),
    )
    for label, phase, lateness in phases:
        seconds = timings[phase]
        print(
            f"province briefings ({len(seconds)}), {label}: mean {statistics.mean(seconds):.1f} s,"
            f" worst {max(seconds):.1f} s; event loop lateness meanwhile: {lateness.summary()}"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sample", type=Path, default=None, help="write the sample PDF here")
    parser.add_argument("--reports", type=int, default=1_000_000)
    parser.add_argument(
        "--regions", type=Path, default=ROOT.parent / "shared/data/wilayah_indonesia.csv"
    )
    parser.add_argument(
        "--boundaries",
        type=Path,
        default=ROOT.parent / "shared/data/batas_indonesia_kabupaten.geojson",
        help="outlines loaded for the maps (default: every province and regency)",
    )
    parser.add_argument("--database", default=None)
    parser.add_argument(
        "--keep", type=Path, default=None, help="SQLite file kept between runs (made if missing)"
    )
    parser.add_argument("--samples", type=int, default=5)
    parser.add_argument("--measure-only", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.sample:
        asyncio.run(sample(args.sample))
        return
    if args.measure_only:
        asyncio.run(measure(args.measure_only, args.samples))
        return
    with tempfile.TemporaryDirectory() as folder:
        url = (
            normalize_database_url(args.database)
            if args.database
            else f"sqlite+aiosqlite:///{args.keep or Path(folder) / 'national.db'}"
        )
        started = time.monotonic()
        if args.keep is None or not args.keep.exists():
            asyncio.run(make_data(url, args.regions, args.reports))
            if args.boundaries.exists():
                asyncio.run(_load_boundaries(url, args.boundaries))
        print(f"machine: {machine()}; database: {url.split(':', 1)[0]}")
        print(
            f"data: {args.regions.name}, {args.reports} reports, made in "
            f"{time.monotonic() - started:.0f} s"
        )
        subprocess.run(
            [
                sys.executable,
                "-m",
                "bench.briefing_scale",
                "--measure-only",
                url,
                "--samples",
                str(args.samples),
            ],
            cwd=ROOT,
            check=True,
        )


if __name__ == "__main__":
    main()
