/**
 * Open-data files made once per build: the workbook and the CSV tables are both published and
 * hashed into datapackage.json, and the workbook is costly to make (docs/developing.md, "Figures
 * behind the code"). Remembered by the object they are made from (the build's array of reports),
 * so a new build with new content never sees an old result. Each report's JSON is not kept: at
 * 10,000 reports they held much memory through the whole Astro stage.
 */
export function memoBy<K extends object, A extends unknown[], V>(make: (key: K, ...args: A) => V): (key: K, ...args: A) => V {
  const made = new WeakMap<K, Map<string, V>>();
  return (key, ...args) => {
    let byArgs = made.get(key);
    if (!byArgs) made.set(key, (byArgs = new Map()));
    const id = JSON.stringify(args);
    if (!byArgs.has(id)) byArgs.set(id, make(key, ...args));
    return byArgs.get(id)!;
  };
}
