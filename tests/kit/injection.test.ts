/**
 * No PDF injection (issue 13): every string the kit writes into a PDF goes through one escaping function, tested with
 * every byte value; random link addresses never change the PDF's structure (qpdf --check passes, no action but /URI);
 * and the reproducers, as lessons through the real pipeline, give valid PDFs.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { PDFDocument, PDFName } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { escapeLiteral, literalString } from '../../src/kit/paint/pdf-strings.ts'
import { asciiUri, paintKit } from '../../src/kit/paint/index.ts'
import { layoutKit } from '../../src/kit/layout/index.ts'
import { loadFonts } from '../../src/kit/text/fonts.ts'
import { renderLessonFile } from '../../src/kit/index.ts'
import { isExternalLink } from '../../src/model/links.ts'
import { SAMPLE_META, sampleOptions } from '../../scripts/kit-sample.ts'
import { requireTools } from './tools.ts'

const scratch = mkdtempSync(join(tmpdir(), 'injection-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

/**
 * A literal string's content decoded as ISO 32000-1 §7.3.4.2 reads it (written here from the standard, not from the
 * writer): escapes \n \r \t \b \f \( \) \\ and octal, a backslash before a line end continues the line, an unescaped
 * line end (CR, LF or CRLF) reads as LF. Throws when the parentheses do not balance (the string would end early).
 */
function decodeLiteral(content: Uint8Array): number[] {
  const out: number[] = []
  let depth = 0
  for (let i = 0; i < content.length; i++) {
    const b = content[i]!
    if (b === 0x5c) {
      const n = content[++i]
      if (n === undefined) throw new Error('backslash at the end')
      const simple: Record<number, number> = { 0x6e: 0x0a, 0x72: 0x0d, 0x74: 0x09, 0x62: 0x08, 0x66: 0x0c, 0x28: 0x28, 0x29: 0x29, 0x5c: 0x5c }
      if (simple[n] !== undefined) out.push(simple[n]!)
      else if (n >= 0x30 && n <= 0x37) {
        let value = n - 0x30
        for (let k = 0; k < 2 && content[i + 1]! >= 0x30 && content[i + 1]! <= 0x37; k++) value = value * 8 + content[++i]! - 0x30
        out.push(value & 0xff)
      } else if (n === 0x0d) {
        if (content[i + 1] === 0x0a) i++
      } else if (n !== 0x0a) out.push(n)
    } else if (b === 0x0d) {
      if (content[i + 1] === 0x0a) i++
      out.push(0x0a)
    } else {
      if (b === 0x28) depth++
      if (b === 0x29 && --depth < 0) throw new Error(`the string ends early at byte ${i}`)
      out.push(b)
    }
  }
  if (depth !== 0) throw new Error('unbalanced parentheses')
  return out
}

/** Runs qpdf and returns its exit status and output. */
function qpdf(args: string[]): { status: number | null; out: string } {
  const result = spawnSync('qpdf', args, { encoding: 'utf8', maxBuffer: 64 << 20 })
  return { status: result.status, out: result.stdout + result.stderr }
}

/** Every dictionary in a PDF as qpdf reads it (qpdf --json=2), direct ones inside others included. */
function dictionaries(file: string): Record<string, unknown>[] {
  const objects = JSON.parse(execFileSync('qpdf', ['--json=2', '--json-key=qpdf', file], { encoding: 'utf8', maxBuffer: 64 << 20 })).qpdf[1]
  const found: Record<string, unknown>[] = []
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit)
    else if (typeof value === 'object' && value !== null) {
      found.push(value as Record<string, unknown>)
      Object.values(value).forEach(visit)
    }
  }
  for (const object of Object.values(objects) as { value?: unknown; stream?: { dict: unknown } }[]) visit(object.value ?? object.stream?.dict)
  return found
}

describe('one escaping function for literal strings', () => {
  test('every byte value reads back as itself, alone and after every other byte', () => {
    for (let b = 0; b < 256; b++) {
      expect(decodeLiteral(escapeLiteral(Uint8Array.of(b))), `byte ${b}`).toEqual([b])
      for (let a = 0; a < 256; a++) expect(decodeLiteral(escapeLiteral(Uint8Array.of(a, b)))).toEqual([a, b])
    }
  })

  test('a PDF holding a string of each byte value, and of all of them, is valid and keeps its bytes', async () => {
    requireTools('qpdf')
    const doc = await PDFDocument.create({ updateMetadata: false })
    doc.addPage()
    const all = Uint8Array.from({ length: 256 }, (_, i) => i)
    const strings = [...Array.from({ length: 256 }, (_, b) => literalString(Uint8Array.of(b))), literalString(all), literalString(all.slice().reverse())]
    doc.catalog.set(PDFName.of('Test'), doc.context.obj(strings))
    const file = join(scratch, 'bytes.pdf')
    writeFileSync(file, await doc.save({ useObjectStreams: false }))
    expect(qpdf(['--check', file]).status).toBe(0)
    // Read back by a PDF parser (pdf-lib's, which shares no code with the escaper), byte for byte.
    const read = await PDFDocument.load(readFileSync(file))
    const values = read.catalog.lookup(PDFName.of('Test')) as unknown as { asArray(): { asBytes(): Uint8Array }[] }
    const bytes = values.asArray().map((s) => [...s.asBytes()])
    expect(bytes.slice(0, 256)).toEqual(Array.from({ length: 256 }, (_, b) => [b]))
    expect(bytes[256]).toEqual([...all])
    expect(bytes[257]).toEqual([...all].reverse())
  })

  test('no paint module makes a PDF string but through pdf-strings.ts', () => {
    const dir = 'src/kit/paint'
    const offenders = readdirSync(dir)
      .filter((name) => name.endsWith('.ts') && name !== 'pdf-strings.ts')
      .filter((name) => /\bPDF(?:Hex)?String\b|\.set(?:Title|Author|Subject|Keywords|Creator|Producer|Language|CreationDate|ModificationDate)\(/.test(readFileSync(join(dir, name), 'utf8')))
    expect(offenders).toEqual([])
  })
})

/** Link addresses an attacker might write, and random text of any characters. */
const hostileHref = fc.oneof(
  fc.constantFrom(
    'x)/S/JavaScript/JS(app.alert(1))',
    'x\\)/S/JavaScript/JS\\(app.alert\\(1\\))',
    'http://a.example/x\\',
    'http://a.example/x\\\\',
    'https://a.example/(unbalanced',
    'https://a.example/)) >> endobj 9 0 obj << /S /Launch /F (calc.exe)',
    'javascript:app.alert(1)',
    'JAVA\tSCRIPT:alert(1)',
    'file:///etc/passwd',
    'https://a.example/\r\n\u0000\u2028/)',
  ),
  fc.webUrl(),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 80 }).map((rest) => `https://a.example/${rest}`),
  fc.array(fc.constantFrom('(', ')', '\\', '\r', '\n', '/', 'S', 'JavaScript', ' ', '<<', '>>', 'é', '😀'), { maxLength: 30 }).map((parts) => `https://a.example/${parts.join('')}`),
)

