/**
 * Golden tests: each synthetic report in fixtures/ (示例 = made up for the tests) imports to
 * the draft and review list in golden/<name>.json. UPDATE_GOLDEN=1 rewrites them; read the
 * diff before committing.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../src/import/index.ts';

const FIX = new URL('./fixtures/', import.meta.url).pathname;
const GOLD = new URL('./golden/', import.meta.url).pathname;

describe('golden drafts', () => {
  for (const name of readdirSync(FIX)
    .filter((f) => /示例|虚构/.test(f))
    .sort()) {
    it(name, async () => {
      const r = await importFile(FIX + name, name);
      const got = { suggestedPath: r.suggestedPath, draft: r.draft, review: r.review };
      const file = `${GOLD}${name.replace(/\.[^.]+$/, '')}.json`;
      if (process.env.UPDATE_GOLDEN) writeFileSync(file, `${JSON.stringify(got, null, 2)}\n`);
      // A missing golden file fails: it is written only on purpose, with UPDATE_GOLDEN=1.
      expect(existsSync(file), `no golden file ${file}: run UPDATE_GOLDEN=1 npx vitest run test/import/golden.test.ts and read the diff`).toBe(true);
      expect(got).toEqual(JSON.parse(readFileSync(file, 'utf8')));
    });
  }
});
