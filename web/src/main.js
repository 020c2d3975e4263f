// The participant's page: joins the session its address names, asks for a first name, and keeps the board, the
// notes this person writes and their dots in step with the facilitator's shared canvas.
import * as Y from 'yjs'
import { askName, editNoteDialog, storedName } from './dialogs.js'
import { drawBoard, drawLegend } from './board.js'
import { connect, sessionFromAddress } from './session.js'
import { PARKING_LOT, addNote, deleteNote, editNote, header, notesByBlock, randomHex } from './shape.js'
import { hostsStage, roundVisible } from './stage.js'
import { Dots } from './voting.js'

// Participants' colours, as the desktop app gives them (editor/shared/presence.py).
const COLORS = ['#1e88e5', '#d81b60', '#43a047', '#f4511e', '#8e24aa', '#00897b', '#3949ab', '#6d4c41']

const template = JSON.parse(document.getElementById('board-template').textContent)
const session = sessionFromAddress(window.location)
const voter = deviceId()
const you = { name: storedName(), color: COLORS[parseInt(voter.slice(0, 4), 16) % COLORS.length] }
const doc = new Y.Doc()
const dots = new Dots(doc, session.room, voter)
const state = { connection: 'connecting', reason: '', stage: null, people: 0, countdownAt: 0 }
const blockIds = template.blocks.map((block) => block.id)
const parkingLot = { id: PARKING_LOT, title: 'Parking lot', questions: [] }
const $ = (id) => document.getElementById(id)
$('board').style.setProperty('--board-columns', String(template.columns))

function deviceId () {
  try {
    let id = localStorage.getItem('canvas-editor.voter')
    if (!/^[0-9a-f]{16}$/.test(id ?? '')) {
      id = randomHex(8)
      localStorage.setItem('canvas-editor.voter', id)
    }
    return id
  } catch {
    return randomHex(8)
  }
}

const provider = connect(session, doc, (connection, reason) => {
  state.connection = connection
  state.reason = reason
  soon()
})
const awareness = provider.awareness

// Who this person is, for the others (the shape Yjs clients use), and how many dots they have placed, so that the
// facilitator sees who has voted (never where: that stays on this device until the counts may show).
let announced = ''
function announce () {
  if (!you.name) return
  const round = dots.round
  const presence = {
    user: { name: you.name, color: you.color },
    editing: null,
    moving: [],
    voted: round === null ? null : [round.number, dots.placed]
  }
  if (JSON.stringify(presence) === announced) return
  announced = JSON.stringify(presence)
  awareness.setLocalState(presence)
}

// What this person may do now, as the facilitator's stage says.
const mayChange = () => state.connection !== 'over' && !(state.stage?.readOnly)
const mayAdd = () => mayChange() && !(state.stage?.paused) && dots.round === null
const isMine = (note) => note.by === voter
const mayEdit = (note) => mayChange() && (isMine(note) || state.stage?.editAny === true)

function currentBlock () {
  const step = state.stage?.step
  return step ? template.fill_order[step - 1] ?? null : null
}

function noteColors (legend) {
  const colors = legend.map(([hex, name, meaning]) => [hex, name, meaning])
  for (const [name, hex] of Object.entries(template.palette)) {
    if (!colors.some((entry) => entry[1] === name || entry[0] === hex)) colors.push([hex, name, ''])
  }
  return colors
}

const actions = {
  add (blockId) {
    if (!mayAdd()) return
    const { legend } = header(doc, template.palette)
    editNoteDialog({
      note: null,
      blockId,
      blocks: [...template.blocks, parkingLot],
      colors: noteColors(legend),
      save: ({ text, block, color }) => addNote(doc, block, text, color, voter, template.palette, blockIds),
      remove: () => {}
    })
  },
  open (note) {
    if (!mayEdit(note)) return
    const { legend } = header(doc, template.palette)
    const blockId = [...notesByBlock(doc, blockIds, template.palette)].find(([, notes]) =>
      notes.some((other) => other.id === note.id))?.[0] ?? PARKING_LOT
    editNoteDialog({
      note,
      blockId,
      blocks: [...template.blocks, parkingLot],
      colors: noteColors(legend),
      save: (fields) => { if (mayEdit(note)) editNote(doc, note.id, fields, template.palette, blockIds) },
      remove: () => { if (mayEdit(note)) deleteNote(doc, note.id) }
    })
  },
  place (note) {
    if (!dots.place(note.id)) say(`You have placed all ${dots.round?.dots ?? ''} dots. Tap − on a note to take one back.`)
    announce()
    soon()
  },
  takeBack (note) {
    dots.takeBack(note.id)
    announce()
    soon()
  }
}

