/**
 * `npm run serve [-- --port N] [-- --lan]`: serve the built site (dist/) with the same server the offline bundle
 * carries as serve.mjs (src/site/serve.mjs), plus a QR code of the network address for phones with `--lan`.
 */
import { renderUnicodeCompact } from 'uqr';
import { serveCommand } from '../src/site/serve.mjs';

process.exitCode = await serveCommand(process.argv.slice(2), {
  defaultRoot: 'dist',
  notBuiltHint: 'Build it first: npm run build (or name another folder with --root).',
  qr: (url) => renderUnicodeCompact(url, { border: 2 }),
});
