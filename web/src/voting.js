// This participant's dots in the host's voting round: placed and taken back on this device, never more than the
// round gives. While the counts are hidden they stay on this device (kept in its storage, so a reload keeps them);
// they reach the shared canvas, as this person's ballot, once the counts may show: at once in an open round, at the
// reveal in a hidden one, or when the round ends. The host adds the ballots into the notes' votes.
import { castBallot } from './shape.js'
import { roundVisible } from './stage.js'

export class Dots {
  constructor (doc, room, voter) {
    this.doc = doc
    this.room = room
    this.voter = voter
    this.round = null // the round going on, as the host's stage says
    this.mine = {} // note id -> dots placed by this person
  }

  get placed () {
    return Object.values(this.mine).reduce((sum, count) => sum + count, 0)
  }

  get left () {
    return this.round === null ? 0 : Math.max(0, this.round.dots - this.placed)
  }

  // The host's round (or null): a new round starts with every dot in hand; the end of one sends what was placed.
  follow (round) {
    const current = this.round
    if (current !== null && (round === null || round.number !== current.number)) this.send(current)
    if (round !== null && (current === null || round.number !== current.number)) this.mine = this._restore(round)
    this.round = round
    if (round !== null && roundVisible(round)) this.send(round)
  }

  place (noteId) {
    if (this.round === null || this.left === 0) return false
    this.mine[noteId] = (this.mine[noteId] ?? 0) + 1
    this._changed()
    return true
  }

  takeBack (noteId) {
    if (!this.mine[noteId]) return false
    this.mine[noteId] -= 1
    if (!this.mine[noteId]) delete this.mine[noteId]
    this._changed()
    return true
  }

  _changed () {
    const round = this.round
    try {
      localStorage.setItem(this._storageKey(round), JSON.stringify(this.mine))
    } catch {
      // no storage: the dots are still on this page
    }
    if (roundVisible(round)) this.send(round)
  }

  send (round) {
    castBallot(this.doc, round.number, this.voter, this.mine)
  }

  _storageKey (round) {
    return `canvas-editor.dots.${this.room}.${round.number}`
  }

  _restore (round) {
    try {
      const stored = JSON.parse(localStorage.getItem(this._storageKey(round)) ?? '{}')
      const mine = {}
      let total = 0
      for (const [id, count] of Object.entries(stored)) {
        if (Number.isInteger(count) && count > 0 && total + count <= round.dots) {
          mine[id] = count
          total += count
        }
      }
      return mine
    } catch {
      return {}
    }
  }
}
