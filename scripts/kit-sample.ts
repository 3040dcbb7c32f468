/**
 * Renders a sample teacher kit from hand-made blocks (no lesson loader needed) and writes it to a PDF:
 *   node scripts/kit-sample.ts out.pdf [--paper letter] [--bench N]
 * Then look at it: pdftoppm -r 60 -png out.pdf /tmp/kitpng/p
 */
import { writeFileSync } from 'node:fs'
import { deflateSync } from 'node:zlib'
import type { Block, Run } from '../src/kit/blocks.ts'
import { layoutKit, type LayoutOptions, type Paper } from '../src/kit/layout/index.ts'
import { paintKit, type PdfMeta } from '../src/kit/paint/index.ts'
import { fontMetrics, loadFonts } from '../src/kit/text/fonts.ts'
import { hyphenate } from '../src/kit/text/hyphenate.ts'

const P = (text: string): Block => ({ kind: 'paragraph', runs: [{ text }] })
const H = (level: 1 | 2 | 3 | 4, text: string): Block => ({ kind: 'heading', level, runs: [{ text }] })
const t = (text: string): Run[] => [{ text }]

const LONG =
  'Кібергрумінг — це коли дорослий (або старший підліток) в інтернеті втирається в довіру до дитини, щоб згодом ' +
  'маніпулювати нею: просити фото, зустрічі чи «секрети». Кривдник часто вдає ровесника, дарує віртуальні подарунки, ' +
  'хвалить і поступово відокремлює дитину від батьків і друзів. Важливо, щоб учні знали: у такій ситуації вони не ' +
  'винні, і завжди можна звернутися до довіреного дорослого.'
const LONG2 =
  'Під час обговорення не змушуйте дітей ділитися власним досвідом. Пропонуйте говорити про «героя історії», а не про ' +
  'себе: так безпечніше. Якщо хтось із дітей засмутився, дайте йому змогу вийти з класу разом із помічником або ' +
  'шкільним психологом. Наприкінці заняття нагадайте, де шукати допомогу, і роздайте пам’ятку з телефонами довіри.'

/** A small picture drawn here (a shield pictogram), so the sample needs no files. */
function samplePng(): { data: Uint8Array; width: number; height: number } {
  const w = 240
  const h = 160
  const raw = new Uint8Array((w * 3 + 1) * h)
  for (let y = 0; y < h; y++) {
    raw[y * (w * 3 + 1)] = 0
    for (let x = 0; x < w; x++) {
      const cx = x - w / 2
      const cy = y - h / 2
      const inShield = Math.abs(cx) < 50 - Math.max(0, cy) * 0.6 && cy > -55 && cy < 60
      const v = inShield ? (Math.abs(cx) < 6 || Math.abs(cy + 5) < 6 ? 250 : 90) : 235 - ((x + y) % 40 < 2 ? 30 : 0)
      const o = y * (w * 3 + 1) + 1 + x * 3
      raw[o] = raw[o + 1] = raw[o + 2] = v
    }
  }
  return { data: encodePng(w, h, raw), width: w, height: h }
}

/** A minimal PNG encoder (8-bit RGB, filter bytes already in `raw`). */
function encodePng(width: number, height: number, raw: Uint8Array): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (b: Uint8Array): number => {
    let c = 0xffffffff
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type: string, data: Uint8Array): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const len = Buffer.alloc(4)
    len.writeUInt32BE(data.length)
    const c = Buffer.alloc(4)
    c.writeUInt32BE(crc(body))
    return Buffer.concat([len, body, c])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8
  ihdr[9] = 2
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  return new Uint8Array(Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array())]))
}

