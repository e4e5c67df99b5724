/**
 * Category labels that fit beside a chart: a long Chinese name is broken into lines of at most
 * `max` characters, three lines at most, the last cut with "…" (the table keeps the full name).
 * And the geometry the charts keep whole by: text wrapped to a width (numbers never split), and
 * boxes checked to lie inside the canvas and apart from each other and from the bars.
 */
export function wrapLabel(label: string, max: number): string | string[] {
  const chars = [...label];
  if (chars.length <= max) return label;
  const lines: string[] = [];
  for (let i = 0; i < chars.length && lines.length < 3; i += max) lines.push(chars.slice(i, i + max).join(''));
  if (chars.length > max * 3) lines[2] = `${[...lines[2]!].slice(0, max - 1).join('')}…`;
  return lines;
}

/** Lines of at most `width` px; a figure (27,788.84 万元, （98.41%）) is never broken. */
export function wrapText(text: string, width: number, measure: (s: string) => number): string[] {
  const tokens = text.match(/（[^）]{0,12}）|[\d,.\-−+%‰/]+(?:\s?(?:万元|亿元|元|分))?|\s+|./gu) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const t of tokens) {
    if (line && measure(line + t) > width) {
      lines.push(line.trimEnd());
      line = t.trimStart();
    } else line += t;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
  text?: string;
}

export const inside = (b: Box, w: number, h: number, slack = 0.5) => b.x >= -slack && b.y >= -slack && b.x + b.w <= w + slack && b.y + b.h <= h + slack;
export const overlap = (a: Box, b: Box, slack = 0.5) =>
  a.x + slack < b.x + b.w && b.x + slack < a.x + a.w && a.y + slack < b.y + b.h && b.y + slack < a.y + a.h;

/** True when every label lies inside the canvas and apart from the other labels and the bars. */
export function labelsWhole(labels: readonly Box[], bars: readonly Box[], w: number, h: number): boolean {
  return labels.every((l, i) => inside(l, w, h) && !labels.some((o, j) => j !== i && overlap(l, o)) && !bars.some((b) => overlap(l, b)));
}
