/**
 * The one way a command loads a project: site settings, the content folder validated under the
 * settings' attachment rules, and what the settings leave out (W_SITE_SETTINGS). `validate`,
 * `build` and `dev` all come here, so they cannot disagree on a finding (dev once validated
 * without the attachment rules and let a too-large attachment pass that build refused).
 */
import type { Finding } from '../findings.ts';
import type { SiteSettings } from '../schema/index.ts';
import { loadSettings, settingsGaps } from '../site/settings.ts';
import { validateContent, type AnalysisMemo, type Verdict } from '../validate/index.ts';

export interface ProjectPlace {
  contentDir: string;
  settingsPath: string;
  /** True when the settings file was named (--config): then it must exist. */
  settingsRequired?: boolean | undefined;
  cwd: string;
}

export interface LoadedSettings {
  /** undefined when the settings file has errors (then `findings` says which). */
  settings?: SiteSettings | undefined;
  findings: Finding[];
}

export interface LoadedProject {
  settings?: SiteSettings | undefined;
  /** The settings file's own errors. */
  settingsErrors: Finding[];
  /** W_SITE_SETTINGS: what the published footer lacks (`validate` does not report it). */
  gaps: Finding[];
  verdict: Verdict;
  /** Settings errors, gaps and the content's findings, in that order. */
  findings: Finding[];
  /** Errors: the settings file's and the content's. */
  errors: number;
  /** Warnings not acknowledged, the gaps included. */
  open: number;
}

/** The settings alone, for a command that needs them before the content (build starts Astro early). */
export function loadProjectSettings(place: ProjectPlace): Promise<LoadedSettings> {
  return loadSettings(place.settingsPath, place.cwd, { required: place.settingsRequired });
}

/** Settings (read here unless given), content and gaps, all under the same rules. */
export async function loadProject(
  place: ProjectPlace,
  opts: { settings?: LoadedSettings | undefined; memo?: AnalysisMemo | undefined; strict?: boolean | undefined } = {},
): Promise<LoadedProject> {
  const loaded = opts.settings ?? (await loadProjectSettings(place));
  const verdict = await validateContent(place.contentDir, {
    cwd: place.cwd,
    strict: Boolean(opts.strict),
    attachments: loaded.settings?.attachments,
    memo: opts.memo,
  });
  const gaps = loaded.settings ? settingsGaps(loaded.settings, place.settingsPath, place.cwd) : [];
  return {
    settings: loaded.settings,
    settingsErrors: loaded.findings,
    gaps,
    verdict,
    findings: [...loaded.findings, ...gaps, ...verdict.findings],
    errors: loaded.findings.length + verdict.errors.length,
    open: gaps.length + verdict.open.length,
  };
}
