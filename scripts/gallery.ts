/**
 * `npm run gallery`: the pictures of the authoring guide, made from the sample lesson docs/gallery/sample (every
 * component once): each component as the site shows it (a Chromium screenshot of its element on the built lesson page)
 * and as the kit prints it (a crop of its kit page, rendered with pdftoppm, located by its text with pdftotext
 * -bbox-layout). Written to docs/gallery/<component>.site.png and <component>.kit.png as small palette PNGs, so the
 * gallery is made anew whenever a component changes and never goes stale. Needs Chromium and poppler-utils.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { chromium } from 'playwright-core';
import { isValid, loadLibrary } from '../src/model/index.ts';
import { renderKit } from '../src/kit/index.ts';
import { serveSite } from '../src/site/serve.mjs';

/** Where the pictures go. */
const OUT = 'docs/gallery';
/** The sample lesson's slug in the library the gallery is built from. */
const SLUG = 'zrazok';
/** px: the width every picture is scaled down to (the guide shows two side by side). */
const WIDTH = 480;
/** Colours a picture keeps: text and a few tints; keeps each file to a few kilobytes. */
const COLOURS = 16;
/** dpi of the kit page a crop is cut from. */
const KIT_DPI = 110;
/** pt: the kit's page area between the running header and footer, and the crop's side margins. */
const KIT_TOP = 45;
const KIT_BOTTOM = 800;
const KIT_LEFT = 48;
const KIT_RIGHT = 548;
/** pt: the most of a kit page a crop shows. */
const KIT_MAX_HEIGHT = 280;
/** css px: the most of a site element a screenshot shows, and the page shown around it. */
const SITE_MAX_HEIGHT = 440;
const SITE_MARGIN = 10;

/** Where a component stands on the site (a CSS selector, the first match unless `last`) and in the kit (its text). */
interface Shot {
  name: string;
  site: { selector: string; last?: boolean; open?: boolean };
  /** The first line of the kit that holds `from` (`exact`: is it), down to the line before the first one holding `to`, or the end of the page. */
  kit: { from: string; exact?: boolean; to?: string; top?: boolean; maxHeight?: number };
}

const SHOTS: Shot[] = [
  { name: 'Stage', site: { selector: 'section.stage' }, kit: { from: '1. Етап: знайомство', to: 'Скажіть' } },
  { name: 'Say', site: { selector: '.say' }, kit: { from: 'Скажіть', exact: true, to: 'Порада вчителю' } },
  { name: 'TeacherNote', site: { selector: '.teacher-note' }, kit: { from: 'Порада вчителю', exact: true, to: 'Обговоріть' } },
  { name: 'Discuss', site: { selector: '.discuss' }, kit: { from: 'Обговоріть', exact: true, to: '2. Етап: станції' } },
  { name: 'Answer', site: { selector: 'details.answer', open: true }, kit: { from: 'Ключ відповідей', exact: true } },
  { name: 'Handout', site: { selector: '.handout' }, kit: { from: 'Мій план', exact: true, top: true } },
  { name: 'Cards', site: { selector: '.card-set' }, kit: { from: 'Червоні прапорці', exact: true, top: true } },
  { name: 'Station', site: { selector: '.station' }, kit: { from: 'Станція 1. Червоні прапорці', exact: true, top: true } },
  { name: 'Picture', site: { selector: 'figure.picture' }, kit: { from: '3. Етап: план дій', to: 'Якщо тиснуть', maxHeight: 440 } },
  { name: 'ActionPlan', site: { selector: '.action-plan' }, kit: { from: 'Якщо тиснуть' } },
  { name: 'Fact', site: { selector: '.fact' }, kit: { from: 'Стаття 156-1', to: 'Див.:' } },
  { name: 'ParentMemo', site: { selector: '.parent-memo' }, kit: { from: 'Пам’ятка для батьків', exact: true } },
  { name: 'Safeguarding', site: { selector: '.safeguarding' }, kit: { from: 'Безпека дитини і куди звернутися', exact: true } },
  { name: 'Helplines', site: { selector: 'ul.helplines', last: true }, kit: { from: 'Куди звернутися по допомогу', exact: true } },
];

/** A picture scaled to the gallery's width and saved with a small palette. */
async function save(input: Buffer, file: string): Promise<number> {
  const png = await sharp(input).resize({ width: WIDTH, withoutEnlargement: true }).flatten({ background: '#ffffff' }).png({ palette: true, colours: COLOURS, compressionLevel: 9, effort: 10 }).toBuffer();
  writeFileSync(file, png);
  return png.length;
}

/** A line of the kit as pdftotext lays it out: its page (1-based), its box in pt and its text. */
interface KitLine {
  page: number;
  yMin: number;
  yMax: number;
  text: string;
}

