// @ts-check
/**
 * The one web server for a built site. `npm run serve` in the repository, `node serve.mjs` in the offline bundle
 * (this very file, copied as it is) and the end-to-end tests all run it. So it is plain JavaScript (types in JSDoc,
 * checked by tsc), imports nothing but Node's own modules and uses nothing newer than Node 18: a school copies the
 * bundle to a computer with any Node and no internet, where `npm install` cannot run.
 *
 * Read-only (GET and HEAD); never lists a folder; refuses every path that could leave the site (`..`, encoded
 * slashes or dots, backslashes, NUL, drive letters, dot-files, symlinks pointing out) with 403 or 404, and never
 * answers with a stack trace.
 *
 *   node serve.mjs [--port N] [--lan] [--root DIR]
 */
import { createServer } from 'node:http';
import { promises as fs } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';

/** @typedef {import('node:http').IncomingMessage} IncomingMessage */
/** @typedef {import('node:http').ServerResponse} ServerResponse */
/** @typedef {import('node:fs').Stats} Stats */

/** Content types by file extension: every kind of file a built site holds. */
const TYPES = /** @type {Record<string, string>} */ ({
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.sha256': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
});

/** Types worth compressing (fonts, pictures, PDFs and Pagefind's index files are compressed already). */
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|wasm)|image\/svg)/;

/** bytes: smaller files are sent as they are (compressing them saves less than it costs). */
const MIN_COMPRESS_SIZE = 1024;

/** bytes: how much compressed text is kept in memory (a whole site has ~1 MB of text). */
const CACHE_LIMIT = 64 * 1024 * 1024;

/** Folders whose file names carry a content hash: a browser may keep them for a year. */
const IMMUTABLE = /^_astro\//;

/**
 * What a server needs to know.
 * @typedef {object} ServeOptions
 * @property {string} root the built site folder
 * @property {string} [prefix] the URL path the site is served under; default `/`
 * @property {string} [host] the address to listen on; default 127.0.0.1 (this computer only)
 * @property {number} [port] the port; 0 picks a free one; default 8080
 * @property {(line: string) => void} [log] called with one line per request
 */

/**
 * A started server.
 * @typedef {object} RunningServer
 * @property {string} url the site's address on this computer, ending in `/`
 * @property {number} port
 * @property {() => Promise<void>} close
 */

/** Why a server could not start, said so that a person can act on it. */
export class ServeError extends Error {
  name = 'ServeError';
}

/**
 * Start serving a built site. Rejects with a ServeError when the site is missing or the port cannot be used.
 * @param {ServeOptions} options
 * @returns {Promise<RunningServer>}
 */
export async function startServer(options) {
  const prefix = normalizePrefix(options.prefix ?? '/');
  const host = options.host ?? '127.0.0.1';
  const root = await siteRoot(options.root);
  const context = { root, prefix, cache: new CompressedCache() };
  const server = createServer((request, response) => {
    const started = Date.now();
    response.on('finish', () => options.log?.(logLine(request, response, started)));
    handle(request, response, context).catch((/** @type {unknown} */ error) => {
      options.log?.(`error: ${error instanceof Error ? error.message : String(error)}`);
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('Internal server error\n');
    });
  });
  const port = await listen(server, options.port ?? 8080, host);
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return {
    url: `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}${prefix}`,
    port,
    close: () =>
      new Promise((done) => {
        server.close(() => done());
        server.closeAllConnections?.(); // a browser's keep-alive connections would hold close() open (Node ≥ 18.2)
      }),
  };
}

/**
 * Serve a built site on 127.0.0.1 on a free port under `prefix`, as a school server might (tests, screenshots).
 * @param {string} root
 * @param {string} [prefix]
 */
export function serveSite(root, prefix = '/') {
  return startServer({ root, prefix, port: 0 });
}

/**
 * The real path of the site folder, or a ServeError when it holds no built site.
 * @param {string} root
 */
async function siteRoot(root) {
  const real = await fs.realpath(root).catch(() => undefined);
  const index = real ? await fs.stat(join(real, 'index.html')).catch(() => undefined) : undefined;
  if (!real || !index?.isFile()) throw new ServeError(`no built site in ${root} (${join(root, 'index.html')} is missing)`);
  return real;
}

/**
 * `/`; `/school/` from `school`, `/school` or `/school/`.
 * @param {string} prefix
 */
function normalizePrefix(prefix) {
  const parts = prefix.split('/').filter(Boolean);
  return parts.length ? `/${parts.join('/')}/` : '/';
}

/**
 * Listen, turning the usual failures into plain words. Resolves to the port.
 * @param {import('node:http').Server} server
 * @param {number} port
 * @param {string} host
 * @returns {Promise<number>}
 */
