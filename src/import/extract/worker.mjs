// The importer's reading process (isolated.ts): reads one file per message with read.ts and
// answers { begun } once the format's reader is loaded, then { lines, notes } or { failed }
// (the catalogue entry of why, src/errors/import-messages.ts). A rejection or exception a library leaves behind fails the file being
// read, and the parent replaces this process.
import { loadTypeScript } from '../../load-typescript.mjs';

await loadTypeScript();
const { readInProcess } = await import('./read.ts');
// What a library throws is English and names its internals; staff read what it means.
const broken = (format) => ({ code: 'IMPORT_READER_BROKEN', params: { format } });
let reading = 'text';
const fatal = () => process.send({ failed: broken(reading), ending: true }, () => process.exit(1));
process.on('unhandledRejection', fatal);
process.on('uncaughtException', fatal);
// The format's reader loads before the parent's clock starts: its time limit is for reading.
const LOAD = {
  docx: () => import('./docx.ts'),
  xlsx: () => Promise.all([import('./xlsx.ts'), import('@e965/xlsx')]),
  pdf: () => Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import('./pdf.ts')]),
};
process.send({ ready: true });
process.on('message', async ({ bytes, format, file }) => {
  reading = format;
  try {
    await LOAD[format]?.();
    process.send({ begun: true });
    const read = await readInProcess(Buffer.from(bytes), format, file);
    process.send(read);
  } catch (err) {
    // The reason alone: the parent names the file.
    process.send({ failed: err?.name === 'ImportError' ? err.reason : broken(format) });
  }
});