/** Every line of a PDF with its position, from `pdftotext -bbox-layout`. */
function kitLines(pdf: string): KitLine[] {
  const xhtml = execFileSync('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const lines: KitLine[] = [];
  xhtml.split('<page ').slice(1).forEach((page, index) => {
    for (const match of page.matchAll(/<line xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)) {
      const text = [...match[3]!.matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((word) => word[1]).join(' ').replace(/&amp;/g, '&');
      lines.push({ page: index + 1, yMin: Number(match[1]), yMax: Number(match[2]), text });
    }
  });
  return lines.filter((line) => line.yMin > KIT_TOP && line.yMax < KIT_BOTTOM);
}

/** The kit region of a shot: its page and the top and bottom of the crop in pt. */
function kitRegion(lines: readonly KitLine[], kit: Shot['kit']): { page: number; top: number; bottom: number } {
  const start = lines.findIndex((line) => (kit.exact ? line.text === kit.from : line.text.includes(kit.from)));
  if (start < 0) throw new Error(`the kit has no line with "${kit.from}"`);
  const { page } = lines[start]!;
  const onPage = lines.filter((line) => line.page === page);
  const after = lines.slice(start + 1).filter((line) => line.page === page);
  const end = kit.to ? after.find((line) => line.text.includes(kit.to!)) : undefined;
  const top = kit.top ? onPage[0]!.yMin - 6 : lines[start]!.yMin - 6;
  // A box drawn around the next part starts a little above its first line; the line before it is kept whole.
  const before = end ? onPage.filter((line) => line.yMax <= end.yMin).at(-1) : undefined;
  const bottom = end ? Math.max(end.yMin - 12, (before?.yMax ?? end.yMin) + 3) : Math.max(...onPage.map((line) => line.yMax)) + 6;
  return { page, top, bottom: Math.min(bottom, top + (kit.maxHeight ?? KIT_MAX_HEIGHT)) };
}

const scratch = mkdtempSync(join(tmpdir(), 'gallery-'));
try {
  // A library of the real shared data and the sample lesson alone.
  const lessons = join(scratch, 'lessons');
  mkdirSync(lessons);
  cpSync('lessons/_data', join(lessons, '_data'), { recursive: true });
  cpSync('lessons/_pages', join(lessons, '_pages'), { recursive: true });
  cpSync('docs/gallery/sample', join(lessons, SLUG), { recursive: true });
  mkdirSync(OUT, { recursive: true });
  let bytes = 0;

  // The kit: rendered here, its pages located by their text.
  const library = loadLibrary(lessons);
  const lesson = library.lessons.find(isValid);
  if (!lesson) throw new Error(`the sample lesson has errors: run LESSONS_DIR=${lessons} npm run check`);
  const kit = await renderKit(lesson, { lessonsDir: lessons, helplines: library.helplines, facts: library.facts });
  if (!kit.ok) throw new Error(kit.diagnostics.map((d) => d.message).join('\n'));
  const pdf = join(scratch, 'kit.pdf');
  writeFileSync(pdf, kit.pdf);
  const lines = kitLines(pdf);
  for (const shot of SHOTS) {
    const { page, top, bottom } = kitRegion(lines, shot.kit);
    const prefix = join(scratch, `page-${page}`);
    execFileSync('pdftoppm', ['-r', String(KIT_DPI), '-f', String(page), '-l', String(page), '-singlefile', '-png', pdf, prefix]);
    const px = (pt: number) => Math.round((pt * KIT_DPI) / 72);
    const crop = await sharp(`${prefix}.png`).extract({ left: px(KIT_LEFT), top: px(top), width: px(KIT_RIGHT - KIT_LEFT), height: px(bottom - top) }).toBuffer();
    bytes += await save(crop, join(OUT, `${shot.name}.kit.png`));
  }

  // The site: the sample built as a site, each component photographed on the lesson page.
  execFileSync(process.execPath, ['scripts/build.ts', '--out', join(scratch, 'site')], { env: { ...process.env, LESSONS_DIR: lessons }, stdio: ['ignore', 'ignore', 'inherit'] });
  const server = await serveSite(join(scratch, 'site'), '/');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
  try {
    const page = await browser.newPage({ viewport: { width: 900, height: 1200 }, deviceScaleFactor: 1 });
    await page.goto(`${server.url}lessons/${SLUG}/`);
    await page.evaluate(() => document.fonts.ready);
    for (const shot of SHOTS) {
      const all = page.locator(shot.site.selector);
      const element = shot.site.last ? all.last() : all.first();
      if (shot.site.open) await element.evaluate((node) => node.setAttribute('open', ''));
      // The element with a margin of the page around it, in page coordinates (a screenshot of the whole page, clipped).
      const box = await element.evaluate((node) => {
        const rect = node.getBoundingClientRect();
        return { x: rect.left + window.scrollX, y: rect.top + window.scrollY, width: rect.width, height: rect.height };
      });
      const clip = { x: box.x - SITE_MARGIN, y: box.y - SITE_MARGIN, width: box.width + 2 * SITE_MARGIN, height: Math.min(box.height, SITE_MAX_HEIGHT) + 2 * SITE_MARGIN };
      bytes += await save(await page.screenshot({ fullPage: true, clip }), join(OUT, `${shot.name}.site.png`));
    }
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(`${OUT}/: ${SHOTS.length * 2} pictures, ${Math.round(bytes / 1024)} KB`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
