/**
 * Site settings: `site.yaml` in the working directory (beside content/), validated with the
 * same read → parse → shape stages and messages as report files. Missing file = defaults.
 */
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Finding } from '../findings.ts';
import { SiteSettingsSchema, type SiteSettings } from '../schema/index.ts';
import { parseYaml } from '../validate/parse-yaml.ts';
import { readReportText } from '../validate/read-file.ts';
import { shapeWith } from '../validate/shape.ts';

export const SETTINGS_FILE = 'site.yaml';

export async function loadSettings(path: string, cwd = process.cwd()): Promise<{ settings?: SiteSettings; findings: Finding[] }> {
  if (!existsSync(path)) return { settings: SiteSettingsSchema.parse({}), findings: [] };
  const file = relative(cwd, path) || path;
  const read = await readReportText(path, file);
  if (!read.ok) return { findings: [read.finding] };
  const { parsed, findings } = parseYaml(read.text, file);
  if (!parsed) return { findings };
  const { value, findings: shape } = shapeWith(SiteSettingsSchema, parsed, file);
  return value ? { settings: value, findings: [] } : { findings: shape };
}

/** The footer items every Chinese government website shows; a site without them is not ready. */
const REQUIRED_FOOTER = [['sponsor', '主办单位'], ['siteCode', '网站标识码'], ['contact', '联系方式']] as const;

/**
 * W_SITE_SETTINGS: what the published footer will lack. A warning for `build` and `dev`, an error
 * for `build --strict`; `validate` checks report files only and does not report it.
 */
export function settingsGaps(settings: SiteSettings, path: string, cwd = process.cwd()): Finding[] {
  const missing = REQUIRED_FOOTER.filter(([k]) => !settings.footer?.[k]);
  if (!missing.length) return [];
  const file = relative(cwd, path) || path;
  const exists = existsSync(path);
  return [{
    severity: 'warning', code: 'W_SITE_SETTINGS', file, field: exists ? 'footer' : undefined,
    message: `${exists ? '' : '没有网站设置文件，'}网站页脚将缺少${missing.map(([, t]) => t).join('、')}。`,
    hint: exists
      ? `在 ${file} 的 footer 下填写 ${missing.map(([k, t]) => `${k}（${t}）`).join('、')}。`
      : `把 site.example.yaml 复制为 ${file}，填写本单位的主办单位（footer.sponsor）、网站标识码（footer.siteCode）和联系方式（footer.contact）。`,
  }];
}

let cache: SiteSettings | undefined;

/** `jixiao dev` hands over site.yaml again after every save (a registered global, as in content.ts). */
const HANDOFF = Symbol.for('jixiao.siteSettings');

export function handOverSettings(settings: SiteSettings): void {
  (globalThis as Record<symbol, SiteSettings>)[HANDOFF] = settings;
}

/** For pages: the settings the build validated (JIXIAO_SETTINGS), or defaults. */
export async function siteSettings(): Promise<SiteSettings> {
  const handed = (globalThis as Record<symbol, SiteSettings | undefined>)[HANDOFF];
  if (handed) return handed;
  if (cache) return cache;
  const path = resolve(process.env.JIXIAO_SETTINGS ?? SETTINGS_FILE);
  const { settings, findings } = await loadSettings(path);
  if (!settings) throw new Error(findings.map((f) => f.message).join('\n'));
  cache = settings;
  return settings;
}
