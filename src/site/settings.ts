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

let cache: SiteSettings | undefined;

/** For pages: the settings the build validated (JIXIAO_SETTINGS), or defaults. */
export async function siteSettings(): Promise<SiteSettings> {
  if (cache) return cache;
  const path = resolve(process.env.JIXIAO_SETTINGS ?? SETTINGS_FILE);
  const { settings, findings } = await loadSettings(path);
  if (!settings) throw new Error(findings.map((f) => f.message).join('\n'));
  cache = settings;
  return settings;
}
