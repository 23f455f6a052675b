import { geoEqualEarth, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Country } from 'world-countries';
import atlasData from 'world-atlas/countries-110m.json' with { type: 'json' };
import countryData from 'world-countries/countries.json' with { type: 'json' };

/**
 * The world map's geometry, projected once per process (Natural Earth's 1:110m countries from world-atlas,
 * Equal Earth projection) into SVG path strings in whole pixels of an 800-wide drawing; the catalogue page
 * only picks colours. 1:110m keeps the page light (about 40 KB of paths against 300 KB for 1:50m) but has no
 * polygon for about 70 small states (Singapore, Malta, Bahrain, the island states): those get a dot at
 * their centre (world-countries' coordinates) so that they stay reachable.
 */

export const MAP_WIDTH = 800;

export type WorldMap = {
  width: number;
  height: number;
  /** Path data by ISO 3166-1 alpha-2 code (XK for Kosovo). */
  shapes: ReadonlyMap<string, string>;
  /** Centres of the countries without a shape, by code, in the same pixels. */
  dots: ReadonlyMap<string, readonly [number, number]>;
};

const countries = countryData as unknown as Country[];

/**
 * world-atlas identifies countries by ISO 3166-1 numeric code; three of its shapes have none. Kosovo's is
 * the catalogue's XK; Northern Cyprus and Somaliland are drawn as parts of Cyprus and Somalia, the states the
 * UN recognises there (so the catalogue's CY and SO cover them).
 */
const UNCODED: Record<string, string> = { Kosovo: 'XK', 'N. Cyprus': 'CY', Somaliland: 'SO' };
/** Antarctica: no publication is about it, and leaving it out saves a sixth of the map's height. */
const LEFT_OUT = new Set(['AQ']);

/**
 * A d3-geo path context writing compact SVG path data: whole pixels, one absolute move per ring then
 * relative line steps (repeated steps share one `l`, steps in one direction merge), rings that rounding
 * shrinks below a triangle dropped.
 */
export class CompactPath {
  private out = '';
  private ring: [number, number][] = [];

  moveTo(x: number, y: number): void {
    this.flush();
    this.ring = [[Math.round(x), Math.round(y)]];
  }

  lineTo(x: number, y: number): void {
    const point: [number, number] = [Math.round(x), Math.round(y)];
    const ring = this.ring;
    const last = ring[ring.length - 1];
    if (last && last[0] === point[0] && last[1] === point[1]) return;
    const before = ring[ring.length - 2];
    // A step on in the same direction as the last (common once rounded to whole pixels) extends it.
    if (before && last) {
      const [ax, ay, bx, by] = [last[0] - before[0], last[1] - before[1], point[0] - last[0], point[1] - last[1]];
      if (ax * by === ay * bx && ax * bx + ay * by > 0) {
        ring[ring.length - 1] = point;
        return;
      }
    }
    ring.push(point);
  }

  closePath(): void {
    this.flush();
  }

  // Points (not used by country polygons) would be drawn as arcs; a map of areas has none.
  arc(): void {}

  toString(): string {
    this.flush();
    return this.out;
  }

  private flush(): void {
    const ring = this.ring;
    this.ring = [];
    // The closing point repeats the first: a ring needs three distinct corners to enclose anything.
    const first = ring[0];
    const last = ring[ring.length - 1];
    if (first && last && ring.length > 1 && first[0] === last[0] && first[1] === last[1]) ring.pop();
    if (ring.length < 3) return;
    let d = `M${ring[0]![0]} ${ring[0]![1]}l`;
    for (let i = 1; i < ring.length; i++) {
      const dx = ring[i]![0] - ring[i - 1]![0];
      const dy = ring[i]![1] - ring[i - 1]![1];
      d += `${i > 1 && dx >= 0 ? ' ' : ''}${dx}${dy >= 0 ? ' ' : ''}${dy}`;
    }
    this.out += `${d}z`;
  }
}

const clamp = (v: number, max: number) => Math.min(max, Math.max(0, v));

function build(): WorldMap {
  const atlas = atlasData as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const byNumeric = new Map(countries.filter((c) => c.ccn3).map((c) => [c.ccn3, c.cca2]));
  const collection = feature(atlas, atlas.objects.countries);
  const features = collection.features.flatMap((f) => {
    const code = f.id === undefined ? UNCODED[f.properties.name] : byNumeric.get(String(f.id));
    return code && !LEFT_OUT.has(code) ? [{ code, feature: f }] : [];
  });
  const projection = geoEqualEarth().fitWidth(MAP_WIDTH, { type: 'FeatureCollection', features: features.map((f) => f.feature) });
  const [[, top], [, bottom]] = geoPath(projection).bounds({ type: 'FeatureCollection', features: features.map((f) => f.feature) });
  const height = Math.ceil(bottom - top);
  const shapes = new Map<string, string>();
  for (const { code, feature: f } of features) {
    const context = new CompactPath();
    geoPath(projection, context as never)(f as GeoPermissibleObjects);
    // Two shapes of one code (Cyprus and its north): one path.
    shapes.set(code, (shapes.get(code) ?? '') + context.toString());
  }
  const dots = new Map<string, readonly [number, number]>();
  for (const country of countries) {
    if (shapes.has(country.cca2) || LEFT_OUT.has(country.cca2) || country.latlng.length < 2) continue;
    const point = projection([country.latlng[1]!, country.latlng[0]!]);
    // Islands beyond the shapes' extent (Kiribati's east) are kept at the edge.
    if (point) dots.set(country.cca2, [clamp(Math.round(point[0]), MAP_WIDTH), clamp(Math.round(point[1]), height)]);
  }
  return { width: MAP_WIDTH, height, shapes, dots };
}

let cached: WorldMap | null = null;

/** The projected map, built on first use (about 30 ms) and kept for the life of the process. */
export function worldMap(): WorldMap {
  return (cached ??= build());
}
