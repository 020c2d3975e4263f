// Builds the participant's page into ../resources/web, which the Python package ships (installing the app needs no
// Node): the script bundled with esbuild, the page and its style copied. `--check` builds into a temporary folder
// and fails if what it makes differs from what is shipped; `--out DIR` builds there.
import { build } from 'esbuild'
import { copyFile, mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const shipped = join(here, '..', 'resources', 'web')
const FILES = ['participant.js', 'participant.html', 'participant.css']

async function buildInto (out) {
  await build({
    entryPoints: [join(here, 'src', 'main.js')],
    outfile: join(out, 'participant.js'),
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['chrome100', 'firefox100', 'safari15'],
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'warning'
  })
  await copyFile(join(here, 'src', 'participant.html'), join(out, 'participant.html'))
  await copyFile(join(here, 'src', 'participant.css'), join(out, 'participant.css'))
}

const args = process.argv.slice(2)
if (args[0] === '--check') {
  const out = await mkdtemp(join(tmpdir(), 'participant-page-'))
  try {
    await buildInto(out)
    const differ = []
    for (const file of FILES) {
      const [made, ships] = await Promise.all([readFile(join(out, file)), readFile(join(shipped, file)).catch(() => null)])
      if (ships === null || !made.equals(ships)) differ.push(file)
    }
    const extra = (await readdir(shipped)).filter((file) => !FILES.includes(file))
    if (differ.length || extra.length) {
      console.error(`resources/web is not what web/ builds: ${[...differ, ...extra].join(', ')}. Run: npm run build --prefix web`)
      process.exit(1)
    }
    console.log('resources/web is what web/ builds.')
  } finally {
    await rm(out, { recursive: true, force: true })
  }
} else {
  await buildInto(args[0] === '--out' ? args[1] : shipped)
}