function say (message) {
  const toast = $('toast')
  toast.textContent = message
  toast.hidden = false
  clearTimeout(say.timer)
  say.timer = setTimeout(() => { toast.hidden = true }, 4000)
}

// Drawing, once a frame at most however many changes come in.
let drawing = false
function soon () {
  if (drawing) return
  drawing = true
  requestAnimationFrame(draw)
}

function draw () {
  drawing = false
  const { title, legend } = header(doc, template.palette)
  const round = dots.round
  $('title').textContent = title || template.name
  document.title = `${title || template.name}: Canvas Editor`
  const view = {
    template,
    parkingLot,
    notes: notesByBlock(doc, blockIds, template.palette),
    current: currentBlock(),
    hidden: state.stage?.story ?? null,
    showVotes: round === null || roundVisible(round),
    voting: round !== null,
    mine: dots.mine,
    mayAdd: mayAdd(),
    mayEdit,
    isMine,
    participantColor: you.color
  }
  drawBoard($('board'), view, actions)
  drawLegend($('legend'), legend)
  $('credit').textContent = template.credit
  drawStatus()
  drawVoting()
  drawNotice()
  // What scrolls into view goes below the sticky bar, however tall its notices make it.
  document.documentElement.style.scrollPaddingTop = `${document.querySelector('.bar').offsetHeight + 8}px`
  if (view.current !== drawn.current && view.current !== null) {
    document.querySelector(`[data-block="${CSS.escape(view.current)}"]`)?.scrollIntoView({ block: 'start' })
  }
  drawn.current = view.current
}
const drawn = { current: null }

function drawStatus () {
  const status = $('status')
  const labels = {
    connecting: 'Connecting…',
    connected: state.people > 1 ? `Connected · ${state.people} here` : 'Connected',
    offline: 'Offline: trying again',
    over: 'Session over'
  }
  status.textContent = labels[state.connection]
  status.dataset.state = state.connection
  $('me').textContent = you.name || 'Your name'
}

function drawVoting () {
  const bar = $('voting')
  const round = dots.round
  bar.hidden = round === null
  if (round === null) return
  const hidden = round.hidden && !round.revealed
  bar.textContent = `Voting: tap a note to give it a dot. ${dots.left} of ${round.dots} left.` +
    (hidden ? ' The counts stay hidden until the facilitator reveals them.' : '') +
    (round.revealed ? ' The votes are revealed.' : '')
}

function drawNotice () {
  const notice = $('notice')
  let text = ''
  if (state.connection === 'over') text = state.reason
  else if (state.connection === 'offline') {
    text = 'You are offline. Keep going: what you write is kept on this device and sent when the network is back.'
  } else if (state.stage?.readOnly) text = 'The facilitator has locked the canvas for now: you can look, and vote.'
  else if (state.stage?.paused) text = 'The facilitator has paused adding notes for now.'
  notice.textContent = text
  notice.hidden = !text
  notice.dataset.kind = state.connection === 'offline' || state.connection === 'over' ? 'warning' : 'info'
}

// The countdown: the host renews it each second; between renewals it counts on here.
function drawCountdown () {
  const chip = $('countdown')
  const countdown = state.stage?.countdown
  chip.hidden = !countdown
  if (!countdown) return
  const elapsed = countdown.running ? (performance.now() - state.countdownAt) / 1000 : 0
  const left = Math.max(0, Math.ceil(countdown.left - elapsed))
  chip.textContent = left === 0 ? "Time's up" : `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`
  chip.dataset.state = left === 0 ? 'over' : left <= 60 ? 'ending' : countdown.running ? 'running' : 'paused'
}
setInterval(drawCountdown, 250)

// A state that names someone (as the app's list of participants counts them): a state without a user is no one.
function isPerson (state) {
  return typeof state?.user === 'object' && state.user !== null
}

function heard () {
  // Offline, or back but not yet caught up, the host's stage is not heard: what it showed stays (a hidden round's
  // dots stay on this device), until the session has sent all it holds.
  const stage = hostsStage(awareness.getStates())
  if (stage !== null || (provider.wsconnected && provider.synced)) {
    if (stage?.countdown && JSON.stringify(stage.countdown) !== JSON.stringify(state.stage?.countdown)) {
      state.countdownAt = performance.now()
    }
    state.stage = stage
  }
  state.people = [...awareness.getStates().values()].filter(isPerson).length
  dots.follow(state.stage?.round ?? null)
  announce()
  drawCountdown()
  soon()
}
awareness.on('change', heard)
provider.on('sync', (synced) => { if (synced) heard() })
doc.on('update', soon)

$('me').addEventListener('click', () => askName(you.name, (name) => { you.name = name; announce(); soon() }))
if (you.name) announce()
else askName('', (name) => { you.name = name; announce(); soon() })
soon()
