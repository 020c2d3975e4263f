"""The document model: the operations editing needs, and the events views rely on."""

from __future__ import annotations

import pytest
from canvases import BMC

from editor.model import (
    Canvas,
    Event,
    HeaderChanged,
    Move,
    Moved,
    Note,
    NoteAdded,
    NoteChanged,
    NoteRemoved,
    NotesMoved,
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


def test_moves_say_each_notes_block_index_and_position_in_one_event(canvas: Canvas, events: list[Event]) -> None:
    web, store = canvas.notes("channels")
    (bank,) = canvas.notes("key_partners")
    canvas.move_notes([Move(web.id, "key_partners", 0, (0.5, 0.5))])
    assert texts(canvas, "key_partners") == ["Web", "Bank"] and texts(canvas, "channels") == ["Store"]
    assert canvas.block_of(web.id) == "key_partners" and web.position == (0.5, 0.5)
    assert events == [NotesMoved((Moved(web, "channels", 0, None, "key_partners", 0),))]
    canvas.move_notes([Move(web.id, "key_partners", 9, None)], origin="peer")  # past the end: at the end
    assert texts(canvas, "key_partners") == ["Bank", "Web"] and web.position is None
    assert events[-1] == NotesMoved((Moved(web, "key_partners", 0, (0.5, 0.5), "key_partners", 1),), "peer")
    canvas.move_notes([Move(store.id, "key_partners", 0, None), Move(bank.id, "channels", 0, (0.1, 0.1))])
    assert texts(canvas, "key_partners") == ["Store", "Web"] and texts(canvas, "channels") == ["Bank"]
    assert events[-1].block_ids == frozenset({"channels", "key_partners"})
    canvas.move_notes([])  # nothing moves: nothing is announced
    assert len(events) == 3


def test_moves_are_refused_whole_when_any_is_wrong(canvas: Canvas) -> None:
    web = canvas.notes("channels")[0]
    for moves in (
        [Move(web.id, "channels", 0, None), Move(web.id, "key_partners", 0, None)],  # one note twice
        [Move(web.id, "channels", 0, None), Move(999, "channels", 0, None)],  # no such note
        [Move(web.id, "no_such_block", 0, None)],
        [Move(web.id, "channels", 0, (1.5, 0.0))],  # off the block
    ):
        with pytest.raises((ValueError, KeyError)):
            canvas.move_notes(moves)
    assert texts(canvas, "channels") == ["Web", "Store"]


def test_two_notes_that_say_the_same_move_as_themselves(canvas: Canvas) -> None:
    twin = canvas.add_note("channels", Note("Web"))
    first = canvas.notes("channels")[0]
    canvas.move_notes([Move(twin.id, "key_partners", 0, None)])
    assert canvas.notes("channels")[0] is first and canvas.notes("key_partners")[0] is twin


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
