/** SVG pictures as vector drawings: path data as SVG defines it, basic shapes, what is rasterised, Form content. */
import { readdirSync, readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { PDFDocument, type PDFRawStream } from 'pdf-lib';
import { svgPathToOperators } from 'pdf-lib/cjs/api/svgPath.js';
import { describe, expect, test } from 'vitest';
import { parsePath, svgToVector } from '../../src/kit/read/svg.ts';
import { embedImage } from '../../src/kit/paint/images.ts';
import { StreamBatch } from '../../src/kit/paint/deflate.ts';
import type { VectorDrawing } from '../../src/kit/blocks.ts';

/** A path operator with its operands, e.g. `['m', 0, 0]`, numbers to 9 decimals (so float noise cannot differ). */
type Op = [string, ...number[]];

const round = (v: number) => Number(v.toFixed(9)) || 0;

/** The operators pdf-lib draws for path data (how vector pictures were painted before they were parsed in read/). */
function pdfLib(d: string): Op[] {
  return svgPathToOperators(d).map((op) => {
    const parts = op.toString().split(' ');
    return [parts.pop()!, ...parts.map((part) => round(Number(part)))];
  });
}

/** Parsed operators in the same form. */
function listed(path: { ops: Uint8Array; coords: Float64Array } | undefined): Op[] | undefined {
  if (!path) return undefined;
  const operands: Record<string, number> = { m: 2, l: 2, c: 6, h: 0 };
  let k = 0;
  return [...path.ops].map((code) => {
    const op = String.fromCharCode(code);
    return [op, ...[...path.coords.subarray(k, (k += operands[op]))].map(round)];
  });
}

/** A drawing of the given elements in a 100 × 50 viewBox. */
function drawing(body: string): VectorDrawing | undefined {
  return svgToVector(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50">${body}</svg>`);
}

describe('path data', () => {
  test.each([
    ['absolute lines and closing', 'M10 10 L20 20 H30 V40 Z'],
    ['relative lines and subpaths after closing', 'm10 10 l5 -5 h10 v10 z m5 5 l1 1'],
    ['implicit repeated commands', 'M 0 0 10 10 20 20'],
    ['implicit relative repeats', 'm 1 1 2 2 3 3 l 1 0 0 1'],
    ['cubic curves', 'M0 0 C10 10 20 10 30 0 c5 5 10 5 15 0'],
    ['smooth cubic curves', 'M0 0 C10 10 20 10 30 0 S50 -10 60 0 s10 10 20 0'],
    ['a smooth cubic after a line', 'M0 0 L10 10 S20 20 30 0'],
    ['arcs', 'M10 10 A5 5 0 0 1 20 10 a5 5 0 1 0 10 0'],
    ['rotated arcs', 'M0 0 A20 10 30 1 1 40 20 A20 10 -45 0 0 0 0'],
    ['arc radii too small for the endpoints', 'M0 0 A1 1 0 0 1 50 0'],
    ['exponents', 'M1e-3 2E1 L1.5e+1 -2.5e-1 l1e2 0'],
    ['numbers without separators', 'M.5.5L-1-2l.5-.5'],
    ['commas and line breaks', 'M10,20\n L30,40,50,60'],
    ['several subpaths', 'M0 0 h10 v10 h-10 z M20 20 h5 v5 z'],
  ])('%s: the same operators as pdf-lib', (_name, d) => {
    expect(listed(parsePath(d))).toEqual(pdfLib(d));
  });

  // pdf-lib draws Q as a different cubic and reflects the wrong points for S and T: these follow SVG 1.1 §8.3.
  test.each([
    ['a quadratic curve is the cubic with control points two thirds of the way to its own', 'M0 0 Q30 30 60 0', [['m', 0, 0], ['c', 20, 20, 40, 20, 60, 0]]],
    [
      'smooth quadratics reflect the previous control point, each time',
      'M0 0 Q30 30 60 0 T120 0 T180 0',
      [['m', 0, 0], ['c', 20, 20, 40, 20, 60, 0], ['c', 80, -20, 100, -20, 120, 0], ['c', 140, 20, 160, 20, 180, 0]],
    ],
    ['relative quadratics', 'M0 0 q15 15 30 0 t30 0', [['m', 0, 0], ['c', 10, 10, 20, 10, 30, 0], ['c', 40, -10, 50, -10, 60, 0]]],
    ['a smooth quadratic after a line takes the pen as its control point (a straight segment)', 'M0 0 L6 6 T12 12', [['m', 0, 0], ['l', 6, 6], ['c', 6, 6, 8, 8, 12, 12]]],
    ['a smooth quadratic after a cubic takes the pen as its control point', 'M0 0 C10 10 20 10 30 0 T60 0', [['m', 0, 0], ['c', 10, 10, 20, 10, 30, 0], ['c', 30, 0, 40, 0, 60, 0]]],
    ['a smooth cubic after a quadratic starts at the pen', 'M0 0 Q30 30 60 0 S90 -30 120 0', [['m', 0, 0], ['c', 20, 20, 40, 20, 60, 0], ['c', 60, 0, 90, -30, 120, 0]]],
  ] as const)('%s', (_name, d, expected) => {
    expect(listed(parsePath(d))).toEqual(expected.map((op) => op.map((v) => (typeof v === 'number' ? round(v) : v))));
  });

  test('a smooth cubic after an arc starts at the pen', () => {
    const ops = listed(parsePath('M0 0 A5 5 0 0 1 10 0 S20 5 30 0'))!;
    expect(ops.at(-1)).toEqual(['c', 10, 0, 20, 5, 30, 0]);
  });

  /** Path data of every lesson picture. */
  const lessonPaths = (): string[] =>
    readdirSync('lessons', { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith('_'))
      .flatMap((entry) => readdirSync(`lessons/${entry.name}`).filter((file) => file.endsWith('.svg')).map((file) => `lessons/${entry.name}/${file}`))
      .flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/ d="([^"]*)"/g)].map((match) => match[1]));

  test('every path of the lessons\u2019 pictures parses; those without Q, S or T draw as pdf-lib drew them', () => {
    const paths = lessonPaths();
    expect(paths.length).toBeGreaterThan(50);
    for (const d of paths) expect(parsePath(d), d).toBeDefined();
    const plain = paths.filter((d) => !/[QqSsTt]/.test(d));
    expect(plain.length).toBeGreaterThan(20);
    for (const d of plain) expect(listed(parsePath(d)), d).toEqual(pdfLib(d));
  });

  // Where pdf-lib went wrong (NaN operands, or compact flags read as one number), SVG's own rules apply.
  test.each([
    ['arc flags written without separators', 'M0 0 a5 5 0 0010 0', 'M0 0 a5 5 0 0 0 10 0'],
    ['arc flags next to a comma', 'M0 0 a5,5,0,1,1,10,0', 'M0 0 a5 5 0 1 1 10 0'],
  ])('%s', (_name, d, spaced) => {
    expect(listed(parsePath(d))).toEqual(pdfLib(spaced));
  });

  test('an arc with a zero radius is a line; one that ends where it starts draws nothing', () => {
    expect(listed(parsePath('M0 0 A0 5 0 0 1 10 0'))).toEqual([['m', 0, 0], ['l', 10, 0]]);
    expect(listed(parsePath('M5 5 A5 5 0 0 1 5 5 L6 6'))).toEqual([['m', 5, 5], ['l', 6, 6]]);
  });

  test.each(['M10', 'L10 10', 'M10 10 X 5', 'M1 1 Z 2 2', 'M1 1 L2', 'M1e 2', 'M0 0 A5 5 0 2 0 10 0', 'M1 1 L1e400 0'])('malformed: %s', (d) => {
    expect(parsePath(d)).toBeUndefined();
  });
});

describe('basic shapes', () => {
  test.each([
    ['rect', '<rect x="1" y="2" width="30" height="20"/>', 'M1 2H31V22H1Z'],
    ['rounded rect', '<rect x="1" y="2" width="30" height="20" rx="4"/>', 'M5 2H27A4 4 0 0 1 31 6V18A4 4 0 0 1 27 22H5A4 4 0 0 1 1 18V6A4 4 0 0 1 5 2Z'],
    ['rect with radii larger than half', '<rect width="10" height="6" rx="8" ry="2"/>', 'M5 0H5A5 2 0 0 1 10 2V4A5 2 0 0 1 5 6H5A5 2 0 0 1 0 4V2A5 2 0 0 1 5 0Z'],
    ['circle', '<circle cx="10" cy="10" r="5"/>', 'M5 10A5 5 0 1 0 15 10A5 5 0 1 0 5 10Z'],
    ['ellipse', '<ellipse cx="50" cy="25" rx="20" ry="10"/>', 'M30 25A20 10 0 1 0 70 25A20 10 0 1 0 30 25Z'],
    ['line', '<line x1="1" y1="2" x2="30" y2="40" stroke="#000"/>', 'M1 2L30 40'],
    ['polyline', '<polyline points="0,0 10,5 20,0 7" stroke="#000"/>', 'M0 0L10 5L20 0'],
    ['polygon', '<polygon points="0 0 10 5 20 0"/>', 'M0 0L10 5L20 0Z'],
  ])('%s: the outline of its SVG path', (_name, element, d) => {
    const shapes = drawing(element)?.shapes;
    expect(shapes).toHaveLength(1);
    expect(listed(shapes![0])).toEqual(pdfLib(d));
  });

  test('shapes with nothing to draw are left out', () => {
    const shapes = drawing('<rect width="0" height="5"/><circle r="0"/><polygon points="1 2"/><path d=""/><rect width="5" height="5" fill="none"/><circle r="3"/>')?.shapes;
    expect(shapes?.map((shape) => listed(shape)![0])).toEqual([['m', -3, 0]]);
  });
});

describe('drawings', () => {
  test('groups pass on paint and transforms; shapes keep their own part of the path arrays', () => {
    const result = drawing(
      '<g fill="#f00" stroke="#00F" stroke-width="2" transform="translate(10 20)"><g opacity="0.5"><rect width="5" height="5"/></g><path d="M0 0 L1 1" fill="none" stroke-dasharray="2 1"/></g><circle r="1" fill="rgb(0, 128, 255)"/>',
    )!;
    expect(result.viewBox).toEqual({ x: 0, y: 0, width: 100, height: 50 });
    const [rect, line, circle] = result.shapes;
    expect(rect).toMatchObject({ fill: [1, 0, 0], stroke: [0, 0, 1], strokeWidth: 2, opacity: 0.5, transform: [1, 0, 0, 1, 10, 20] });
    expect(line).toMatchObject({ fill: null, stroke: [0, 0, 1], dash: [2, 1], opacity: undefined, transform: [1, 0, 0, 1, 10, 20] });
    expect(circle).toMatchObject({ fill: [0, 128 / 255, 1], stroke: null, transform: [1, 0, 0, 1, 0, 0] });
    expect(listed(line)).toEqual([['m', 0, 0], ['l', 1, 1]]);
    expect(listed(rect)).toEqual(pdfLib('M0 0H5V5H0Z'));
  });

  test('markup that draws nothing is passed over: declarations, comments, titles, entities', () => {
    const svg = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<!-- drawn for the project -->
<svg xmlns="http://www.w3.org/2000/svg" viewBox='0 0 10 10' role="img" aria-label="A &amp; B &#x41;">
  <title>Cat &amp; <b>dog</b></title>
  <desc>two animals</desc>
  <metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description/></rdf:RDF></metadata>
  <path d="M0 0 L10 10" stroke = "#000"><title>a line</title></path>
</svg>`;
    expect(svgToVector(svg)?.shapes).toHaveLength(1);
  });

  test.each([
    ['text', '<text x="1" y="1">A</text>'],
    ['a gradient', '<rect width="5" height="5" fill="url(#g)"/>'],
    ['CSS', '<rect width="5" height="5" style="fill: red"/>'],
    ['a class', '<rect width="5" height="5" class="a"/>'],
    ['a clip path', '<g clip-path="url(#c)"><rect width="5" height="5"/></g>'],
    ['an image', '<image href="a.png" width="5" height="5"/>'],
    ['a style sheet', '<style>rect { fill: red }</style><rect width="5" height="5"/>'],
    ['CDATA', '<title><![CDATA[a <b>]]></title><rect width="5" height="5"/>'],
    ['malformed path data', '<path d="M0 0 L5"/>'],
    ['a coordinate that is not a number', '<rect x="left" width="5" height="5"/>'],
    ['an unknown entity', '<rect width="5" height="5" fill="&red;"/>'],
    ['a transform it cannot read', '<rect width="5" height="5" transform="perspective(2)"/>'],
    ['an unclosed group', '<g><rect width="5" height="5"/>'],
    ['mismatched tags', '<g><rect width="5" height="5"/></a>'],
    ['nothing but invisible shapes', '<rect width="5" height="5" fill="none"/>'],
  ])('rasterised, not drawn: %s', (_name, body) => {
    expect(drawing(body)).toBeUndefined();
  });

  test.each([
    ['no viewBox or size', '<svg><rect width="5" height="5"/></svg>'],
    ['a DOCTYPE that declares entities', '<!DOCTYPE svg [<!ENTITY c "#f00">]><svg viewBox="0 0 10 10"><rect width="5" height="5" fill="&c;"/></svg>'],
    ['not an SVG', '<html><svg viewBox="0 0 10 10"><rect width="5" height="5"/></svg></html>'],
  ])('rasterised, not drawn: %s', (_name, svg) => {
    expect(svgToVector(svg)).toBeUndefined();
  });

  test('width and height stand in for a missing viewBox', () => {
    expect(svgToVector('<svg width="40" height="30"><rect width="5" height="5"/></svg>')?.viewBox).toEqual({ x: 0, y: 0, width: 40, height: 30 });
  });
});

describe('Form content', () => {
  /** The decompressed content of a drawing's Form XObject. */
  async function formContent(vector: VectorDrawing): Promise<string[]> {
    const doc = await PDFDocument.create();
    const streams = new StreamBatch(doc.context);
    const ref = await embedImage(doc, streams, { kind: 'image', format: 'vector', data: new Uint8Array(0), vector, width: 100, height: 50, alt: '' });
    streams.finish();
    const stream = doc.context.lookup(ref) as PDFRawStream;
    return inflateSync(stream.contents).toString('latin1').trimEnd().split('\n');
  }

  test('numbers are rounded to thousandths of a unit here, without exponents or "-0"; an identity transform is left out', async () => {
    const lines = await formContent(drawing('<path d="M0.0005 -0.0004 L123456.78949 -99.9996 L1e-7 5e5" fill="none" stroke="#ff0000" stroke-width="1.5" stroke-linecap="round"/>')!);
    expect(lines).toEqual(['q', '1 0 0 RG', '1.5 w', '1 J', '0.001 0 m', '123456.789 -100 l', '0 500000 l', 'S', 'Q']);
  });

  test('opacity, transforms and curves', async () => {
    const lines = await formContent(drawing('<g transform="translate(5 -5)" opacity="0.5"><path d="M0 0 Q1 2 3 4 C1 1 2 2 3.25 3" fill="#000"/></g>')!);
    expect(lines).toEqual(['q', '1 0 0 1 5 -5 cm', '/GS1 gs', '0 0 0 rg', '0 0 m', '0.667 1.333 1.667 2.667 3 4 c', '1 1 2 2 3.25 3 c', 'f', 'Q']);
  });

  test('every lesson picture: the operands written are the parsed ones, to the precision written', async () => {
    for (const file of ['lessons/moya-persha-podorozh/zaychyk-tip.svg', 'lessons/ne-vedus-heroi-bezpeky/hachok.svg']) {
      const vector = svgToVector(readFileSync(file, 'utf8'))!;
      const written = (await formContent(vector)).filter((line) => /^[-\d.][-\d. ]* [mlcvh]$/.test(line)).flatMap((line) => line.split(' ').slice(0, -1).map(Number));
      const parsed = vector.shapes.flatMap((shape) => [...shape.coords]);
      expect(written).toHaveLength(parsed.length);
      for (const [i, v] of parsed.entries()) expect(Math.abs(written[i] - v)).toBeLessThanOrEqual(0.0005 + 1e-9);
    }
  });
});
