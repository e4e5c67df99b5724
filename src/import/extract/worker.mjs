// The importer's reading process (isolated.ts): reads one file per message with read.ts and
// answers { begun } once the format's reader is loaded, then { lines, notes } or { failed }
// (one Chinese line). A rejection or exception a library leaves behind fails the file being
// read, and the parent replaces this process.
import { loadTypeScript } from '../../load-typescript.mjs';

await loadTypeScript();
const { readInProcess } = await import('./read.ts');
const LABEL = { text: '文本文件', html: '网页', docx: 'Word 文档', xlsx: 'Excel 工作簿', pdf: 'PDF ' };
// What a library throws is English and names its internals; staff read what it means.
const broken = (format) => `${LABEL[format] ?? '文件'}无法解析，文件可能已损坏。`;
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
    // ImportError messages already name the file; the parent names it again.
    process.send({ failed: err?.name === 'ImportError' ? err.message.slice(file.length + 1) : broken(format) });
  }
});
