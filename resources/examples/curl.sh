#!/bin/sh
# The live trade API with curl. Set ALPHADESK_TOKEN (Settings → Live API, or `alphadesk api`).
BASE=${ALPHADESK_URL:-http://127.0.0.1:8765}
AUTH="Authorization: Bearer $ALPHADESK_TOKEN"
JSON="Content-Type: application/json"

# The seed's endpoints (base path /api): its Python client works unchanged against these.
curl -s -X POST "$BASE/api/openTrade" -H "$AUTH" -H "$JSON" -d '{"user":"demo","alpha":"a1","quantity":2,"stopLoss":1.5}'; echo
curl -s -X GET "$BASE/api/tradeExists" -H "$AUTH" -H "$JSON" -d '{"user":"demo","alpha":"a1"}'; echo
curl -s "$BASE/api/getAllOpenTrades/demo" -H "$AUTH"; echo
curl -s -X POST "$BASE/api/closeTrade" -H "$AUTH" -H "$JSON" -d '{"user":"demo","alpha":"a1"}'; echo
curl -s -X POST "$BASE/api/tradingCalendar/push/demo" -H "$AUTH" -H "$JSON" \
  -d '[{"user":"demo","alpha":"a1","start":"2024-06-03","end":"2024-06-05"}]'; echo

# The versioned API: instrument, side, price and time, so P&L is real; Idempotency-Key makes a retry safe.
curl -s -X POST "$BASE/v1/trades" -H "$AUTH" -H "$JSON" -H "Idempotency-Key: order-42" \
  -d '{"user":"demo","alpha":"carry","instrument":"CL","side":"buy","quantity":1,"price":71.2,"time":"2024-06-03T14:00:00Z"}'; echo
curl -s "$BASE/v1/trades?user=demo&status=open" -H "$AUTH"; echo
curl -s "$BASE/v1/calendar?user=demo" -H "$AUTH"; echo
curl -s "$BASE/v1/openapi.json" | head -c 300; echo
