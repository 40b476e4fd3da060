"""Runs a published alpha engine over an alphadesk panel file, for `npm run bench:alphas -- --peers`.

    python run_peers.py --engine alpha-lib|kunquant --panel FILE.panel --threads 2 \
        [--ours RUN.bin --ours-meta RUN.json] [--cache DIR]

Reads the same panel file alphadesk's engine maps (format: native/engine/src/panel/format.rs),
computes every Alpha101 alpha the engine supports, and prints one JSON line:
{engine, version, computed, failed, wall_s, cpu_s, compile_s, agreement}. Times are compute only
(input conversion, compilation and the comparison with our values are outside them); cpu_s is the
process CPU time (all threads) over the same spans.

- alpha-lib: py-alpha-lib from PyPI, running the project's own Alpha101 translation
  (examples/wq101, vendored in ./alpha_lib with its BSD licence), float64, instrument-major
  arrays, its default NaN handling, `groups` = instruments (parallel over instruments).
- kunquant: KunQuant from PyPI, its predefined Alpha101 (`all_alpha`), compiled once into a
  cached library (compile time reported, not counted), float32, TS layout, a thread pool of
  `--threads`; `amount` = vwap · volume so its vwap is the panel's.

Agreement (with --ours): for each alpha both computed, over the cells where both have a value:
the share within 1e-6 (float64) or 1e-4 (float32) relative, and the Pearson correlation; plus
how many of our finite cells the peer also has.
"""

import argparse
import json
import os
import struct
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def read_panel(path):
    with open(path, 'rb') as f:
        buf = f.read()
    if buf[:8] != b'ADPANEL\0':
        raise SystemExit(f'{path}: not an alphadesk panel file')
    _version, date_kind, t, n, fields, groups, sym_len, _total = struct.unpack_from('<IIQQIIQQ', buf, 8)
    off = 64
    pad = lambda x: (x + 7) & ~7  # noqa: E731
    date_size = 4 if date_kind == 1 else 8
    dates = np.frombuffer(buf, dtype='<i4' if date_kind == 1 else '<i8', count=t, offset=off)
    off = pad(off + t * date_size)
    off = pad(off + sym_len)  # offsets table + blob
    group_cols = {}
    for bit, name in enumerate(['sector', 'industry', 'subindustry']):
        if groups & (1 << bit):
            group_cols[name] = np.frombuffer(buf, dtype='<i4', count=n, offset=off).copy()
            off = pad(off + n * 4)
    cols = {}
    for bit, name in enumerate(['open', 'high', 'low', 'close', 'volume', 'vwap', 'cap']):
        if fields & (1 << bit):
            cols[name] = np.frombuffer(buf, dtype='<f8', count=t * n, offset=off).reshape(n, t)
            off += t * n * 8
    if 'vwap' in cols:
        typical = (cols['high'] + cols['low'] + cols['close']) / 3
        cols['vwap'] = np.where(np.isnan(cols['vwap']), typical, cols['vwap'])
    else:
        cols['vwap'] = (cols['high'] + cols['low'] + cols['close']) / 3
    return t, n, dates, cols, group_cols


class Ours:
    """Our values from the run file: one date-major T×N float64 block per alpha."""

    def __init__(self, bin_path, meta_path, t, n):
        with open(meta_path) as f:
            meta = json.load(f)
        self.mm = np.memmap(bin_path, dtype='<f8', mode='r')
        self.rows = len(meta['dates'])
        self.n = n
        self.offsets = {a['key']: a['offset'] for a in meta['alphas'] if a.get('offset') is not None}

    def get(self, key):
        off = self.offsets.get(key)
        if off is None:
            return None
        k = off // 8
        return np.asarray(self.mm[k : k + self.rows * self.n]).reshape(self.rows, self.n)


def agree(ours, theirs, tol):
    """theirs: date-major T×N (same dates as ours, possibly more rows before)."""
    theirs = np.asarray(theirs, dtype=np.float64)[-ours.shape[0] :]
    a, b = ours.ravel(), theirs.ravel()
    fa, fb = np.isfinite(a), np.isfinite(b)
    both = fa & fb
    nb = int(both.sum())
    res = {'ours_finite': int(fa.sum()), 'theirs_finite': int(fb.sum()), 'both': nb}
    if nb == 0:
        res.update(equal=None, corr=None)
        return res
    x, y = a[both], b[both]
    res['equal'] = float(np.mean(np.abs(x - y) <= tol * np.maximum(1.0, np.abs(x))))
    sx, sy = x.std(), y.std()
    corr = float(np.mean((x - x.mean()) * (y - y.mean())) / (sx * sy)) if sx > 0 and sy > 0 else None
    res['corr'] = corr if corr is not None and np.isfinite(corr) else None  # JSON has no NaN
    return res


