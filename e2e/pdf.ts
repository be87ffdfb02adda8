/**
 * Reads a PDF that Chromium printed: its pages and the text on each, with
 * PDF.js (pdfjs-dist, the reader Firefox uses). Chromium writes text in
 * compressed streams with subset fonts and their own glyph codes; PDF.js maps
 * them back through each font's ToUnicode table, which a small parser would
 * have to do as well.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfText {
  /** The text of each page, a line break as a space and white space collapsed. */
  pages: string[];
}

export async function pdfText(bytes: Uint8Array): Promise<PdfText> {
  const document = await getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
  }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const content = await page.getTextContent();
      // PDF.js gives the gaps between words as runs of their own; a run may end a line.
      const runs = content.items.map((item) => ('str' in item ? `${item.str}${item.hasEOL ? ' ' : ''}` : ''));
      pages.push(runs.join('').replace(/\s+/g, ' ').trim());
    }
    return { pages };
  } finally {
    await document.destroy();
  }
}
