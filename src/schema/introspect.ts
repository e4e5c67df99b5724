/**
 * Walks the zod schema along a data path, so that messages can name a field the way staff
 * know it (its Chinese title) and suggest the keys that would have been accepted. Uses zod's
 * public classes and accessors (`.unwrap()`, `.shape`, `.element`, `.options`), not internals.
 */
import { z } from 'zod';
import { ReportSchema } from './report.ts';

type Schema = z.ZodType;

function metaOf(s: Schema, key: 'title' | 'description'): string | undefined {
  for (let cur: Schema | undefined = s; cur; cur = unwrapOnce(cur)) {
    const value = cur.meta()?.[key];
    if (typeof value === 'string' && value) return value;
  }
  return undefined;
}

/** The schema inside a wrapper (optional, default, lazy …), or undefined for a plain schema. */
function unwrapOnce(s: Schema): Schema | undefined {
  if (
    s instanceof z.ZodOptional ||
    s instanceof z.ZodNullable ||
    s instanceof z.ZodDefault ||
    s instanceof z.ZodPrefault ||
    s instanceof z.ZodReadonly ||
    s instanceof z.ZodNonOptional ||
    s instanceof z.ZodLazy
  )
    return s.unwrap() as Schema;
  if (s instanceof z.ZodPipe) return s.in as Schema;
  return undefined;
}

function unwrap(s: Schema): Schema {
  let cur = s;
  for (let next = unwrapOnce(cur); next; next = unwrapOnce(cur)) cur = next;
  return cur;
}

function step(s: Schema, seg: PropertyKey): Schema | undefined {
  const base = unwrap(s);
  if (base instanceof z.ZodObject && typeof seg === 'string') return (base.shape as Record<string, Schema>)[seg];
  if (base instanceof z.ZodArray && typeof seg === 'number') return base.element as Schema;
  if (base instanceof z.ZodUnion)
    for (const o of base.options as readonly Schema[]) {
      const hit = step(o, seg);
      if (hit) return hit;
    }
  return undefined;
}

/** The schema at a data path, or undefined if the path leaves the schema. */
export function schemaAt(path: readonly PropertyKey[], root: Schema = ReportSchema): Schema | undefined {
  let cur: Schema | undefined = root;
  for (const seg of path) if (cur) cur = step(cur, seg);
  return cur;
}

/** Chinese title of the field at a path, e.g. ['budget','planned'] → 全年预算. */
export function fieldTitle(path: readonly PropertyKey[], root?: Schema): string | undefined {
  const s = schemaAt(path, root);
  return s ? metaOf(s, 'title') : undefined;
}

/** The schema's description of the field at a path (what the JSON Schema shows an editor). */
export function fieldDescription(path: readonly PropertyKey[], root?: Schema): string | undefined {
  const s = schemaAt(path, root);
  return s ? metaOf(s, 'description') : undefined;
}

/** Keys an object at this path accepts. */
export function knownKeys(path: readonly PropertyKey[], root?: Schema): string[] {
  const s = schemaAt(path, root);
  const base = s && unwrap(s);
  return base instanceof z.ZodObject ? Object.keys(base.shape) : [];
}
