"""ShareDialog: Workshop > Share Canvas…: where to share the canvas (the local network, this computer only, or
through a y-websocket server), then the link to give out (the participants' page, when this computer serves it),
with a button that copies it and one that shows the join code on the board, what the others may do, and the way
to end the session."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from editor.board import style
from editor.shared.presence import MAX_NAME, Participant

LOCAL_NETWORK, THIS_COMPUTER = "0.0.0.0", "127.0.0.1"


class ShareDialog(QDialog):
    read_only_changed = Signal(bool)  # the host: whether only they may change the canvas now
    paused_changed = Signal(bool)  # the host: whether the others may not add notes now
    edit_any_changed = Signal(bool)  # the host: whether the page's participants may edit everyone's notes
    join_code_requested = Signal()  # the host: show or hide the join code on the board
    remove_requested = Signal(object)  # the host: take this Participant out of the session

    def __init__(self, parent: QWidget, start: Callable[[str], None], end: Callable[[], None], name: str) -> None:
        """`start(address)` shares the canvas there (an address to listen on, or a server's ws:// URL); `end()` ends
        the session. `name` is how the others see this person. `show_link` shows the link once it is up."""
        super().__init__(parent)
        self.setObjectName("shareDialog")
        self.setWindowTitle("Share Canvas")
        self.setMinimumWidth(520)  # as wide before sharing as with the link in it
        self._start, self._end = start, end
        layout = QVBoxLayout(self)
        self.intro = QLabel(
            "The people you give the link to edit this canvas with you, each from their own computer. "
            "It stays on this computer: no account, no cloud. Only who has the link can join.",
            self,
        )
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        names = QFormLayout()
        self.name = QLineEdit(name, self)
        self.name.setObjectName("shareName")
        self.name.setMaxLength(MAX_NAME)
        names.addRow("Your &name:", self.name)
        layout.addLayout(names)
        self.local_network = QRadioButton("On the &local network (everyone in the room)", self)
        self.local_network.setObjectName("shareLocalNetwork")
        self.local_network.setChecked(True)
        self.this_computer = QRadioButton("On &this computer only (other windows here)", self)
        self.this_computer.setObjectName("shareThisComputer")
        self.through_server = QRadioButton("Through a y-websocket &server (for a team):", self)
        self.through_server.setObjectName("shareThroughServer")
        self.server_url = QLineEdit(self)
        self.server_url.setObjectName("shareServerUrl")
        self.server_url.setPlaceholderText("ws://server.example:1234/our-canvas")
        self.server_url.textEdited.connect(lambda: self.through_server.setChecked(True))
        layout.addWidget(self.local_network)
        layout.addWidget(self.this_computer)
        layout.addWidget(self.through_server)
        layout.addWidget(self.server_url)
        self.link = QLineEdit(self)
        self.link.setObjectName("shareLink")
        self.link.setReadOnly(True)
        self.link.setMinimumWidth(460)
        self.link.hide()
        layout.addWidget(self.link)
        self.people = QListWidget(self)
        self._people: list[Participant] = []  # who takes part, as last heard
        self._shown: list[Participant] = []  # ... and as the list shows them
        self.people.setObjectName("shareParticipants")
        self.people.setMaximumHeight(140)
        self.people.hide()
        layout.addWidget(self.people)
        self.read_only = QCheckBox("Only &I change the canvas for now (the others look, and vote)", self)
        self.read_only.setObjectName("shareReadOnly")
        self.read_only.toggled.connect(self.read_only_changed.emit)
        self.read_only.hide()
        layout.addWidget(self.read_only)
        self.paused = QCheckBox("No new &notes for now (the others still edit, move and vote)", self)
        self.paused.setObjectName("sharePaused")
        self.paused.toggled.connect(self.paused_changed.emit)
        self.paused.hide()
        layout.addWidget(self.paused)
        self.edit_any = QCheckBox("People in a &browser may edit everyone's notes, not only their own", self)
        self.edit_any.setObjectName("shareEditAny")
        self.edit_any.toggled.connect(self.edit_any_changed.emit)
        self.edit_any.hide()
        layout.addWidget(self.edit_any)
        self.status = QLabel(self)
        self.status.setObjectName("shareStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.reach = QLabel(self)  # whether the session answers on the local network
        self.reach.setObjectName("shareReach")
        self.reach.setWordWrap(True)
        self.reach.hide()
        layout.addWidget(self.reach)
        buttons = QDialogButtonBox(self)
        self.start_button = buttons.addButton("&Start Sharing", QDialogButtonBox.ButtonRole.AcceptRole)
        self.start_button.setObjectName("shareStart")
        self.copy_button = buttons.addButton("&Copy Link", QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.setObjectName("shareCopy")
        self.copy_button.hide()
        self.code_button = buttons.addButton("Join C&ode", QDialogButtonBox.ButtonRole.ActionRole)
        self.code_button.setObjectName("shareJoinCode")
        self.code_button.setToolTip("Show or hide the join code beside the board, for phones to scan (J)")
        self.code_button.clicked.connect(self.join_code_requested.emit)
        self.code_button.hide()
        self.end_button: QPushButton = buttons.addButton("&End Session", QDialogButtonBox.ButtonRole.DestructiveRole)
        self.end_button.setObjectName("shareEnd")
        self.end_button.hide()
        self.remove_button = buttons.addButton("&Remove", QDialogButtonBox.ButtonRole.ActionRole)
        self.remove_button.setObjectName("shareRemove")
        self.remove_button.setToolTip("Disconnect the selected participant; their device cannot come back in")
        self.remove_button.hide()
        self.remove_button.clicked.connect(self._remove_clicked)
        self.people.currentItemChanged.connect(lambda *_: self._enable_remove())
        self._removable = False
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.hide)
        self.start_button.clicked.connect(self._start_clicked)
        self.copy_button.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.link.text()))
        self.end_button.clicked.connect(self._end)
        layout.addWidget(buttons)

    def _start_clicked(self) -> None:
        self.start_button.setEnabled(False)
        self.status.setText("Starting…")
        if self.through_server.isChecked():
            from editor.shared.client import session_url

            try:
                url = session_url(self.server_url.text())
            except ValueError as error:
                self.start_button.setEnabled(True)
                self.status.setText(f"The server's address: {error}.")
                return
            self._start(url)
        else:
            self._start(THIS_COMPUTER if self.this_computer.isChecked() else LOCAL_NETWORK)

    def show_link(self, link: str, hosting: bool = True, removable: bool = True, page: str = "") -> None:
        """The session is up: the link, ready to copy (`page`, the participants' page, when this computer serves
        it: browsers open it, and the app joins with it too); for the host (`hosting`), what the others may do,
        and (`removable`: on this computer's server) the way to remove one of them."""
        self._removable = hosting and removable
        shown = [self.link, self.people, self.copy_button, self.end_button]
        rules = [self.read_only, self.paused, *([self.edit_any, self.code_button] if page else [])]
        self._show(*shown, *(rules if hosting else []), *([self.remove_button] if self._removable else []))
        self._enable_remove()
        self.name.setEnabled(False)  # the others know this person by the name they took part with
        self.link.setText(page or link)
        self.link.selectAll()
        self.status.setText(
            "Give this link to the people who take part: a browser opens it (no app, no account), and so does "
            "Canvas Editor (File ▸ Join Session…)."
            if page
            else "Give this link to the people who take part."
        )

    def show_checked(self, problem: str) -> None:
        """Whether the session answers at its address on the local network."""
        self.reach.setText(
            f"Others may not reach this computer: {problem}"
            if problem
            else "It answers on the local network. If phones cannot open it, the Wi-Fi may keep devices apart: "
            "connect this computer and the phones to a phone's hotspot instead (the README says how)."
        )
        self.reach.setStyleSheet(f"color: {style.WARNING.name()};" if problem else "")
        self.reach.show()

    def show_participants(self, people: list[Participant]) -> None:
        """Who takes part, each with their colour ("you" beside this person's name). The list is renewed when it
        changes and the window is open (a room of thirty renews it many times a second while they vote): a window
        opened later shows it as it is then."""
        self._people = people
        if self.isVisible() and people != self._shown:
            self._fill()

    def showEvent(self, event: QShowEvent) -> None:
        if self._people != self._shown:
            self._fill()
        super().showEvent(event)

    def _fill(self) -> None:
        people = self._shown = self._people
        chosen = self._selected()  # kept across the list's renewals (a countdown renews it every second)
        self.people.clear()
        for person in people:
            name = f"{person.name} (you)" if person.you else person.name
            if person.voted is not None and person.voted[1]:
                name += f" · {person.voted[1]} dots placed"
            item = QListWidgetItem(style.swatch(person.color), name)
            item.setData(Qt.ItemDataRole.UserRole, person)
            self.people.addItem(item)
            if chosen is not None and person.client == chosen.client and not person.you:
                self.people.setCurrentItem(item)
        self._enable_remove()
        count = len(people)
        self.status.setText(f"{count} taking part. Give this link to the others." if count else self.status.text())

    def _selected(self) -> Participant | None:
        item = self.people.currentItem()
        person = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return person if isinstance(person, Participant) and not person.you else None

    def _enable_remove(self) -> None:
        self.remove_button.setEnabled(self._removable and self._selected() is not None)

    def _remove_clicked(self) -> None:
        person = self._selected()
        if person is not None:
            self.remove_requested.emit(person)

    def show_ended(self, why: str) -> None:
        """The session ended (or did not start): back to the start, saying why."""
        self._show(self.local_network, self.this_computer, self.through_server, self.server_url, self.start_button)
        self.start_button.setEnabled(True)
        self.name.setEnabled(True)
        for rule in (self.read_only, self.paused, self.edit_any):
            rule.setChecked(False)
        self.reach.hide()
        self.status.setText(f"The session ended: {why}" if why else "The session ended.")

    def _show(self, *shown: QWidget) -> None:
        """Show these of the dialog's two sets of widgets (before sharing, and while sharing), and hide the other."""
        before: tuple[QWidget, ...] = (
            self.local_network,
            self.this_computer,
            self.through_server,
            self.server_url,
            self.start_button,
        )
        during = (
            self.link,
            self.people,
            self.read_only,
            self.paused,
            self.edit_any,
            self.copy_button,
            self.code_button,
            self.end_button,
            self.remove_button,
        )
        for widget in (*before, *during):
            widget.setVisible(widget in shown)
        self.adjustSize()  # to what it shows now: a window once shown keeps its size, and would crop its text
