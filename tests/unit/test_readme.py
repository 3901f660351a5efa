"""The README's access-policy table is the policy in bot/domain/policy.py."""

from __future__ import annotations

from tools.policy_table import README, readme_table, render


def test_the_readme_policy_table_is_generated_from_the_code() -> None:
    assert readme_table(README.read_text(encoding="utf-8")) == render(), (
        "README.md's policy table differs from bot/domain/policy.py: "
        "run `python -m tools.policy_table --write`"
    )


def test_the_table_has_a_row_per_action_read_from_the_policy() -> None:
    from bot.domain.policy import POLICY

    rows = render().splitlines()[2:]
    assert [row.split("`")[1] for row in rows] == [action.value for action in POLICY]
    # Leaders only, and only in a group (the row as a reader sees it).
    assert "| `subscribe_group` | — | ✓ | ✓ | — | ✓ | — |" in rows
