/**
 * Every string the kit writes into a PDF, in one place. Bytes go into literal strings `( … )` escaped by
 * `writeLiteralByte` (the content streams' text, link addresses, the language, dates, font registry names), text
 * meant for people (title, author, bookmarks) into hex strings `< … >`, which can hold nothing but hex digits. A
 * string can thus never end early or smuggle in PDF syntax (`x) /S /JavaScript …`), whatever a lesson holds. Other
 * paint modules do not make PDFString or PDFHexString objects themselves (a test holds them to it).
 */
import { PDFHexString, PDFString } from 'pdf-lib'

/** The byte that starts an escape in a literal string. */
const BACKSLASH = 0x5c

/**
 * What follows the backslash for each byte a literal string must escape (0: the byte is written as it is): the
 * parentheses that delimit the string, the backslash itself, and both line ends (a bare CR would be read back as LF).
 */
const ESCAPED = new Uint8Array(256)
ESCAPED[0x28] = 0x28 // (
ESCAPED[0x29] = 0x29 // )
ESCAPED[BACKSLASH] = BACKSLASH
ESCAPED[0x0a] = 0x6e // \n
ESCAPED[0x0d] = 0x72 // \r

/** Most bytes one byte of content takes in a literal string. */
export const MAX_ESCAPED_BYTES = 2

/** Writes one byte of a literal string's content at `pos`, escaped where PDF needs it; returns the next position. */
export function writeLiteralByte(buf: Uint8Array, pos: number, b: number): number {
  const escaped = ESCAPED[b]!
  if (escaped === 0) buf[pos++] = b
  else {
    buf[pos++] = BACKSLASH
    buf[pos++] = escaped
  }
  return pos
}

/** The content of a literal string holding exactly these bytes (without the enclosing parentheses). */
export function escapeLiteral(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length * MAX_ESCAPED_BYTES)
  let pos = 0
  for (const b of bytes) pos = writeLiteralByte(out, pos, b)
  return out.subarray(0, pos)
}

/**
 * A literal string object holding exactly `value`: bytes, or a string of characters below U+0100 (one byte each;
 * callers percent-encode anything else, as a URI needs).
 */
export function literalString(value: Uint8Array | string): PDFString {
  const bytes = typeof value === 'string' ? latin1Bytes(value) : value
  // PDFString writes its value's characters as bytes between the parentheses, as they are: hand it the escaped bytes.
  return PDFString.of(Buffer.from(escapeLiteral(bytes)).toString('latin1'))
}

/** A date as PDF writes it (`D:20261123000000Z`), in a literal string. */
export function dateString(date: Date): PDFString {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0')
  const text = `D:${pad(date.getUTCFullYear(), 4)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`
  return literalString(text)
}

/** Text for people (a title, a bookmark) as a hex string: PDFDocEncoding or UTF-16BE, any character. */
export function textString(text: string): PDFHexString {
  return PDFHexString.fromText(text)
}

/** The bytes of a string whose characters are all below U+0100. */
function latin1Bytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length)
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c > 0xff) throw new RangeError(`literalString: character U+${c.toString(16).toUpperCase()} is not one byte`)
    bytes[i] = c
  }
  return bytes
}
