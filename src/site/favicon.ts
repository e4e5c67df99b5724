/**
 * The site's icon, published under the base path (a browser asks for /favicon.ico at the host
 * root otherwise, which logs a 404 on every page of a site in a subdirectory): the file named
 * by `favicon` in site.yaml, or a plain default.
 */
import { dirname, extname, resolve } from 'node:path';
import { say, UserError } from '../errors/user-error.ts';
import { readFavicon } from './favicon-check.ts';
import { buildContext } from './build-context.ts';
import { siteSettings, SETTINGS_FILE } from './settings.ts';

const DEFAULT_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="4" fill="#12355b"/><text x="16" y="23" font-size="20" text-anchor="middle" fill="#fff" font-family="sans-serif">绩</text></svg>\n`;
const TYPES: Record<string, string> = { '.ico': 'image/x-icon', '.png': 'image/png', '.svg': 'image/svg+xml' };

export interface Favicon {
  name: string;
  type: string;
  body: () => Promise<Uint8Array | string>;
}

export async function favicon(): Promise<Favicon> {
  const file = (await siteSettings()).favicon;
  if (!file) return { name: 'favicon.svg', type: TYPES['.svg']!, body: async () => DEFAULT_SVG };
  const ext = extname(file).toLowerCase();
  const path = resolve(dirname(buildContext().settingsFile ?? resolve(SETTINGS_FILE)), file);
  const body = async () => {
    // Checked when site.yaml was loaded; read again through the same checks, as it may have changed since.
    const read = await readFavicon(path, ext);
    if ('problem' in read) throw new UserError(say('FAVICON_REFUSED', { file, problem: read.problem }));
    return read.bytes;
  };
  return { name: `favicon${ext}`, type: TYPES[ext]!, body };
}
