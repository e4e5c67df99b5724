/**
 * validate, build and dev load a project through one function (src/load/project.ts), so the
 * settings' attachment rules hold in all three: a too-large attachment or a type site.yaml does
 * not accept is an error in each (dev once validated without the rules and let both pass).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadSnapshot } from '../../src/dev/content-state.ts';
import { runCli, writeTree } from '../helpers/build-site.ts';
import { report } from '../validate/helpers.ts';

const project = () =>
  writeTree({
    'site.yaml': 'attachments:\n  maxMB: 0.25\n  types: [pdf]\n',
    'content/2022/r.yaml': report('attachments:\n  - { title: 程序, file: run.exe }\n  - { title: 原件, file: big.pdf }\n'),
    'content/2022/run.exe': 'MZ',
    'content/2022/big.pdf': Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(300_000)]),
  });
const CODES = ['E_ATTACHMENT_TYPE', 'E_ATTACHMENT_TOO_LARGE'];
const codesIn = (text: string) => CODES.filter((c) => text.includes(`[${c}]`));

describe('the settings’ attachment rules, in every command', () => {
  test('jixiao validate', () => {
    const r = runCli(['validate'], project());
    expect(r.status).toBe(1);
    expect(codesIn(r.stderr)).toEqual(CODES);
  });

  test('jixiao build refuses, and makes no output', () => {
    const dir = project();
    const r = runCli(['build'], dir);
    expect(r.status).toBe(1);
    expect(codesIn(r.stderr)).toEqual(CODES);
    expect(existsSync(join(dir, 'dist'))).toBe(false);
  });

  test('jixiao dev shows the same errors', async () => {
    const dir = project();
    const snap = await loadSnapshot(join(dir, 'content'), join(dir, 'site.yaml'), dir);
    expect(snap.errors.map((f) => f.code)).toEqual(CODES);
  });
});
