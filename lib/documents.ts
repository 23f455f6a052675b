/** Whether a document address names a PDF file (its path ends in .pdf, as repositories serve them). */
export function isPdfUrl(url: string): boolean {
  try {
    return /\.pdf$/i.test(new URL(url).pathname);
  } catch {
    return false;
  }
}
