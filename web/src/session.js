// The connection to the session named in the page's address (/j/ROOM?k=KEY on the facilitator's computer), and
// what this device keeps of it: the canvas as last seen, with anything typed offline, so that a reload or a lost
// network costs nothing; the y-websocket provider sends it when the connection is back.
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'

const CLOSE_GOING_AWAY = 1001 // the session ended
const CLOSE_POLICY_VIOLATION = 1008 // the server cut this device off (removed, or it broke a rule)
const KEEP_AFTER = 400 // ms of quiet before the canvas is written to this device's storage

export function sessionFromAddress (location) {
  const room = decodeURIComponent(location.pathname.replace(/^\/j\//, '').replace(/\/+$/, ''))
  const key = new URLSearchParams(location.search).get('k') ?? ''
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws'
  return { room, key, server: `${scheme}://${location.host}` }
}

// `onStatus(state, reason)`: state is 'connecting', 'connected', 'offline' or 'over' (reason: why, in a sentence).
export function connect ({ room, key, server }, doc, onStatus) {
  const storageKey = `canvas-editor.doc.${room}`
  restore(doc, storageKey)
  let kept = null
  doc.on('update', () => {
    clearTimeout(kept)
    kept = setTimeout(() => keep(doc, storageKey), KEEP_AFTER)
  })
  const provider = new WebsocketProvider(server, room, doc, {
    params: { k: key },
    disableBc: true,
    maxBackoffTime: 5000,
    // Not after the session ended or this device was removed: there is nothing to come back to.
    shouldReconnect: (event) => event.code !== CLOSE_GOING_AWAY && event.code !== CLOSE_POLICY_VIOLATION
  })
  provider.on('status', ({ status }) => {
    if (status === 'connected') onStatus('connected', '')
    else if (status === 'connecting') onStatus('connecting', '')
  })
  provider.on('connection-close', (event) => {
    if (event === null || !provider.shouldConnect) return
    onStatus('offline', '')
  })
  provider.on('connection-error', () => { if (!provider.wsconnected) onStatus('offline', '') })
  provider.on('closed', ({ code, reason }) => {
    keep(doc, storageKey)
    if (code === CLOSE_GOING_AWAY) onStatus('over', 'The facilitator ended the session. The canvas stays here as it was.')
    else onStatus('over', reason ? `Disconnected: ${reason}` : 'The session closed this connection.')
  })
  window.addEventListener('pagehide', () => keep(doc, storageKey))
  return provider
}

function restore (doc, storageKey) {
  try {
    const stored = localStorage.getItem(storageKey)
    if (stored) Y.applyUpdate(doc, Uint8Array.from(atob(stored), (c) => c.charCodeAt(0)), 'stored')
  } catch {
    localStorage.removeItem(storageKey) // unreadable: the session sends the canvas again
  }
}

function keep (doc, storageKey) {
  try {
    const update = Y.encodeStateAsUpdate(doc)
    let text = ''
    for (let at = 0; at < update.length; at += 0x8000) {
      text += String.fromCharCode.apply(null, update.subarray(at, at + 0x8000))
    }
    localStorage.setItem(storageKey, btoa(text))
  } catch {
    // Storage full or off (a private window): the session still has everything that reached it.
  }
}
