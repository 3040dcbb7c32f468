/** Build the real site once per test run and serve it on 127.0.0.1 under a sub-path, as a school server might. */
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import type { TestProject } from 'vitest/node';
import { childEnv } from '../build/env.ts';

/** Where the test build goes (kept out of dist/). */
export const SITE_DIR = 'tests/.tmp/site';
/** The sub-path the site is served under: proves every internal URL is relative. */
export const SUB_PATH = '/school/lessons/';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.webp': 'image/webp',
  '.avif': 'image/avif', '.woff': 'font/woff', '.woff2': 'font/woff2', '.pdf': 'application/pdf', '.wasm': 'application/wasm',
};

/** A static file server for the built site under SUB_PATH; 404s get the site's 404 page. */
function serve(root: string): Server {
  return createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(SUB_PATH)) return void response.writeHead(404).end();
    let path = normalize(join(root, decodeURIComponent(url.pathname.slice(SUB_PATH.length))));
    if (!path.startsWith(normalize(root))) return void response.writeHead(403).end();
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
    const found = existsSync(path);
    const file = found ? path : join(root, '404.html');
    response.writeHead(found ? 200 : 404, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
}

export default async function setup(project: TestProject) {
  if (!process.env.E2E_SKIP_BUILD || !existsSync(SITE_DIR)) {
    execFileSync(process.execPath, ['scripts/build.ts', '--out', SITE_DIR], { stdio: 'inherit', env: childEnv({}) });
  }
  const server = serve(SITE_DIR);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  project.provide('siteUrl', `http://127.0.0.1:${port}${SUB_PATH}`);
  project.provide('siteDir', SITE_DIR);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    siteDir: string;
  }
}
