/**
 * Site modules read the base path, settings and reports the build provides as values
 * (src/site/build-context.ts). Unit tests that call them outside a build provide the same values
 * here: the default settings, base path /, and the reports given.
 */
import { SiteSettingsSchema } from '../../src/schema/index.ts';
import { provideBuildContext } from '../../src/site/build-context.ts';
import type { LoadedReport } from '../../src/validate/index.ts';

export function provideTestContext(reports: readonly LoadedReport[] = [], base = '/'): void {
  provideBuildContext({ base, settings: SiteSettingsSchema.parse({}), reports });
}
