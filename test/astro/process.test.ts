/**
 * src/astro/process.ts sets the two things Astro takes only from the process. This fails
 * when an upgrade of Astro changes either: the switch no longer turns telemetry off, or the place
 * of a static build's server chunks no longer follows the working folder (then the chdir may be
 * an option to pass instead). And nothing else in src sets process state for Astro.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { AstroTelemetry } from '@astrojs/telemetry';
import { expect, test } from 'vitest';
import { fromFolder, telemetryOff } from '../../src/astro/process.ts';
import { ROOT } from '../helpers/build-site.ts';

const astro = dirname(createRequire(join(ROOT, 'package.json')).resolve('astro/package.json'));

test("the switch turns Astro's telemetry off, and a build still records through that telemetry", () => {
  telemetryOff();
  // isDisabled is what record() checks first (private in the package's types).
  const telemetry = new AstroTelemetry({ astroVersion: 'test', viteVersion: 'test' }) as unknown as { isDisabled: boolean };
  expect(telemetry.isDisabled).toBe(true);
  expect(readFileSync(join(astro, 'dist/core/build/index.js'), 'utf8')).toContain('telemetry.record(eventCliSession("build"');
});

test("a static build's server chunks still go where the working folder says", () => {
  const common = readFileSync(join(astro, 'dist/core/build/common.js'), 'utf8');
  expect(common).toMatch(/function getOutDirWithinCwd\(outDir\) \{\s*if \(fileURLToPath\(outDir\)\.startsWith\(process\.cwd\(\)\)\)/);
  expect(readFileSync(join(astro, 'dist/prerender/utils.js'), 'utf8')).toContain('return getOutDirWithinCwd(settings.config.outDir);');
});

test('the working folder is given back, also when the work fails', async () => {
  const before = process.cwd();
  const scratch = mkdtempSync(join(tmpdir(), 'jixiao-cwd-'));
  expect(await fromFolder(scratch, async () => process.cwd())).toBe(realpathSync(scratch));
  await expect(
    fromFolder(scratch, async () => {
      throw new Error('stopped');
    }),
  ).rejects.toThrow('stopped');
  expect(process.cwd()).toBe(before);
});

test('only src/astro/process.ts sets process state for Astro in src', () => {
  const hits = execFileSync('grep', ['-rlE', 'process\\.chdir|process\\.env\\.BASE_URL|ASTRO_TELEMETRY_DISABLED|ASTRO_DISABLE_UPDATE_CHECK', 'src'], {
    cwd: ROOT,
    encoding: 'utf8',
  })
    .trim()
    .split('\n');
  expect(hits).toEqual(['src/astro/process.ts']);
});
