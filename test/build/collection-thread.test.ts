/**
 * The open-data files that hold every report are made on a thread of the build while Astro
 * renders (src/build/collection-thread.ts): the same bytes as `jixiao dev` serves from this
 * thread, and a thread that runs out of memory stops the build with a sentence, not a stack.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SiteSettingsSchema } from '../../src/schema/index.ts';
import { COLLECTION_FILES, collectionFile } from '../../src/publish/collection-files.ts';
import { startCollectionThread } from '../../src/build/collection-thread.ts';
import { UserError } from '../../src/errors/user-error.ts';
import { provideBuildContext, type BuildContext } from '../../src/site/build-context.ts';
import { validateContent } from '../../src/validate/index.ts';
import { ROOT } from '../helpers/build-site.ts';

async function seedContext(): Promise<BuildContext> {
  const { reports } = await validateContent(join(ROOT, 'content'), { cwd: ROOT });
  return { base: '/xxgk/jxzp/', siteUrl: 'https://www.example.gov.cn/xxgk/jxzp/', settings: SiteSettingsSchema.parse({ name: '虚构市绩效公开' }), reports };
}

describe('the open-data thread', () => {
  it('makes each file under data/ with the bytes this thread makes for the same content', async () => {
    const context = await seedContext();
    const files = await startCollectionThread().make(context);
    expect([...files.keys()].sort()).toEqual(COLLECTION_FILES.map((f) => `data/${f}`).sort());
    provideBuildContext(context);
    for (const name of COLLECTION_FILES) {
      const here = await collectionFile(name);
      expect(Buffer.from(files.get(`data/${name}`)!).equals(Buffer.from(here)), name).toBe(true);
    }
    expect(Buffer.from(files.get('data/reports.json')!).toString()).toContain('https://www.example.gov.cn/xxgk/jxzp/reports/2022-haizhu-kgsxj/');
  });

  it('out of memory, it ends the build with a plain Chinese sentence', async () => {
    const thread = startCollectionThread({ maxOldGenerationSizeMb: 12 });
    const made = thread.make(await seedContext());
    await expect(made).rejects.toBeInstanceOf(UserError);
    await expect(made).rejects.toThrow(/^生成开放数据文件.*时内存不足，未更新网站；原有输出保持不变。/);
  });
});
