// How jixiao's TypeScript runs outside Vite: Node.js itself strips the types (22.18 and later;
// jixiao brings 24, and bin/node-runtime.mjs hands an older Node over to it). No loader is
// registered: tsx's hooks saw every module loaded after them (Astro, Vite, pdf.js), which cost
// each process start-up (docs/developing.md, "No tsx at run time"). The code keeps to what Node can strip
// (tsconfig: erasableSyntaxOnly, verbatimModuleSyntax). Node will not strip types inside a
// node_modules folder, so jixiao runs from its own folder (a clone), not as an installed package.
// Every jixiao process also keeps V8's compiled code of what it loads (Node's compile cache, in
// the system's temporary folder, checked against each file's contents).
import module from 'node:module';
import { fileURLToPath } from 'node:url';

const insideNodeModules = /[\\/]node_modules[\\/]/.test(fileURLToPath(import.meta.url));

/** Prepares this process or thread for `import('./x.ts')`; call before the first such import. */
export async function loadTypeScript() {
  module.enableCompileCache?.();
}

/** Why this copy of jixiao cannot run its TypeScript here, in Chinese; undefined when it can. */
export function typeScriptRefusal() {
  if (insideNodeModules)
    return 'jixiao 放在 node_modules 文件夹中时无法运行（Node.js 不在 node_modules 中运行 TypeScript）。请把 jixiao 复制或克隆到自己的文件夹，在其中运行 npm ci。';
  if (!process.features.typescript)
    return `当前的 Node.js ${process.versions.node} 不能直接运行 TypeScript；请用 npx jixiao 运行（会使用项目自带的 Node.js 24）。`;
  return undefined;
}
