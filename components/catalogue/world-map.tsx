import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import type { CatalogueParams } from '@/lib/catalogue/params';
import { catalogueHref, facetListHref, toggleFacetHref, withView } from '@/lib/catalogue/url';
import { classOf, countScale, scaleRanges } from '@/lib/catalogue/visual';
import type { FacetValue } from '@/lib/data/catalogue';
import { worldMap } from '@/lib/geo/world-map';
import { localePath } from '@/lib/i18n/routing';
import { escapeHtml } from '@/lib/search/highlight';

/**
 * The country facet as a choropleth: each country with publications under the other filters is a link that
 * adds it to the country filter (or takes it out), coloured by a geometric scale (lib/catalogue/visual.ts)
 * that the legend shows; small states without a shape are dots. No JavaScript. The screen-reader
 * alternative is the country facet's own list, linked below the map, which has the same links and counts.
 * The map stays on its own URL (view=map) and its links keep it, so exploring by map goes on from map to map.
 */
export async function WorldMap({ params, countries }: { params: CatalogueParams; countries: FacetValue[] }) {
  const locale = await getLocale();
  const t = await getTranslations('Visual');
  const format = await getFormatter();
  const map = worldMap();
  const shown = countries.filter((c) => (c.count > 0 || c.selected) && (map.shapes.has(c.value) || map.dots.has(c.value)));
  const max = Math.max(0, ...shown.map((c) => c.count));
  const lows = countScale(max);
  const linked = new Set(shown.map((c) => c.value));
  const background = [...map.shapes].flatMap(([code, d]) => (linked.has(code) ? [] : [d])).join('');
  // One string of markup, attributes in single quotes, as in the year histogram: the RSC payload then
  // repeats it at about the cost of the HTML, not twice that.
  const link = (country: FacetValue, mark: string) =>
    `<a href='${escapeHtml(localePath(locale, withView(toggleFacetHref(params, 'country', country.value), 'map')))}'` +
    ` aria-label='${escapeHtml(t('countryCount', { country: country.label, count: country.count }))}'` +
    `${country.selected ? " aria-current='true'" : ''} class='q${classOf(country.count, lows) + 1}'>${mark}</a>`;
  let marks = `<path d='${background}'/>`;
  for (const c of shown) {
    const d = map.shapes.get(c.value);
    if (d) marks += link(c, `<path d='${d}'/>`);
  }
  // Dots last: a small state is drawn over its neighbours' shapes.
  for (const c of shown) {
    const dot = map.dots.get(c.value);
    if (dot && !map.shapes.has(c.value)) marks += link(c, `<circle cx='${dot[0]}' cy='${dot[1]}' r='4'/>`);
  }
  return (
    <section id="world-map" aria-labelledby="world-map-heading" className="rounded-lg border border-slate-200 bg-white p-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id="world-map-heading" className="font-semibold">
          {t('mapHeading')}
        </h3>
        <a className="text-sm text-brand-700 underline" href={localePath(locale, catalogueHref(params, { page: params.page }))}>
          {t('hideMap')}
        </a>
      </div>
      <svg
        className="world-map mt-2"
        viewBox={`0 0 ${map.width} ${map.height}`}
        role="group"
        aria-label={t('mapLabel')}
        dangerouslySetInnerHTML={{ __html: marks }}
      />
      <div className="mt-2 flex flex-wrap items-center justify-between gap-2 text-sm text-slate-700">
        {lows.length > 0 && (
          <p className="world-map-legend flex flex-wrap items-center gap-x-3 gap-y-1">
            <span>{t('legend')}</span>
            {scaleRanges(lows, max).map(([low, high], k) => (
              <span key={low} className="flex items-center gap-1">
                <svg viewBox="0 0 10 10" aria-hidden="true" className="size-3">
                  <rect width="10" height="10" className={`q${k + 1}`} />
                </svg>
                {low === high ? format.number(low) : `${format.number(low)}–${format.number(high)}`}
              </span>
            ))}
          </p>
        )}
        <a className="text-brand-700 underline" href={localePath(locale, facetListHref(params, 'country', 'country'))}>
          {t('mapAsList')}
        </a>
      </div>
    </section>
  );
}
