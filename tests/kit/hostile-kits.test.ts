/**
 * Large but legitimate lessons (issue 13) render into valid kits through the real pipeline: a 100 000-character word,
 * a 20 000-character stage title, a table of the widest allowed size, nesting to the limit, a picture whose name holds
 * a per cent sign. A character the font lacks in the title is reported at its line in the frontmatter.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { renderLessonFile } from '../../src/kit/index.ts'
import { MAX_NESTING, MAX_TABLE_COLUMNS } from '../../src/model/limits.ts'
import { requireTools } from './tools.ts'

const scratch = mkdtempSync(join(tmpdir(), 'hostile-kits-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

const fixture = readFileSync('tests/fixtures/lessons/valid-lesson/index.mdx', 'utf8')
const frontmatter = fixture.slice(0, fixture.indexOf('\n---\n') + 5).replace('duration: 15', 'duration: 5')
let count = 0

/** Renders a one-stage lesson (stage title and body given; files added beside it) and returns the PDF's path. */
async function render(body: string, { title = 'Тест', files = {} as Record<string, Buffer>, head = frontmatter } = {}) {
  const root = join(scratch, `case-${count++}`, 'lessons')
  cpSync('tests/fixtures/lessons', root, { recursive: true })
  rmSync(join(root, 'valid-lesson'), { recursive: true })
  mkdirSync(join(root, 'hostile'))
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(root, 'hostile', name), bytes)
  const file = join(root, 'hostile', 'index.mdx')
  writeFileSync(file, `${head}\n<Stage title="${title}" minutes={5}>\n\n${body}\n\n</Stage>\n`)
  const result = await renderLessonFile(file, root)
  if (!result.ok) return { diagnostics: result.diagnostics, pdf: '' }
  const pdf = join(root, 'kit.pdf')
  writeFileSync(pdf, result.pdf)
  return { diagnostics: [], pdf }
}

/** The PDF passes qpdf --check; its text without the running header and footer, with all white space removed. */
function checkedText(pdf: string): string {
  expect(spawnSync('qpdf', ['--check', pdf]).status).toBe(0)
  return execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 })
    .replace(/\s+/g, '')
    .replace(/Паролітасекрети|1–2клас,3–4клас|Ліцензіятексту:CCBY-SA4\.0|Сторінка\d+з\d+/g, '')
}

/** A 4 × 4 grey PNG made by sharp. */
async function smallPng(): Promise<Buffer> {
  const { default: sharp } = await import('sharp')
  return sharp({ create: { width: 4, height: 4, channels: 3, background: '#888888' } }).png().toBuffer()
}

describe('large legitimate lessons give valid kits', () => {
  beforeAll(() => requireTools('qpdf', 'pdftotext'))

  test('a word of 100 000 characters', async () => {
    const word = 'безпека'.repeat(14_286).slice(0, 100_000)
    const { pdf, diagnostics } = await render(`Початок ${word} кінець.`)
    expect(diagnostics).toEqual([])
    expect(checkedText(pdf)).toContain(`Початок${word}кінець.`)
  })

  test('a stage title of 20 000 characters', async () => {
    const { pdf, diagnostics } = await render('Текст.', { title: 'Назва'.repeat(4_000) })
    expect(diagnostics).toEqual([])
    // Set in the timing table and as the stage's heading (the table repeats its header where it breaks).
    expect(checkedText(pdf).split('Назва').length - 1).toBeGreaterThanOrEqual(2 * 4_000)
  })

  test(`a table of ${MAX_TABLE_COLUMNS} columns`, async () => {
    const cells = Array.from({ length: MAX_TABLE_COLUMNS }, (_, i) => `Команда${i + 1}`)
    const { pdf, diagnostics } = await render(`| ${cells.join(' | ')} |\n|${'---|'.repeat(MAX_TABLE_COLUMNS)}\n| ${cells.map((_, i) => `${i}`).join(' | ')} |`)
    expect(diagnostics).toEqual([])
    const text = checkedText(pdf)
    for (const cell of cells) expect(text).toContain(cell)
  })

  test(`lists nested to the limit of ${MAX_NESTING} levels`, async () => {
    // The stage is one level; the lists take the rest.
    const depth = MAX_NESTING - 1
    const list = Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- рівень${i + 1}`).join('\n')
    const { pdf, diagnostics } = await render(list)
    expect(diagnostics).toEqual([])
    expect(checkedText(pdf)).toContain(`рівень${depth}`)
  })

  test('a picture whose file name holds a per cent sign (written %25)', async () => {
    const { pdf, diagnostics } = await render('![Діаграма](./100%25.png)', { files: { '100%.png': await smallPng() } })
    expect(diagnostics).toEqual([])
    expect(checkedText(pdf)).toContain('Діаграма')
  })

  test('an emoji in the title is reported at its line and column in the frontmatter', async () => {
    const { diagnostics } = await render('Текст.', { head: frontmatter.replace('title: Паролі та секрети', 'title: Паролі 😀 секрети') })
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      '2:15 the kit font (PT Sans, bold) has no glyph for "😀" (U+1F600); replace it or remove it',
      '2:15 the kit font (PT Sans, regular) has no glyph for "😀" (U+1F600); replace it or remove it',
    ])
  })
})
