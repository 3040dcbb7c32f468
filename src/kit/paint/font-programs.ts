/**
 * A document's font programs (the subset TTFs). Each face is subset to the characters the kit is expected to draw
 * (`kitCharacters`, known from its blocks before layout): on the helper thread while the pages are laid out, so they
 * come back subset and deflated when the painter needs them. Without a helper, or for a face whose pages drew a
 * character beyond the expected ones, the face is subset here once the pages are written. Either way a face is cut to
 * the same characters (the expected and the drawn ones), so the kit is the same.
 */
import type { PDFRef } from 'pdf-lib'
import type { FontSet } from '../text/fonts.ts'
import { subsetFace } from '../text/subset.ts'
import type { FontId } from '../text/types.ts'
import { deflateHelper, type StreamBatch } from './deflate.ts'
import type { SubsetOrder, SubsetProgram } from './deflate-protocol.ts'

/** A face's program in the document: its stream's reference and its subset name (`ABCDEF+PTSans-Regular`). */
export interface EmbeddedProgram {
  ref: PDFRef
  name: string
}

/** The font programs of one document, ordered from the helper when one runs. */
export class FontPrograms {
  private readonly fonts: FontSet
  private readonly expected: ReadonlyMap<FontId, readonly number[]>
  private readonly helper = deflateHelper()
  private readonly orders: SubsetOrder[] = []
  private job: number | undefined
  private programs: Map<FontId, SubsetProgram> | undefined

  /** Orders the subsets of the expected characters (each face's ascending) from the helper, when one runs. */
  constructor(fonts: FontSet, expected: ReadonlyMap<FontId, readonly number[]>) {
    this.fonts = fonts
    this.expected = expected
    if (!this.helper || expected.size === 0) return
    for (const [font, codePoints] of expected) this.orders.push({ font, postscriptName: fonts[font].postscriptName, codePoints })
    // Its size does not count towards the helper's backlog: it is done while the pages are laid out.
    this.job = this.helper.submit({ subsets: this.orders }, 0)
  }

  /** Registers the program of face `id` for the characters its pages drew (code points, any order) in the document's streams. */
  add(streams: StreamBatch, id: FontId, drawn: readonly number[]): EmbeddedProgram {
    const expected = this.expected.get(id)
    const within = expected !== undefined && covers(expected, drawn)
    const ordered = within ? this.collected().get(id) : undefined
    if (ordered) return { ref: streams.addDeflated(ordered.deflated, { Length1: ordered.length }), name: ordered.name }
    if (this.expected.size > 0 && !within) beyondExpected++
    const subset = subsetFace(this.fonts[id], union(expected ?? [], drawn))
    return { ref: streams.add(subset.bytes, { Length1: subset.bytes.length }), name: subset.name }
  }

  /** Drops the helper's results if nobody took them (a render stopped before painting). */
  release(): void {
    if (this.job !== undefined && this.programs === undefined) this.helper!.forget(this.job)
    this.job = undefined
  }

  /** The helper's programs by face (waited for once; none if it failed them or none were ordered). */
  private collected(): Map<FontId, SubsetProgram> {
    if (this.programs === undefined) {
      const reply = this.job !== undefined ? this.helper!.collect(this.job) : undefined
      this.programs = new Map(reply?.subsets?.map((program, i) => [this.orders[i]!.font, program]) ?? [])
    }
    return this.programs
  }
}

/** Faces of this thread's documents whose pages drew a character beyond the expected ones. */
let beyondExpected = 0

/**
 * How many faces, in this thread's documents so far, drew a character `kitCharacters` did not expect (each was subset
 * after its pages, not ahead): what tests and the benchmark check; it should stay 0.
 */
export function facesBeyondExpected(): number {
  return beyondExpected
}

/** Whether every drawn character is among the expected ones. */
function covers(expected: readonly number[], drawn: readonly number[]): boolean {
  if (drawn.length > expected.length) return false
  const known = new Set(expected)
  for (const cp of drawn) if (!known.has(cp)) return false
  return true
}

/** The expected and the drawn characters, ascending, each once. */
function union(expected: readonly number[], drawn: readonly number[]): number[] {
  return [...new Set([...expected, ...drawn])].sort((a, b) => a - b)
}
