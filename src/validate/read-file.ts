/**
 * Read stage: bytes → text. Refuses what is not a UTF-8 text file before YAML sees it:
 * too large, empty, binary, or another encoding. Accepts a BOM and CRLF line ends.
 */
import type { Finding } from '../findings.ts';
import { readBounded } from './safe-read.ts';

/** Report files are text of a few tens of KB; anything past this is not a report. */
export const MAX_REPORT_BYTES = 2 * 1024 * 1024;

export type ReadResult = { ok: true; text: string } | { ok: false; finding: Finding };

/** `root`: the content folder; a report file whose real path is outside it is refused. */
export async function readReportText(path: string, display: string, root?: string): Promise<ReadResult> {
  const fail = (code: string, message: string, hint?: string, line?: number): ReadResult => ({
    ok: false,
    finding: { severity: 'error', code, file: display, line, message, hint },
  });
  // Bounded before it starts: a link to /dev/zero or a FIFO named .yaml must not hang the read.
  const read = await readBounded(path, {
    root,
    max: MAX_REPORT_BYTES,
    sizeRefusal: (size) => ({ code: 'E_TOO_LARGE', message: `文件有 ${(size / 1048576).toFixed(1)} MB，超过报告数据文件上限 2 MB。`, hint: '报告数据文件只放文字和数字；原件 PDF 请作为附件（attachments）引用。' }),
  });
  if (!read.ok) return fail(read.refusal.code, read.refusal.message, read.refusal.hint);
  const bytes = read.bytes;
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)))
    return fail('E_ENCODING', '文件是 UTF-16 编码，只接受 UTF-8。', '在编辑器中“另存为 UTF-8”。');
  if (looksLikeUtf16(bytes)) return fail('E_ENCODING', '文件是 UTF-16 编码（无 BOM），只接受 UTF-8。', '在编辑器中“另存为 UTF-8”。');
  if (bytes.includes(0)) return fail('E_NOT_TEXT', '这不是文本文件（含有二进制内容）。', '报告数据文件应是 YAML 文本；Word、PDF 原件请用 `npx jixiao import` 生成草稿。');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const loose = new TextDecoder('utf-8').decode(bytes);
    const bad = loose.indexOf('\ufffd');
    const line = bad < 0 ? undefined : loose.slice(0, bad).split('\n').length;
    return fail('E_ENCODING', `文件不是有效的 UTF-8 编码（可能是 GBK/GB2312）${line ? `，第 ${line} 行起无法识别` : ''}。`, '在编辑器中“另存为 UTF-8”。', line);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return fail('E_EMPTY', '文件是空的。', '从 templates/report.yaml 复制模板开始填写。');
  // Line by line: a single regex over the whole text backtracks exponentially on `#####…`.
  if (text.split('\n').every((l) => l.trim() === '' || l.trimStart().startsWith('#')))
    return fail('E_EMPTY', '文件只有注释，没有任何字段。', '从 templates/report.yaml 复制模板开始填写。');
  return { ok: true, text };
}


/** UTF-16 without a BOM: YAML keys are ASCII, so every other byte is zero. */
function looksLikeUtf16(bytes: Buffer): boolean {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) { if (bytes[i] === 0) even++; if (bytes[i + 1] === 0) odd++; }
  const half = n / 2;
  return (odd > half / 2 && even === 0) || (even > half / 2 && odd === 0);
}
