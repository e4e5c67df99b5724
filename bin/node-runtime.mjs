// Which Node.js runs jixiao. Astro 7 needs Node.js 22.12 or later, and jixiao's TypeScript runs
// without a loader from 22.18 on (Node strips the types itself); machines of this project's kind
// still have Node.js 20, so `npm ci` installs Node.js 24 from the npm registry (the `node`
// package, node_modules/.bin/node), which `npm run`, `npm test` and `npx jixiao` put first on
// the PATH. Started by an older Node (e.g. `node bin/jixiao.mjs` by hand), jixiao says so and
// hands over to that Node.js 24, or refuses with what to do. Plain JavaScript: it must run on 20.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const MIN_NODE = '22.18.0';
const ROOT = new URL('../', import.meta.url);
const BUNDLED = fileURLToPath(new URL('node_modules/node/bin/node', ROOT));

export function isTooOld(version = process.versions.node) {
  const [a, b] = version.split('.').map(Number);
  const [minA, minB] = MIN_NODE.split('.').map(Number);
  return a < minA || (a === minA && b < minB);
}

export function jixiaoVersion() {
  return JSON.parse(readFileSync(new URL('package.json', ROOT), 'utf8')).version;
}

/** `jixiao --version`: jixiao's version and the Node.js it runs on. */
export function versionText() {
  const lines = [`jixiao ${jixiaoVersion()}`, `Node.js ${process.versions.node}（${process.execPath}）`];
  if (isTooOld()) lines.push(`注意：Node.js ${process.versions.node} 低于 jixiao 所需的 ${MIN_NODE}，不能生成网站；${advice()}`);
  return lines.join('\n');
}

function advice() {
  return existsSync(BUNDLED)
    ? `请用 npx jixiao 或 npm run build 运行（会使用项目自带的 Node.js：node_modules/.bin/node）。`
    : `请在项目目录运行 npm ci（会从 npm 安装 Node.js 24 到 node_modules/.bin/node），再用 npx jixiao 或 npm run build。`;
}

/**
 * On a Node older than MIN_NODE: runs the same command with the project's own Node.js 24 and
 * returns its exit code, or prints why it cannot and returns 1. Returns undefined on a new enough Node.
 */
export function handOverIfTooOld(script, argv) {
  if (!isTooOld()) return undefined;
  if (!existsSync(BUNDLED)) {
    console.error(`jixiao: 当前运行的是 Node.js ${process.versions.node}，低于 jixiao 所需的 ${MIN_NODE}（推荐 24 LTS）。${advice()}`);
    return 1;
  }
  console.error(`jixiao: 当前运行的是 Node.js ${process.versions.node}，低于所需的 ${MIN_NODE}；改用项目自带的 Node.js（node_modules/.bin/node）。`);
  const run = spawnSync(BUNDLED, [script, ...argv], { stdio: 'inherit' });
  if (run.error) {
    console.error(`jixiao: 无法启动项目自带的 Node.js（${run.error.message}）。请重新运行 npm ci。`);
    return 1;
  }
  return run.status ?? 1;
}
