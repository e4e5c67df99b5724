// Child process of pdf-isolated.ts: reads PDFs with pdf.js, one message each, and answers
// { lines } or { failed } (one Chinese line). A rejection pdf.js leaves unhandled fails the
// PDF being read, and the parent replaces this process.
import { loadTypeScript } from '../../load-typescript.mjs';

// pdf.js loads before tsx may be registered (through tsx it took ~5 s, plain ~0.5 s), and before
// `ready`: the parent's time limit is for reading a PDF, not for starting.
await import('pdfjs-dist/legacy/build/pdf.mjs');
await loadTypeScript();
const { pdfToLines } = await import('./pdf.ts');
const oneLine = (err) =>
  String(err?.message ?? err)
    .split('\n')[0]
    .slice(0, 200);
const fatal = (err) => process.send({ failed: `PDF 无法解析：${oneLine(err)}` }, () => process.exit(1));
process.on('unhandledRejection', fatal);
process.on('uncaughtException', fatal);
process.send({ ready: true });
process.on('message', async ({ bytes, file }) => {
  try {
    process.send({ lines: await pdfToLines(Buffer.from(bytes), file) });
  } catch (err) {
    // ImportError messages already name the file; the parent names it again.
    process.send({ failed: err?.name === 'ImportError' ? err.message.slice(file.length + 1) : `PDF 无法解析：${oneLine(err)}` });
  }
});
