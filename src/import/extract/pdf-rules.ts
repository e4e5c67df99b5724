/**
 * The ruled lines of a PDF page (a form's cell borders), from pdf.js's operator list: thin filled
 * rectangles and axis-aligned stroked segments, placed in page space by following the
 * save/restore/transform operators. pdf-layout.ts turns them into table rows and columns. Pure:
 * pdf.ts passes the operator list and pdf.js's operator numbers in.
 */

/** An axis-aligned segment in page space: horizontal when y0 === y1, vertical when x0 === x1. */
export interface Rule {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The pdf.js operator numbers used here (`pdfjs.OPS`). */
export interface Ops {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  endPath: number;
  stroke: number;
  closeStroke: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
}

type Matrix = [number, number, number, number, number, number];

const THIN = 2.5; // points: thicker than this is a shape, not a rule
const MAX_RULES = 20_000; // a page drawn as a mesh is not a form

const mul = (m: Matrix, n: Matrix): Matrix => [
  n[0] * m[0] + n[1] * m[2],
  n[0] * m[1] + n[1] * m[3],
  n[2] * m[0] + n[3] * m[2],
  n[2] * m[1] + n[3] * m[3],
  n[4] * m[0] + n[5] * m[2] + m[4],
  n[4] * m[1] + n[5] * m[3] + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

export function rulesFromOps(fnArray: ArrayLike<number>, argsArray: readonly unknown[], ops: Ops): Rule[] {
  const rules: Rule[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  for (let i = 0; i < fnArray.length && rules.length < MAX_RULES; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? ctm;
    else if (fn === ops.transform && args) ctm = mul(ctm, args.slice(0, 6).map(Number) as Matrix);
    else if (fn === ops.paintFormXObjectBegin) {
      stack.push(ctm);
      const m = args?.[0] as number[] | null | undefined;
      if (m && m.length >= 6) ctm = mul(ctm, Array.from(m).slice(0, 6) as Matrix);
    } else if (fn === ops.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === ops.constructPath && args) {
      const op = args[0] as number;
      const path = (args[1] as unknown[] | undefined)?.[0];
      if (op === ops.endPath || !(path instanceof Float32Array || Array.isArray(path))) continue;
      pathRules(path as ArrayLike<number>, ctm, op === ops.stroke || op === ops.closeStroke, rules);
    }
  }
  return rules;
}

/** A path's rules: each thin subpath when filled, each axis-aligned segment when stroked. */
function pathRules(path: ArrayLike<number>, ctm: Matrix, stroked: boolean, out: Rule[]): void {
  let points: [number, number][] = [];
  const flush = () => {
    if (points.length) (stroked ? segments : thinBox)(points, out);
    points = [];
  };
  for (let i = 0; i < path.length;) {
    const op = path[i]!;
    if (op === 0) {
      flush();
      points.push(apply(ctm, path[i + 1]!, path[i + 2]!));
      i += 3;
    } else if (op === 1) {
      points.push(apply(ctm, path[i + 1]!, path[i + 2]!));
      i += 3;
    } else if (op === 2) {
      points.push(apply(ctm, path[i + 5]!, path[i + 6]!));
      i += 7;
    } else if (op === 3) {
      points.push(apply(ctm, path[i + 3]!, path[i + 4]!));
      i += 5;
    } else if (op === 4) {
      if (points.length) points.push(points[0]!);
      i += 1;
    } else break;
  }
  flush();
}

function thinBox(points: [number, number][], out: Rule[]): void {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  if (y1 - y0 <= THIN && x1 - x0 > THIN * 2) out.push({ x0, x1, y0: (y0 + y1) / 2, y1: (y0 + y1) / 2 });
  else if (x1 - x0 <= THIN && y1 - y0 > THIN * 2) out.push({ y0, y1, x0: (x0 + x1) / 2, x1: (x0 + x1) / 2 });
}

function segments(points: [number, number][], out: Rule[]): void {
  for (let i = 1; i < points.length; i++) thinBox([points[i - 1]!, points[i]!], out);
}
