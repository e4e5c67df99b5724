/**
 * Site settings: `site.yaml` in the working directory (beside content/), validated with the
 * same read → parse → shape stages and messages as report files. No site.yaml = defaults; a
 * settings file named with --config must exist. Pages get the validated settings from the build.
 */
import { existsSync } from 'node:fs';
import { dirname, extname, relative, resolve } from 'node:path';
import { readFavicon } from './favicon-check.ts';
import { finding, type Finding } from '../findings.ts';
import { buildContext } from './build-context.ts';
import { SiteSettingsSchema, type SiteSettings } from '../schema/index.ts';
import { parseYaml } from '../validate/parse-yaml.ts';
import { readReportText } from '../validate/read-file.ts';
import { shapeWith } from '../validate/shape.ts';

export { SETTINGS_FILE } from './settings-file.ts';

export async function loadSettings(
  path: string,
  cwd = process.cwd(),
  opts: { required?: boolean | undefined } = {},
): Promise<{ settings?: SiteSettings; findings: Finding[] }> {
  if (!opts.required && !existsSync(path)) return { settings: SiteSettingsSchema.parse({}), findings: [] };
  const file = relative(cwd, path) || path;
  const read = await readReportText(path, file);
  if (!read.ok) return { findings: [read.finding] };
  const { parsed, findings } = parseYaml(read.text, file);
  if (!parsed) return { findings };
  const { value, findings: shape } = shapeWith(SiteSettingsSchema, parsed, file);
  if (!value) return { findings: shape };
  if (value.favicon) {
    const read = await readFavicon(resolve(dirname(path), value.favicon), extname(value.favicon).toLowerCase());
    if ('problem' in read)
      return { findings: [finding('E_FAVICON', { file, line: parsed.lineOf(['favicon']), field: 'favicon' }, { name: value.favicon, problem: read.problem })] };
  }
  return { settings: value, findings: [] };
}

/** The footer items every Chinese government website shows; a site without them is not ready. */
const REQUIRED_FOOTER = [
  ['sponsor', '主办单位'],
  ['siteCode', '网站标识码'],
  ['contact', '联系方式'],
] as const;

/**
 * W_SITE_SETTINGS: what the published footer will lack. A warning for `build` and `dev`, an error
 * for `build --strict`; `validate` checks report files only and does not report it.
 */
export function settingsGaps(settings: SiteSettings, path: string, cwd = process.cwd()): Finding[] {
  const missing = REQUIRED_FOOTER.filter(([k]) => !settings.footer?.[k]);
  if (!missing.length) return [];
  const file = relative(cwd, path) || path;
  const exists = existsSync(path);
  return [
    finding('W_SITE_SETTINGS', { file, field: exists ? 'footer' : undefined }, { file, exists, missing: missing.map(([k, t]) => ({ key: k, title: t })) }),
  ];
}

/** For pages: the settings the build validated and provided. */
export const siteSettings = (): SiteSettings => buildContext().settings;
