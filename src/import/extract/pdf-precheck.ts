/**
 * The pre-check of a PDF before pdf.js sees it: the Flate streams it would inflate to read the
 * text (content, fonts, object streams; not images) are inflated here, with a hard output limit,
 * and counted. A PDF past MAX_PDF_INFLATED_BYTES is refused in a fraction of a second, where
 * pdf.js ran for seconds to the reader's memory cap. A stream that does not inflate is left for
 * pdf.js to judge.
 */
import { constants, inflateSync } from 'node:zlib';
import { say, type Said } from '../../errors/user-error.ts';
import { MAX_PDF_INFLATED_BYTES } from '../limits.ts';

export function pdfPrecheck(buf: Buffer, limit = MAX_PDF_INFLATED_BYTES): Said | undefined {
  let total = 0;
  for (let at = buf.indexOf('stream'); at >= 0; at = buf.indexOf('stream', at + 6)) {
    if (at >= 3 && buf.toString('latin1', at - 3, at) === 'end') continue;
    let start = at + 6;
    if (buf[start] === 0x0d) start++;
    if (buf[start] !== 0x0a) continue;
    start++;
    const head = buf.toString('latin1', Math.max(0, at - 2048), at);
    const dict = head.slice(head.lastIndexOf(' obj') + 1);
    const end = buf.indexOf('endstream', start);
    if (end < 0) break;
    if (/\/FlateDecode\b/.test(dict) && !/\/Subtype\s*\/Image\b/.test(dict)) {
      try {
        total += inflateSync(buf.subarray(start, end), { maxOutputLength: limit - total + 1, finishFlush: constants.Z_SYNC_FLUSH }).length;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') total = limit + 1;
      }
      if (total > limit) return say('IMPORT_PDF_INFLATED', { max: limit });
    }
    at = end;
  }
  return undefined;
}
