/**
 * The site's server (src/site/serve.mjs) on a small site of its own, with a secret file and symlinks beside it: what
 * it refuses (a table of ways out of the site), what it serves (types, encodings, cache headers), and its command line.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseServeArguments, preferredEncoding, safeSegments, startServer } from '../../src/site/serve.mjs';
import { freePort } from '../free-port.ts';

const SECRET = 'TOP SECRET: outside the site';
const scratch = mkdtempSync(join(tmpdir(), 'serve-'));
const site = join(scratch, 'site');
/** Text long enough to be compressed. */
const LONG = `<p>${'Безпечно онлайн. '.repeat(200)}</p>`;

/** The files of the little site, by path. */
const FILES: Record<string, string | Buffer> = {
  'index.html': `<!doctype html><title>home</title>${LONG}`,
  '404.html': '<!doctype html><title>not found</title><h1>Сторінку не знайдено</h1>',
  'lessons/x/index.html': `<!doctype html><title>lesson</title>${LONG}`,
  '_astro/site.css': `body{color:#123}${' '.repeat(2000)}`,
  '_astro/site.js': `console.log(1);${' '.repeat(2000)}`,
  'pagefind/pagefind-entry.json': JSON.stringify({ version: '1', padding: 'x'.repeat(2000) }),
  'favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
  'fonts/pt.woff2': Buffer.from('wOF2-not-really'),
  'kits/x.pdf': Buffer.from('%PDF-1.7 test'),
  'pagefind/pagefind.wasm': Buffer.from([0, 97, 115, 109, 1, 0, 0, 0]),
  'pictures/a.png': Buffer.from([137, 80, 78, 71]),
  'downloads/copy.zip': Buffer.from('PK\u0003\u0004'),
  'big.html': `<!doctype html>${LONG}`,
  'big.html.br': brotliCompressSync(Buffer.from('<!doctype html>precompressed')),
  '.hidden': SECRET,
  'empty-folder/.keep': '',
};

let server: Awaited<ReturnType<typeof startServer>>;
const log: string[] = [];

beforeAll(async () => {
  for (const [path, content] of Object.entries(FILES)) {
    mkdirSync(join(site, path, '..'), { recursive: true });
    writeFileSync(join(site, path), content);
  }
  writeFileSync(join(scratch, 'secret.txt'), SECRET);
  mkdirSync(join(scratch, 'outside'));
  writeFileSync(join(scratch, 'outside', 'secret.html'), SECRET);
  symlinkSync(join(scratch, 'secret.txt'), join(site, 'link-out.html'));
  symlinkSync(join(scratch, 'outside'), join(site, 'dir-out'));
  symlinkSync(join(site, 'index.html'), join(site, 'link-in.html'));
  server = await startServer({ root: site, port: 0, log: (line) => log.push(line) });
});