function listen(server, port, host) {
  return new Promise((done, fail) => {
    server.once('error', (/** @type {NodeJS.ErrnoException} */ error) => {
      if (error.code === 'EADDRINUSE') fail(new ServeError(`port ${port} is already in use (is another server running?): choose another with --port ${port + 1}`));
      else if (error.code === 'EACCES') fail(new ServeError(`port ${port} needs administrator rights: choose one above 1023, e.g. --port 8080`));
      else if (error.code === 'EADDRNOTAVAIL') fail(new ServeError(`this computer has no address ${host}`));
      else fail(new ServeError(`cannot listen on ${host}:${port}: ${error.message}`));
    });
    server.listen(port, host, () => done(/** @type {import('node:net').AddressInfo} */ (server.address()).port));
  });
}

/**
 * Answer one request.
 * @param {IncomingMessage} request
 * @param {ServerResponse} response
 * @param {{ root: string, prefix: string, cache: CompressedCache }} context
 */
async function handle(request, response, context) {
  response.setHeader('x-content-type-options', 'nosniff');
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end('Only GET and HEAD: this server is read-only.\n');
    return;
  }
  const { path, query } = splitTarget(request.url ?? '/');
  if (!path.startsWith(context.prefix)) {
    if (`${path}/` === context.prefix) return redirect(response, `${context.prefix}${query}`);
    return plain(response, 404, 'Not found\n');
  }
  const segments = safeSegments(path.slice(context.prefix.length));
  if (!segments) return plain(response, 403, 'Forbidden\n');
  const file = await resolveFile(context.root, segments, path.endsWith('/'));
  if (file === 'outside') return plain(response, 403, 'Forbidden\n');
  if (file === 'folder') return redirect(response, `${path}/${query}`);
  if (!file) return notFound(request, response, context);
  await sendFile(request, response, { file, status: 200, cache: context.cache, immutable: IMMUTABLE.test(segments.join('/')) });
}

/**
 * The path and the query (with its `?`) of a request target; an absolute-form target (`http://host/p`) gives its path.
 * @param {string} target
 */
