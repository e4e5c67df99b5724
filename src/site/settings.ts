/**
 * Site settings: `site.yaml` in the working directory (beside content/), validated with the
 * same read → parse → shape stages and messages as report files. No site.yaml = defaults; a
 * settings file named with --config must exist. Pages get the validated settings from the build.
 */
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import type { Finding } from '../findings.ts';
import { buildContext } from './build-context.ts';
import { SiteSettingsSchema, type SiteSettings } from '../schema/index.ts';
import { parseYaml } from '../validate/parse-yaml.ts';
import { readReportText } from '../validate/read-file.ts';
import { shapeWith } from '../validate/shape.ts';

export const SETTINGS_FILE = 'site.yaml';

export async function loadSettings(path: string, cwd = process.cwd(), opts: { required?: boolean | undefined } = {}): Promise<{ settings?: SiteSettings; findings: Finding[] }> {
  if (!opts.required && !existsSync(path)) return { settings: SiteSettingsSchema.parse({}), findings: [] };
  const file = relative(cwd, path) || path;
  const read = await readReportText(path, file);
  if (!read.ok) return { findings: [read.finding] };
  const { parsed, findings } = parseYaml(read.text, file);
  if (!parsed) return { findings };
  const { value, findings: shape } = shapeWith(SiteSettingsSchema, parsed, file);
  return value ? { settings: value, findings: [] } : { findings: shape };
}

/** For pages: the settings the build validated and provided. */
export const siteSettings = (): SiteSettings => buildContext().settings;
