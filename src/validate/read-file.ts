/**
 * Read stage: bytes → text. Refuses what is not a UTF-8 text file before YAML sees it:
 * too large, empty, binary, or another encoding. Accepts a BOM and CRLF line ends.
 */
import type { ParamsOf } from '../errors/catalogue.ts';
import { findingWith, type Finding } from '../findings.ts';
import { readBounded } from './safe-read.ts';

/** Report files are text of a few tens of KB; anything past this is not a report. */
export const MAX_REPORT_BYTES = 2 * 1024 * 1024;

export type ReadResult = { ok: true; text: string } | { ok: false; finding: Finding };

/** `root`: the content folder; a report file whose real path is outside it is refused. */
export async function readReportText(path: string, display: string, root?: string): Promise<ReadResult> {
  const fail = <C extends ReadCode>(code: C, params?: ParamsOf<C>, line?: number): ReadResult => ({
    ok: false,
    finding: findingWith(code, { file: display, line }, params as ParamsOf<C>),
  });
  // Bounded before it starts: a link to /dev/zero or a FIFO named .yaml must not hang the read.
  const read = await readBounded(path, { root, max: MAX_REPORT_BYTES });
  if (!read.ok) {
    const r = read.refusal;
    return r.kind === 'read'
      ? fail('E_READ', { reason: r.reason })
      : r.kind === 'outside'
        ? fail('E_LINK_OUTSIDE', { real: r.real })
        : r.kind === 'not-regular'
          ? fail('E_NOT_REGULAR', { kind: r.what })
          : fail('E_TOO_LARGE', { megabytes: (r.size / 1048576).toFixed(1) });
  }
  const bytes = read.bytes;
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)))
    return fail('E_ENCODING', { found: 'utf16-bom' });
  if (looksLikeUtf16(bytes)) return fail('E_ENCODING', { found: 'utf16' });
  if (bytes.includes(0)) return fail('E_NOT_TEXT');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const loose = new TextDecoder('utf-8').decode(bytes);
    const bad = loose.indexOf('\ufffd');
    const line = bad < 0 ? undefined : loose.slice(0, bad).split('\n').length;
    return fail('E_ENCODING', { found: 'not-utf8', line }, line);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return fail('E_EMPTY', { what: 'empty' });
  // Line by line: a single regex over the whole text backtracks exponentially on `#####…`.
  if (text.split('\n').every((l) => l.trim() === '' || l.trimStart().startsWith('#'))) return fail('E_EMPTY', { what: 'comments' });
  return { ok: true, text };
}

type ReadCode = 'E_TOO_LARGE' | 'E_READ' | 'E_LINK_OUTSIDE' | 'E_NOT_REGULAR' | 'E_ENCODING' | 'E_NOT_TEXT' | 'E_EMPTY';

/** UTF-16 without a BOM: YAML keys are ASCII, so every other byte is zero. */
function looksLikeUtf16(bytes: Buffer): boolean {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const half = n / 2;
  return (odd > half / 2 && even === 0) || (even > half / 2 && odd === 0);
}
