#!/usr/bin/env node
// Entry point for `npx jixiao`: checks the Node.js version (node-runtime.mjs) and that Node runs
// jixiao's TypeScript itself here (src/load-typescript.mjs), then hands over to the CLI.
import { fileURLToPath } from 'node:url';
import { handOverIfTooOld, versionText } from './node-runtime.mjs';

const argv = process.argv.slice(2);
if (argv[0] === '--version' || argv[0] === '-v' || argv[0] === 'version') {
  console.log(versionText());
} else {
  const handedOver = handOverIfTooOld(fileURLToPath(import.meta.url), argv);
  if (handedOver !== undefined) process.exitCode = handedOver;
  else {
    const { loadTypeScript, typeScriptRefusal } = await import('../src/load-typescript.mjs');
    const refusal = typeScriptRefusal();
    if (refusal) {
      console.error(`jixiao: ${refusal}`);
      process.exitCode = 1;
    } else {
      await loadTypeScript();
      const { main } = await import('../src/cli/main.ts');
      process.exitCode = await main(argv);
    }
  }
}
