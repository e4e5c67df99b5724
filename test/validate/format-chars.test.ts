/**
 * Invisible format characters (Unicode Cf) in a report's texts are refused with file, line and
 * field (issue 28.9): bidi overrides and zero-width characters used to reach the HTML, CSV, JSON
 * and feed. Those a script needs, where it needs them, still pass.
 */
import { describe, expect, test } from 'vitest';
import { formatFinding } from '../../src/findings.ts';
import { hiddenFormatChar } from '../../src/validate/format-chars.ts';
import { check, HEAD, notStatedFor, replace } from './helpers.ts';

const withName = (name: string) => {
  const text = replace(HEAD, '  name: 虚构市示例局', `  name: ${JSON.stringify(name)}`);
  return text + notStatedFor(text);
};

describe('in a report file', () => {
  test('a bidi override in the department name is refused, naming file, line and field', async () => {
    const v = await check(withName('虚构市\u202e局例示'));
    expect(v.errors.map(formatFinding)).toEqual([
      'r.yaml:6: 错误: department.name：含有改变文字显示方向的控制符 U+202E（第 4 个字符处），它看不见，却会改变文字的显示顺序，或让看起来相同的名称不再相同。 提示：删除它（多由复制粘贴带入）；在编辑器中把光标移过该处，会多停一下。 [E_FORMAT_CHAR]',
    ]);
  });

  test('a zero-width space in the title, and a joiner between Chinese characters, are refused', async () => {
    const v = await check(withName('虚构市\u200d示例局').replace('title: 2022年度', 'title: 2022\u200b年度'));
    expect(v.errors.map((f) => `${f.line} ${f.field} ${f.code}`)).toEqual(['3 title E_FORMAT_CHAR', '6 department.name E_FORMAT_CHAR']);
  });

  test('a name in Uyghur or Mongolian, with the joiners and marks its script needs, passes', async () => {
    expect((await check(withName('ئۈرۈمچى\u200cشەھەرلىك \u200fمالىيە ئىدارىسى'))).errors).toEqual([]);
    expect((await check(withName('ᠮᠣᠩᠭᠣᠯ\u180eᠠ ᠰᠠᠩ'))).errors).toEqual([]);
  });
});

describe('hiddenFormatChar', () => {
  test.each([
    ['\u202a', 1],
    ['a\u2066b\u2069', 2],
    ['虚\u00ad构', 2],
    ['虚构\u2060', 3],
    ['\ufeff虚构', 1],
    ['虚构\u200c', 3],
    ['虚构\u200e', 3],
    ['\u{e0041}', 1],
    ['\u{1F600}\u{1F600}\u202e', 3],
  ])('%j is refused at character %i', (text, at) => {
    expect(hiddenFormatChar(text)?.at).toBe(at);
  });

  test.each(['👨\u200d👩\u200d👧', '🧑🏽\u200d💻', '🏴\u{e0067}\u{e0062}\u{e0065}\u{e006e}\u{e0067}\u{e007f}', 'नमस्\u200dते', '\u0600١٢', 'שלום\u200f abc'])(
    '%j passes',
    (text) => {
      expect(hiddenFormatChar(text)).toBeUndefined();
    },
  );
});
