/**
 * Slips of Chinese typing that break a line's YAML: a full-width colon after a key (title：…),
 * a key without a space after its colon (planned:100), full-width spaces in the indentation or a
 * space inside a key. Found on the raw text, before YAML's own (generic) message, each with the
 * line rewritten as it should be typed. Nothing is corrected in the file: staff retype it.
 */
import { z } from 'zod';
import type { Finding } from '../findings.ts';
import { ReportSchema, SiteSettingsSchema } from '../schema/index.ts';

let keys: Set<string> | undefined;

/** Every field name of a report or site.yaml, from the one schema. */
function knownFieldNames(): Set<string> {
  if (keys) return keys;
  keys = new Set();
  const collect = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(collect);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === 'properties' && v && typeof v === 'object') for (const name of Object.keys(v)) keys!.add(name);
        collect(v);
      }
    }
  };
  for (const s of [ReportSchema, SiteSettingsSchema]) collect(z.toJSONSchema(s, { io: 'input' }));
  return keys;
}

const KEY_LINE = /^([ \u3000\t]*(?:-[ \u3000]+)?)([A-Za-z][A-Za-z0-9_ \u3000]*?)([ \u3000]*)([:：])(.*)$/;
const BLOCK_START = /:\s*[|>][-+0-9]*\s*(#.*)?$/;

export function typingSlips(text: string, file: string): Finding[] {
  const out: Finding[] = [];
  const names = knownFieldNames();
  const lines = text.split(/\r?\n/);
  let blockIndent = -1; // inside a block scalar (|- text) deeper than this indentation
  lines.forEach((line, i) => {
    const indent = line.length - line.trimStart().length;
    if (blockIndent >= 0) {
      if (line.trim() === '' || indent > blockIndent) return;
      blockIndent = -1;
    }
    if (BLOCK_START.test(line)) blockIndent = indent;
    if (line.trimStart().startsWith('#')) return;
    const m = KEY_LINE.exec(line);
    if (!m) return;
    const [, lead, rawKey, gap, colon, rest] = m as unknown as [string, string, string, string, string, string];
    const key = rawKey.replace(/[ \u3000]+/g, '');
    if (!names.has(key)) return;
    const at = (code: string, message: string, hint: string) => out.push({ severity: 'error', code, file, line: i + 1, message, hint });
    const fixedLead = lead.replace(/\u3000/g, '  ').replace(/\t/g, '  ');
    const value = rest.replace(/^[ \u3000]+/, '');
    const typed = `${fixedLead}${key}:${value ? ` ${value}` : ''}`.trimEnd();
    if (colon === '：') at('E_FULLWIDTH_COLON', `字段名 ${key} 后面是中文冒号“：”，YAML 只认英文冒号。`, `切换到英文输入法，写作：${typed}`);
    else if (/\u3000|\t/.test(lead)) at('E_FULLWIDTH_SPACE', `第 ${i + 1} 行用全角空格或 Tab 缩进，YAML 只认半角空格。`, `删除行首的空白，用半角空格重新缩进，写作：${typed}`);
    else if (/[ \u3000]/.test(rawKey) || gap.includes('\u3000')) at('E_KEY_SPACE', `字段名“${rawKey}${gap}”中有空格。`, `字段名中间不能有空格，写作：${typed}`);
    else if (rest !== '' && !/^[ \t]/.test(rest) && !rest.startsWith('/')) at('E_COLON_SPACE', `字段名 ${key} 的冒号后面少了空格。`, `冒号后加一个半角空格，写作：${typed}`);
  });
  return out;
}
