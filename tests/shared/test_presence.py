"""Who takes part, read from what peers say of themselves: whatever they send, a list that reads well."""

from __future__ import annotations

from editor.shared.presence import MAX_NAME, NEUTRAL, UNNAMED, participants, presence


def test_names_and_colours_come_sorted_with_this_peer_first() -> None:
    states = {1: presence("zoë", "#1E88E5"), 2: presence("Adam", "#d32f2f"), 3: presence("Mia", "#00aa00")}
    listed = participants(states, own=3)
    assert [(p.name, p.color, p.you) for p in listed] == [
        ("Mia", "#00aa00", True),
        ("Adam", "#d32f2f", False),
        ("zoë", "#1e88e5", False),
    ]


def test_what_a_peer_may_send_about_itself_is_read_with_care() -> None:
    states = {
        1: {"user": {"name": "x" * 500, "color": "red; background: url(evil)"}},
        2: {"user": {"name": ["not", "text"], "color": 12}},
        3: {"user": {"name": "  Two\n  lines\t", "color": "#12345"}},
        4: {"cursor": 3},  # no user: not listed
        5: "not a state",
    }
    listed = participants(states)
    assert len(listed) == 3 and all(p.color == NEUTRAL for p in listed)
    assert {p.name for p in listed} >= {UNNAMED, "Two lines"}
    assert max(len(p.name) for p in listed) == MAX_NAME