afterAll(async () => {
  await server?.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** A raw request: the path goes out exactly as written (no client-side normalising of `..`). */
function get(path: string, options: { method?: string; headers?: Record<string, string>; port?: number } = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: options.port ?? server.port, path, method: options.method ?? 'GET', headers: options.headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the server refuses every way out of the site', () => {
  test.each([
    '/../secret.txt',
    '/../../../../../../etc/passwd',
    '/lessons/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/%2e%2e/etc/passwd',
    '/.%2e/secret.txt',
    '/..%2fsecret.txt',
    '/..%2Fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/..%5csecret.txt',
    '/..\\secret.txt',
    '/lessons\\..\\..\\secret.txt',
    '//etc/passwd',
    '/%2fetc%2fpasswd',
    '/etc/passwd%00.html',
    '/index.html%00',
    '/%00',
    '/C:/Windows/win.ini',
    '/c:%5cwindows%5cwin.ini',
    '/index.html::$DATA',
    '/%c0%ae%c0%ae/secret.txt',
    '/%252e%252e/secret.txt',
    '/link-out.html',
    '/dir-out/secret.html',
    '/dir-out/',
    '/.hidden',
    '/%2ehidden',
    'http://example.org/../secret.txt',
  ])('%s', async (path) => {
    const response = await get(path);
    expect([403, 404]).toContain(response.status);
    const body = response.body.toString();
    expect(body).not.toContain('TOP SECRET');
    expect(body).not.toContain('root:');
    expect(body).not.toMatch(/\n\s+at .+:\d+:\d+/); // never a stack trace
  });

  test('a symlink inside the site is served', async () => {
    expect((await get('/link-in.html')).status).toBe(200);
  });

  test('only GET and HEAD', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const response = await get('/index.html', { method });
      expect(response.status).toBe(405);
      expect(response.headers.allow).toBe('GET, HEAD');
    }
    const head = await get('/index.html', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(Number(head.headers['content-length'])).toBeGreaterThan(0);
  });

  test('a folder is never listed: its index.html, a redirect to add the slash, or the 404 page', async () => {
    expect((await get('/lessons/x/')).body.toString()).toContain('<title>lesson</title>');
    const redirect = await get('/lessons/x?q=1');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe('/lessons/x/?q=1');
    const empty = await get('/empty-folder/');
    expect(empty.status).toBe(404);
    expect(empty.body.toString()).toContain('Сторінку не знайдено');
    expect(empty.body.toString()).not.toContain('.keep');
    const missing = await get('/no/such/page/');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(missing.headers['cache-control']).toBe('no-store');
  });

  test.each([
    ['', []],
    ['lessons/x/', ['lessons', 'x']],
    ['a%20b.html', ['a b.html']],
    ['%D1%83%D1%80%D0%BE%D0%BA/', ['урок']],
    ['../x', undefined],
    ['a/%2e%2e/x', undefined],
    ['a//b', undefined],
    ['a%2Fb', undefined],
    ['%E0%A4%A', undefined],
  ])('safeSegments(%j) → %j', (path, expected) => {
    expect(safeSegments(path)).toEqual(expected);
  });
});

