/** Where jixiao itself lives: Astro's project root (pages, layouts, public/) and the templates. */
import { fileURLToPath } from 'node:url';

export const PACKAGE_ROOT = fileURLToPath(new URL('../', import.meta.url));
