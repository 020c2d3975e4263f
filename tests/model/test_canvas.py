"""The document model: the operations editing needs, and the events views rely on."""

from __future__ import annotations

import pytest
from canvases import BMC

from editor.model import (
    Canvas,
    Event,
    HeaderChanged,
    Note,
    NoteAdded,
    NoteChanged,
    NoteMoved,
    NoteRemoved,
    NotesArranged,
    Reset,
)


@pytest.fixture
def canvas() -> Canvas:
    return Canvas(BMC, title="Shop", blocks={"channels": [Note("Web"), Note("Store")], "key_partners": [Note("Bank")]})


@pytest.fixture
def events(canvas: Canvas) -> list[Event]:
    heard: list[Event] = []
    canvas.subscribe(heard.append)
    return heard


def texts(canvas: Canvas, block: str) -> list[str]:
    return [note.text for note in canvas.notes(block)]


def test_new_canvas_has_every_block_of_the_template_and_its_header_fields() -> None:
    canvas = Canvas(BMC)
    assert len(canvas.template.blocks) == 9
    assert all(canvas.notes(block) == [] for block in canvas.template.block_ids)
    assert dict(canvas.fields) == {"designed_for": "", "designed_by": "", "date": "", "version": ""}


def test_add_appends_or_inserts_and_announces(canvas: Canvas, events: list[Event]) -> None:
    first = canvas.add_note("channels", Note("Radio"))
    canvas.add_note("channels", Note("TV"), index=0)
    assert texts(canvas, "channels") == ["TV", "Web", "Store", "Radio"]
    assert events[0] == NoteAdded("channels", 2, first)
    assert canvas.block_of(first.id) == "channels" and canvas.index_of(first.id) == 3
    with pytest.raises(ValueError):
        canvas.add_note("channels", first)
    with pytest.raises(KeyError):
        canvas.add_note("no_such_block", Note("x"))


def test_remove_returns_where_the_note_was(canvas: Canvas, events: list[Event]) -> None:
    web = canvas.notes("channels")[0]
    assert canvas.remove_note(web.id) == ("channels", 0, web)
    assert texts(canvas, "channels") == ["Store"]
    assert events == [NoteRemoved("channels", 0, web)]
    assert canvas.note_count() == 2


def test_update_sets_values_and_announces_only_real_changes(canvas: Canvas, events: list[Event]) -> None:
    web = canvas.notes("channels")[0]
    canvas.update_note(web.id, text="Website", color="BLUE".lower(), votes=2)
    canvas.update_note(web.id, text="Website")
    assert (web.text, web.color, web.votes) == ("Website", "blue", 2)
    assert events == [
        NoteChanged(web, frozenset({"text", "color", "votes"}), {"text": "Web", "color": "yellow", "votes": 0})
    ]
    canvas.update_note(web.id, origin="peer", votes=3)  # a change that came from elsewhere says so
    assert events[-1] == NoteChanged(web, frozenset({"votes"}), {"votes": 2}, "peer")
    canvas.update_note(web.id, color="#AABBCC", tags=["a"], position=(0.5, 0.25))
    assert (web.color, web.tags, web.position) == ("#aabbcc", ("a",), (0.5, 0.25))


@pytest.mark.parametrize("values", [{"color": "mauve"}, {"votes": -1}, {"position": (1.5, 0.0)}, {"colour": "blue"}])
def test_update_refuses_values_a_file_could_not_hold(canvas: Canvas, values: dict[str, object]) -> None:
    web = canvas.notes("channels")[0]
    with pytest.raises((ValueError, TypeError)):
        canvas.update_note(web.id, **values)
    assert (web.color, web.votes, web.position) == ("yellow", 0, None)


def test_move_to_another_block_and_reorder_within_one(canvas: Canvas, events: list[Event]) -> None:
    web, store = canvas.notes("channels")
    canvas.move_note(web.id, "key_partners", 0)
    assert texts(canvas, "key_partners") == ["Web", "Bank"] and texts(canvas, "channels") == ["Store"]
    assert canvas.block_of(web.id) == "key_partners"
    canvas.move_note(web.id, "key_partners")  # to the end of its own block
    assert texts(canvas, "key_partners") == ["Bank", "Web"]
    canvas.move_note(store.id, "channels", 0)  # already there: nothing happens
    assert events == [
        NoteMoved(web, "channels", "key_partners", 0, from_index=0),
        NoteMoved(web, "key_partners", "key_partners", 1, from_index=0),
    ]


def test_header_changes_are_announced(canvas: Canvas, events: list[Event]) -> None:
    canvas.set_title("Shop 2")
    canvas.set_title("Shop 2")
    canvas.set_field("date", "2026-11-23")
    canvas.set_legend({"blue": "Retail"})
    assert events == [HeaderChanged("title", "Shop"), HeaderChanged("date", ""), HeaderChanged("legend", {})]
    with pytest.raises(KeyError):
        canvas.set_field("designed_four", "x")
    with pytest.raises(ValueError):
        canvas.set_legend({"teal": "x"})


def test_equality_is_about_content_not_note_identity(canvas: Canvas) -> None:
    twin = Canvas(BMC, title="Shop", blocks={"channels": [Note("Web"), Note("Store")], "key_partners": [Note("Bank")]})
    assert twin == canvas
    twin.update_note(twin.notes("channels")[0].id, votes=1)
    assert twin != canvas
    assert Note("a").copy() == Note("a") and Note("a").copy().id != Note("a").id


def test_content_is_a_snapshot_that_later_edits_do_not_change(canvas: Canvas) -> None:
    before = canvas.content()
    web = canvas.notes("channels")[0]
    canvas.update_note(web.id, text="Website", color="pink", tags=("new",), votes=2, position=(0.5, 0.5))
    assert canvas.content() != before
    canvas.update_note(web.id, text="Web", color="yellow", tags=(), votes=0, position=None)
    assert canvas.content() == before


def test_replace_with_keeps_listeners_and_announces_a_reset(canvas: Canvas, events: list[Event]) -> None:
    other = Canvas(BMC, title="Other", blocks={"channels": [Note("Mail")]})
    canvas.replace_with(other)
    assert canvas == other and events == [Reset()]
    mail = canvas.notes("channels")[0]
    canvas.remove_note(mail.id)
    assert other.notes("channels") == [mail]  # the other canvas is untouched


def test_arrange_moves_many_notes_between_blocks_in_one_event(canvas: Canvas, events: list[Event]) -> None:
    web, store = canvas.notes("channels")
    (bank,) = canvas.notes("key_partners")
    before = canvas.arrangement(["channels", "key_partners"])
    canvas.arrange({"channels": [], "key_partners": [bank.id, store.id, web.id]}, {web.id: (0.5, 0.5)})
    assert texts(canvas, "key_partners") == ["Bank", "Store", "Web"] and texts(canvas, "channels") == []
    assert canvas.block_of(web.id) == "key_partners" and web.position == (0.5, 0.5)
    assert events == [NotesArranged(frozenset({"channels", "key_partners"}))]
    canvas.arrange(before, {web.id: None})
    assert texts(canvas, "channels") == ["Web", "Store"] and web.position is None


def test_arrange_refuses_to_lose_or_invent_notes(canvas: Canvas) -> None:
    web, store = canvas.notes("channels")
    for orders in ({"channels": [web.id]}, {"channels": [web.id, store.id, store.id]}, {"channels": [web.id, 999]}):
        with pytest.raises(ValueError):
            canvas.arrange(orders)
    assert texts(canvas, "channels") == ["Web", "Store"]
