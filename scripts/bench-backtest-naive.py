"""Plain-Python baseline for `npm run bench:backtest`: the SL/TP simulation as a straightforward
loop (one trade at a time, scanning bars from the entry), the way a research script would do
it. Same rules as the engine (entry at the next open, gap fills at the open, stop first on a
tie, end of data at the last close). Reads a JSON job on stdin, prints JSON on stdout."""
import json
import sys
import time


def simulate(o, h, l, c, signals, sl, tp, tick, tick_value, commission, slippage):
    n = len(o)
    eps = tick * 1e-6
    trades = 0
    net = 0.0
    for bar, d in signals:
        i = bar + 1
        if i >= n:
            continue
        entry = o[i]
        if d > 0:
            stop, target = entry - sl * tick, entry + tp * tick
        else:
            stop, target = entry + sl * tick, entry - tp * tick
        exit_price = c[n - 1]
        for j in range(i, n):
            if d > 0:
                if o[j] < stop - eps:
                    exit_price = o[j]
                    break
                if o[j] > target + eps:
                    exit_price = o[j]
                    break
                if l[j] <= stop + eps:
                    exit_price = stop
                    break
                if h[j] >= target - eps:
                    exit_price = target
                    break
            else:
                if o[j] > stop + eps:
                    exit_price = o[j]
                    break
                if o[j] < target - eps:
                    exit_price = o[j]
                    break
                if h[j] >= stop - eps:
                    exit_price = stop
                    break
                if l[j] <= target + eps:
                    exit_price = target
                    break
        ticks = d * (exit_price - entry) / tick - 2 * slippage
        net += ticks * tick_value - 2 * commission
        trades += 1
    return trades, net


def main():
    job = json.load(sys.stdin)
    started = time.perf_counter()
    cpu0 = time.process_time()
    trades = 0
    nets = []
    for sl, tp in job["sets"]:
        t, net = simulate(job["open"], job["high"], job["low"], job["close"], job["signals"], sl, tp,
                          job["tick"], job["tickValue"], job["commission"], job["slippage"])
        trades += t
        nets.append(net)
    print(json.dumps({"trades": trades, "wall": time.perf_counter() - started, "cpu": time.process_time() - cpu0, "nets": nets}))


main()
