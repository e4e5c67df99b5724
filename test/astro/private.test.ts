/**
 * src/astro/private.ts is the one place that relies on Astro's internals. This fails when
 * an upgrade of Astro changes any of what it relies on (a file, a constant, a method and its
 * arguments, the manifest's shape): then read that module again before upgrading. And nothing
 * else in src reaches into astro/dist.
 */
import { execFileSync } from 'node:child_process';
import { expect, test } from 'vitest';
import { astroPrivateShape } from '../../src/astro/private.ts';
import { ROOT } from '../helpers/build-site.ts';

test('the installed Astro is shaped as src/astro/private.ts relies on', async () => {
  expect(await astroPrivateShape()).toEqual([]);
});

test('only src/astro/private.ts names astro/dist in src', () => {
  const hits = execFileSync('grep', ['-rln', 'astro/dist', 'src'], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n');
  expect(hits).toEqual(['src/astro/private.ts']);
});
