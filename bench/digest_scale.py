"""Digest build time and peak memory at national scale: every Indonesian region (~83,000
villages) and 1,000,000 synthetic reports, on SQLite (and PostgreSQL with --database).

The data is made in one process; the digests are built in a fresh one, so its peak RSS is
that of building digests, not of making data. Baseline in the same run: the target of
100 ms per group digest.

    python -m bench.digest_scale [--reports 1000000]
        [--regions ../shared/data/wilayah_indonesia.csv]
        [--database postgresql://postgres@127.0.0.1:5432/test]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, select, text
from sqlmodel import col

from bench.common import add_people, machine, prepare
from bot.config import normalize_database_url
from bot.digests import build_digest
from bot.domain.digest import render_digest
from bot.render import split_lines
from storage.engine import create_engine, create_session_factory
from storage.models import Readiness, Region, Report

ROOT = Path(__file__).resolve().parents[1]
ASPECTS = [
    "tata_kelola",
    "petugas",
    "logistik",
    "distribusi",
    "sistem",
    "keamanan",
    "anggaran",
    "data_penduduk",
    "regulasi",
    "sengketa",
]
STATES = ["ready", "partial", "not_ready"]
NOW = datetime(2024, 2, 7, 0, 0, tzinfo=UTC)


async def make_data(url: str, regions: Path, reports: int) -> None:
    if url.startswith("postgresql"):
        engine = create_engine(url)
        async with engine.begin() as connection:
            await connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            await connection.execute(text("CREATE SCHEMA public"))
        await engine.dispose()
    await prepare(url, regions)
    [person_id] = (await add_people(url, [(1, "officer", "74")])).values()
    engine = create_engine(url)
    factory = create_session_factory(engine)
    async with factory() as session:
        villages = list(
            (
                await session.execute(
                    select(col(Region.code)).where(col(Region.level) == "village")
                )
            ).scalars()
        )
    rng = random.Random(7)
    latest: dict[tuple[str, str], tuple[int, str, datetime]] = {}
    next_id = 1
    chunk = 20000
    for start in range(0, reports, chunk):
        rows = []
        for _ in range(min(chunk, reports - start)):
            village, aspect = rng.choice(villages), rng.choice(ASPECTS)
            state = rng.choice(STATES)
            created = NOW - timedelta(seconds=rng.randint(0, 30 * 24 * 3600))
            rows.append(
                {
                    "id": next_id,
                    "person_id": person_id,
                    "reporter_role": "officer",
                    "region_code": village,
                    "aspect_code": aspect,
                    "state": state,
                    "photo_file_ids": [],
                    "status": "active",
                    "created_at": created,
                }
            )
            previous = latest.get((village, aspect))
            if previous is None or previous[2] < created:
                latest[(village, aspect)] = (next_id, state, created)
            next_id += 1
        async with factory() as session:
            await session.execute(insert(Report), rows)
            await session.commit()
    items = list(latest.items())
    for start in range(0, len(items), chunk):
        async with factory() as session:
            await session.execute(
                insert(Readiness),
                [
                    {
                        "region_code": v,
                        "aspect_code": a,
                        "report_id": i,
                        "state": s,
                        "reported_at": c,
                    }
                    for (v, a), (i, s, c) in items[start : start + chunk]
                ],
            )
            await session.commit()
    await engine.dispose()


def peak_rss_mb() -> float:
    """This process's own peak RSS. Not getrusage's ru_maxrss: on Linux a child started by
    fork and exec keeps its parent's high-water mark there (the data-making process's)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM in /proc/self/status")


async def measure(url: str, samples: int) -> None:
    engine = create_engine(url)
    factory = create_session_factory(engine)
    async with factory() as session:
        regencies = list(
            (
                await session.execute(
                    select(col(Region.code)).where(col(Region.level) == "regency")
                )
            ).scalars()
        )
        provinces = list(
            (
                await session.execute(
                    select(col(Region.code)).where(col(Region.level) == "province")
                )
            ).scalars()
        )
    rng = random.Random(3)
    from zoneinfo import ZoneInfo

    tz = ZoneInfo("Asia/Makassar")
    results = {}
    for label, codes in (
        ("regency", rng.sample(regencies, min(samples, len(regencies)))),
        ("province", rng.sample(provinces, min(max(samples // 4, 3), len(provinces)))),
    ):
        timings = []
        for code in codes:
            started = time.perf_counter()
            async with factory() as session:
                data = await build_digest(session, region_code=code, now=NOW)
            split_lines(render_digest(data, "id", tz))
            timings.append(time.perf_counter() - started)
        results[label] = timings
    await engine.dispose()
    peak_mb = peak_rss_mb()
    for label, timings in results.items():
        mean = sum(timings) / len(timings) * 1000
        worst = max(timings) * 1000
        print(
            f"{label} digests ({len(timings)}): mean {mean:.0f} ms, worst {worst:.0f} ms "
            f"per group = {mean / 100:.2f}x the 100 ms target"
        )
    ratio = peak_mb / 150
    print(f"peak RSS while building digests: {peak_mb:.0f} MB = {ratio:.2f}x the 150 MB target")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=1_000_000)
    parser.add_argument(
        "--regions", type=Path, default=ROOT.parent / "shared/data/wilayah_indonesia.csv"
    )
    parser.add_argument("--database", default=None)
    parser.add_argument("--samples", type=int, default=40)
    parser.add_argument("--measure-only", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure_only:
        asyncio.run(measure(args.measure_only, args.samples))
        return
    with tempfile.TemporaryDirectory() as folder:
        url = (
            normalize_database_url(args.database)
            if args.database
            else f"sqlite+aiosqlite:///{Path(folder) / 'national.db'}"
        )
        started = time.monotonic()
        asyncio.run(make_data(url, args.regions, args.reports))
        print(f"machine: {machine()}; database: {url.split(':', 1)[0]}")
        made = time.monotonic() - started
        print(f"data: {args.regions.name}, {args.reports} reports, made in {made:.0f} s")
        subprocess.run(
            [
                sys.executable,
                "-m",
                "bench.digest_scale",
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
