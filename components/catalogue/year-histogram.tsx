import { getLocale, getTranslations } from 'next-intl/server';
import { MAX_YEAR, MIN_YEAR, type CatalogueParams } from '@/lib/catalogue/params';
import { catalogueHref } from '@/lib/catalogue/url';
import { barSelected, yearBars, type YearBar } from '@/lib/catalogue/visual';
import type { YearCount } from '@/lib/search/catalogue-index';
import { localePath } from '@/lib/i18n/routing';
import { escapeHtml } from '@/lib/search/highlight';
import { YearBrush } from './year-brush';

/** Drawing units (the SVG scales to the filter column): bars' area, and the axis labels below it. */
const WIDTH = 256;
const BARS_HEIGHT = 56;
const HEIGHT = 70;
export const HISTOGRAM_ID = 'year-bars';

/**
 * A bar sets its year (or its bucket's years as a range) in place of any year choice; the bar that is the
 * whole choice already takes it away again.
 */
function barHref(params: CatalogueParams, bar: YearBar): string {
  if (bar.from === bar.to) {
    const only = params.yearFrom === null && params.yearTo === null && params.year.length === 1 && params.year[0] === bar.from;
    return catalogueHref(params, { year: only ? [] : [bar.from], yearFrom: null, yearTo: null });
  }
  const only = params.year.length === 0 && params.yearFrom === bar.from && params.yearTo === bar.to;
  return catalogueHref(params, { year: [], yearFrom: only ? null : bar.from, yearTo: only ? null : bar.to });
}

/**
 * Publications per year under the other filters, as bars that are links (no JavaScript needed); with
 * JavaScript, dragging across bars chooses a range (YearBrush). The year list below stays the plain
 * alternative. Bytes matter (issue 18: `/` at most 100 KB): bars are one short path each, written as one
 * string, and their looks are in globals.css (.year-bars).
 */
export async function YearHistogram({ params, counts }: { params: CatalogueParams; counts: YearCount[] }) {
  const { size, bars } = yearBars(counts);
  if (bars.length < 2) return null;
  const locale = await getLocale();
  const t = await getTranslations('Visual');
  const step = Math.max(1, Math.floor(WIDTH / bars.length));
  const width = step * bars.length;
  const max = Math.max(...bars.map((b) => b.count));
  const rangeHref = localePath(locale, catalogueHref(params, { year: [], yearFrom: MIN_YEAR, yearTo: MAX_YEAR }));
  // The marks as one string, attributes in single quotes: in the RSC payload a string of markup costs a
  // little more than in the HTML (its < and > are escaped), elements there about twice as much (every
  // name and quote escaped as JSON).
  let marks = `<rect class='brush' y='0' height='${BARS_HEIGHT}' x='0' width='0'/>`;
  bars.forEach((bar, i) => {
    if (bar.count === 0) return;
    const height = Math.max(2, Math.round((BARS_HEIGHT * bar.count) / max));
    const label = bar.from === bar.to ? t('yearBar', { year: bar.from, count: bar.count }) : t('yearsBar', { from: bar.from, to: bar.to, count: bar.count });
    const current = barSelected(bar, params) ? " aria-current='true'" : '';
    marks +=
      `<a href='${escapeHtml(localePath(locale, barHref(params, bar)))}' aria-label='${escapeHtml(label)}'${current}>` +
      `<path d='M${i * step} ${BARS_HEIGHT}v-${height}h${step}v${height}z'/></a>`;
  });
  marks += `<text x='0' y='${HEIGHT - 2}'>${bars[0]!.from}</text><text x='${width}' y='${HEIGHT - 2}' text-anchor='end'>${bars[bars.length - 1]!.to}</text>`;
  return (
    <div className="mb-3 px-2">
      <svg
        id={HISTOGRAM_ID}
        className="year-bars"
        viewBox={`0 0 ${width} ${HEIGHT}`}
        role="group"
        aria-label={t('histogram')}
        dangerouslySetInnerHTML={{ __html: marks }}
      />
      <YearBrush svgId={HISTOGRAM_ID} first={bars[0]!.from} size={size} bars={bars.length} rangeHref={rangeHref} />
    </div>
  );
}
