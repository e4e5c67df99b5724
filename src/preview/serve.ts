/**
 * `jixiao preview`: serves a built `dist/` under its base path as the nginx of docs/deploy.md
 * would — index.html for a folder, a redirect to add the folder's slash, the site's 404 page,
 * the MIME types the site needs (.wasm and .pagefind for search, .xml, .csv, .xlsx) and the
 * strict CSP header — so the last look before copying is the site as readers will get it.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

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
  const html = await readFile(join(dist, 'index.html'), 'utf8').catch(() => undefined);
  if (html === undefined) return undefined;
  const m = /(?:href|src)="(\/[^"]*?)_assets\//.exec(html);
  return m ? m[1] : '/';
}

export interface PreviewOptions {
  dist: string;
  base: string;
  port: number;
}

export async function startPreview(opts: PreviewOptions): Promise<{ server: Server; url: string }> {
  const root = resolve(opts.dist);
  const { base } = opts;
  const notFound = await readFile(join(root, '404.html')).catch(() => undefined);
  const server = createServer(async (req, res) => {
    const send = (status: number, headers: Record<string, string>, body?: Buffer | string) => {
      res.writeHead(status, { 'content-security-policy': CSP, 'x-content-type-options': 'nosniff', ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    const missing = () =>
      notFound
        ? send(404, { 'content-type': MIME['.html']! }, notFound)
        : send(404, { 'content-type': MIME['.txt']! }, `404 找不到这个地址。网站首页在 ${base}`);
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, { allow: 'GET, HEAD', 'content-type': MIME['.txt']! }, '只支持 GET 和 HEAD。');
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      return send(400, { 'content-type': MIME['.txt']! }, '地址无法解析。');
    }
    // The server root is not the site: say where it is, as a request for the bare host would find it.
    if (pathname === '/' && base !== '/') return send(302, { location: base, 'content-type': MIME['.txt']! }, `网站在 ${base}`);
    if (!pathname.startsWith(base) || pathname.includes('\0')) return missing();
    const file = resolve(root, `.${sep}${pathname.slice(base.length)}`);
    if (file !== root && !file.startsWith(root + sep)) return missing();
    let info = await stat(file).catch(() => undefined);
    let target = file;
    if (info?.isDirectory()) {
      if (!pathname.endsWith('/')) return send(301, { location: `${encodeURI(pathname)}/`, 'content-type': MIME['.txt']! }, '');
      target = join(file, 'index.html');
      info = await stat(target).catch(() => undefined);
    }
    if (!info?.isFile()) return missing();
    res.writeHead(200, {
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'content-type': MIME[extname(target).toLowerCase()] ?? 'application/octet-stream',
      'content-length': String(info.size),
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(target).pipe(res);
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(opts.port, '127.0.0.1', () => done());
  });
  const port = (server.address() as { port: number }).port;
  return { server, url: `http://127.0.0.1:${port}${base}` };
}
