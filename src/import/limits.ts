/**
 * Input limits. A report is a few MB at most; anything larger, or a .docx that inflates to far
 * more than it weighs, is refused before a parser sees it.
 */
/** Any input file. */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;
/** Sum of the inflated sizes of all entries of a .docx. */
export const MAX_DOCX_INFLATED_BYTES = 100 * 1024 * 1024;
/** Entries in a .docx zip (a real one has a few dozen). */
export const MAX_DOCX_ENTRIES = 2000;
/** Pages of a PDF read for text. */
export const MAX_PDF_PAGES = 500;
/** Rows read from each sheet of a spreadsheet (a 自评表 has a few dozen). */
export const MAX_SHEET_ROWS = 5000;
/** Cells read from a whole spreadsheet. */
export const MAX_SHEET_CELLS = 200_000;
/** Lines of extracted text (the longest real report, a 500-page PDF, has fewer than 20,000). */
export const MAX_TEXT_LINES = 30_000;
/** Characters in one line (real paragraphs and table rows have at most ~2,000). */
export const MAX_LINE_CHARS = 10_000;
/** Cells in one HTML or Word table (30,000 rows × 50 columns ran out of memory). */
export const MAX_TABLE_CELLS = 200_000;
/** Element nesting in HTML (a real page nests a few dozen deep). */
export const MAX_HTML_DEPTH = 500;
/** Table rows and cells in a .docx (a real report's tables have a few hundred rows). */
export const MAX_DOCX_ROWS = 5_000;
export const MAX_DOCX_CELLS = 50_000;
/** Characters of text read from a PDF. */
export const MAX_PDF_CHARS = 3_000_000;
/** Cells in the importer's cell stream (cells.ts): a real report has a few thousand. */
export const MAX_STREAM_CELLS = 200_000;
/** Paragraphs and elements of word/document.xml, counted before mammoth builds its tree (95 MB of
 * `<w:p>` took 4.2 GB there). mammoth needs ~100 MB of heap a MB of XML (10,000 formatted
 * paragraphs, 220,000 elements: 475 MB): a document between these and the reader's heap cap is
 * refused by the cap. */
export const MAX_DOCX_PARAGRAPHS = 30_000;
export const MAX_DOCX_ELEMENTS = 400_000;
/** Characters of text in word/document.xml (as for a PDF). */
export const MAX_DOCX_TEXT_CHARS = 3_000_000;
/** Shared strings, cells and elements of an .xlsx, counted before SheetJS reads it (2.3 M shared
 * strings in 0.26 MB took 953 MB there). */
export const MAX_SHARED_STRINGS = 200_000;
export const MAX_XLSX_CELLS = 500_000;
export const MAX_XLSX_ELEMENTS = 2_000_000;
export const MAX_XLSX_TEXT_CHARS = 10_000_000;
/** The importer's reading process (extract/isolated.ts): its V8 heap, and its whole resident
 * memory (pdf.js and zlib keep buffers outside the heap), in MB. */
export const READER_HEAP_MB = 384;
export const READER_RSS_MB = 480;
/** Bytes a PDF's compressed streams (other than images, which text extraction does not decode)
 * inflate to, counted before pdf.js parses them (a 0.29 MB PDF inflating to 100 MB took pdf.js
 * to the reader's memory cap). */
export const MAX_PDF_INFLATED_BYTES = 64 * 1024 * 1024;
/** Cells read from one pipe or tab row (real forms have a dozen columns, wide tables a few dozen). */
export const MAX_ROW_CELLS = 200;
