/** Every CLI command; a new one is its own file here and one line in this list. */
import type { Command } from '../command'
import { command as alphas } from './alphas'
import { command as backtest } from './backtest'
import { command as curves } from './curves'
import { command as importCsv } from './import'
import { command as info } from './info'
import { command as serve } from './serve'

export const commands: Command[] = [serve, importCsv, alphas, curves, backtest, info]
