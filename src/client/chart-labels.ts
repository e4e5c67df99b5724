/**
 * Category labels that fit beside a chart: a long Chinese name is broken into lines of at most
 * `max` characters, three lines at most, the last cut with "…" (the table keeps the full name).
 */
export function wrapLabel(label: string, max: number): string | string[] {
  const chars = [...label];
  if (chars.length <= max) return label;
  const lines: string[] = [];
  for (let i = 0; i < chars.length && lines.length < 3; i += max) lines.push(chars.slice(i, i + max).join(''));
  if (chars.length > max * 3) lines[2] = `${[...lines[2]!].slice(0, max - 1).join('')}…`;
  return lines;
}
