// The footer on a 320 px phone in 特大: a label never breaks inside (联系方/式), and an e-mail
// moves whole to the next line instead of splitting (where the line can hold it).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildSite, writeTree } from '../helpers/build-site.ts';
import { hasBrowser, launch, serve, type Served } from './harness.ts';
import { BASE } from './site-helpers.ts';

const EMAIL = 'kgsxj@haizhu.gov.cn';

describe.skipIf(!hasBrowser)('the footer on a narrow phone', () => {
  let browser: Browser;
  let site: Served;
  beforeAll(async () => {
    const dir = writeTree({
      'site.yaml': `base: ${BASE}\nfooter: { sponsor: 虚构市海珠区财政局（虚构示例单位名称较长）, siteCode: "0000000000", contact: 电话 020-00000000，邮箱 ${EMAIL} }\n`,
    });
    site = await serve(buildSite({ base: BASE, extra: ['--config', join(dir, 'site.yaml')] }), BASE, { csp: true });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  for (const level of ['', '2'])
    it(`keeps each label on one line and the e-mail whole${level ? ' (特大)' : ''}`, async () => {
      const ctx = await browser.newContext({ viewport: { width: 320, height: 800 } });
      if (level) await ctx.addInitScript((l) => localStorage.setItem('jixiao-large-text', l), level);
      const page = await ctx.newPage();
      await page.goto(site.url);
      const lines = await page.locator('.footer-meta').evaluate((dl, email) => {
        const lineCount = (node: Node, from = 0, to = (node.textContent ?? '').length) => {
          const r = document.createRange();
          r.setStart(node, from);
          r.setEnd(node, to);
          return new Set([...r.getClientRects()].map((x) => Math.round(x.top))).size;
        };
        const labels = [...dl.querySelectorAll('dt')].map((dt) => [dt.textContent, lineCount(dt.firstChild!)] as const);
        const contact = [...dl.querySelectorAll('dd')].find((dd) => dd.textContent!.includes(email))!.firstChild!;
        const at = contact.textContent!.indexOf(email);
        return { labels, email: lineCount(contact, at, at + email.length) };
      }, EMAIL);
      await ctx.close();
      expect(lines.labels.length).toBeGreaterThan(2);
      for (const [label, n] of lines.labels) expect(n, label!).toBe(1);
      // In 特大 a 320 px line may be narrower than the address itself; then it has to break.
      if (!level) expect(lines.email).toBe(1);
    });
});
