// The page's two dialogs: the first name a participant takes part with (remembered on this device), and a note's
// text, block and colour (a new note, or one of theirs: edit or delete).
import { DARK_INK, isDark, MAX_TEXT } from './shape.js'
import { element } from './board.js'

const NAME_KEY = 'canvas-editor.name'
export const MAX_NAME = 40

export function storedName () {
  try {
    return (localStorage.getItem(NAME_KEY) ?? '').slice(0, MAX_NAME)
  } catch {
    return ''
  }
}

// Ask for a first name; `done(name)` once given.
export function askName (current, done) {
  const dialog = document.getElementById('name-dialog')
  const input = document.getElementById('name-input')
  const form = dialog.querySelector('form')
  input.value = current
  form.onsubmit = (event) => {
    event.preventDefault()
    const name = input.value.replace(/\s+/g, ' ').trim().slice(0, MAX_NAME)
    if (!name) return input.focus()
    try {
      localStorage.setItem(NAME_KEY, name)
    } catch {
      // kept for this visit only
    }
    dialog.close()
    done(name)
  }
  dialog.showModal()
  input.focus()
}

// A note's dialog: `note` null for a new note in `blockId`. `save({text, block, color})`, `remove()`.
export function editNoteDialog ({ note, blockId, blocks, colors, save, remove }) {
  const dialog = document.getElementById('note-dialog')
  const text = document.getElementById('note-text')
  const block = document.getElementById('note-block')
  const swatches = document.getElementById('note-colors')
  const problem = document.getElementById('note-problem')
  const deleteButton = document.getElementById('note-delete')
  document.getElementById('note-heading').textContent = note === null ? 'New note' : 'Edit note'
  document.getElementById('note-save').textContent = note === null ? 'Add note' : 'Save'
  text.value = note === null ? '' : note.text
  text.maxLength = MAX_TEXT
  problem.textContent = ''
  block.replaceChildren(...blocks.map(({ id, title }) => {
    const option = element('option', '', title)
    option.value = id
    return option
  }))
  block.value = blockId
  let chosen = note === null ? colors[0][1] : note.colorName
  const drawSwatches = () => {
    swatches.replaceChildren(...colors.map(([hex, name, meaning]) => {
      const swatch = element('button', 'swatch-button')
      swatch.type = 'button'
      swatch.style.setProperty('--paper', hex)
      swatch.style.setProperty('--ink', isDark(hex) ? '#ffffff' : DARK_INK)
      swatch.setAttribute('aria-pressed', String(name === chosen))
      swatch.setAttribute('aria-label', meaning ? `${meaning} (${name})` : name)
      swatch.title = meaning || name
      swatch.append(element('span', 'swatch-meaning', meaning || name)) // (a phone shows no tooltips)
      swatch.addEventListener('click', () => { chosen = name; drawSwatches() })
      return swatch
    }))
  }
  drawSwatches()
  deleteButton.hidden = note === null
  deleteButton.onclick = () => { dialog.close(); remove() }
  document.getElementById('note-cancel').onclick = () => dialog.close()
  dialog.querySelector('form').onsubmit = (event) => {
    event.preventDefault()
    const written = text.value.trim()
    if (!written) {
      problem.textContent = 'Write something on the note first.'
      text.focus()
      return
    }
    dialog.close()
    save({ text: written, block: block.value, color: chosen })
  }
  dialog.showModal()
  text.focus()
}
