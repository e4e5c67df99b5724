/**
 * Walks the zod schema along a data path, so that messages can name a field the way staff
 * know it (its Chinese title) and suggest the keys that would have been accepted.
 */
import { z } from 'zod';
import { ReportSchema } from './report.ts';

type AnySchema = z.core.$ZodType;
type Def = { type: string; [k: string]: any };

const def = (s: AnySchema): Def => (s as any)._zod.def as Def;

function titleOf(s: AnySchema): string | undefined {
  for (let cur: AnySchema | undefined = s; cur; cur = unwrapOnce(cur)) {
    const meta = z.globalRegistry.get(cur as z.ZodType) as { title?: string } | undefined;
    if (meta?.title) return meta.title;
  }
  return undefined;
}

function unwrapOnce(s: AnySchema): AnySchema | undefined {
  const d = def(s);
  switch (d.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
      return d.innerType;
    case 'lazy':
      return d.getter();
    case 'pipe':
      return d.in;
    default:
      return undefined;
  }
}

function unwrap(s: AnySchema): AnySchema {
  let cur = s;
  for (let next = unwrapOnce(cur); next; next = unwrapOnce(cur)) cur = next;
  return cur;
}

function step(s: AnySchema, seg: PropertyKey): AnySchema | undefined {
  const base = unwrap(s);
  const d = def(base);
  if (d.type === 'object' && typeof seg === 'string') return (base as any).shape[seg];
  if (d.type === 'array' && typeof seg === 'number') return d.element;
  if (d.type === 'union') for (const o of d.options) { const hit = step(o, seg); if (hit) return hit; }
  return undefined;
}

/** The schema at a data path, or undefined if the path leaves the schema. */
export function schemaAt(path: readonly PropertyKey[], root: AnySchema = ReportSchema): AnySchema | undefined {
  let cur: AnySchema | undefined = root;
  for (const seg of path) if (cur) cur = step(cur, seg);
  return cur;
}

/** Chinese title of the field at a path, e.g. ['budget','planned'] → 全年预算. */
export function fieldTitle(path: readonly PropertyKey[], root?: AnySchema): string | undefined {
  const s = schemaAt(path, root);
  return s ? titleOf(s) : undefined;
}

/** Keys an object at this path accepts. */
export function knownKeys(path: readonly PropertyKey[], root?: AnySchema): string[] {
  const s = schemaAt(path, root);
  if (!s) return [];
  const base = unwrap(s);
  return def(base).type === 'object' ? Object.keys((base as any).shape) : [];
}
