"""Use cases: what a person can do, whether they asked from a chat or from the dashboard.

The rules of this layer:
- one module per feature, one async function per use case, keyword-only arguments: the unit of
  work (`bot.unit.UnitOfWork`: the session, the time, the outbox) and the acting person first,
  then plain values; it returns a plain result (a frozen dataclass, an enum of outcomes, or
  None for "not found") that a handler or a web view renders;
- access is asked of the one policy (`bot.domain.policy.decide`), never re-implemented;
- no `telegram` import, directly or through anything imported: handlers (bot/handlers) and web
  views (bot/web) are the only places that know where a request came from.
"""
