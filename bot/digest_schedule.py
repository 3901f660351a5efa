"""Daily digests on the JobQueue: one job per subscription at its local time, rebuilt from
the database at start, plus a catch-up for a digest missed while the bot was down."""

from __future__ import annotations

from datetime import time
from typing import Any

from bot.context import PoskoContext, Services
from bot.digests import digest_due, send_digest
from storage.engine import read_session
from storage.incidents import active_subscriptions
from storage.models import Subscription

DIGEST_JOB_PREFIX = "digest:"


def digest_job_name(subscription_id: int) -> str:
    return f"{DIGEST_JOB_PREFIX}{subscription_id}"


async def digest_job(context: PoskoContext) -> None:
    """A subscription's daily digest (never twice on one local day)."""
    services = context.services
    assert context.job is not None
    subscription_id = context.job.data
    assert isinstance(subscription_id, int)
    await send_digest(services, subscription_id)


async def schedule_digests(application: Any, services: Services) -> int:
    """One daily job per active subscription at its local time, rebuilt from the database."""
    job_queue = application.job_queue
    async with read_session(services.session_factory) as session:
        subscriptions = [s for s in await active_subscriptions(session) if s.digest]
    # Read first, then swap without awaiting in between: a subscription never lacks its job.
    for job in job_queue.jobs():
        if job.name and job.name.startswith(DIGEST_JOB_PREFIX):
            job.schedule_removal()
    for subscription in subscriptions:
        schedule_digest(job_queue, subscription, services)
    return len(subscriptions)


def schedule_digest(job_queue: Any, subscription: Subscription, services: Services) -> None:
    """(Re)schedule one subscription's daily job. Touches no database, so a handler can call
    it inside its transaction: the job exists before the group sees its confirmation."""
    assert subscription.id is not None
    name = digest_job_name(subscription.id)
    for job in job_queue.get_jobs_by_name(name):
        job.schedule_removal()
    if not (subscription.active and subscription.digest):
        return
    hour, minute = (int(x) for x in subscription.digest_time.split(":"))
    job_queue.run_daily(
        digest_job,
        time=time(hour, minute, tzinfo=services.settings.timezone),
        data=subscription.id,
        name=name,
    )


async def catch_up_digests(services: Services) -> int:
    """At start: send today's digest to subscriptions whose time passed while the bot was
    down and that have not had it yet. `send_digest` keeps it to once a day; each digest
    is built without a write lock and written in its own short transaction, so a catch-up
    of hundreds never holds the database."""
    async with read_session(services.session_factory) as session:
        due = [
            subscription.id
            for subscription in await active_subscriptions(session)
            if subscription.digest
            and subscription.id is not None
            and digest_due(subscription.digest_time, services.clock.now(), services.settings)
        ]
    return sum([await send_digest(services, subscription_id) for subscription_id in due])
