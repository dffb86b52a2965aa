import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';

const TYPES: Readonly<Record<string, string>> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
};

/** The consoles' shared style sheet (no external fonts or images: nothing leaves the origin). */
export const CWTCH_CSS_FILE = fileURLToPath(new URL('./cwtch.css', import.meta.url));

/**
 * Serves a console's static files under `/assets/<name>`, read once at start: the shared
 * `cwtch.css` plus `files` (name → path), such as `htmx.min.js` from the service's own
 * `node_modules` and its page script. Only same-origin files, as the page CSP allows.
 *
 * @example
 * app.route('/', pageAssets({ 'htmx.min.js': require.resolve('htmx.org/dist/htmx.min.js') }));
 */
export function pageAssets(files: Readonly<Record<string, string>>): Hono {
  const app = new Hono();
  const all = { 'cwtch.css': CWTCH_CSS_FILE, ...files };
  for (const [name, file] of Object.entries(all)) {
    const body = readFileSync(file);
    const type = TYPES[extname(name)] ?? 'application/octet-stream';
    app.get(`/assets/${name}`, (c) =>
      c.body(body, 200, { 'content-type': type, 'cache-control': 'no-cache' }),
    );
  }
  return app;
}
