// The progress display (src/progress.ts) on its two kinds of output: a live terminal, where one
// line is redrawn in place, and a file or CI log, where each stage start, quarter and end is a line.
import { describe, expect, it } from 'vitest';
import { progressDisplay, type ProgressOut } from '../../src/progress.ts';

function output(tty: boolean, columns?: number) {
  let text = '';
  const out: ProgressOut = { tty, columns, write: (t) => void (text += t) };
  return { out, text: () => text };
}

/** A clock the test moves by hand. */
function clock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

describe('on a file or in CI', () => {
  it('prints each stage as it starts, its count at each quarter and its end, and returns the stage times', () => {
    const o = output(false);
    const c = clock();
    const d = progressDisplay(o.out, c.now);
    d.report({ stage: 'validate', done: 0, total: 400 });
    c.advance(3000);
    d.report({ stage: 'validate', done: 400, total: 400 });
    d.report({ stage: 'astro', done: 0, total: 400 });
    for (let k = 1; k <= 400; k++) {
      c.advance(10);
      d.report({ stage: 'astro', done: k, total: 400 });
    }
    expect(d.finish()).toEqual([
      ['validate', 3],
      ['astro', 4],
    ]);
    expect(o.text().split('\n')).toEqual([
      '检查报告：共 400 个文件',
      '检查报告完成（400 个文件），3.0 秒',
      '生成页面：共 400 个报告页',
      '生成页面 100/400 个报告页，已用 1.0 秒',
      '生成页面 200/400 个报告页，已用 2.0 秒',
      '生成页面 300/400 个报告页，已用 3.0 秒',
      '生成页面完成（400 个报告页），4.0 秒',
      '',
    ]);
    expect(o.text()).not.toMatch(/\r|\x1b/);
  });

  it('prints one line an item when the items have names, as `jixiao import` of a folder always has', () => {
    const o = output(false);
    const d = progressDisplay(o.out);
    d.report({ stage: 'import', done: 1, total: 2, item: 'a.docx' });
    d.report({ stage: 'import', done: 2, total: 2, item: 'b.pdf' });
    d.finish();
    expect(o.text().split('\n').slice(0, 2)).toEqual(['[1/2] a.docx', '[2/2] b.pdf']);
  });
});

describe('on a live terminal', () => {
  it('redraws one line in place, with its clock, and leaves the line clear at the end', () => {
    const o = output(true, 80);
    const c = clock();
    const d = progressDisplay(o.out, c.now);
    d.report({ stage: 'astro', done: 0, total: 1000 });
    c.advance(500);
    d.report({ stage: 'astro', done: 300, total: 1000 });
    c.advance(20); // sooner than a redraw: not drawn
    d.report({ stage: 'astro', done: 301, total: 1000 });
    c.advance(500);
    d.report({ stage: 'astro', done: 1000, total: 1000 });
    d.finish();
    const frames = o.text().split('\r\x1b[K');
    expect(frames).toEqual([
      '',
      '生成页面 0/1,000 个报告页，已用 0.0 秒',
      '生成页面 300/1,000 个报告页，已用 0.5 秒',
      '生成页面 1,000/1,000 个报告页，已用 1.0 秒',
      '',
    ]);
    expect(o.text()).not.toContain('\n');
  });

  it('cuts a line wider than the terminal, counting a Chinese character as two columns', () => {
    const o = output(true, 20);
    const d = progressDisplay(o.out);
    d.report({ stage: 'import', done: 1, total: 9, item: 'a-long-file-name.docx' });
    const line = o.text().split('\r\x1b[K')[1]!;
    expect(line.endsWith('…')).toBe(true);
    expect([...line].reduce((w, ch) => w + (ch.charCodeAt(0) >= 0x2e80 ? 2 : 1), 0)).toBeLessThan(20);
    d.finish();
  });
});
