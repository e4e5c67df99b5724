/**
 * Lines of terminal output that are English prose, for the tests that say nothing English reaches
 * staff (issue 31). Paths, file names, URLs, codes ([E_…], EBADENGINE), options ([--out DIR]) and
 * commands (npx jixiao build) are allowed; a line without Chinese that has words,
 * or four English words in a row anywhere, is English.
 */
const ALLOWED = [
  /https?:\/\/\S+/g, // addresses
  /\bnpx jixiao(?: [a-z-]+)?/g, // commands
  /\S*[/\\]\S*/g, // paths
  /\[[A-Z][A-Z_]+\]/g, // codes
  /\[?--[a-z-]+(?: [A-Z]+(?:\.\.\.)?)?\]?/g, // options in a usage line: [--out DIR]
  /\b[A-Z]{2,}\b(?:\.\.\.)?/g, // placeholders and codes: FILE..., EBADENGINE
  /\b[\w.-]+\.(?:ya?ml|json|js|mjs|ts|md|csv|xlsx|docx|pdf|html?|txt|log|svg|ico|png)\b/g, // file names
];

export function englishLines(output: string): string[] {
  return output.split(/\r?\n/).filter((raw) => {
    let line = raw;
    for (const re of ALLOWED) line = line.replace(re, ' ');
    const chinese = /[\u3400-\u9fff]/.test(line);
    if (!chinese && /[A-Za-z]{2,}/.test(line)) return true;
    return /(?:[A-Za-z]{2,}[ ,;:]+){3,}[A-Za-z]{2,}/.test(line);
  });
}
