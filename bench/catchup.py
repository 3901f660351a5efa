"""Catch-up after an outage: N updates queued at Telegram while the bot was down.

Measured: from start until every queued update is stored and processed (replies then
leave at Telegram's allowed rate, which is the baseline: N replies need N / 30 s).

    python -m bench.catchup [--updates 10000] [--database postgresql://…/scratch]
"""

from __future__ import annotations

import argparse
import asyncio
import time

from sqlalchemy import func, select
from sqlmodel import col

from bench.common import add_people, empty_database, machine, stack
from bot.config import normalize_database_url
from storage.engine import create_engine, create_session_factory
from storage.models import InboundUpdate, Report


async def main(updates: int, database: str | None = None) -> None:
    if database is not None:
        database = normalize_database_url(database)
        await empty_database(database)
    async with stack(database, start=False) as s:
        people = max(1, updates // 10)
        users = [
            await s.sandbox.create_user(f"U{n}", user_id=600000 + n, started=True)
            for n in range(people)
        ]
        await add_people(s.database_url, [(u.id, "officer", "74.09.01") for u in users])
        for n in range(updates):
            await users[n % people].send(f"/lapor distribusi sebagian {n % 100}%")
        started = time.monotonic()
        await s.runtime.start()
        engine = create_engine(s.database_url)
        factory = create_session_factory(engine)
        while True:
            async with factory() as session:
                stored = (
                    await session.execute(select(func.count()).select_from(InboundUpdate))
                ).scalar_one()
                pending = (
                    await session.execute(
                        select(func.count())
                        .select_from(InboundUpdate)
                        .where(col(InboundUpdate.processed_at).is_(None))
                    )
                ).scalar_one()
            if stored >= updates and pending == 0:
                break
            await asyncio.sleep(0.2)
        elapsed = time.monotonic() - started
        async with factory() as session:
            reports = (await session.execute(select(func.count()).select_from(Report))).scalar_one()
        await engine.dispose()
    replies_need = updates / 30
    print(f"machine: {machine()}; database: {'PostgreSQL' if database else 'SQLite'}")
    print(
        f"{updates} queued updates stored and processed in {elapsed:.1f} s "
        f"({updates / elapsed:.0f} updates/s); {reports} reports stored"
    )
    print(
        f"the {updates} replies then need {replies_need:.0f} s at Telegram's 30/s: catch-up is "
        f"{elapsed / replies_need:.2f}x of that"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--updates", type=int, default=10000)
    parser.add_argument(
        "--database", default=None, help="a PostgreSQL URL (its public schema is emptied)"
    )
    arguments = parser.parse_args()
    asyncio.run(main(arguments.updates, arguments.database))
