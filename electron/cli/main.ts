/**
 * alphadesk's headless command line: `alphadesk <command>` (via `npm run cli -- <command>`).
 * The commands are declared one per file in ./commands; this file only dispatches.
 */
import { parseArgs } from 'node:util'
import { commands } from './commands'
import { resolveDataDir } from './data-dir'

const usage = `usage: alphadesk <command> [options]

commands:
${commands.map((c) => `  ${c.name.padEnd(8)} ${c.summary}\n           ${c.usage}`).join('\n')}
`

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    console.log(usage)
    return name ? 0 : 1
  }
  const command = commands.find((c) => c.name === name)
  if (!command) {
    console.error(`alphadesk: unknown command '${name}'\n\n${usage}`)
    return 2
  }
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' }, ...command.options },
  })
  if (values.help) {
    console.log(`usage: alphadesk ${command.name} ${command.usage}\n\n${command.summary}`)
    return 0
  }
  const dataDir = resolveDataDir(typeof values['data-dir'] === 'string' ? values['data-dir'] : undefined)
  return command.run({ values, positionals, dataDir })
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code)
  },
  (err) => {
    console.error(`alphadesk: ${err instanceof Error ? err.message : String(err)}`)
    process.exit(1)
  },
)
