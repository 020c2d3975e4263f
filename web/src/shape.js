// The shared canvas as the page reads and writes it: the same Yjs document the desktop app keeps (see
// editor/shared/doc_shape.py and ballots.py), every value read with care, since any peer can write anything there.
//
//   doc.getMap('canvas')   "title", "legend" ([[colour, meaning], ...]) and the header fields
//   doc.getMap('notes')    note id -> Y.Map of "text", "color", "tags", "votes", "block", "order", ("at"), ("by")
//   doc.getMap('ballots')  "ROUND.VOTER" -> Y.Map of note id -> dots
import * as Y from 'yjs'
import { generateKeyBetween } from 'fractional-indexing'

export const PARKING_LOT = 'parking_lot'
export const MAX_TEXT = 10000 // characters in one note, as a canvas file holds at most
const HEX = /^#[0-9a-fA-F]{6}$/
const NOTE_ID = /^[A-Za-z0-9_-]{1,64}$/
const ORDER = /^[0-9A-Za-z]{1,128}$/

export function randomHex (bytes) {
  const values = crypto.getRandomValues(new Uint8Array(bytes))
  return Array.from(values, (value) => value.toString(16).padStart(2, '0')).join('')
}

// A colour as a note may hold it (a palette name or #rrggbb) in #rrggbb, or null when it is neither.
export function colorHex (value, palette) {
  if (typeof value !== 'string') return null
  if (Object.hasOwn(palette, value)) return palette[value]
  return HEX.test(value) ? value.toLowerCase() : null
}

// Whether white ink reads better than near-black on this colour (WCAG 2 contrast, as the board decides).
function luminance (hex) {
  const channel = (at) => {
    const c = parseInt(hex.slice(at, at + 2), 16) / 255
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
}

export const DARK_INK = '#1f1f1f'

export function isDark (hex) {
  const contrast = (one, other) => (Math.max(one, other) + 0.05) / (Math.min(one, other) + 0.05)
  const own = luminance(hex)
  return contrast(1, own) > contrast(luminance(DARK_INK), own)
}

function wholeNumber (value, most) {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= most ? value : 0
}

// Every note that can be shown, by block, each block's in order (equal order keys sort by id, as on every peer).
export function notesByBlock (doc, blockIds, palette) {
  const blocks = new Map([...blockIds, PARKING_LOT].map((id) => [id, []]))
  doc.getMap('notes').forEach((entry, id) => {
    if (!(entry instanceof Y.Map) || !NOTE_ID.test(id)) return
    const text = entry.get('text')
    if (typeof text !== 'string') return
    const block = entry.get('block')
    const order = entry.get('order')
    const by = entry.get('by')
    blocks.get(blocks.has(block) ? block : PARKING_LOT).push({
      id,
      text: text.slice(0, MAX_TEXT),
      color: colorHex(entry.get('color') ?? 'yellow', palette) ?? palette.yellow,
      colorName: typeof entry.get('color') === 'string' ? entry.get('color') : 'yellow',
      votes: wholeNumber(entry.get('votes'), 1000000),
      order: typeof order === 'string' && ORDER.test(order) ? order : 'a0',
      by: typeof by === 'string' ? by : ''
    })
  })
  for (const notes of blocks.values()) {
    notes.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  }
  return blocks
}

// The canvas's title and legend ([[#rrggbb, the colour's name as the note keeps it, what it means]]).
export function header (doc, palette) {
  const canvas = doc.getMap('canvas')
  const title = canvas.get('title')
  const legend = []
  const entries = canvas.get('legend')
  for (const pair of Array.isArray(entries) ? entries : []) {
    if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[1] !== 'string') continue
    const hex = colorHex(pair[0], palette)
    if (hex !== null) legend.push([hex, pair[0], pair[1]])
  }
  return { title: typeof title === 'string' ? title : '', legend }
}

// A new note at the end of `block`, written by this participant (`by`: their voter id); its id.
export function addNote (doc, block, text, color, by, palette, blockIds) {
  const notes = notesByBlock(doc, blockIds, palette).get(block) ?? []
  const last = notes.length ? notes[notes.length - 1].order : null
  const id = randomHex(8)
  const fields = { text, color, tags: [], votes: 0, block, order: generateKeyBetween(last, null), by }
  doc.transact(() => doc.getMap('notes').set(id, new Y.Map(Object.entries(fields))))
  return id
}

// A note's text, colour and block changed where they differ (a move to another block goes to its end).
export function editNote (doc, id, { text, color, block }, palette, blockIds) {
  const entry = doc.getMap('notes').get(id)
  if (!(entry instanceof Y.Map)) return false
  doc.transact(() => {
    if (entry.get('text') !== text) entry.set('text', text)
    if (entry.get('color') !== color) entry.set('color', color)
    if (entry.get('block') !== block) {
      const notes = notesByBlock(doc, blockIds, palette).get(block) ?? []
      const last = notes.length ? notes[notes.length - 1].order : null
      entry.set('block', block)
      entry.set('order', generateKeyBetween(last, null))
      if (entry.has('at')) entry.delete('at')
    }
  })
  return true
}

export function deleteNote (doc, id) {
  doc.transact(() => doc.getMap('notes').delete(id))
}

// This participant's ballot of a round as it is now (the whole of it), written where it differs.
export function castBallot (doc, round, voter, dots) {
  doc.transact(() => {
    const ballots = doc.getMap('ballots')
    const key = `${round}.${voter}`
    let ballot = ballots.get(key)
    if (!(ballot instanceof Y.Map)) {
      ballot = new Y.Map()
      ballots.set(key, ballot)
    }
    for (const [id, count] of Object.entries(dots)) {
      if (count > 0 && ballot.get(id) !== count) ballot.set(id, count)
    }
    for (const id of Array.from(ballot.keys())) {
      if (!(dots[id] > 0)) ballot.delete(id)
    }
  })
}

// The most-voted notes' ranks (1 + how many notes have more votes), as the board frames them: the first `places`.
export function voteRanks (notes, places = 3) {
  const voted = notes.filter((note) => note.votes > 0).sort((a, b) => b.votes - a.votes)
  const ranks = new Map()
  voted.forEach((note, index) => {
    const rank = index === 0 || note.votes !== voted[index - 1].votes ? index + 1 : ranks.get(voted[index - 1].id)
    if (rank <= places) ranks.set(note.id, rank)
  })
  return ranks
}
