"""The load of a national deployment against Telegram's limits: arithmetic, not a run.

Every assumption is a flag with its default printed next to the result, so the figures in
docs/scale.md can be re-derived (or re-done with other assumptions):

    python -m bench.national_load
    python -m bench.national_load --reports-per-village 20 --peak-share 0.5

Telegram's limits (Bot API FAQ): about 30 messages per second per bot, about 1 per second
in one private chat, 20 per minute in one group; paid broadcasts (`allow_paid_broadcast`,
paid in Telegram Stars) up to 1,000 per second.
"""

from __future__ import annotations

import argparse

PROVINCES, REGENCIES, DISTRICTS, VILLAGES = 38, 514, 7_285, 83_760
# The largest provinces by villages (desa/kelurahan): Jawa Tengah and Jawa Timur, about
# 8,500 each (Kemendagri 2025); the bundled Sulawesi Tenggara has 2,285.
LARGEST_PROVINCE_VILLAGES = 8_563
GLOBAL_PER_SECOND = 30
PAID_PER_SECOND = 1_000


def main(arguments: argparse.Namespace) -> None:
    a = arguments
    officers = VILLAGES * a.officers_per_village + DISTRICTS + REGENCIES
    reports = VILLAGES * a.reports_per_village + DISTRICTS * a.reports_per_district
    incidents = VILLAGES * a.incidents_per_village
    alert_copies = incidents * a.alert_recipients * (1 + a.escalated_share)
    groups = REGENCIES + DISTRICTS if a.district_groups else REGENCIES
    digest_messages = groups * a.messages_per_digest
    # Every report and command gets one reply; the officer's /status etc. are in the
    # "commands" share.
    replies = reports * (1 + a.commands_per_report)
    messages = replies + alert_copies + digest_messages
    peak_per_second = replies * a.peak_share / (a.peak_hours * 3600)
    print("national deployment, one bot token (assumptions as flags, defaults shown):")
    print(
        f"  people: {officers:,} ({a.officers_per_village}/village + one per district and regency)"
    )
    print(
        f"  reports/day: {reports:,} ({a.reports_per_village}/village, "
        f"{a.reports_per_district}/district); replies incl. other commands "
        f"(+{a.commands_per_report:.0%}): {replies:,.0f}"
    )
    print(
        f"  incidents/day: {incidents:,.0f} ({a.incidents_per_village}/village), alert "
        f"copies: {alert_copies:,.0f} ({a.alert_recipients} recipients, "
        f"{a.escalated_share:.0%} escalated once)"
    )
    print(f"  digest groups: {groups:,}, digest messages: {digest_messages:,}")
    print(f"  messages/day: {messages:,.0f} = {messages / 86400:.1f}/s averaged over 24 h")
    print(
        f"  peak: {a.peak_share:.0%} of the replies in {a.peak_hours} h = "
        f"{peak_per_second:.1f} replies/s against {GLOBAL_PER_SECOND}/s: "
        f"{peak_per_second / GLOBAL_PER_SECOND:.2f}x the limit"
    )
    print(
        f"  07:00 digests: {digest_messages:,} messages take "
        f"{digest_messages / GLOBAL_PER_SECOND / 60:.1f} min at {GLOBAL_PER_SECOND}/s, "
        f"{digest_messages / PAID_PER_SECOND:.0f} s as paid broadcast"
    )
    share = LARGEST_PROVINCE_VILLAGES / VILLAGES
    province_peak = peak_per_second * share
    province_digests = digest_messages * share
    print(
        f"one token per province (the largest, about {LARGEST_PROVINCE_VILLAGES:,} villages, "
        f"{share:.1%} of the country; its share of everything):"
    )
    print(
        f"  people {officers * share:,.0f}, reports/day {reports * share:,.0f}, replies/day "
        f"{replies * share:,.0f}, alert copies/day {alert_copies * share:,.0f}, "
        f"messages/day {messages * share:,.0f}"
    )
    print(
        f"  peak {province_peak:.1f} replies/s ({province_peak / GLOBAL_PER_SECOND:.2f}x "
        f"the limit); 07:00 digests {province_digests:,.0f} messages in "
        f"{province_digests / GLOBAL_PER_SECOND / 60:.1f} min"
    )
    print(
        f"  the shared database at the national peak: {peak_per_second:.1f} updates/s "
        f"(all {PROVINCES} tokens together)"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--officers-per-village", type=int, default=1)
    parser.add_argument("--reports-per-village", type=int, default=10, help="per day")
    parser.add_argument("--reports-per-district", type=int, default=10, help="per day")
    parser.add_argument("--commands-per-report", type=float, default=0.3)
    parser.add_argument("--incidents-per-village", type=float, default=0.01, help="per day")
    parser.add_argument("--alert-recipients", type=int, default=4)
    parser.add_argument("--escalated-share", type=float, default=0.3)
    parser.add_argument("--district-groups", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument("--messages-per-digest", type=int, default=2, help="text + chart")
    parser.add_argument("--peak-share", type=float, default=0.3, help="of a day's replies")
    parser.add_argument("--peak-hours", type=float, default=2.0)
    main(parser.parse_args())
