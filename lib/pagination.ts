/**
 * Page numbers around the current one, with the first and last always shown; a gap stands for two pages
 * or more (an ellipsis in place of one page number would hide it for no room saved).
 */
export function pageWindow(page: number, pageCount: number): (number | 'gap')[] {
  const pages = new Set([1, pageCount, page - 1, page, page + 1].filter((p) => p >= 1 && p <= pageCount));
  const sorted = [...pages].sort((a, b) => a - b);
  return sorted.flatMap((p, i) => {
    const before = sorted[i - 1];
    if (before === undefined || p - before === 1) return [p];
    return p - before === 2 ? [before + 1, p] : ['gap' as const, p];
  });
}
