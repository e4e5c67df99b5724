// Astro's log destination under `jixiao dev` (Astro's `logger` setting, loaded by Astro itself,
// hence plain JavaScript). Astro and Vite log in English; staff see one Chinese line instead, and
// the English original goes to a log file for whoever maintains the site. A route warning about an
// address with no page is dropped: the browser already shows the 404 page.
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/** @param {{ logFile?: string, shown?: string }} config */
export default function devLogger(config = {}) {
  return {
    /** @param {{ level: string, label?: string | null, message: string }} event */
    write(event) {
      if (event.level !== 'warn' && event.level !== 'error') return;
      if (event.label === 'router') return;
      const stamp = new Date().toTimeString().slice(0, 8);
      let kept = '';
      if (config.logFile) {
        try {
          mkdirSync(dirname(config.logFile), { recursive: true });
          appendFileSync(config.logFile, `${stamp} [${event.level}] [${event.label ?? ''}] ${event.message}\n`);
          kept = `，英文原文记在 ${config.shown ?? config.logFile}`;
        } catch {
          kept = '';
        }
      }
      const what = event.level === 'error' ? '预览服务器出错' : '预览服务器发出一条提示';
      process.stderr.write(`[${stamp}] ${what}${kept}。页面如有异常，保存一次文件或刷新浏览器；问题持续时把这份记录交给网站维护人员。\n`);
    },
  };
}
