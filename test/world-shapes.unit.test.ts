// The world map's outlines, from the real world-atlas file the web app bundles: after the cut at
// the date line no ring of any country jumps across the map (the horizontal lines a flat map drew),
// and every point stays on it.
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { boundsOf, type Polygon, splitAtAntimeridian } from '../web/src/charts/world-shapes.ts';

const topology = createRequire(import.meta.url)('world-atlas/countries-110m.json') as Topology<{
  countries: GeometryCollection;
}>;
const polygonsOf = (geometry: { type: string; coordinates: unknown }) =>
  (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as Polygon[];
const longestStep = (polygons: Polygon[]) =>
  Math.max(
    0,
    ...polygons.flatMap((p) =>
      p.flatMap((ring) => ring.slice(1).map((pt, i) => Math.abs(pt[0]! - ring[i]![0]!))),
    ),
  );

describe('world outlines cut at the date line', () => {
  const countries = feature(topology, topology.objects.countries).features.filter(
    (f) => f.properties && (f.properties as { name: string }).name !== 'Antarctica',
  );

  it('finds the shapes that cross it in the file as shipped (Russia and Fiji)', () => {
    const crossing = countries
      .filter((f) => longestStep(polygonsOf(f.geometry as never)) > 180)
      .map((f) => (f.properties as { name: string }).name)
      .sort();
    expect(crossing).toEqual(expect.arrayContaining(['Fiji', 'Russia']));
  });

  it('leaves no step longer than half the world and every point within ±180°', () => {
    for (const f of countries) {
      const split = polygonsOf(f.geometry as never).flatMap(splitAtAntimeridian);
      const name = (f.properties as { name: string }).name;
      expect(longestStep(split), name).toBeLessThan(180);
      const [w, s, e, n] = boundsOf(split);
      expect([w >= -180, e <= 180, s >= -90, n <= 90], name).toEqual([true, true, true, true]);
    }
  });

  it('keeps both halves of a shape cut at 180°, each closed', () => {
    const square: Polygon = [
      [
        [170, 10],
        [-170, 10],
        [-170, 0],
        [170, 0],
        [170, 10],
      ],
    ];
    const halves = splitAtAntimeridian(square);
    expect(halves.map((h) => boundsOf([h]))).toEqual([
      [170, 0, 180, 10],
      [-180, 0, -170, 10],
    ]);
    for (const [ring] of halves) expect(ring![0]).toEqual(ring!.at(-1));
  });
});
