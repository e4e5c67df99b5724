/**
 * `jixiao import` as a library: a report file (or its text) → a draft data file and the review
 * list. Stages: extract text → drop furniture → take metadata → blocks → identity, money,
 * scores, projects and key evaluations, narrative → draft. Only extraction can fail (an unreadable file); every later stage
 * accepts any text and finds what it can.
 */
import { IMPORT_REVIEW } from '../errors/import-review.ts';
import { basename } from 'node:path';
import { toBlocks, type Block } from './blocks.ts';
import { assembleDraft, draftYaml, type DraftReport } from './draft.ts';
import { confirmDraft } from './confirm.ts';
import { extractFile, type SourceFormat } from './extract/index.ts';
import { findBudget } from './figures.ts';
import { dropFurniture } from './furniture.ts';
import { findScores } from './indicators.ts';
import { ImportError } from './errors.ts';
import { say } from '../errors/user-error.ts';
import { MAX_LINE_CHARS, MAX_TEXT_LINES } from './limits.ts';
import { labelLookup } from './labels.ts';
import { takeMetadata } from './metadata.ts';
import { findIdentity } from './identity.ts';
import { toCells } from './cells.ts';
import { splitFusedCells } from './fused.ts';
import { readCover, readTotal } from './form-read.ts';
import { readMoney } from './form-money.ts';
import { readStreamIndicators } from './form-indicators.ts';
import { mergeBudget } from './merge.ts';
import { cleanLine } from './normalize.ts';
import { findProjects } from './projects.ts';
import { proseTriple } from './prose-budget.ts';
import { locate, type Span } from './spans.ts';
import { Review, type ReviewItem } from './review.ts';
import { findNarrative } from './sections.ts';

export { ImportError } from './errors.ts';
export { FORMATS } from './extract/index.ts';
export type { ReviewItem } from './review.ts';
export type { Span } from './spans.ts';

export interface ImportResult {
  /** The draft in the schema's types (what --json prints). */
  draft: DraftReport;
  review: ReviewItem[];
  yaml: string;
  /** Where the draft belongs inside the content folder, e.g. 2022/bumen-1a2b3c.yaml */
  suggestedPath: string;
  /** Dotted field path → where the value was read (the draft's `# 原文：` comments). */
  sources: Record<string, string>;
  /** Dotted field path → the value's line and character range in the text read (see spans.ts). */
  spans: Record<string, Span>;
}

export async function importFile(path: string, display = path): Promise<ImportResult> {
  const { format, lines, notes } = await extractFile(path, display);
  return importLines(lines, { format, source: basename(display), notes });
}

/** `notes`: 待核对 lines from the reading of the file (extract/), listed first. */
export function importLines(rawLines: readonly string[], opts: { format?: SourceFormat; source: string; notes?: readonly string[] }): ImportResult {
  guardText(rawLines, opts.source);
  const review = new Review();
  for (const note of opts.notes ?? []) review.add(note);
  // A PDF's stray spaces between glyphs are gone already (extract/pdf-layout.ts): what is left is the text's.
  const cleaned = rawLines.map((l) => cleanLine(l));
  // "项目名称 |" one cell per line, each closed by a bar: the bar is a cell border, not text.
  const closed = cleaned.filter((l) => /^[^|]*\|$/.test(l)).length;
  const oneCellPerLine = closed >= 10 && closed * 2 >= cleaned.filter(Boolean).length;
  // A line of bars only ("||", "|||||") is the border of empty cells.
  const lines = oneCellPerLine ? cleaned.map((l) => l.replace(/^\|+$/, '').replace(/\s*\|$/, '')) : cleaned;
  const { lines: content, instructions, kept } = dropFurniture(lines);
  if (instructions.length) review.add(IMPORT_REVIEW.instructionsLeft({ count: instructions.length, first: instructions[0]!.slice(0, 30) }));
  const meta = takeMetadata(content, review);
  // Line numbers as in the source text, for the draft's source comments.
  const origin = (n: number) => (kept[meta.kept[n - 1] ?? -1] ?? n - 1) + 1;
  const blocks = toBlocks(meta.lines).map((b) => {
    if (b.kind === 'table') b.table.line = origin(b.table.line);
    else b.line = origin(b.line);
    return b;
  });
  const labelled = labelLookup(blocks);
  const cells = splitFusedCells(toCells(meta.lines, oneCellPerLine).map((c) => ({ ...c, line: origin(c.line) })));
  const identity = findIdentity(blocks, meta, labelled, readCover(cells), review);
  const budget = mergeBudget(findBudget(blocks, identity.kind, review), readMoney(cells, review), identity.kind, review);
  // A narrative report: the sentence that states planned, spent and a rate agreeing with them (a spent figure read already must be its own).
  const spentRead = budget.money.spent;
  const triple = !budget.money.planned ? proseTriple(blocks) : undefined;
  const sameSpent = !spentRead || (spentRead.value.value === triple?.money.spent?.value.value && spentRead.unit === triple.money.spent.unit);
  if (triple && sameSpent && (!budget.rate || budget.rate.value.value === triple.rate!.value.value)) {
    budget.money = { ...budget.money, ...triple.money };
    budget.rate ??= triple.rate;
  }
  const streamReview = new Review();
  const streamIndicators = readStreamIndicators(cells, streamReview);
  const total = readTotal(cells, streamIndicators.maxBeforeScore);
  const scores = findScores(blocks, labelled, review, {
    total: total.total?.value,
    grade: total.grade?.value,
    totalWhere: total.total?.where,
    gradeWhere: total.grade?.where,
  });
  if (!scores.indicators.length && streamIndicators.indicators.length) {
    scores.indicators = streamIndicators.indicators;
    for (const item of streamReview.items) review.add(item.message, item.field, item.line);
  }
  const projects = findProjects(blocks, review);
  const skip = new Set<Block>([...(identity.titleBlock ? [identity.titleBlock] : []), ...projects.taken]);
  const narrative = findNarrative(blocks, skip);
  const draft = assembleDraft(
    { identity, disclosure: meta.disclosure, budget, scores, narrative, projects, fingerprint: content.join('\n').slice(0, 4000) },
    review,
  );
  confirmDraft(draft, review, opts.source);
  const data = draft.data;
  const dept = data.department.id;
  const proj = data.project?.id;
  const suggestedPath = `${data.year ?? 'unknown-year'}/${proj ? `${dept}-${proj}` : dept}.yaml`;
  return {
    draft: data,
    review: review.items,
    yaml: draftYaml(draft, review.items, opts.source),
    suggestedPath,
    sources: Object.fromEntries(draft.sources),
    spans: locate(draft, rawLines),
  };
}

/**
 * The whole-import guard: far above any real report, and low enough that every later layer
 * stays within its time budget (each layer reads the text a bounded number of times).
 */
function guardText(lines: readonly string[], source: string): void {
  if (lines.length > MAX_TEXT_LINES) throw new ImportError(source, say('IMPORT_TOO_MANY_LINES', { lines: lines.length, max: MAX_TEXT_LINES }));
  const long = lines.findIndex((l) => l.length > MAX_LINE_CHARS);
  if (long >= 0) throw new ImportError(source, say('IMPORT_LINE_TOO_LONG', { line: long + 1, chars: lines[long]!.length, max: MAX_LINE_CHARS }));
}
