"""What an operator watches: Prometheus metrics of intake, outbox, jobs and leadership.

Counters and histograms are counted where things happen (the intake, the sender, the
digests). Figures that live in the database (pending updates, the outbox's depth, open
escalations) are read when `/metrics` is scraped, in one short read-only session; if the
database cannot be reached, the page still answers, with `posko_database_up 0`.

One registry per process (prometheus_client's default); names start with `posko_`.
"""

from __future__ import annotations

import asyncio
import logging
import time
from datetime import UTC, datetime
from typing import Any

from prometheus_client import CONTENT_TYPE_LATEST, Counter, Gauge, Histogram, generate_latest
from sqlalchemy import func, select
from sqlmodel import col

from storage.engine import SessionFactory, read_session
from storage.models import InboundUpdate, Incident, OutboxMessage
from storage.outbox import PENDING

log = logging.getLogger(__name__)

UPDATES_RECEIVED = Counter(
    "posko_updates_received_total", "Updates stored by this process (polling or webhook)"
)
UPDATES_PROCESSED = Counter("posko_updates_processed_total", "Updates processed by this process")
INTAKE_LAG = Histogram(
    "posko_intake_lag_seconds",
    "From a message's Telegram timestamp to its update being processed",
    buckets=(0.25, 0.5, 1, 2, 5, 10, 30, 60, 300, 1800),
)
SENDS = Counter("posko_sends_total", "Bot API calls the outbox made that Telegram accepted")
SEND_ERRORS = Counter(
    "posko_send_errors_total", "Bot API calls the outbox made that failed, by kind", ["kind"]
)
DIGESTS = Counter("posko_digests_delivered_total", "Digests written to the outbox for a group")
UPDATES_PENDING = Gauge("posko_updates_pending", "Stored updates not processed yet")
OLDEST_UPDATE_AGE = Gauge(
    "posko_updates_oldest_pending_age_seconds", "Age of the oldest unprocessed update"
)
OUTBOX_DEPTH = Gauge("posko_outbox_depth", "Pending outbox messages, by priority", ["priority"])
OUTBOX_OLDEST_AGE = Gauge(
    "posko_outbox_oldest_age_seconds", "Age of the oldest pending outbox message"
)
ESCALATIONS_PENDING = Gauge(
    "posko_escalations_pending", "Unacknowledged incidents waiting for an escalation"
)
LEADER = Gauge("posko_leader", "1 while this process leads, 0 while it stands by")
DATABASE_UP = Gauge("posko_database_up", "1 when the last scrape could read the database")
DEGRADED = Gauge("posko_degraded", "1 while intake or outbox wait for the database")

PRIORITY_NAMES = {0: "reply", 1: "alert", 2: "bulk"}
SCRAPE_TIMEOUT_SECONDS = 3.0


def count_send_error(kind: str) -> None:
    SEND_ERRORS.labels(kind=kind).inc()


def observe_processed(payload: dict[str, Any]) -> None:
    UPDATES_PROCESSED.inc()
    message = payload.get("message") or payload.get("edited_message")
    if isinstance(message, dict) and isinstance(message.get("date"), int):
        INTAKE_LAG.observe(max(0.0, time.time() - message["date"]))


async def read_database_figures(session_factory: SessionFactory) -> bool:
    """Set the gauges read from the database; False when it could not be reached."""
    try:
        await asyncio.wait_for(_read(session_factory), SCRAPE_TIMEOUT_SECONDS)
    except Exception as error:  # the page must answer during an outage: that is its point
        log.info("metrics: database figures unavailable (%s)", type(error).__name__)
        DATABASE_UP.set(0)
        return False
    DATABASE_UP.set(1)
    return True


async def _read(session_factory: SessionFactory) -> None:
    now = datetime.now(UTC)
    async with read_session(session_factory) as session:
        pending, oldest_update = (
            await session.execute(
                select(func.count(), func.min(col(InboundUpdate.received_at))).where(
                    col(InboundUpdate.processed_at).is_(None)
                )
            )
        ).one()
        by_priority = (
            await session.execute(
                select(
                    col(OutboxMessage.priority),
                    func.count(),
                    func.min(col(OutboxMessage.created_at)),
                )
                .where(col(OutboxMessage.status) == PENDING)
                .group_by(col(OutboxMessage.priority))
            )
        ).all()
        escalations = (
            await session.execute(
                select(func.count())
                .select_from(Incident)
                .where(
                    col(Incident.next_escalation_at).is_not(None),
                    col(Incident.acknowledged_at).is_(None),
                )
            )
        ).scalar_one()
    UPDATES_PENDING.set(pending)
    OLDEST_UPDATE_AGE.set(_age(now, oldest_update))
    depths = {name: 0 for name in PRIORITY_NAMES.values()}
    oldest: datetime | None = None
    for priority, count, created in by_priority:
        name = PRIORITY_NAMES.get(int(priority), str(priority))
        depths[name] = depths.get(name, 0) + int(count)
        oldest = created if oldest is None or (created and created < oldest) else oldest
    for name, count in depths.items():
        OUTBOX_DEPTH.labels(priority=name).set(count)
    OUTBOX_OLDEST_AGE.set(_age(now, oldest))
    ESCALATIONS_PENDING.set(escalations)


def _age(now: datetime, then: datetime | None) -> float:
    if then is None:
        return 0.0
    if then.tzinfo is None:
        then = then.replace(tzinfo=UTC)
    return max(0.0, (now - then).total_seconds())


def exposition() -> tuple[bytes, str]:
    """The metrics page and its content type."""
    return generate_latest(), CONTENT_TYPE_LATEST
