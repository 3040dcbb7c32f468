/**
 * Strings' UTF-16 code units in a typed array. Kit text arrives as every kind of V8 string (sliced from the source,
 * concatenated, flat, one or two bytes a character); a loop calling `charCodeAt` over such a mix runs several times
 * slower than one reading a typed array, so the loops that go over every character of a kit read a copy instead.
 */

/** Whether this machine stores a Uint16Array little-endian, as Buffer's 'utf16le' writes it. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1

/** Code units a reader holds before it grows. */
const INITIAL_UNITS = 1024

/** A reusable array of code units: each loop that reads text keeps its own, so no other caller overwrites it. */
export class CodeUnits {
  #bytes = Buffer.alloc(2 * INITIAL_UNITS)
  #units = new Uint16Array(this.#bytes.buffer, this.#bytes.byteOffset, INITIAL_UNITS)

  /** The code units of `text` in entries 0 … text.length - 1, valid until this reader's next call; lone surrogates as they are. */
  read(text: string): Uint16Array {
    const n = text.length
    if (n > this.#units.length) {
      const room = Math.max(n, 2 * this.#units.length)
      this.#bytes = Buffer.alloc(2 * room)
      this.#units = new Uint16Array(this.#bytes.buffer, this.#bytes.byteOffset, room)
    }
    const units = this.#units
    if (LITTLE_ENDIAN) this.#bytes.write(text, 0, 'utf16le')
    else for (let i = 0; i < n; i++) units[i] = text.charCodeAt(i)
    return units
  }
}