def run_alpha_lib(t, n, cols, groups, threads, ours):
    os.environ.setdefault('RAYON_NUM_THREADS', str(threads))
    import alpha  # py-alpha-lib
    from importlib.metadata import version

    sys.path.insert(0, HERE)
    from alpha_lib import alpha101
    from alpha_lib.alpha101_context import ExecContext

    alpha.set_ctx(groups=n)
    ctx = ExecContext.__new__(ExecContext)
    flat = lambda c: np.ascontiguousarray(c, dtype=np.float64).ravel()  # noqa: E731  instrument-major
    ctx.OPEN, ctx.HIGH, ctx.LOW, ctx.CLOSE = (flat(cols[k]) for k in ['open', 'high', 'low', 'close'])
    ctx.VOLUME, ctx.VWAP = flat(cols['volume']), flat(cols['vwap'])
    ctx.RETURNS = ctx.CLOSE / alpha.REF(ctx.CLOSE, 1) - 1
    # A level the panel lacks falls back to the next coarser one, then to one group (as ours does).
    codes = np.zeros(n)
    for level in ['sector', 'industry', 'subindustry']:
        if level in groups:
            codes = groups[level].astype(np.float64)
        setattr(ctx, f'INDCLASS_{level.upper()}', np.repeat(codes, t))
    if 'cap' in cols:
        ctx.CAP = flat(cols['cap'])
    computed, failed, agreement = [], [], {}
    wall = cpu = 0.0
    for no in range(1, 102):
        name = f'alpha{no:03d}'
        fn = getattr(alpha101, f'alpha_{no:03d}', None)
        if fn is None:
            failed.append({'name': name, 'error': 'not implemented'})
            continue
        w0, c0 = time.perf_counter(), time.process_time()
        try:
            v = fn(ctx)
        except Exception as e:  # an alpha the port cannot run (missing field, unsupported op)
            wall += time.perf_counter() - w0
            cpu += time.process_time() - c0
            failed.append({'name': name, 'error': f'{type(e).__name__}: {str(e)[:80]}'})
            continue
        v = np.asarray(v, dtype=np.float64)
        wall += time.perf_counter() - w0
        cpu += time.process_time() - c0
        if v.size != t * n:
            v = np.broadcast_to(v, (t * n,))
        computed.append(name)
        mine = ours.get(name) if ours else None
        if mine is not None:
            agreement[name] = agree(mine, v.reshape(n, t).T, 1e-6)
    return {'engine': 'py-alpha-lib', 'version': version('py-alpha-lib'), 'computed': computed, 'failed': failed,
            'wall_s': wall, 'cpu_s': cpu, 'compile_s': 0.0, 'agreement': agreement}


def run_kunquant(t, n, cols, threads, ours, cache):
    from importlib.metadata import version

    from KunQuant.Driver import KunCompilerConfig
    from KunQuant.jit import cfake
    from KunQuant.Op import Builder, Input, Output
    from KunQuant.predefined import Alpha101
    from KunQuant.runner import KunRunner as kr
    from KunQuant.Stage import Function

    libdir = os.path.join(cache, f'kunquant-{version("KunQuant")}-alpha101-f32-ts')
    libpath = os.path.join(libdir, 'alpha101lib', 'alpha101lib.so')
    compile_s, cached = 0.0, os.path.exists(libpath)
    c0 = time.perf_counter()
    if not cached:
        builder = Builder()
        with builder:
            inputs = {k: Input(k) for k in ['close', 'low', 'high', 'open', 'amount', 'volume']}
            data = Alpha101.AllData(low=inputs['low'], high=inputs['high'], close=inputs['close'], open=inputs['open'],
                                    amount=inputs['amount'], volume=inputs['volume'])
            for f in Alpha101.all_alpha:
                Output(f(data), f.__name__)
        func = Function(builder.ops)
        os.makedirs(libdir, exist_ok=True)
        cfake.compileit([('alpha101', func, KunCompilerConfig(dtype='float', input_layout='TS', output_layout='TS'))],
                        'alpha101lib', cfake.CppCompilerConfig(), tempdir=libdir, keep_files=True, load=False)
    lib = kr.Library.load(libpath)
    modu = lib.getModule('alpha101')
    compile_s = time.perf_counter() - c0
    ts = lambda c: np.ascontiguousarray(np.asarray(c).T, dtype=np.float32)  # noqa: E731  [T, N]
    feed = {k: ts(cols[k]) for k in ['open', 'high', 'low', 'close', 'volume']}
    feed['amount'] = ts(cols['vwap'] * cols['volume'])
    executor = kr.createMultiThreadExecutor(threads)
    w0, p0 = time.perf_counter(), time.process_time()
    out = kr.runGraph(executor, modu, feed, 0, t)
    wall, cpu = time.perf_counter() - w0, time.process_time() - p0
    computed = sorted(out.keys())
    agreement = {}
    for name in computed:
        mine = ours.get(name) if ours else None
        if mine is not None:
            agreement[name] = agree(mine, out[name], 1e-4)
    failed = [{'name': f'alpha{no:03d}', 'error': 'not in Alpha101.all_alpha'} for no in range(1, 102) if f'alpha{no:03d}' not in out]
    return {'engine': 'KunQuant', 'version': version('KunQuant'), 'computed': computed, 'failed': failed,
            'wall_s': wall, 'cpu_s': cpu, 'compile_s': compile_s, 'compile_cached': cached, 'agreement': agreement}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--engine', required=True, choices=['alpha-lib', 'kunquant'])
    ap.add_argument('--panel', required=True)
    ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('--ours')
    ap.add_argument('--ours-meta')
    ap.add_argument('--cache', default=os.path.join(HERE, '..', '..', '.cache'))
    args = ap.parse_args()
    t, n, _dates, cols, groups = read_panel(args.panel)
    ours = Ours(args.ours, args.ours_meta, t, n) if args.ours else None
    if args.engine == 'alpha-lib':
        res = run_alpha_lib(t, n, cols, groups, args.threads, ours)
    else:
        res = run_kunquant(t, n, cols, args.threads, ours, os.path.abspath(args.cache))
    res['panel'] = {'dates': t, 'instruments': n}
    print(json.dumps(res, allow_nan=False))


if __name__ == '__main__':
    main()