/** The sample kit's blocks: every block kind, with a table and a box long enough to split. */
export function sampleBlocks(): Block[] {
  const png = samplePng()
  const tableRows: Run[][][] = [
    ['Вступ і правила розмови', '0–5', 'Домовитися про безпечну атмосферу'],
    ['Історія «Нова подруга в грі»', '5–15', 'Читання вголос, запитання 1–3'],
    ['Обговорення: ознаки кібергрумінгу', '15–25', 'Робота в парах, картки'],
    ['Гра «Світлофор довіри»', '25–35', 'Картки «так / ні / спитаю дорослого»'],
    ['Що робити, якщо…', '35–40', 'Алгоритм: зупинись, збережи докази, розкажи'],
    ['Підсумок і рефлексія', '40–45', 'Кожен називає одного довіреного дорослого'],
  ].map((r) => r.map(t))
  for (let i = 0; i < 4; i++) tableRows.push(...tableRows.slice(0, 6).map((r) => r.map((c) => [...c])))
  return [
    H(1, 'Кібергрумінг: як розпізнати і що робити'),
    P(LONG),
    { kind: 'paragraph', runs: [{ text: 'Мета уроку: ' , bold: true }, { text: 'навчити дітей розпізнавати ' }, { text: 'небезпечні прохання', italic: true }, { text: ' в мережі, відмовляти і звертатися по допомогу. Детальніше — на сайті ' }, { text: 'Національної дитячої «гарячої лінії»', href: 'https://example.org/hotline' }, { text: ' та в команді ' }, { text: 'npm run kits', code: true }, { text: '.' }] },
    H(2, 'Підготовка'),
    {
      kind: 'list',
      ordered: true,
      items: [
        [P('Роздрукуйте роздатку для кожного учня і один набір карток на команду.')],
        [
          P('Підготуйте простір:'),
          {
            kind: 'list',
            ordered: false,
            items: [[P('парти для роботи в парах;')], [P('дошку для алгоритму «Зупинись — збережи — розкажи»;')], [P('тихий куточок для дитини, якій потрібна пауза.')]],
          },
        ],
        [P('Перевірте телефони довіри в пам’ятці: дані мають бути актуальними. Дуже довга адреса без пробілів: https://example.org/resources/online-safety/kids/cybergrooming/very-long-path-name-that-never-ends.')],
      ],
    },
    { kind: 'box', variant: 'note', title: t('Примітка для вчителя'), children: [P(LONG2)] },
    H(2, 'Хід уроку'),
    { kind: 'table', header: [t('Етап'), t('Хвилини'), t('Що відбувається')], rows: tableRows, align: ['left', 'center', 'left'] },
    { kind: 'box', variant: 'script', title: t('Скажіть:'), children: [{ kind: 'paragraph', runs: [{ text: '«Сьогодні ми поговоримо про те, як залишатися в безпеці в інтернеті. Іноді люди в мережі не ті, ким себе називають. Ви завжди можете сказати „ні“ і розповісти дорослому, якому довіряєте.»', italic: true }] }] },
    { kind: 'image', format: 'png', ...png, alt: 'Щит — символ захисту', caption: t('Рис. 1. Щит: ти маєш право на захист.') },
    P(LONG),
    P(LONG2),
    {
      kind: 'box',
      variant: 'safeguarding',
      title: t('Якщо дитина розповідає про кривдника'),
      unsplittable: true,
      children: [
        {
          kind: 'list',
          ordered: true,
          items: [
            [P('Вислухайте спокійно, не перебивайте і не виказуйте шоку.')],
            [P('Скажіть: «Дякую, що розповів(-ла). Ти не винен(-на).»')],
            [P('Не обіцяйте зберегти таємницю: поясніть, що мусите повідомити тих, хто допоможе.')],
            [P('Не видаляйте листування: збережіть докази (знімки екрана з датою).')],
            [P('Того ж дня повідомте адміністрацію школи та службу у справах дітей.')],
          ],
        },
      ],
    },
    P(LONG),
    { kind: 'rule' },
    { kind: 'pageBreak', outline: 'Роздатка 1', textScale: 1.2 },
    H(2, 'Роздатка 1. Світлофор довіри'),
    { kind: 'nameLine', nameLabel: 'Ім’я:', dateLabel: 'Дата:' },
    P('Розфарбуй кружечок: зелений — можна, жовтий — спитаю дорослого, червоний — ні.'),
    { kind: 'list', ordered: true, items: ['Незнайомець просить фото.', 'Друг кличе грати в гру.', 'Хтось пропонує подарунок за секрет.'].map((s) => [P(s)]) },
    {
      kind: 'cards',
      title: t('Картки для гри «Світлофор довіри»'),
      cards: [
        'Тобі пише незнайомець і просить надіслати фото.',
        'Однокласник запрошує до групового чату класу.',
        'Хтось обіцяє ігрову валюту, якщо ти нікому не розкажеш про вашу розмову.',
        'Бабуся просить допомогти налаштувати відеодзвінок.',
        'Новий «друг» пропонує зустрітися і просить не казати батькам.',
        'Тобі надіслали посилання на конкурс з призами і просять пароль від акаунта.',
        'Вчителька створила для класу закриту групу.',
        'Незнайомий дорослий пише, що він теж учень п’ятого класу.',
        'Тобі погрожують опублікувати фото, якщо ти не надішлеш ще.',
        'Так',
      ].map(t),
    },
    { kind: 'pageBreak', outline: 'Безпека' },
    H(1, 'Телефони довіри'),
    P('Національна дитяча «гаряча лінія»: 116 111 або 0 800 500 225 (безкоштовно). Перевірено: 2025-01-15.'),
  ]
}

