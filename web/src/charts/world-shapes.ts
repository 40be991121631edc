// World outlines for a flat map without date-line artefacts. world-atlas keeps longitudes within
// ±180, so a ring that crosses the antimeridian (Russia's Chukotka, Fiji) jumps from 180 to -180
// and a flat projection draws that jump as a line across the whole map. Each such ring is made
// continuous, then cut at 180° into the part east of it (moved back by 360°) and the rest.
// Antarctica, which holds no assistance and wraps the pole, is left out.

type Position = number[];
type Ring = Position[];
export type Polygon = Ring[];

/** The ring with each longitude moved by ±360° so that no step is longer than half the world. */
function unwrap(ring: Ring): Ring {
  const out: Ring = [];
  let shift = 0;
  for (let i = 0; i < ring.length; i++) {
    const [lon = 0, lat = 0] = ring[i]!;
    if (i > 0) {
      const previous = ring[i - 1]![0]!;
      if (lon - previous > 180) shift -= 360;
      else if (previous - lon > 180) shift += 360;
    }
    out.push([lon + shift, lat]);
  }
  return out;
}

/** Sutherland–Hodgman against one vertical line: the part of the ring with lon ≤ x (or ≥ x). */
function clip(ring: Ring, x: number, keepWest: boolean): Ring {
  const inside = (p: Position) => (keepWest ? p[0]! <= x : p[0]! >= x);
  const cross = (a: Position, b: Position): Position => {
    const t = (x - a[0]!) / (b[0]! - a[0]!);
    return [x, a[1]! + t * (b[1]! - a[1]!)];
  };
  const out: Ring = [];
  for (let i = 0; i < ring.length; i++) {
    const current = ring[i]!;
    const previous = ring[(i + ring.length - 1) % ring.length]!;
    if (inside(current)) {
      if (!inside(previous)) out.push(cross(previous, current));
      out.push(current);
    } else if (inside(previous)) out.push(cross(previous, current));
  }
  if (out.length && (out[0]![0] !== out.at(-1)![0] || out[0]![1] !== out.at(-1)![1])) out.push(out[0]!);
  return out;
}

const shifted = (ring: Ring, by: number): Ring => ring.map(([lon = 0, lat = 0]) => [lon + by, lat]);

/** A polygon as one or more polygons that stay within ±180° (holes are kept only when whole). */
export function splitAtAntimeridian(polygon: Polygon): Polygon[] {
  const [outer, ...holes] = polygon;
  if (!outer) return [];
  const ring = unwrap(outer);
  const lons = ring.map((p) => p[0]!);
  const west = Math.min(...lons);
  const east = Math.max(...lons);
  if (west >= -180 && east <= 180) return [polygon];
  // Continuous now, it lies beyond one edge: cut there, and move the far part back by 360°.
  const edge = east > 180 ? 180 : -180;
  const near = clip(ring, edge, edge === 180);
  const far = shifted(clip(ring, edge, edge !== 180), edge === 180 ? -360 : 360);
  return [near, far].filter((r) => r.length >= 4).map((r, i) => (i === 0 ? [r, ...holes] : [r]));
}

/** [west, south, east, north] of polygons. */
export function boundsOf(polygons: Polygon[]): [number, number, number, number] {
  let w = 180;
  let s = 90;
  let e = -180;
  let n = -90;
  for (const polygon of polygons)
    for (const [lon = 0, lat = 0] of polygon[0] ?? []) {
      w = Math.min(w, lon);
      e = Math.max(e, lon);
      s = Math.min(s, lat);
      n = Math.max(n, lat);
    }
  return [w, s, e, n];
}
