import type { ExportFormat, ExportInput } from '../io/exports';

/**
 * Makes an export and saves it as a file; resolves to the file's name, or
 * null when the export had nothing to save. An export made at once is saved
 * before this returns, still inside the click that asked for it.
 */
export async function saveExport(format: ExportFormat, input: ExportInput): Promise<string | null> {
  const rendered = format.render(input);
  const content = typeof rendered === 'string' || rendered instanceof Blob ? rendered : await rendered;
  if (content === null) return null;
  const name = format.fileName(input.plan);
  // Text is written as given (UTF-8, no byte order mark), so a CSV saved here is byte for byte what the command line prints.
  downloadBlob(name, typeof content === 'string' ? new Blob([content], { type: format.mimeType }) : content);
  return name;
}

/** Saves a Blob as a file in the browser: an object URL and a temporary <a download>. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked a moment later: some browsers start the download after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
