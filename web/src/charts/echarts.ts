// ECharts with only the charts and components the app draws, and the world outline from world-atlas
// (bundled, nothing fetched at run time), its countries named by ISO alpha-2 code.
import { BarChart, CustomChart, HeatmapChart, LineChart, MapChart, RadarChart } from 'echarts/charts';
import {
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  RadarComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { numericToAlpha2 } from 'i18n-iso-countries';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import worldTopology from 'world-atlas/countries-110m.json';
import { boundsOf, type Polygon, splitAtAntimeridian } from './world-shapes.ts';

echarts.use([
  BarChart,
  CustomChart,
  HeatmapChart,
  LineChart,
  MapChart,
  RadarChart,
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  RadarComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

export const WORLD_MAP = 'tacit-world';

let registered = false;

const bounds = new Map<string, [number, number, number, number]>();

/**
 * Registers the world map once; each feature's name is its ISO alpha-2 code. Shapes that cross the
 * date line are cut there (`world-shapes.ts`), and Antarctica is left out.
 */
export function ensureWorldMap(): void {
  if (registered) return;
  const topology = worldTopology as unknown as Topology<{ countries: GeometryCollection }>;
  const collection = feature(topology, topology.objects.countries);
  const features = collection.features.flatMap((f) => {
    const alpha2 = f.id === undefined ? undefined : numericToAlpha2(String(f.id).padStart(3, '0'));
    if (!alpha2 || alpha2 === 'AQ') return [];
    const geometry = f.geometry as { type: string; coordinates: unknown };
    const polygons = (
      geometry.type === 'Polygon'
        ? [geometry.coordinates]
        : geometry.type === 'MultiPolygon'
          ? geometry.coordinates
          : []
    ) as Polygon[];
    const split = polygons.flatMap(splitAtAntimeridian);
    bounds.set(alpha2, boundsOf(split));
    return [
      {
        type: 'Feature' as const,
        properties: { name: alpha2 },
        geometry: { type: 'MultiPolygon' as const, coordinates: split },
      },
    ];
  });
  echarts.registerMap(WORLD_MAP, { type: 'FeatureCollection', features } as never);
  registered = true;
}

/**
 * Where the map should look to show `codes`: the centre of their outlines and a zoom that fits
 * them with a margin (1 is the whole world), or the whole world when none is known.
 */
export function viewOf(codes: string[]): { center?: [number, number]; zoom: number } {
  ensureWorldMap();
  const boxes = codes.map((c) => bounds.get(c)).filter((b) => b !== undefined);
  if (!boxes.length) return { zoom: 1 };
  const w = Math.min(...boxes.map((b) => b[0]));
  const s = Math.min(...boxes.map((b) => b[1]));
  const e = Math.max(...boxes.map((b) => b[2]));
  const n = Math.max(...boxes.map((b) => b[3]));
  // The world without Antarctica spans 360° by about 140°; keep a margin and never zoom past 6.
  const zoom = Math.max(1, Math.min(6, 0.8 * Math.min(360 / Math.max(e - w, 1), 140 / Math.max(n - s, 1))));
  return { center: [(w + e) / 2, (s + n) / 2], zoom };
}

export { echarts };
