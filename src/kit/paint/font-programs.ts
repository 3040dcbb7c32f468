/**
 * A document's font programs (the subset TTFs). Each face is subset to the characters the kit is expected to draw
 * (`charactersOf` each face's text, `kitTexts`, known from the blocks before layout): on the helper thread while the
 * pages are laid out, so they come back subset and deflated when the painter needs them. The helper also finds the
 * expected characters, so this thread only joins the texts. Without a helper, or for a face whose pages drew a
 * character beyond the expected ones, the face is subset here once the pages are written. Either way a face is cut to
 * the same characters (the expected and the drawn ones), so the kit is the same.
 */
import type { PDFRef } from 'pdf-lib'
import { charactersOf } from '../layout/inline.ts'
import type { FontSet } from '../text/fonts.ts'
import { subsetFace } from '../text/subset.ts'
import { FONT_IDS, type FontId } from '../text/types.ts'
import { deflateHelper, type StreamBatch } from './deflate.ts'
import type { SubsetProgram } from './deflate-protocol.ts'

/** A face's program in the document: its stream's reference and its subset name (`ABCDEF+PTSans-Regular`). */
export interface EmbeddedProgram {
  ref: PDFRef
  name: string
}

/** The expected characters by face, and the programs the helper made for them. */
interface Expectation {
  characters: ReadonlyMap<FontId, readonly number[]>
  programs: ReadonlyMap<FontId, SubsetProgram>
}

/** The font programs of one document, ordered from the helper when one runs. */
export class FontPrograms {
  private readonly fonts: FontSet
  /** Each face's text (`kitTexts`), or undefined: no expectation, each face is subset to what its pages drew. */
  private readonly texts: readonly string[] | undefined
  private readonly helper = deflateHelper()
  private job: number | undefined
  private expectation: Expectation | undefined

  /** Orders the subsets of the characters of each face's text (FONT_IDS order) from the helper, when one runs. */
  constructor(fonts: FontSet, texts?: readonly string[]) {
    this.fonts = fonts
    this.texts = texts
    if (!this.helper || !texts) return
    // Its size does not count towards the helper's backlog: it is done while the pages are laid out.
    this.job = this.helper.submit({ fonts: { texts: [...texts], postscriptNames: FONT_IDS.map((id) => fonts[id].postscriptName) } }, 0)
  }

  /** Registers the program of face `id` for the characters its pages drew (code points, any order) in the document's streams. */
  add(streams: StreamBatch, id: FontId, drawn: readonly number[]): EmbeddedProgram {
    const { characters, programs } = this.expected()
    const expected = characters.get(id)
    const within = expected !== undefined && covers(expected, drawn)
    const ordered = within ? programs.get(id) : undefined
    if (ordered) return { ref: streams.addDeflated(ordered.deflated, { Length1: ordered.length }), name: ordered.name }
    if (this.texts && !within) beyondExpected++
    const subset = subsetFace(this.fonts[id], union(expected ?? [], drawn))
    return { ref: streams.add(subset.bytes, { Length1: subset.bytes.length }), name: subset.name }
  }

  /** Drops the helper's results if nobody took them (a render stopped before painting). */
  release(): void {
    if (this.job !== undefined) this.helper!.forget(this.job)
    this.job = undefined
  }

  /** The expected characters and the helper's programs (waited for once); found here if the helper failed or none runs. */
  private expected(): Expectation {
    if (this.expectation === undefined) {
      const reply = this.job !== undefined ? this.helper!.collect(this.job) : undefined
      this.job = undefined
      this.expectation = reply?.subsets
        ? { characters: new Map(reply.subsets.map((program) => [program.font, program.codePoints])), programs: new Map(reply.subsets.map((program) => [program.font, program])) }
        : { characters: this.texts ? charactersOf(this.texts) : new Map(), programs: new Map() }
    }
    return this.expectation
  }
}

/** Faces of this thread's documents whose pages drew a character beyond the expected ones. */
let beyondExpected = 0

/**
 * How many faces, in this thread's documents so far, drew a character `kitCharacters` did not expect (each was subset
 * after its pages, not ahead): what the tests check; it should stay 0.
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
