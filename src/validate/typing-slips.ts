/**
 * Slips of Chinese typing that break a line's YAML: a full-width colon after a key (title：…),
 * a key without a space after its colon (planned:100), full-width spaces in the indentation or a
 * space inside a key. Found on the raw text, before YAML's own (generic) message, each with the
 * line rewritten as it should be typed. Nothing is corrected in the file: staff retype it; the
 * rewritten lines let parsing go on in a working copy, so the rest of the file is checked too.
 */
import { z } from 'zod';
import { finding, type Finding } from '../findings.ts';
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

/** The findings, and each wrong line (0-based) as it should be typed. */
export function typingSlips(text: string, file: string): { findings: Finding[]; typed: Map<number, string> } {
  const out: Finding[] = [];
  const retyped = new Map<number, string>();
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
    const where = { file, line: i + 1 };
    const fixedLead = lead.replace(/\u3000/g, '  ').replace(/\t/g, '  ');
    const value = rest.replace(/^[ \u3000]+/, '');
    const typed = `${fixedLead}${key}:${value ? ` ${value}` : ''}`.trimEnd();
    const count = out.length;
    if (colon === '：') out.push(finding('E_FULLWIDTH_COLON', where, { key, typed }));
    else if (/\u3000|\t/.test(lead)) out.push(finding('E_FULLWIDTH_SPACE', where, { line: i + 1, typed }));
    else if (/[ \u3000]/.test(rawKey) || gap.includes('\u3000')) out.push(finding('E_KEY_SPACE', where, { key: `${rawKey}${gap}`, typed }));
    else if (rest !== '' && !/^[ \t]/.test(rest) && !rest.startsWith('/')) out.push(finding('E_COLON_SPACE', where, { key, typed }));
    if (out.length > count) retyped.set(i, typed);
  });
  return { findings: out, typed: retyped };
}