function splitTarget(target) {
  const local = /^[a-z][a-z0-9+.-]*:\/\/[^/]*(\/.*)?$/i.exec(target)?.[1] ?? target;
  const at = local.search(/[?#]/);
  return at < 0 ? { path: local, query: '' } : { path: local.slice(0, at), query: local.slice(at).replace(/#.*$/, '') };
}

/**
 * The decoded path segments below the site root, or undefined when the path tries to leave the site or reach what a
 * site never serves: `..` and `.` (plain or percent-encoded), an encoded `/` or `\`, a backslash, NUL, a drive letter
 * or stream name (`:`), an empty segment (`//etc/passwd`), a dot-file, or broken percent-encoding.
 * @param {string} pathBelowRoot the request path after the site's prefix, still percent-encoded
 * @returns {string[] | undefined}
 */
export function safeSegments(pathBelowRoot) {
  if (pathBelowRoot === '') return [];
  const raw = pathBelowRoot.split('/');
  if (raw[raw.length - 1] === '') raw.pop(); // a folder's trailing slash
  const segments = [];
  for (const part of raw) {
    if (/%(2f|5c|00)/i.test(part)) return undefined;
    let segment;
    try {
      segment = decodeURIComponent(part);
    } catch {
      return undefined;
    }
    if (segment === '' || segment.startsWith('.') || /[\\:\0]/.test(segment)) return undefined;
    segments.push(segment);
  }
  return segments;
}

/**
 * The real path of the file to send: a folder's index.html when asked with its slash; 'folder' when asked without
 * it (the relative links inside need the slash); 'outside' for a symlink leaving the site; undefined when missing.
 * @param {string} root
 * @param {string[]} segments
 * @param {boolean} slashed
 * @returns {Promise<string | undefined>}
 */
async function resolveFile(root, segments, slashed) {
  const real = await fs.realpath(join(root, ...segments)).catch(() => undefined);
  if (!real) return undefined;
  if (real !== root && !real.startsWith(root + sep)) return 'outside';
  const stats = await fs.stat(real);
  if (stats.isFile()) return slashed && segments.length ? undefined : real;
  if (!stats.isDirectory()) return undefined;
  if (segments.length && !slashed) return 'folder';
  return resolveFile(root, [...segments, 'index.html'], false);
}

/**
 * The site's 404 page (it finds the site root by itself), or plain text when the site has none.
 * @param {IncomingMessage} request
 * @param {ServerResponse} response
 * @param {{ root: string, cache: CompressedCache }} context
 */
async function notFound(request, response, context) {
  const page = join(context.root, '404.html');
  const found = await fs.stat(page).catch(() => undefined);
  if (found?.isFile()) return sendFile(request, response, { file: page, status: 404, cache: context.cache, immutable: false });
  plain(response, 404, 'Not found\n');
}

/**
 * Send a file with its type, validators, cache policy and the best encoding the browser accepts.
 * @param {IncomingMessage} request
 * @param {ServerResponse} response
 * @param {{ file: string, status: number, cache: CompressedCache, immutable: boolean }} what
 */
async function sendFile(request, response, { file, status, cache, immutable }) {
  const stats = await fs.stat(file);
  const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  const etag = `W/"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`;
  /** @type {Record<string, string>} */
  const headers = {
    'content-type': type,
    'cache-control': status !== 200 ? 'no-store' : immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  };
  if (status === 200) {
    headers.etag = etag;
    headers['last-modified'] = stats.mtime.toUTCString();
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, headers).end();
      return;
    }
  }
  const compressible = COMPRESSIBLE.test(type) && stats.size >= MIN_COMPRESS_SIZE;
  if (compressible) headers.vary = 'accept-encoding';
  const encoding = compressible ? preferredEncoding(request.headers['accept-encoding']) : undefined;
  /** @type {Buffer | undefined} */
  let body;
  if (encoding) {
    body = (await precompressed(file, stats, encoding)) ?? (await cache.get(file, stats, encoding));
    headers['content-encoding'] = encoding;
  } else if (request.method === 'GET') {
    body = await fs.readFile(file);
  }
  headers['content-length'] = String(body?.length ?? stats.size);
  response.writeHead(status, headers);
  response.end(request.method === 'HEAD' ? undefined : body);
}

/**
 * `br` over `gzip` when the browser accepts it (`q=0` refuses).
 * @param {string | string[] | undefined} acceptEncoding the request's Accept-Encoding header
 * @returns {'br' | 'gzip' | undefined}
 */
export function preferredEncoding(acceptEncoding) {
  /** @type {Map<string, number>} */
  const accepted = new Map();
  for (const part of String(acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1]).find(Boolean);
    if (name) accepted.set(name, q === undefined ? 1 : Number(q));
  }
  /** @param {string} name */
  const allows = (name) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  return allows('br') ? 'br' : allows('gzip') ? 'gzip' : undefined;
}

/**
 * A `<file>.br` or `<file>.gz` made ahead of time, if it is at least as new as the file.
 * @param {string} file
 * @param {Stats} stats
 * @param {'br' | 'gzip'} encoding
 */
async function precompressed(file, stats, encoding) {
  const sibling = `${file}.${encoding === 'br' ? 'br' : 'gz'}`;
  const found = await fs.stat(sibling).catch(() => undefined);
  return found?.isFile() && found.mtimeMs >= stats.mtimeMs ? fs.readFile(sibling) : undefined;
}

/** Text compressed once per file version and kept in memory, within CACHE_LIMIT bytes (oldest dropped first). */
class CompressedCache {
  /** @type {Map<string, Buffer>} */
  entries = new Map();
  bytes = 0;

  /**
   * The file compressed with `encoding`, from the cache or made now.
   * @param {string} file
   * @param {Stats} stats
   * @param {'br' | 'gzip'} encoding
   */
  async get(file, stats, encoding) {
    const key = `${encoding}:${stats.size}:${stats.mtimeMs}:${file}`;
    const hit = this.entries.get(key);
    if (hit) return hit;
    const source = await fs.readFile(file);
    const body =
      encoding === 'br'
        ? brotliCompressSync(source, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 9, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: source.length } })
        : gzipSync(source, { level: 9 });
    this.entries.set(key, body);
    this.bytes += body.length;
    for (const [old, value] of this.entries) {
      if (this.bytes <= CACHE_LIMIT) break;
      this.entries.delete(old);
      this.bytes -= value.length;
    }
    return body;
  }
}

/**
 * A short plain-text answer.
 * @param {ServerResponse} response
 * @param {number} status
 * @param {string} text
 */
function plain(response, status, text) {
  const headers = { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'content-length': String(Buffer.byteLength(text)) };
  response.writeHead(status, headers).end(text);
}

/**
 * A permanent redirect within the site (a folder asked without its trailing slash).
 * @param {ServerResponse} response
 * @param {string} location
 */
function redirect(response, location) {
  response.writeHead(301, { location, 'content-type': 'text/plain; charset=utf-8' }).end(`Moved to ${location}\n`);
}

/**
 * `12:00:01 200 GET /lessons/x/index.html 5123`: never the query string (a search holds what a teacher typed).
 * @param {IncomingMessage} request
 * @param {ServerResponse} response
 * @param {number} started
 */
function logLine(request, response, started) {
  const { path } = splitTarget(request.url ?? '/');
  const shown = path.replace(/[^\x21-\x7e]/g, (character) => encodeURIComponent(character));
  const time = new Date(started).toTimeString().slice(0, 8);
  return `${time} ${response.statusCode} ${request.method} ${shown} ${response.getHeader('content-length') ?? '-'}`;
}

