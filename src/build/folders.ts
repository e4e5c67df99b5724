/**
 * Moved to src/output/folders.ts. Kept only while src/cli/import.ts (another branch's) still
 * imports it from here; delete once that import names src/output/folders.ts.
 */
export { displayPath } from '../output/folders.ts';
