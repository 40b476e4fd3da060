/**
 * `alphadesk backtest`: SL/TP trade simulation of one instrument. One set → a CSV of trades;
 * `--sweep` → a CSV of per-set statistics. Runs the backtests service with its jobs in this
 * process; the run is stored like one launched from the app. Costs come from the root's spec;
 * `--tick-size`, `--tick-value`, `--commission` and `--slippage` override any of them (the service merges).
 */
import { readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import {
  AppError,
  type BacktestSpecInput,
  type BacktestTrade,
  type ContractCosts,
  type SignalSource,
  sltpUnits,
  tiePolicies,
} from '../../contract'
import { backtestSpecSchema } from '../../contract/backtests'
import { openDatabase } from '../../db/open'
import { backtestJobs, createBacktestService, parseSweep } from '../../services/backtests'
import { batchesFromRows, type ExportColumn, exportTable } from '../../services/exports'
import { inlineRunner } from '../../services/backtests/inline-runner'
import { sweepColumn, sweepFields } from '../../services/backtests/stats'
import { importSampleData, marketQueries, SAMPLE_KEYS } from '../../services/market'
import { appRoot } from '../../shared/app-root'
import { EventBus } from '../../shared/event-bus'
import { MainTasks } from '../../shared/tasks'
import { type CommandArgs, defineCommand, str } from '../command'

function fail(message: string): never {
  throw new AppError('VALIDATION', message)
}

function numberFlag(flag: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined
  const n = Number(v)
  if (!Number.isFinite(n)) fail(`${flag}: expected a number, got '${v}'`)
  return n
}

/** 12 significant digits: 169 rather than 168.99999999995998 (a float's tail, not information). */
const num = (v: number) => Number(v.toPrecision(12))
const numOrNull = (v: number | null | undefined) => (v === null || v === undefined ? null : num(v))

const tradeColumns: ExportColumn[] = [
  { name: 'signal_time', type: 'timestamp' },
  { name: 'direction', type: 'int' },
  { name: 'entry_time', type: 'timestamp' },
  { name: 'entry_price', type: 'float' },
  { name: 'exit_time', type: 'timestamp' },
  { name: 'exit_price', type: 'float' },
  { name: 'exit_reason', type: 'string' },
  { name: 'bars_held', type: 'int' },
  ...['pnl_ticks', 'pnl_money', 'mae_ticks', 'mfe_ticks', 'sl_price', 'tp_price'].map((name): ExportColumn => ({ name, type: 'float' })),
]

/** One set's trades through the export service (CSV by the file's name; a temporary name renamed into place). */
async function writeTrades(out: string, trades: BacktestTrade[]): Promise<void> {
  const rows = trades.map((t) => [
    t.signalTime,
    t.direction,
    t.entryTime,
    num(t.entryPrice),
    t.exitTime,
    num(t.exitPrice),
    t.reason,
    t.barsHeld,
    ...[t.pnlTicks, t.pnlMoney, t.maeTicks, t.mfeTicks, t.slPrice, t.tpPrice].map(num),
  ])
  await exportTable({ format: 'csv', out, columns: tradeColumns, source: batchesFromRows(tradeColumns, rows), sheetName: 'trades' })
}

function signalsOf(values: CommandArgs['values']): SignalSource {
  const file = str(values, 'signals')
  const long = str(values, 'long')
  const short = str(values, 'short')
  if (file && (long || short)) fail('give either --signals FILE.csv or --long/--short conditions, not both')
  if (file) {
    let text: string
    try {
      text = readFileSync(file, 'utf8')
    } catch (err) {
      fail(`--signals: cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`)
    }
    return { kind: 'csv', text, name: basename(file) }
  }
  if (!long && !short) fail('backtest needs signals: --signals FILE.csv (time,direction) or --long "condition" [--short "condition"]')
  return { kind: 'formula', long, short, edge: true }
}

/** Cost flags given on the command line (each overrides the root's value). */
function costFlags(values: CommandArgs['values']): Partial<ContractCosts> {
  const flags: [keyof ContractCosts, string][] = [
    ['tickSize', 'tick-size'],
    ['tickValue', 'tick-value'],
    ['commission', 'commission'],
    ['slippageTicks', 'slippage'],
  ]
  const out: Partial<ContractCosts> = {}
  for (const [field, flag] of flags) {
    const v = numberFlag(`--${flag}`, str(values, flag))
    if (v !== undefined) out[field] = v
  }
  return out
}

const costsText = (c: ContractCosts) =>
  `tick ${c.tickSize} = ${c.tickValue}, commission ${c.commission} and slippage ${c.slippageTicks} ticks per side`

export async function backtest(values: CommandArgs['values'], dataDir: string): Promise<number> {
  const dataset = str(values, 'dataset') ?? fail('backtest needs --dataset KEY (see `alphadesk info`)')
  const symbol = str(values, 'symbol') ?? fail('backtest needs --symbol SYM')
  const out = str(values, 'out') ?? fail('backtest needs --out FILE.csv')
  const unit = str(values, 'unit') ?? 'ticks'
  if (!(sltpUnits as readonly string[]).includes(unit)) fail(`--unit must be one of ${sltpUnits.join(', ')}`)
  const tie = str(values, 'tie') ?? 'stop'
  if (!(tiePolicies as readonly string[]).includes(tie)) fail(`--tie must be one of ${tiePolicies.join(', ')}`)
  const sweepText = str(values, 'sweep')
  const maxHold = numberFlag('--max-hold', str(values, 'max-hold'))
  let grid: {
    sl: { from: number; to: number; step: number }
    tp: { from: number; to: number; step: number }
  }
  if (sweepText) {
    if (str(values, 'sl') || str(values, 'tp')) fail('give either --sweep or --sl/--tp')
    grid = parseSweep(sweepText)
  } else {
    const sl = numberFlag('--sl', str(values, 'sl')) ?? fail('backtest needs --sl X (or --sweep)')
    const tp = numberFlag('--tp', str(values, 'tp')) ?? fail('backtest needs --tp Y (or --sweep)')
    grid = {
      sl: { from: sl, to: sl, step: 1 },
      tp: { from: tp, to: tp, step: 1 },
    }
  }
  const signals = signalsOf(values)
  const costOverrides = costFlags(values)

  const resourcesDir = join(appRoot(), 'resources')
  const db = openDatabase(join(dataDir, 'alphadesk.sqlite'))
  try {
    if (marketQueries(db).datasetIdOf(dataset) === undefined && SAMPLE_KEYS.includes(dataset)) {
      console.error(`importing the bundled sample data (first use of '${dataset}') ...`)
      await importSampleData(db, join(resourcesDir, 'data'))
    }
    const service = createBacktestService({
      db,
      pool: inlineRunner(backtestJobs, db),
      tasks: new MainTasks(new EventBus()),
      resourcesDir,
      parts: 1,
    })
    const input: BacktestSpecInput = {
      dataset,
      symbol,
      costs: costOverrides,
      signals,
      unit: unit as BacktestSpecInput['unit'],
      tie: tie as BacktestSpecInput['tie'],
      maxHold: maxHold ?? null,
      overlap: values.overlap === true,
      sl: grid.sl,
      tp: grid.tp,
    }
    const parsed = backtestSpecSchema.safeParse(input)
    if (!parsed.success) fail(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '))
    const started = Date.now()
    const run = await service.run({ spec: parsed.data })
    const sets = run.sl.length * run.tp.length
    if (!sweepText) {
      const set = await service.set({
        runId: run.runId,
        slIndex: 0,
        tpIndex: 0,
      })
      await writeTrades(out, set.trades)
      console.log(
        `${set.trades.length} trades (${run.signals.total} signals, ${set.stats.skipped} skipped while a trade was open, ${run.signals.lastBar} on the last bar), net ${set.stats.netPnl.toFixed(2)} after costs (${costsText(run.spec.costs)}) → ${out} (run ${run.runId}, ${Date.now() - started} ms)`,
      )
      return 0
    }
    // wins is win_rate × trades: the file keeps the rates.
    const fields = sweepFields.filter((f) => f !== 'wins')
    const columns: ExportColumn[] = ['sl', 'tp', ...fields.map(sweepColumn)].map((name) => ({ name, type: 'float' }))
    const rows = Array.from({ length: sets }, (_, i) => [
      run.sl[Math.floor(i / run.tp.length)],
      run.tp[i % run.tp.length],
      ...fields.map((f) => numOrNull(run.stats[f][i])),
    ])
    await exportTable({ format: 'csv', out, columns, source: batchesFromRows(columns, rows), sheetName: 'sets' })
    const best = run.best
      ? `best SL ${run.sl[run.best.slIndex]} TP ${run.tp[run.best.tpIndex]} net ${run.best.netPnl.toFixed(2)}`
      : 'no trades'
    console.log(
      `${sets} sets (${run.sl.length} SL × ${run.tp.length} TP), ${best} after costs (${costsText(run.spec.costs)}) → ${out} (run ${run.runId}, ${Date.now() - started} ms)`,
    )
    return 0
  } finally {
    db.close()
  }
}

export const command = defineCommand({
  name: 'backtest',
  summary: 'SL/TP trade simulation of one instrument: trades of one set, or per-set statistics of an SL×TP sweep',
  usage:
    '--dataset KEY --symbol SYM (--signals FILE.csv | --long "formula" [--short "formula"])\n' +
    '      (--sl X --tp Y --out trades.csv | --sweep "sl=a:b:step,tp=c:d:step" --out sets.csv)\n' +
    '      [--unit ticks|price|pct|atr] [--tie stop|target|nearest] [--max-hold N] [--overlap]\n' +
    "      [--tick-size T] [--tick-value MONEY] [--commission MONEY] [--slippage TICKS]  (per side; default: the root's spec)",
  options: {
    dataset: { type: 'string' },
    symbol: { type: 'string' },
    signals: { type: 'string' },
    long: { type: 'string' },
    short: { type: 'string' },
    sl: { type: 'string' },
    tp: { type: 'string' },
    unit: { type: 'string' },
    tie: { type: 'string' },
    'max-hold': { type: 'string' },
    overlap: { type: 'boolean' },
    sweep: { type: 'string' },
    'tick-size': { type: 'string' },
    'tick-value': { type: 'string' },
    commission: { type: 'string' },
    slippage: { type: 'string' },
    out: { type: 'string' },
  },
  run: ({ values, dataDir }) => backtest(values, dataDir),
})
