#!/usr/bin/env node
// Entry point for `npx jixiao`: checks the Node.js version (node-runtime.mjs), registers the
// TypeScript loader where Node needs one (src/load-typescript.mjs), then hands over to the CLI.
import { fileURLToPath } from 'node:url';
import { handOverIfTooOld, versionText } from './node-runtime.mjs';

const argv = process.argv.slice(2);
if (argv[0] === '--version' || argv[0] === '-v' || argv[0] === 'version') {
  console.log(versionText());
} else {
  const handedOver = handOverIfTooOld(fileURLToPath(import.meta.url), argv);
  if (handedOver !== undefined) process.exitCode = handedOver;
  else {
    const { loadTypeScript } = await import('../src/load-typescript.mjs');
    await loadTypeScript();
    const { main } = await import('../src/cli/main.ts');
    process.exitCode = await main(argv);
  }
}
