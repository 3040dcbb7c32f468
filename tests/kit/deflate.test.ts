import { inflateSync } from 'node:zlib'
import { PDFDocument, PDFName, PDFNumber, PDFRawStream, type PDFRef } from 'pdf-lib'
import { afterEach, beforeAll, describe, expect, test } from 'vitest'
import { renderSample } from '../../scripts/kit-sample.ts'
import { allowDeflateHelper, deflateHelper, deflateHelperBatches, deflateHelperStarted, StreamBatch } from '../../src/kit/paint/deflate.ts'
import { facesBeyondExpected, FontPrograms } from '../../src/kit/paint/font-programs.ts'
import { deflate } from '../../src/kit/paint/zlib.ts'
import { renderKit } from '../../src/kit/index.ts'
import { loadFonts } from '../../src/kit/text/fonts.ts'
import { subsetFace } from '../../src/kit/text/subset.ts'
import { charactersOf } from '../../src/kit/layout/inline.ts'
import { loadLibrary, publishedLessons } from '../../src/model/index.ts'

/** Page-like streams: a few kilobytes each of text operators with varying numbers (compressible, not trivially). */
function streams(count: number, seed: number): Uint8Array[] {
  let state = seed
  const random = (): number => ((state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff)
  return Array.from({ length: count }, (_, i) => {
    const lines = Array.from({ length: 40 + Math.floor(random() * 200) }, () => `${(random() * 500).toFixed(3)} ${(random() * 800).toFixed(2)} Td [(line ${i})${Math.round(random() * 90)}(text)] TJ`)
    return new TextEncoder().encode(lines.join('\n'))
  })
}

/** Writes `inputs` through a stream batch; the references, in order, and the document. */
async function written(inputs: Uint8Array[]): Promise<{ refs: PDFRef[]; doc: PDFDocument }> {
  const doc = await PDFDocument.create()
  const batch = new StreamBatch(doc.context)
  const refs = inputs.map((bytes, i) => batch.add(bytes, { Index: i }))
  batch.finish()
  return { refs, doc }
}

/** The raw (still deflated) data of a stream object. */
function data(doc: PDFDocument, ref: PDFRef): Uint8Array {
  return (doc.context.lookup(ref) as PDFRawStream).contents
}

describe('streams deflated and fonts subset on the helper thread', () => {
  beforeAll(async () => {
    allowDeflateHelper(true)
    expect(await deflateHelperStarted()).toBe(true)
  })
  afterEach(() => allowDeflateHelper(true))

  test('every stream gets the bytes the painting thread would give it, in its own object, and the helper does some', async () => {
    const inputs = streams(30, 7)
    const before = deflateHelperBatches()
    const { refs, doc } = await written(inputs)
    expect(deflateHelperBatches()).toBeGreaterThan(before)
    expect(refs.map((ref) => ref.objectNumber)).toEqual([...refs.map((ref) => ref.objectNumber)].sort((a, b) => a - b))
    refs.forEach((ref, i) => {
      const stream = doc.context.lookup(ref) as PDFRawStream
      expect(stream.dict.get(PDFName.of('Index'))).toEqual(PDFNumber.of(i))
      expect(stream.dict.get(PDFName.of('Filter'))).toEqual(PDFName.of('FlateDecode'))
      expect(stream.dict.get(PDFName.of('Length'))).toEqual(PDFNumber.of(stream.contents.length))
      expect(Buffer.from(stream.contents)).toEqual(Buffer.from(deflate(inputs[i]!)))
      expect(new Uint8Array(inflateSync(stream.contents))).toEqual(inputs[i])
    })
  })

  test('without the helper the same streams come out byte for byte the same', async () => {
    const inputs = streams(30, 11)
    const helped = await written(inputs)
    allowDeflateHelper(false)
    const before = deflateHelperBatches()
    const alone = await written(inputs)
    expect(deflateHelperBatches()).toBe(before)
    helped.refs.forEach((ref, i) => expect(Buffer.from(data(helped.doc, ref))).toEqual(Buffer.from(data(alone.doc, alone.refs[i]!))))
  })

  test('a stream changed after it was added is deflated as it was when added', async () => {
    const doc = await PDFDocument.create()
    const batch = new StreamBatch(doc.context)
    const reused = new Uint8Array(20_000).fill(0x41)
    const first = batch.add(reused)
    reused.fill(0x42)
    const second = batch.add(reused)
    batch.finish()
    expect(inflateSync(data(doc, first)).every((b) => b === 0x41)).toBe(true)
    expect(inflateSync(data(doc, second)).every((b) => b === 0x42)).toBe(true)
  })

  test('an abandoned document does not hand its results to the next one', async () => {
    const doc = await PDFDocument.create()
    const dropped = new StreamBatch(doc.context)
    for (const bytes of streams(12, 3)) dropped.add(bytes)
    dropped.abandon()
    const inputs = streams(12, 5)
    const { refs, doc: next } = await written(inputs)
    refs.forEach((ref, i) => expect(new Uint8Array(inflateSync(data(next, ref)))).toEqual(inputs[i]))
  })

  test('fonts subset ahead on the helper are the subsets of the expected characters; a character beyond them is subset with them here', async () => {
    const fonts = loadFonts()
    const codePoints = (text: string): number[] => [...text].map((c) => c.codePointAt(0)!)
    // The bold face's text: its characters, the space and hyphen layout adds, and all digits (it has one).
    const texts = ['', 'Безпека 7', '', '']
    const expected = [...new Set(codePoints('Безпека -0123456789'))].sort((a, b) => a - b)
    expect(charactersOf(texts)).toEqual(new Map([['bold', expected]]))
    const program = async (drawn: string): Promise<{ name: string; bytes: Uint8Array; length: number }> => {
      const doc = await PDFDocument.create()
      const streams = new StreamBatch(doc.context)
      const programs = new FontPrograms(fonts, texts)
      const { ref, name } = programs.add(streams, 'bold', codePoints(drawn))
      streams.finish()
      programs.release()
      const stream = doc.context.lookup(ref) as PDFRawStream
      return { name, bytes: new Uint8Array(inflateSync(stream.contents)), length: (stream.dict.get(PDFName.of('Length1')) as PDFNumber).asNumber() }
    }
    const batches = deflateHelperBatches()
    const ahead = await program('Безпека 12')
    expect(deflateHelperBatches()).toBeGreaterThan(batches)
    const alone = subsetFace(fonts.bold, expected)
    expect(ahead.name).toBe(alone.name)
    expect(Buffer.from(ahead.bytes)).toEqual(Buffer.from(alone.bytes))
    expect(ahead.length).toBe(alone.bytes.length)
    // "Ж" was not expected: the face is subset here, to the expected characters and the drawn one, and counted.
    const beyond = facesBeyondExpected()
    const extra = await program('Жабка')
    expect(facesBeyondExpected()).toBe(beyond + 1)
    expect(extra.name).toBe(subsetFace(fonts.bold, [...expected, ...codePoints('Жабк')]).name)
    expect(extra.name).not.toBe(alone.name)
  })

  test('a real kit is the same with and without the helper, and its fonts were subset ahead', async () => {
    const library = loadLibrary('lessons')
    const lesson = publishedLessons(library).find((l) => l.slug === 'moya-persha-podorozh' && l.lang === 'uk')!
    const options = { helplines: library.helplines, facts: library.facts }
    const beyond = facesBeyondExpected()
    const batches = deflateHelperBatches()
    const helped = await renderKit(lesson, options)
    expect(deflateHelperBatches()).toBeGreaterThan(batches)
    allowDeflateHelper(false)
    const alone = await renderKit(lesson, options)
    expect(helped.ok && alone.ok).toBe(true)
    if (helped.ok && alone.ok) expect(Buffer.from(helped.pdf)).toEqual(Buffer.from(alone.pdf))
    expect(facesBeyondExpected()).toBe(beyond)
  })

  test('kits rendered at once on one thread (a server) are each the same as rendered one by one', async () => {
    const library = loadLibrary('lessons')
    const options = { helplines: library.helplines, facts: library.facts }
    const chosen = publishedLessons(library).filter((l) => l.lang === 'uk').slice(0, 3)
    const alone: Awaited<ReturnType<typeof renderKit>>[] = []
    for (const lesson of chosen) alone.push(await renderKit(lesson, options))
    const together = await Promise.all(chosen.map((lesson) => renderKit(lesson, options)))
    together.forEach((kit, i) => {
      expect(kit.ok && alone[i]!.ok).toBe(true)
      if (kit.ok && alone[i]!.ok) expect(Buffer.from(kit.pdf)).toEqual(Buffer.from((alone[i] as { pdf: Uint8Array }).pdf))
    })
  })

  test('work the helper cannot be sent takes no job number: the jobs after it are still collected', async () => {
    const doc = await PDFDocument.create()
    const batch = new StreamBatch(doc.context)
    const helper = deflateHelper()!
    expect(() => helper.submit({ streams: [(() => undefined) as unknown as Uint8Array] }, 0)).toThrow()
    const inputs = streams(30, 13)
    const refs = inputs.map((bytes) => batch.add(bytes))
    batch.finish()
    refs.forEach((ref, i) => expect(new Uint8Array(inflateSync(data(doc, ref)))).toEqual(inputs[i]))
  }, 5_000)

  test('a kit is the same with and without the helper', async () => {
    const helped = await renderSample('a4')
    allowDeflateHelper(false)
    const alone = await renderSample('a4')
    expect(Buffer.from(helped)).toEqual(Buffer.from(alone))
  })
})
