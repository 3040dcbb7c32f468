import { dirname } from 'node:path';
import sharp from 'sharp';
import { readInside } from '../../model/files.ts';
import { MAX_PICTURE_BYTES, MAX_PICTURE_PIXELS } from '../../model/limits.ts';
import { picturePath } from '../../model/pictures.ts';
import type { ImageBlock } from '../blocks.ts';
import { svgToVector } from './svg.ts';

/** dpi a placed picture is rasterised for: sharp on paper without heavy files. */
const PRINT_DPI = 200;
/** pt: the widest a lesson picture is placed (about 8 cm), so illustrations do not fill a page. */
export const PICTURE_WIDTH = 226;
/** pt: the tallest a lesson picture is placed, so a square illustration takes a third of a page, not half (ink, paper). */
export const PICTURE_HEIGHT = 150;
/** pt per inch. */
const PT_PER_INCH = 72;

/**
 * A lesson picture: an SVG of plain shapes as a vector drawing; anything else as PNG or JPEG sized for print. Only a
 * file inside the lesson's folder is read (the model's rules; a refused one throws, and the caller reports it).
 */
export async function rasterize(lessonFile: string, url: string, alt: string): Promise<Omit<ImageBlock, 'pos'>> {
  const path = picturePath(url);
  if (path === undefined) throw new URIError(`picture "${url}" is not a valid path`); // the model reports it
  // Read synchronously: pictures are small local files, and fs/promises' open/stat/read/close round trips through the
  // thread pool cost a kit ~1–3 ms of waiting (kit speed, DESIGN §4).
  const source = readInside(dirname(lessonFile), path, MAX_PICTURE_BYTES);
  const vector = /\.svg$/i.test(path) ? svgToVector(source.toString('utf8')) : undefined;
  if (vector) {
    const { width, height } = vector.viewBox;
    const placedWidth = Math.min(PICTURE_WIDTH, (PICTURE_HEIGHT * width) / height);
    return { kind: 'image', format: 'vector', data: new Uint8Array(0), vector, width, height, placedWidth, alt };
  }
  const targetPx = Math.round((PICTURE_WIDTH / PT_PER_INCH) * PRINT_DPI);
  const isSvg = /\.svg$/i.test(path);
  // SVG is vector: render it at a density that yields the target width directly.
  const limits = { limitInputPixels: MAX_PICTURE_PIXELS };
  const input = isSvg ? sharp(source, { ...limits, density: await svgDensity(source, targetPx) }) : sharp(source, limits);
  const meta = await input.metadata();
  const resized = (meta.width ?? targetPx) > targetPx ? input.resize({ width: targetPx }) : input;
  const photo = meta.format === 'jpeg';
  const { data, info } = photo
    ? await resized.jpeg({ quality: 85 }).toBuffer({ resolveWithObject: true })
    : await resized.flatten({ background: '#ffffff' }).png({ compressionLevel: 6 }).toBuffer({ resolveWithObject: true }); // palette quantising costs ~150 ms a picture
  return {
    kind: 'image',
    format: photo ? 'jpeg' : 'png',
    data: new Uint8Array(data),
    width: info.width,
    height: info.height,
    placedWidth: Math.min(PICTURE_WIDTH, (info.width / PRINT_DPI) * PT_PER_INCH, (PICTURE_HEIGHT * info.width) / info.height),
    alt,
  };
}

/** The density (dpi) at which an SVG renders `targetPx` wide, lowered when a tall drawing would exceed the pixel limit. */
async function svgDensity(svg: Buffer, targetPx: number): Promise<number> {
  const { width = targetPx, height = targetPx } = await sharp(svg).metadata(); // size at the default 72 dpi
  const forWidth = (72 * targetPx) / width;
  const forPixels = 72 * Math.sqrt(MAX_PICTURE_PIXELS / (width * height));
  return Math.max(1, Math.min(2400, forWidth, forPixels));
}
