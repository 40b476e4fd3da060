import { MAX_QUOTED_CHARS } from '../contract/limits'

/**
 * A value as an error message quotes it: in single quotes, cut to `max` characters with an
 * ellipsis and its full length, so a hostile 200 MB cell makes a short message, not a copy.
 */
export function quote(value: string, max = MAX_QUOTED_CHARS): string {
  return `'${clip(value, max)}'`
}

/** The value cut to `max` characters (on a code-point boundary) with "… (N characters)" when longer. */
export function clip(value: string, max = MAX_QUOTED_CHARS): string {
  if (value.length <= max) return value
  let end = max
  // Do not split a surrogate pair.
  const c = value.charCodeAt(end - 1)
  if (c >= 0xd800 && c <= 0xdbff) end--
  return `${value.slice(0, end)}… (${value.length} characters)`
}
