// The board as the page draws it: the template's blocks (laid out as the desktop board lays them on a wide screen,
// stacked in fill order on a phone, the walk's current block first), their notes in their colours, the dots, the
// legend and the credit line. Every text is set as text, never parsed as markup: a note that says <script> shows it.
import { DARK_INK, isDark, voteRanks } from './shape.js'

const ORDINALS = { 1: '1st', 2: '2nd', 3: '3rd' }

export function element (tag, className, text) {
  const node = document.createElement(tag)
  if (className) node.className = className
  if (text !== undefined) node.textContent = text
  return node
}

// `view`: { template, notes (block id -> notes), current (block id or null), hidden (ids the story holds back),
//           showVotes, mine (note id -> this person's dots), voting, mayEdit(note), mayAdd, participantColor }
// `act`: { add(blockId), open(note), place(note), takeBack(note) }
// What was drawn, by what it was drawn from: a block or a note whose inputs did not change keeps its element, so
// that a change elsewhere (a note someone added) never swaps the element under a finger that is tapping it.
const drawnBlocks = new Map()
const drawnNotes = new Map()

export function drawBoard (root, view, act) {
  const blocks = [...view.template.blocks, view.parkingLot]
  const shown = new Map(blocks.map((block) => [block.id, visibleNotes(view, block.id)]))
  const ranks = view.showVotes ? voteRanks([...shown.values()].flat()) : new Map()
  const sections = []
  const notesNow = new Map()
  for (const block of blocks) {
    const notes = shown.get(block.id)
    if (block === view.parkingLot && notes.length === 0) continue
    const items = notes.map((note) => {
      const rank = ranks.get(note.id)
      const key = JSON.stringify([note, rank, view.mayEdit(note), view.isMine(note), view.voting, view.showVotes,
        view.mine[note.id] ?? 0, view.participantColor])
      const drawn = drawnNotes.get(note.id)
      const item = drawn?.key === key ? drawn.item : drawNote(note, view, act, rank)
      notesNow.set(note.id, { key, item })
      return item
    })
    // (Not its notes, which go into the kept block: one added there leaves its open questions and the add button
    // that was tapped, with the focus the note's dialog gives back to it, in place.)
    const key = JSON.stringify([block.id, block.id === view.current, view.mayAdd])
    const drawn = drawnBlocks.get(block.id)
    const section = drawn?.key === key ? drawn.section : drawBlock(block, view, act)
    drawnBlocks.set(block.id, { key, section })
    const list = section.querySelector('.notes')
    if (!sameChildren(list, items)) list.replaceChildren(...items)
    sections.push(section)
  }
  drawnNotes.clear()
  for (const [id, drawn] of notesNow) drawnNotes.set(id, drawn)
  if (!sameChildren(root, sections)) root.replaceChildren(...sections)
}

function sameChildren (parent, children) {
  return parent.children.length === children.length && children.every((child, at) => parent.children[at] === child)
}

function visibleNotes (view, blockId) {
  const notes = view.notes.get(blockId) ?? []
  return view.hidden === null ? notes : notes.filter((note) => !view.hidden.has(note.id))
}

function drawBlock (block, view, act) {
  const section = element('section', 'block')
  section.dataset.block = block.id
  const fill = view.template.fill_order.indexOf(block.id)
  section.style.setProperty('--fill', String(fill < 0 ? 99 : fill))
  if (block.column !== undefined) {
    section.style.setProperty('--column', String(block.column + 1))
    section.style.setProperty('--row', String(block.row + 1))
    section.style.setProperty('--columns', String(block.column_span))
    section.style.setProperty('--rows', String(block.row_span))
  } else {
    section.classList.add('parking-lot')
  }
  if (block.id === view.current) section.classList.add('current')

  const head = element('div', 'block-head')
  const title = element('h2', 'block-title', block.title)
  title.id = `block-${block.id}`
  section.setAttribute('aria-labelledby', title.id)
  head.append(title)
  if (view.mayAdd) {
    const add = element('button', 'add', '+')
    add.type = 'button'
    add.setAttribute('aria-label', `Add a note to ${block.title}`)
    add.title = `Add a note to ${block.title}`
    add.addEventListener('click', () => act.add(block.id))
    head.append(add)
  }
  section.append(head)
  if (block.questions?.length) {
    const questions = element('details', 'questions')
    questions.open = block.id === view.current
    questions.append(element('summary', '', 'Key questions'))
    const list = element('ul')
    for (const question of block.questions) list.append(element('li', '', question))
    questions.append(list)
    section.append(questions)
  }
  section.append(element('ul', 'notes'))
  return section
}

function drawNote (note, view, act, rank) {
  const item = element('li', 'note')
  item.dataset.note = note.id
  item.style.setProperty('--paper', note.color)
  item.style.setProperty('--ink', isDark(note.color) ? '#ffffff' : DARK_INK)
  if (rank !== undefined) item.classList.add('ranked')
  const editable = view.mayEdit(note)
  if (editable) item.classList.add('editable')

  const body = element('button', 'note-body')
  body.type = 'button'
  body.append(element('span', 'note-text', note.text))
  if (view.voting) {
    body.setAttribute('aria-label', `Give a dot to: ${note.text.slice(0, 80)}`)
    body.addEventListener('click', () => act.place(note))
  } else if (editable) {
    body.setAttribute('aria-label', `Edit your note: ${note.text.slice(0, 80)}`)
    body.addEventListener('click', () => act.open(note))
  } else {
    body.disabled = true
  }
  item.append(body)

  const foot = element('div', 'note-foot')
  const mine = view.mine[note.id] ?? 0
  if (view.showVotes && note.votes > 0) {
    foot.append(element('span', 'votes', `● ${note.votes}`))
  }
  if (view.voting && mine > 0) {
    const dots = element('span', 'my-dots', '●'.repeat(Math.min(mine, 10)) + (mine > 10 ? ` ${mine}` : ''))
    dots.style.setProperty('--dot', view.participantColor)
    dots.title = `Your dots: ${mine}`
    foot.append(dots)
  }
  if (view.voting && mine > 0) {
    const back = element('button', 'take-back', '−')
    back.type = 'button'
    back.setAttribute('aria-label', 'Take a dot back')
    back.addEventListener('click', () => act.takeBack(note))
    foot.append(back)
  }
  if (rank !== undefined) foot.append(element('span', 'rank', ORDINALS[rank]))
  if (editable && !view.voting) foot.append(element('span', 'yours', view.isMine(note) ? 'yours · edit' : 'edit'))
  if (foot.childElementCount) item.append(foot)
  return item
}

export function drawLegend (root, legend) {
  root.replaceChildren(...legend.map(([hex, , meaning]) => {
    const entry = element('li', 'legend-entry')
    const swatch = element('span', 'swatch')
    swatch.style.setProperty('--paper', hex)
    entry.append(swatch, element('span', '', meaning))
    return entry
  }))
  root.hidden = legend.length === 0
}
