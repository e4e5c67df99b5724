/**
 * Provenance: each attachment (the signed original report, usually a PDF) is published beside
 * its report's data, with its size and SHA-256 shown, so a reader can prove that a copy is the
 * original. Published names are ASCII (Astro and nginx would otherwise see percent-encoded
 * paths); the original file name is kept for the download.
 */
import { createHash } from 'node:crypto';
import { basename, dirname, extname, join } from 'node:path';
import { say, UserError } from '../errors/user-error.ts';
import type { LoadedReport } from '../validate/index.ts';
import { href } from '../site/routes.ts';
import { readBounded } from '../validate/safe-read.ts';
import { attachmentRefusal } from '../validate/attachment-check.ts';
import { contentMismatch, readAtBuffer } from '../validate/attachment-kind.ts';
import { describeCode } from '../errors/catalogue.ts';

export interface PublishedAttachment {
  title: string;
  /** The file name as given in the report file (may be Chinese). */
  original: string;
  /** The published file name under data/reports/{id}/ (ASCII). */
  name: string;
  /** Site path of the published copy, with the base path. */
  href: string;
  /** Size in bytes. */
  size: number;
  /** SHA-256 of the bytes, lower-case hex. */
  sha256: string;
  /** Absolute path of the source file (build side only). */
  source: string;
  /** The content folder the source must stay inside when it is copied (build side only). */
  root?: string | undefined;
  /** The report file that lists it, as shown to staff (build side only). */
  listedIn: string;
}

const SAFE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Published names: the original base name when it is plain ASCII, else attachment-N.ext; never two alike. */
export function publishedNames(files: readonly string[]): string[] {
  const used = new Set<string>();
  return files.map((file, i) => {
    const base = basename(file);
    const ext = extname(base).toLowerCase();
    let name = SAFE.test(base) ? base : `attachment-${i + 1}${/^\.[a-z0-9]{1,8}$/.test(ext) ? ext : ''}`;
    if (used.has(name.toLowerCase())) name = `${i + 1}-${name}`;
    used.add(name.toLowerCase());
    return name;
  });
}

export const attachmentHref = (reportId: string, name: string) => href(`data/reports/${reportId}/${name}`);

const cache = new Map<string, Promise<{ size: number; sha256: string }>>();

/**
 * Attachments were checked by the validator, but a file can be swapped for a link after that:
 * read again through the same checks, inside the content folder `root`, never past 2 GB.
 */
export async function readAttachment(path: string, root: string | undefined, label?: { file: string; name: string }): Promise<Buffer> {
  const r = await readBounded(path, { root, max: 2 ** 31 - 1 });
  if (!r.ok) {
    const refused = attachmentRefusal(JSON.stringify(label?.name ?? path), r.refusal, 2048);
    throw new UserError(say('ATTACHMENT_REFUSED', { file: label?.file, finding: describeCode(refused.code, refused.params).message }));
  }
  const mismatch = contentMismatch(extname(path).slice(1).toLowerCase(), readAtBuffer(r.bytes), r.bytes.length);
  if (mismatch) {
    const finding = describeCode('E_ATTACHMENT_CONTENT', { name: JSON.stringify(label?.name ?? path), ...mismatch }).message;
    throw new UserError(say('ATTACHMENT_REFUSED', { file: label?.file, finding }));
  }
  return r.bytes;
}

function digest(path: string, root: string | undefined, label: { file: string; name: string }) {
  let hit = cache.get(path);
  if (!hit) {
    hit = readAttachment(path, root, label).then((bytes) => ({ size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') }));
    cache.set(path, hit);
    hit.catch(() => cache.delete(path)); // a refused file is looked at again once it is fixed (jixiao dev)
  }
  return hit;
}

/** The attachments of a report as published: where, how big, and their SHA-256. */
export async function publishedAttachments(r: LoadedReport): Promise<PublishedAttachment[]> {
  const list = r.report.attachments ?? [];
  const names = publishedNames(list.map((a) => a.file));
  return Promise.all(
    list.map(async (a, i) => {
      const source = join(dirname(r.path), a.file);
      const { size, sha256 } = await digest(source, r.root, { file: r.file, name: a.file });
      return {
        title: a.title,
        original: basename(a.file),
        name: names[i]!,
        href: attachmentHref(r.id, names[i]!),
        size,
        sha256,
        source,
        root: r.root,
        listedIn: r.file,
      };
    }),
  );
}

/** 1234567 → "1.18 MB (1,234,567 字节)": readable size plus the exact byte count. */
export function formatSize(bytes: number): string {
  const exact = `${bytes.toLocaleString('en-US')} 字节`;
  if (bytes < 1024) return exact;
  const [n, unit] = bytes < 1024 ** 2 ? [bytes / 1024, 'KB'] : [bytes / 1024 ** 2, 'MB'];
  return `${n.toFixed(n < 10 ? 2 : 1)} ${unit}（${exact}）`;
}