describe('links in a kit', () => {
  beforeAll(() => requireTools('qpdf'))
  test('random link addresses never change the PDF structure: qpdf --check passes, every action is /URI and reads back as written', async () => {
    const options = { ...sampleOptions(), printUrls: false }
    let run = 0
    await fc.assert(
      fc.asyncProperty(hostileHref, async (href) => {
        const laid = layoutKit([{ kind: 'paragraph', runs: [{ text: 'Перед ' }, { text: 'посилання', href }, { text: ' після.' }] }], options)
        if (!laid.ok) throw new Error(laid.errors.map((e) => e.message).join('\n'))
        const { pdf } = await paintKit(laid.kit, loadFonts(), SAMPLE_META)
        const file = join(scratch, `link-${run++}.pdf`)
        writeFileSync(file, pdf)
        const check = qpdf(['--check', file])
        expect(check.status, check.out).toBe(0)
        expect(check.out).toContain('No syntax or stream encoding errors')
        const dicts = dictionaries(file)
        const actions = dicts.filter((d) => '/S' in d)
        for (const action of actions) expect(Object.keys(action).sort()).toEqual(['/S', '/Type', '/URI'])
        expect(actions.map((a) => a['/S'])).toEqual(isExternalLink(href) ? ['/URI'] : [])
        if (actions.length) expect(actions[0]!['/URI']).toBe(`u:${asciiUri(href)}`)
        expect(dicts.filter((d) => d['/Subtype'] === '/Link')).toHaveLength(actions.length)
      }),
      { numRuns: 60 },
    )
  })

  test("the issue's reproducers, as a lesson through the real pipeline, give a valid PDF whose only actions are web links", async () => {
    const root = join(scratch, 'library', 'lessons')
    cpSync('tests/fixtures/lessons', root, { recursive: true })
    rmSync(join(root, 'valid-lesson'), { recursive: true })
    mkdirSync(join(root, 'hostile'))
    const fixture = readFileSync('tests/fixtures/lessons/valid-lesson/index.mdx', 'utf8')
    const frontmatter = fixture.slice(0, fixture.indexOf('\n---\n') + 5).replace('duration: 15', 'duration: 5')
    // The first reproducer reads as a link into the site that leads to no page: the link rule (issue 15) refuses it at
    // its line, so it never reaches a kit; the kit's own handling of such addresses is the property test's above.
    const refused = `${frontmatter}\n<Stage title="Тест" minutes={5}>\n\n[натисни](x\\)/S/JavaScript/JS\\(app.alert\\(1\\))\n\n</Stage>\n\n<Helplines />\n`
    writeFileSync(join(root, 'hostile', 'index.mdx'), refused)
    const check = await renderLessonFile(join(root, 'hostile', 'index.mdx'), root)
    expect(check.ok ? [] : check.diagnostics.map((d) => `${d.line}:${d.column} ${d.rule}`)).toEqual(['21:1 link-page-missing'])
    const body = [
      '[x](http://a.example/x\\\\)',
      '[дужки](https://a.example/a\\(b\\)c)',
      '[кирилиця](https://приклад.укр/шлях?q=так)',
    ].join('\n\n')
    const file = join(root, 'hostile', 'index.mdx')
    writeFileSync(file, `${frontmatter}\n<Stage title="Тест" minutes={5}>\n\n${body}\n\n</Stage>\n\n<Helplines />\n`)
    const result = await renderLessonFile(file, root)
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics))
    const pdf = join(scratch, 'hostile.pdf')
    writeFileSync(pdf, result.pdf)
    expect(qpdf(['--check', pdf]).status).toBe(0)
    const uris = dictionaries(pdf)
      .filter((d) => '/S' in d)
      .map((action) => `${action['/S']} ${action['/URI']}`)
    expect(uris).toEqual([
      '/URI u:http://a.example/x\\',
      '/URI u:https://a.example/a(b)c',
      `/URI u:${asciiUri('https://приклад.укр/шлях?q=так')}`,
      '/URI u:https://example.org/service',
    ])
  })
})