/** Layout options of the sample (the real kit takes its strings from src/i18n/). */
export function sampleOptions(paper: Paper = 'a4'): LayoutOptions {
  return {
    metrics: fontMetrics(loadFonts()),
    hyphenate,
    paper,
    continued: '(продовження)',
    headerLeft: 'Кібергрумінг: як розпізнати і що робити',
    headerRight: '5–6 клас',
    footerLeft: 'Ліцензія CC BY-SA 4.0 · #stop_sexting',
    pageLabel: (p, n) => `Сторінка ${p} з ${n}`,
  }
}

/** The sample's document information (fixed dates: the same input gives the same bytes). */
export const SAMPLE_META: PdfMeta = {
  title: 'Кібергрумінг: як розпізнати і що робити',
  author: 'Авторська група проєкту',
  subject: 'Набір для вчителя: урок для 5–6 класу',
  keywords: ['кібергрумінг', 'безпека в інтернеті', '5–6 клас'],
  lang: 'uk',
  created: new Date('2025-01-15T00:00:00Z'),
}

/** Renders the sample kit to PDF bytes. */
export async function renderSample(paper: Paper = 'a4', blocks: Block[] = sampleBlocks()): Promise<Uint8Array> {
  const laid = layoutKit(blocks, sampleOptions(paper))
  if (!laid.ok) throw new Error(laid.errors.map((e) => e.message).join('\n'))
  // layoutKit checked every character for a glyph already.
  return (await paintKit(laid.kit, loadFonts(), SAMPLE_META)).pdf
}

if (import.meta.main) {
  const args = process.argv.slice(2)
  const out = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a)) ?? 'kit-sample.pdf'
  const paper: Paper = args.includes('letter') ? 'letter' : 'a4'
  const benchIndex = args.indexOf('--bench')
  const runs = benchIndex >= 0 ? Number(args[benchIndex + 1] ?? 20) : 0
  let t0 = performance.now()
  const bytes = await renderSample(paper)
  const cold = performance.now() - t0
  writeFileSync(out, bytes)
  const blocks = sampleBlocks()
  const laid = layoutKit(blocks, sampleOptions(paper))
  const pages = laid.ok ? laid.kit.pages.length : 0
  console.log(`${out}: ${pages} pages, ${bytes.length} bytes, cold ${cold.toFixed(1)} ms`)
  if (runs > 0) {
    const times: { layout: number; paint: number }[] = []
    for (let i = 0; i < runs; i++) {
      t0 = performance.now()
      const l = layoutKit(blocks, sampleOptions(paper))
      const t1 = performance.now()
      if (l.ok) await paintKit(l.kit, loadFonts(), SAMPLE_META)
      times.push({ layout: t1 - t0, paint: performance.now() - t1 })
    }
    const median = (xs: number[]): number => xs.sort((a, b) => a - b)[xs.length >> 1]!
    const lay = median(times.map((x) => x.layout))
    const pai = median(times.map((x) => x.paint))
    console.log(`warm median of ${runs}: layout ${lay.toFixed(2)} ms + paint ${pai.toFixed(2)} ms = ${(lay + pai).toFixed(2)} ms (${((lay + pai) / pages).toFixed(2)} ms/page)`)
  }
}
