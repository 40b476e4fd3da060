/**
 * What a client may send, declared once. The contract's schemas, the WebSocket server and
 * the CSV reader all take their bounds from here; the README's Security section lists them.
 */
export const MiB = 1024 * 1024

/** Largest WebSocket message for an ordinary call (everything but CSV uploads). */
export const MAX_MESSAGE_BYTES = 4 * MiB

/**
 * Largest CSV text a browser upload may carry, summed over its files (characters). Bigger
 * files are imported by path (an allowed import folder, or the CLI).
 */
export const MAX_CSV_TEXT_CHARS = 64 * MiB

/** Largest WebSocket message at all: a CSV upload at its limit plus room for JSON escaping. */
export const MAX_UPLOAD_MESSAGE_BYTES = MAX_CSV_TEXT_CHARS + 8 * MiB

/** Channels whose messages may be larger than MAX_MESSAGE_BYTES (up to MAX_UPLOAD_MESSAGE_BYTES). */
export const UPLOAD_CHANNELS: readonly string[] = ['imports.previewCsv', 'imports.importCsv']

/** Longest CSV record (one row, all its cells), in characters: real rows are well under 1 KiB. */
export const MAX_CSV_RECORD_CHARS = 256 * 1024

/** Calls one WebSocket client may have running at once; more are refused with BUSY. */
export const MAX_CALLS_IN_FLIGHT = 16

/** Characters of a value an error message quotes before cutting it with an ellipsis. */
export const MAX_QUOTED_CHARS = 80
