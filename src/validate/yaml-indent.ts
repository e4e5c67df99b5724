/**
 * Wrong indentation, found line by line. The yaml library notices a bad indent where the
 * structure breaks, which is often the line after the wrong one, or the key above it, and in words
 * (“多行内容被当成了字段名”) a clerk cannot act on. This walks the lines as a person reads them:
 * a field indented deeper than the line above, when that line already has its value, or a field
 * whose indent matches no level above. Each wrong line is named with the indent it should have
 * and rewritten in a working copy, so that parsing can go on and every other slip in the file is
 * found in the same run. Run only when the file does not parse: a valid file is never second-guessed.
 */

export interface IndentSlip {
  /** 1-based line that is wrong. */
  line: number;
  found: number;
  expected: number;
  /** 1-based line it should line up with (a field of the same level), if there is one. */
  alignWith: number | undefined;
  /** The line as written, without its end. */
  text: string;
  /** The line as it should be typed. */
  typed: string;
}

const KEY = /^(?:-\s+)?(?:"[^"]*"|'[^']*'|[^\s#:'"][^:#]*?)\s*:(?:\s|$)/;
const OPENS = /:\s*(?:#.*)?$/; // `key:` with its value on the lines below
const BLOCK_SCALAR = /:\s*[|>][-+0-9]*\s*(?:#.*)?$/;
const ITEM = /^-(?:\s|$)/;

interface Level {
  indent: number;
  /** First line at this level, and how many lines have kept it. */
  line: number;
  lines: number;
  /** Last line at this level. */
  last?: number;
  /** The fields of a list item, after its dash. */
  item?: boolean;
  /** The dashes of a list. */
  seq?: boolean;
}

export function indentSlips(lines: readonly string[]): IndentSlip[] {
  const slips: IndentSlip[] = [];
  const levels: Level[] = [{ indent: 0, line: 0, lines: 0 }];
  const step = indentStep(lines);
  let prev: { indent: number; content: string; line: number } | undefined;
  let blockUnder = -1; // inside a block scalar (|, >) whose key is at this indent
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.replace(/\r$/, '');
    const content = raw.trimStart();
    if (content === '' || content.startsWith('#') || raw.startsWith('---') || raw.startsWith('%')) continue;
    const found = raw.length - content.length;
    if (blockUnder >= 0) {
      if (found > blockUnder) continue;
      blockUnder = -1;
    }
    const isKey = KEY.test(content);
    const isItem = ITEM.test(content);
    let indent = found;
    if (prev && found > prev.indent) {
      const prevItem = ITEM.test(prev.content);
      const prevOpens = OPENS.test(prev.content) || prev.content === '-';
      // A plain text value may go on over deeper lines; only a field or an item there is a slip.
      if (!prevOpens && !isKey && !isItem) continue;
      const itemBody = prev.indent + (prevItem ? prev.content.length - prev.content.slice(1).trimStart().length : 0);
      const top = levels.at(-1)!;
      const parent = levels.at(-2);
      if (!prevOpens && !(prevItem && found === itemBody)) {
        // Where the line after this one agrees with it, this one is right and the line above was the slip.
        const after = nextLine(lines, i);
        const dash = itemBody - prev.indent;
        if (!prevItem && top.lines === 1 && !top.item && parent && found - parent.indent === step && top.line === prev.line && after?.indent !== prev.indent) {
          // The first field of a block was indented off and this one is right: that first line was the slip.
          slips.push(slip(prev.line - 1, lines[prev.line - 1]!.replace(/\r$/, ''), prev.content, prev.indent, found, i + 1));
          top.indent = found;
        } else if (prevItem && isItem && parent?.seq && parent.lines === 1 && after?.indent === found && ITEM.test(after.content)) {
          // The first item of a list was indented off and the items after it are right.
          slips.push(slip(prev.line - 1, lines[prev.line - 1]!.replace(/\r$/, ''), prev.content, prev.indent, found, i + 1));
          parent.indent = found;
          top.indent = found + dash;
        } else if (
          prevItem &&
          !isItem &&
          top.item &&
          parent?.seq &&
          parent.lines === 1 &&
          after?.indent === found &&
          found - dash > (levels.at(-3)?.indent ?? -1)
        ) {
          // The first item of a list was indented off and its fields are right: the dash line was the slip.
          slips.push(slip(prev.line - 1, lines[prev.line - 1]!.replace(/\r$/, ''), prev.content, prev.indent, found - dash, i + 1));
          parent.indent = found - dash;
          top.indent = found;
        } else {
          const meant = bestLevel(levels, lines, i);
          indent = meant.indent;
          slips.push(slip(i, raw, content, found, indent, (meant.last ?? meant.line) || undefined));
        }
      }
    } else if (prev && found <= prev.indent && (OPENS.test(prev.content) || prev.content === '-') && !(found === prev.indent && isItem)) {
      // The first line under `key:` sits left of it: the lines after it say where it was meant to be.
      const next = nextLine(lines, i);
      let expected = prev.indent + step;
      if (next && next.indent > prev.indent) expected = isItem && !ITEM.test(next.content) ? next.indent - 2 : next.indent;
      if (expected <= prev.indent) expected = prev.indent + step;
      indent = expected;
      slips.push(slip(i, raw, content, found, indent, undefined));
    } else if (prev && found < prev.indent) {
      const level = levels.findLast((l) => l.indent <= found);
      const deeper = levels.find((l) => l.indent > found);
      if (level && deeper && level.indent !== found) {
        if (deeper.lines === 1 && !deeper.item && found - level.indent === step && deeper.indent - level.indent !== step) {
          // The first field of a block set a level no other line keeps: that first line was the slip.
          const first = deeper.line - 1;
          const firstRaw = lines[first]!.replace(/\r$/, '');
          slips.push(slip(first, firstRaw, firstRaw.trimStart(), deeper.indent, found, i + 1));
          deeper.indent = found;
        } else {
          const meant = bestLevel(levels, lines, i);
          indent = meant.indent;
          slips.push(slip(i, raw, content, found, indent, (meant.last ?? meant.line) || undefined));
        }
      }
    } else if (!prev && found > 0 && (isKey || isItem)) {
      indent = 0;
      slips.push(slip(i, raw, content, found, 0, undefined));
    }
    while (levels.length > 1 && levels.at(-1)!.indent > indent) levels.pop();
    const top = levels.at(-1)!;
    if (top.indent !== indent) levels.push({ indent, line: i + 1, lines: 1, seq: isItem, last: i + 1 });
    else {
      top.line ||= i + 1;
      top.lines++;
      top.last = i + 1;
    }
    // An item's own fields sit after its dash: `- name: x` opens a level at the name.
    if (isItem && content.length > 1 && content.slice(1).trim() !== '') {
      const body = indent + content.length - content.slice(1).trimStart().length;
      levels.push({ indent: body, line: i + 1, lines: 1, item: true });
    }
    if (BLOCK_SCALAR.test(content)) blockUnder = indent;
    prev = { indent, content, line: i + 1 };
  }
  return slips;
}

/**
 * The level a wrong line was meant for: one where its kind belongs (a field among fields, an item
 * among items), that leaves the line below it right (only a `key:` has deeper lines under it), and
 * nearest to where it was typed; the deeper on a tie.
 */
function bestLevel(levels: readonly Level[], lines: readonly string[], i: number): Level {
  const content = lines[i]!.trimStart();
  const found = lines[i]!.length - content.length;
  const isItem = ITEM.test(content);
  const opens = OPENS.test(content) || content === '-';
  const next = nextLine(lines, i);
  const kindFits = (l: Level) => (isItem ? l.seq === true : l.seq !== true);
  const nextFits = (l: Level) => {
    if (!next) return true;
    if (opens) return next.indent > l.indent || (ITEM.test(next.content) && next.indent === l.indent);
    const body = isItem ? l.indent + content.length - content.slice(1).trimStart().length : l.indent;
    return next.indent <= body;
  };
  const order = [...levels].sort((a, b) => Math.abs(a.indent - found) - Math.abs(b.indent - found) || b.indent - a.indent);
  return order.find((l) => kindFits(l) && nextFits(l)) ?? order.find(kindFits) ?? order[0]!;
}

function nextLine(lines: readonly string[], i: number): { indent: number; content: string } | undefined {
  for (let j = i + 1; j < lines.length; j++) {
    const content = lines[j]!.trimStart();
    if (content !== '' && !content.startsWith('#')) return { indent: lines[j]!.length - content.length, content };
  }
  return undefined;
}

/** The file's usual indent step: the most common extra indent of a block's first line (2 if none). */
function indentStep(lines: readonly string[]): number {
  const counts = new Map<number, number>();
  let opener = -1;
  for (const raw of lines) {
    const content = raw.trimStart();
    if (content === '' || content.startsWith('#')) continue;
    const indent = raw.length - content.length;
    if (opener >= 0 && indent > opener) counts.set(indent - opener, (counts.get(indent - opener) ?? 0) + 1);
    opener = OPENS.test(content) && !BLOCK_SCALAR.test(content) ? indent : -1;
  }
  let best = 2;
  for (const [k, n] of counts) if (n > (counts.get(best) ?? 0)) best = k;
  return best;
}

function slip(i: number, raw: string, content: string, found: number, expected: number, alignWith: number | undefined): IndentSlip {
  return { line: i + 1, found, expected, alignWith, text: raw, typed: ' '.repeat(expected) + content };
}
