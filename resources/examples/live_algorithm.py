"""A minimal live algorithm pushing trades into alphadesk's trade book.

Start the API (Settings → Live API in the app, or `alphadesk api --port 8765`), then:

    ALPHADESK_TOKEN=... python3 live_algorithm.py

Only the standard library is needed. Each write carries an Idempotency-Key, so a request
retried after a timeout never opens a trade twice.
"""
import json
import os
import time
import urllib.error
import urllib.request
import uuid

BASE = os.environ.get("ALPHADESK_URL", "http://127.0.0.1:8765")
TOKEN = os.environ["ALPHADESK_TOKEN"]


def call(method, path, body=None, retries=3):
    key = str(uuid.uuid4())  # the same key on every retry of this one request
    data = None if body is None else json.dumps(body).encode()
    for attempt in range(retries):
        req = urllib.request.Request(BASE + path, data=data, method=method)
        req.add_header("Authorization", f"Bearer {TOKEN}")
        req.add_header("Content-Type", "application/json")
        req.add_header("Idempotency-Key", key)
        try:
            with urllib.request.urlopen(req, timeout=5) as res:
                return res.status, json.loads(res.read())
        except urllib.error.HTTPError as e:
            return e.code, json.loads(e.read() or b"null")
        except (urllib.error.URLError, TimeoutError):
            time.sleep(0.5 * 2**attempt)
    raise RuntimeError(f"{method} {path}: no answer after {retries} tries")


# Open a short ES position with its stop and target, then close it with the fill price.
status, trade = call("POST", "/v1/trades", {
    "user": "demo", "alpha": "mean-reversion", "instrument": "ES", "side": "sell",
    "quantity": 1, "price": 5012.25, "stopLoss": 5030.0, "takeProfit": 4980.0,
})
if status == 409:
    trade = trade["trade"]  # already open for this user and alpha
print("open:", status, trade["id"])

status, closed = call("POST", f"/v1/trades/{trade['id']}/close", {"price": 4991.5, "reason": "target"})
print("closed:", status, "P&L", closed.get("pnlNet"))

# Holding windows for the calendar view (the seed's endpoint, unchanged).
status, pushed = call("POST", "/api/tradingCalendar/push/demo", [
    {"user": "demo", "alpha": "mean-reversion", "start": "2024-06-03T13:30:00Z", "end": "2024-06-03T20:00:00Z"},
])
print("calendar:", status, pushed)
