// Astro settings for the generated site. `jixiao build` passes root, outDir, base and site;
// everything here keeps the output self-contained and CSP-strict: no inline scripts or styles.
import { defineConfig } from 'astro/config';

export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never', assets: '_assets' },
  vite: { build: { assetsInlineLimit: 0 }, logLevel: 'warn' },
  devToolbar: { enabled: false },
  prefetch: false,
  scopedStyleStrategy: 'class',
});
