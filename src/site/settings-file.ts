/**
 * The settings file's default name, apart from the settings' schema and reader (settings.ts): the
 * build names it before it starts the pages process, and importing the schema for that held the
 * start of every build back.
 */
export const SETTINGS_FILE = 'site.yaml';
