/** Small helpers for the comparison tests. */
import { figureChanges, type FigureChange } from '../../../src/site/compare/changes.ts';
import { load, type Mini } from './fixture.ts';

export async function changesFor(prev: Mini, cur: Mini): Promise<FigureChange[]> {
  const [a, b] = await load(prev, cur);
  return figureChanges(a!, b!);
}

export const findChange = (rows: FigureChange[], label: string) => rows.find((r) => r.label === label);
