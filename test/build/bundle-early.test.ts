// With many report files, Astro bundles the site while they are validated and renders once they
// are (src/build/pages.ts, startAstro): the output must be the same bytes as bundling after
// validation, built afresh and rebuilt from the cache; and content that validation refuses
// stops Astro before it renders anything, the previous output left as it was.
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, BuildRefused } from '../../src/build/index.ts';
import { writeTree } from '../helpers/build-site.ts';
import { differences, filesOf } from '../helpers/trees.ts';
import { manyDepartmentsCorpus } from '../helpers/many-departments.ts';
import { publishFixture } from '../publish/fixture.ts';

const outDir = (name: string) => join(mkdtempSync(join(tmpdir(), 'jixiao-early-')), name);

describe('Astro bundling while the content is validated', () => {
  it('makes the same bytes as bundling after validation, built afresh and rebuilt after a change', { timeout: 300_000 }, async () => {
    const fx = publishFixture();
    const dir = writeTree(manyDepartmentsCorpus());
    cpSync(fx.content, join(dir, 'content'), { recursive: true });
    const common = { contentDir: join(dir, 'content'), settingsFile: fx.config, cwd: dir, shards: 1 };
    const after = outDir('after');
    const early = outDir('early');
    await buildSite({ ...common, outDir: after, bundleEarly: false, cache: false });
    await buildSite({ ...common, outDir: early, bundleEarly: true });
    expect([...filesOf(after).keys()].filter((f) => f.endsWith('.html')).length).toBeGreaterThan(80);
    expect(differences(filesOf(after), filesOf(early))).toEqual([]);

    const seed = join(dir, 'content/2022/haizhu-kgsxj.yaml');
    writeFileSync(seed, readFileSync(seed, 'utf8').replace('27788.84', '27789.84'));
    const again = await buildSite({ ...common, outDir: early, bundleEarly: true });
    expect(again.reused?.reportFiles).toBeGreaterThan(0);
    await buildSite({ ...common, outDir: after, bundleEarly: false, cache: false });
    expect(filesOf(early).get('reports/2022-haizhu-kgsxj/index.html')!.toString()).toContain('27,789.84');
    expect(differences(filesOf(after), filesOf(early))).toEqual([]);
  });

  it('stops Astro when validation refuses the content, and leaves the previous output as it was', { timeout: 120_000 }, async () => {
    const fx = publishFixture();
    const common = { contentDir: fx.content, settingsFile: fx.config, cwd: fx.dir, bundleEarly: true };
    const out = outDir('dist');
    await buildSite({ ...common, outDir: out });
    const before = filesOf(out);
    const seed = join(fx.content, '2022/haizhu-kgsxj.yaml');
    writeFileSync(seed, readFileSync(seed, 'utf8').replace('budget:\n', 'buget:\n'));
    const refused = await buildSite({ ...common, outDir: out }).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(BuildRefused);
    expect((refused as BuildRefused).findings.map((f) => f.code)).toContain('E_UNKNOWN_KEY');
    expect(differences(before, filesOf(out))).toEqual([]);
    expect(readdirSync(fx.dir).filter((f) => f.startsWith('.jixiao-build'))).toEqual([]); // no temporary folder left
  });
});
