import type { ParseArgsConfig } from 'node:util'

export type Options = NonNullable<ParseArgsConfig['options']>

/** What a command's run gets: its parsed flags, the positionals, and the resolved data directory. */
export interface CommandArgs {
  values: Record<string, string | boolean | string[] | boolean[] | undefined>
  positionals: string[]
  dataDir: string
}

/**
 * One CLI command, declared in its own file: its flags (node:util parseArgs), its help text and
 * what it does. `run` returns the exit code, or -1 to keep running (a server).
 */
export interface Command {
  name: string
  summary: string
  /** Flag lines for the help text, indented under the command. */
  usage: string
  options: Options
  run(args: CommandArgs): Promise<number>
}

export function defineCommand(command: Command): Command {
  return command
}

/** A string flag's value (parseArgs gives strings for `type: 'string'`). */
export function str(values: CommandArgs['values'], name: string): string | undefined {
  const v = values[name]
  return typeof v === 'string' ? v : undefined
}
