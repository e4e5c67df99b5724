/**
 * `jixiao preview`: serves a built `dist/` under its base path as the nginx of docs/deploy.md
 * would — index.html for a folder, a redirect to add the folder's slash, the site's 404 page,
 * the MIME types the site needs (.wasm and .pagefind for search, .xml, .csv, .xlsx) and the
 * strict CSP header — so the last look before copying is the site as readers will get it.
 * As safe as that nginx: a link is never followed out of dist (every file is opened through
 * the content reader, src/validate/safe-read.ts), a file that cannot be read is answered 500
 * and the server goes on, and a redirect only ever leads to a path of this server: the path is
 * decoded and normalised as nginx does (slashes merged, `..` resolved) before anything else.
 */
import { closeSync, createReadStream, readSync, realpathSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, isAbsolute, join, posix, relative, resolve, sep } from 'node:path';
import { say, sentence } from '../errors/messages.ts';
import { NOT_FOUND, openInside, readBoundedSync } from '../validate/safe-read.ts';

export const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pdf': 'application/pdf',
  '.zip': 'application/zip',
  '.gz': 'application/gzip',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.webmanifest': 'application/manifest+json',
};

/** The header docs/deploy.md gives nginx: the site must work under it. */
export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

/** The base path a site was built for, read from its home page's stylesheet links (/xxgk/jxzp/_assets/…). */
export async function detectBase(dist: string): Promise<string | undefined> {
  const read = readBoundedSync(join(dist, 'index.html'), { root: dist, max: 16 * 1024 * 1024 });
  if (!read.ok) return undefined;
  const m = /(?:href|src)="(\/[^"]*?)_assets\//.exec(read.bytes.toString('utf8'));
  return m ? m[1] : '/';
}

export interface PreviewOptions {
  dist: string;
  base: string;
  port: number;
}

/** The request path decoded and normalised as nginx does: one leading slash, no `.`, `..` or empty segments; undefined when it cannot be. */
export function normalisedPath(url: string | undefined): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(new URL(url ?? '/', 'http://x').pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || !decoded.startsWith('/')) return undefined;
  const trailing = decoded.endsWith('/') || /\/\.{1,2}$/.test(decoded);
  const path = posix.normalize(decoded.replace(/\/+/g, '/'));
  return path.endsWith('/') || !trailing ? path : `${path}/`;
}

/** A Location for a path of this server: each segment percent-encoded, so it starts with one `/` and names no other host. */
const sameOrigin = (path: string) => `/${path.replace(/^\/+/, '').split('/').map(encodeURIComponent).join('/')}`;

/** The size of the first read: a file that cannot be read at all is answered 500 before any header goes out. */
const FIRST_CHUNK = 64 * 1024;

export async function startPreview(opts: PreviewOptions): Promise<{ server: Server; url: string }> {
  const root = resolve(opts.dist);
  const { base } = opts;
  const page404 = readBoundedSync(join(root, '404.html'), { root, max: 16 * 1024 * 1024 });
  const notFound = page404.ok ? page404.bytes : undefined;
  let realRoot = root;
  try {
    realRoot = realpathSync.native(root);
  } catch {
    // served as 404s until it exists
  }
  const server = createServer((req, res) => {
    const send = (status: number, headers: Record<string, string>, body?: Buffer | string) => {
      res.writeHead(status, { 'content-security-policy': CSP, 'x-content-type-options': 'nosniff', ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    const missing = () =>
      notFound
        ? send(404, { 'content-type': MIME['.html']! }, notFound)
        : send(404, { 'content-type': MIME['.txt']! }, sentence(say('PREVIEW_NOT_FOUND', { base })));
    const failed = (reason: string) => send(500, { 'content-type': MIME['.txt']! }, sentence(say('PREVIEW_UNREADABLE', { reason })));
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD')
        return send(405, { allow: 'GET, HEAD', 'content-type': MIME['.txt']! }, sentence(say('PREVIEW_METHOD')));
      const pathname = normalisedPath(req.url);
      if (pathname === undefined) return send(400, { 'content-type': MIME['.txt']! }, sentence(say('PREVIEW_BAD_ADDRESS')));
      // The server root is not the site: say where it is, as a request for the bare host would find it.
      if (pathname === '/' && base !== '/')
        return send(302, { location: sameOrigin(base), 'content-type': MIME['.txt']! }, sentence(say('PREVIEW_SITE_IS_AT', { base })));
      if (!pathname.startsWith(base)) return missing();
      const file = resolve(root, `.${sep}${pathname.slice(base.length)}`);
      if (file !== root && !file.startsWith(root + sep)) return missing();
      // Where it leads: a folder inside dist, or a file opened (below) only inside it.
      let real: string;
      try {
        real = realpathSync.native(file);
      } catch {
        return missing();
      }
      const rel = relative(realRoot, real);
      if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return missing();
      let target = file;
      if (statSync(real, { throwIfNoEntry: false })?.isDirectory()) {
        if (!pathname.endsWith('/')) return send(301, { location: `${sameOrigin(pathname)}/`, 'content-type': MIME['.txt']! }, '');
        target = join(file, 'index.html');
      }
      const opened = openInside(target, { root });
      if (!opened.ok) return opened.refusal.kind === 'read' && opened.refusal.reason !== NOT_FOUND ? failed(opened.refusal.reason) : missing();
      const { fd, stat } = opened;
      let first: Buffer;
      try {
        const buf = Buffer.allocUnsafe(Math.max(1, Math.min(FIRST_CHUNK, stat.size || FIRST_CHUNK)));
        first = buf.subarray(0, readSync(fd, buf, 0, buf.length, 0));
      } catch (err) {
        closeSync(fd);
        return failed(String((err as NodeJS.ErrnoException).code ?? err));
      }
      const headers: Record<string, string> = {
        'content-security-policy': CSP,
        'x-content-type-options': 'nosniff',
        'content-type': MIME[extname(target).toLowerCase()] ?? 'application/octet-stream',
      };
      if (stat.size >= first.length && stat.size > 0) headers['content-length'] = String(stat.size);
      res.writeHead(200, headers);
      if (req.method === 'HEAD' || (stat.size > 0 && first.length >= stat.size)) {
        closeSync(fd);
        return res.end(req.method === 'HEAD' ? undefined : first);
      }
      res.write(first);
      // The rest from the same descriptor; a read error now can only cut the answer short.
      const rest = createReadStream('', { fd, start: first.length, autoClose: true });
      rest.on('error', () => res.destroy());
      rest.pipe(res);
    } catch (err) {
      if (!res.headersSent) failed(String((err as NodeJS.ErrnoException).code ?? err));
      else res.destroy();
    }
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(opts.port, '127.0.0.1', () => done());
  });
  const port = (server.address() as { port: number }).port;
  return { server, url: `http://127.0.0.1:${port}${base}` };
}