describe('the server serves what a built site holds', () => {
  test.each([
    ['/index.html', 'text/html; charset=utf-8'],
    ['/_astro/site.css', 'text/css; charset=utf-8'],
    ['/_astro/site.js', 'text/javascript; charset=utf-8'],
    ['/pagefind/pagefind-entry.json', 'application/json; charset=utf-8'],
    ['/favicon.svg', 'image/svg+xml'],
    ['/fonts/pt.woff2', 'font/woff2'],
    ['/kits/x.pdf', 'application/pdf'],
    ['/pagefind/pagefind.wasm', 'application/wasm'],
    ['/pictures/a.png', 'image/png'],
    ['/downloads/copy.zip', 'application/zip'],
  ])('%s as %s, never sniffed', async (path, type) => {
    const response = await get(path);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe(type);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  test.each([
    ['br, gzip', 'br'],
    ['gzip, deflate', 'gzip'],
    ['gzip;q=0, br', 'br'],
    ['br;q=0, gzip', 'gzip'],
    ['identity', undefined],
    ['', undefined],
  ])('text compressed for Accept-Encoding "%s" → %s, byte for byte the file', async (accept, encoding) => {
    const response = await get('/index.html', { headers: { 'accept-encoding': accept } });
    expect(response.headers['content-encoding']).toBe(encoding);
    expect(response.headers.vary).toBe('accept-encoding');
    const body = encoding === 'br' ? brotliDecompressSync(response.body) : encoding === 'gzip' ? gunzipSync(response.body) : response.body;
    expect(body.toString()).toBe(FILES['index.html']);
    expect(Number(response.headers['content-length'])).toBe(response.body.length);
  });

  test('a precompressed file beside the page is sent as it is', async () => {
    const response = await get('/big.html', { headers: { 'accept-encoding': 'br' } });
    expect(brotliDecompressSync(response.body).toString()).toBe('<!doctype html>precompressed');
  });

  test('pictures, fonts and PDFs are not compressed again', async () => {
    for (const path of ['/fonts/pt.woff2', '/kits/x.pdf', '/pictures/a.png']) {
      expect((await get(path, { headers: { 'accept-encoding': 'br, gzip' } })).headers['content-encoding']).toBeUndefined();
    }
  });

  test('hashed assets are cached for a year; pages are checked again each time, with 304 when unchanged', async () => {
    expect((await get('/_astro/site.css')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const page = await get('/index.html');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['last-modified']).toBeTruthy();
    const again = await get('/index.html', { headers: { 'if-none-match': String(page.headers.etag) } });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  test('one log line per request, without the query string', async () => {
    log.length = 0;
    await get('/lessons/x/index.html?q=%D0%BF%D0%B0%D1%80%D0%BE%D0%BB%D1%8C&band=5-6');
    await get('/../secret.txt');
    expect(log).toHaveLength(2);
    expect(log[0]).toMatch(/^\d\d:\d\d:\d\d 200 GET \/lessons\/x\/index\.html \d+$/);
    expect(log[1]).toMatch(/ 403 GET \/\.\.\/secret\.txt /);
    expect(log.join('\n')).not.toContain('q=');
  });

  test('under a sub-path, only the sub-path is the site', async () => {
    const sub = await startServer({ root: site, prefix: '/school/safety', port: 0 });
    try {
      expect((await get('/school/safety/index.html', { port: sub.port })).status).toBe(200);
      expect((await get('/school/safety', { port: sub.port })).headers.location).toBe('/school/safety/');
      expect((await get('/index.html', { port: sub.port })).status).toBe(404);
      expect((await get('/school/safety/../safety/index.html', { port: sub.port })).status).toBe(403);
      expect(sub.url).toBe(`http://127.0.0.1:${sub.port}/school/safety/`);
    } finally {
      await sub.close();
    }
  });

  test.each([
    ['gzip, br', 'br'],
    ['*', 'br'],
    ['br;q=0, *;q=0.5', 'gzip'],
    ['x-unknown', undefined],
  ])('preferredEncoding(%j) → %s', (accept, expected) => {
    expect(preferredEncoding(accept)).toBe(expected);
  });
});

/** A Node older than the project's (the machine's own, v18–v22), to prove the bundle's serve.mjs needs nothing newer. */
function olderNode(): string {
  for (const candidate of ['/usr/bin/node', '/usr/local/bin/node']) {
    const run = spawnSync(candidate, ['--version'], { encoding: 'utf8' });
    if (run.status === 0 && Number(/^v(\d+)/.exec(run.stdout)?.[1]) < 24) return candidate;
  }
  return process.execPath;
}

describe('the command line (node serve.mjs)', () => {
  const serveFile = 'src/site/serve.mjs';

  test('serves a folder until stopped, on the Node the machine has', async () => {
    const node = olderNode();
    const port = await freePort();
    const child = spawn(node, [serveFile, '--root', site, '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    try {
      await expect.poll(() => output, { timeout: 10_000 }).toContain('Press Ctrl+C');
      expect(output).toContain(`http://127.0.0.1:${port}/`);
      expect(output).toContain('--lan');
      expect((await get('/index.html', { port })).status).toBe(200);
      await expect.poll(() => output).toMatch(/200 GET \/index\.html/);
      console.log(`serve.mjs ran on ${execFileSync(node, ['--version'], { encoding: 'utf8' }).trim()}`);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await new Promise((resolve) => child.on('exit', resolve))).toBe(0);
  });

  test('says plainly when the site is not built, the port is taken, or an option is wrong', () => {
    const run = (...args: string[]) => spawnSync(process.execPath, [serveFile, ...args], { encoding: 'utf8', timeout: 10_000 });
    const notBuilt = run('--root', join(scratch, 'outside'), '--port', '8089');
    expect(notBuilt.status).toBe(1);
    expect(notBuilt.stderr).toMatch(/no built site in .*outside.*index\.html is missing/);
    expect(notBuilt.stderr).toContain('unpack the whole zip');
    const taken = run('--root', site, '--port', String(server.port));
    expect(taken.status).toBe(1);
    expect(taken.stderr).toContain(`port ${server.port} is already in use`);
    expect(taken.stderr).toContain(`--port ${server.port + 1}`);
    const wrong = run('--port', 'eighty');
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('--port needs a number');
    for (const result of [notBuilt, taken, wrong]) expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });

  test.each([
    [[], { port: 8080, lan: false, help: false }],
    [['--lan', '--port', '9000'], { port: 9000, lan: true, help: false }],
    [['--port=8081', 'site'], { port: 8081, lan: false, help: false, root: 'site' }],
    [['--root', 'dist'], { port: 8080, lan: false, help: false, root: 'dist' }],
  ])('parseServeArguments(%j)', (args, expected) => {
    expect(parseServeArguments(args)).toEqual(expected);
  });
});
