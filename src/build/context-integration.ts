/**
 * An Astro integration that keeps src/site/build-context.ts out of the page bundle, so that the
 * rendered pages share the build's instance of it and read the values the build provided
 * (settings, base, site URL, reports) instead of a copy or the environment.
 */
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { BUILD_CONTEXT_FILE } from '../site/build-context.ts';

export function buildContextIntegration(): AstroIntegration {
  return {
    name: 'jixiao:build-context',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'jixiao:build-context',
                enforce: 'pre',
                resolveId(source, importer) {
                  if (!importer || !source.endsWith('build-context.ts')) return null;
                  const file = source.startsWith('.') ? resolve(dirname(importer.split('?')[0]!), source) : source;
                  // As a file: URL, which Rollup leaves as written (it rewrites absolute paths relative to the chunk).
                  return file === BUILD_CONTEXT_FILE ? { id: pathToFileURL(BUILD_CONTEXT_FILE).href, external: true } : null;
                },
              },
            ],
          },
        });
      },
    },
  };
}
