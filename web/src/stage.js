// The host's stage, as its awareness state carries it (editor/shared/stage.py): the walk's step, the countdown, the
// voting round, the story's hidden notes, and what participants may do. Read with care: a part that cannot be read
// is left out, as the desktop app does.
const MAX_DOTS = 500

const whole = (value, least, most) => typeof value === 'number' && Number.isInteger(value) && value >= least &&
  value <= most

export function readStage (value) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null
  const stage = {
    step: whole(value.step, 0, 100) ? value.step : null,
    countdown: null,
    round: null,
    readOnly: value.read_only === true,
    paused: value.paused === true,
    editAny: value.edit_any === true,
    story: null
  }
  const countdown = value.countdown
  if (Array.isArray(countdown) && countdown.length === 3 && typeof countdown[0] === 'number' &&
      typeof countdown[1] === 'boolean' && typeof countdown[2] === 'number' && countdown[0] >= 0 &&
      countdown[2] >= 1) {
    stage.countdown = { left: countdown[0], running: countdown[1], duration: countdown[2] }
  }
  const round = value.round
  if (Array.isArray(round) && round.length === 4 && whole(round[0], 1, 1000000) && whole(round[1], 1, MAX_DOTS) &&
      typeof round[2] === 'boolean' && typeof round[3] === 'boolean') {
    stage.round = { number: round[0], dots: round[1], hidden: round[2], revealed: round[3] }
  }
  if (Array.isArray(value.story)) stage.story = new Set(value.story.filter((id) => typeof id === 'string'))
  return stage
}

// The host's stage among the awareness states (client id -> state): the lowest client id's that holds one, the
// same choice as every desktop peer makes (a session's server lets no one but the host send one).
export function hostsStage (states) {
  const clients = Array.from(states.keys()).sort((a, b) => a - b)
  for (const client of clients) {
    const state = states.get(client)
    const stage = state && typeof state === 'object' ? readStage(state.stage) : null
    if (stage !== null) return stage
  }
  return null
}

// Whether dots may reach the shared canvas as they are placed (the counts show, or have been revealed).
export const roundVisible = (round) => !round.hidden || round.revealed
