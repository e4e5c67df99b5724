// How jixiao's TypeScript runs outside Vite. Node.js 22.18 and later (jixiao brings 24) strip the
// types themselves, and modules load at plain speed. tsx is the fallback where Node cannot: an
// older Node, or a copy of jixiao inside a node_modules folder (Node will not strip types there).
// tsx's hooks see every module loaded after they are registered (Astro, Vite, pdf.js), which
// cost each build process a second or more; hence native first. The code keeps to what Node
// can strip (tsconfig: erasableSyntaxOnly, verbatimModuleSyntax).
// Every jixiao process also keeps V8's compiled code of what it loads (Node's compile cache, in
// the system's temporary folder, checked against each file's contents): a build process loads
// Astro, Vite and our code in ~0.7 s instead of ~1.0 s from the second run on.
import module from 'node:module';
import { fileURLToPath } from 'node:url';

const insideNodeModules = /[\\/]node_modules[\\/]/.test(fileURLToPath(import.meta.url));

/** True when Node itself runs jixiao's .ts files here. */
const nativeTypeScript = Boolean(process.features.typescript) && !insideNodeModules;

/** Makes `import('./x.ts')` work in this process or thread; call before the first such import. */
export async function loadTypeScript() {
  module.enableCompileCache?.();
  if (nativeTypeScript) return;
  const { register } = await import('tsx/esm/api');
  register();
}