/**
 * The command line, read.
 * @typedef {object} ServeArguments
 * @property {string} [root]
 * @property {number} port
 * @property {boolean} lan
 * @property {boolean} help
 */

/**
 * Read `[--port N] [--lan] [--root DIR | DIR] [--help]`; throws a ServeError on anything else.
 * @param {readonly string[]} args
 * @returns {ServeArguments}
 */
export function parseServeArguments(args) {
  /** @type {ServeArguments} */
  const parsed = { port: 8080, lan: false, help: false };
  for (let i = 0; i < args.length; i++) {
    const [name, inline] = args[i].startsWith('--') ? args[i].split(/=(.*)/s, 2) : [args[i], undefined];
    const value = () => inline ?? args[++i];
    if (name === '--lan') parsed.lan = true;
    else if (name === '--help' || name === '-h') parsed.help = true;
    else if (name === '--port') {
      const text = value() ?? '';
      const port = Number(text);
      if (!/^\d+$/.test(text) || port < 1 || port > 65535) throw new ServeError(`--port needs a number from 1 to 65535, not "${text}"`);
      parsed.port = port;
    } else if (name === '--root') parsed.root = value();
    else if (!name.startsWith('-') && !parsed.root) parsed.root = name;
    else throw new ServeError(`unknown option "${args[i]}"`);
  }
  return parsed;
}

/** What the command line says about itself. */
export const SERVE_USAGE = `options:
  --port N    the port to serve on (default 8080)
  --lan       serve the school network too, not only this computer (prints the addresses to open)
  --root DIR  the built site folder`;

/**
 * How the command line differs between the repository (`npm run serve`) and the bundle (`node serve.mjs`).
 * @typedef {object} ServeCommand
 * @property {string} defaultRoot the site folder when none is given
 * @property {string} notBuiltHint what to do when the site is missing
 * @property {(url: string) => string} [qr] draws a QR code of an address for the terminal, where a QR library is at hand
 */

/**
 * Run the server from a command line until Ctrl+C. Resolves to the exit code.
 * @param {readonly string[]} args
 * @param {ServeCommand} command
 * @returns {Promise<number>}
 */
export async function serveCommand(args, command) {
  /** @type {ServeArguments} */
  let parsed;
  try {
    parsed = parseServeArguments(args);
  } catch (error) {
    console.error(`serve: ${/** @type {Error} */ (error).message}\n${SERVE_USAGE}`);
    return 2;
  }
  if (parsed.help) {
    console.log(SERVE_USAGE);
    return 0;
  }
  const root = resolve(parsed.root ?? command.defaultRoot);
  /** @type {RunningServer} */
  let server;
  try {
    server = await startServer({ root, port: parsed.port, host: parsed.lan ? '0.0.0.0' : '127.0.0.1', log: (line) => console.log(line) });
  } catch (error) {
    if (!(error instanceof ServeError)) throw error;
    const notBuilt = error.message.startsWith('no built site');
    console.error(`serve: ${error.message}${notBuilt ? `\n${command.notBuiltHint}` : ''}`);
    return 1;
  }
  console.log(`Serving ${root}\n  on this computer: ${server.url}`);
  if (parsed.lan) {
    const addresses = lanAddresses().map((address) => `http://${address}:${server.port}/`);
    if (!addresses.length) console.log('  no network address found: is this computer connected to the school network?');
    for (const address of addresses) console.log(`  on the school network: ${address}`);
    if (addresses.length && command.qr) console.log(`\nScan with a phone on the same network to open ${addresses[0]}\n${command.qr(addresses[0])}`);
    console.log('Anyone on this network can read the site (nothing can be changed through it).');
  } else {
    console.log('  only this computer can open it; add --lan to serve the school network');
  }
  console.log('Press Ctrl+C to stop.\n');
  await new Promise((done) => process.once('SIGINT', done).once('SIGTERM', done));
  await server.close();
  return 0;
}

/** This computer's IPv4 addresses on its networks (not loopback). */
export function lanAddresses() {
  return Object.values(networkInterfaces())
    .flat()
    .flatMap((address) => (address && !address.internal && (address.family === 'IPv4' || /** @type {unknown} */ (address.family) === 4) ? [address.address] : []));
}

// `node serve.mjs` in the offline bundle: serve the `site` folder beside this file.
if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  process.exitCode = await serveCommand(process.argv.slice(2), {
    defaultRoot: fileURLToPath(new URL('./site/', import.meta.url)),
    notBuiltHint: 'serve.mjs serves the "site" folder beside it: unpack the whole zip and run it there, or name the folder with --root.',
  });
}
