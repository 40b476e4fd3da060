/** Migration 5: curves — the user's edits of contract specifications (tick size/value, expiry rule…) over resources/specs/contracts.json. */
export default `
  CREATE TABLE IF NOT EXISTS contract_spec_overrides (
    root TEXT PRIMARY KEY,
    -- The whole edited spec as JSON (the shape of one entry of contracts.json).
    spec TEXT NOT NULL,
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
  );
`
