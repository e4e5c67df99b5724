/**
 * Writes the many-department 虚构 corpus to a folder, to build and look at by hand:
 *   node test/helpers/write-many-departments.ts /tmp/many && npx jixiao build --content /tmp/many/content --out /tmp/many/dist
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { manyDepartmentsCorpus } from './many-departments.ts';

const out = resolve(process.argv[2] ?? 'many-departments');
for (const [rel, text] of Object.entries(manyDepartmentsCorpus())) {
  mkdirSync(dirname(join(out, rel)), { recursive: true });
  writeFileSync(join(out, rel), text);
}
console.log(`已写入 ${Object.keys(manyDepartmentsCorpus()).length} 份虚构报告 → ${join(out, 'content')}`);
