/**
 * Moved to src/output/guard.ts. Kept only while src/cli/import.ts (another branch's) still
 * imports it from here; delete once that import names src/output/guard.ts.
 */
export { filesFolderRefusal } from '../output/guard.ts';
