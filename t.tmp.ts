import { readFileSync } from 'node:fs';
import { toCells } from './src/import/cells.ts';
import { splitFusedCells } from './src/import/fused.ts';
import { cleanLine } from './src/import/normalize.ts';
const f = process.argv[2]!;
const lines = readFileSync(f,'utf8').split('\n').map((l) => cleanLine(l));
const cells = splitFusedCells(toCells(lines, false));
for (const c of cells.slice(0, Number(process.argv[3] ?? 80))) console.log(c.line, c.col, c.mode, JSON.stringify(c.text));
