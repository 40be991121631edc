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

/** Registers the world map once; each feature's name is its ISO alpha-2 code. */
export function ensureWorldMap(): void {
  if (registered) return;
  const topology = worldTopology as unknown as Topology<{ countries: GeometryCollection }>;
  const collection = feature(topology, topology.objects.countries);
  const features = collection.features
    .map((f) => {
      const alpha2 = f.id === undefined ? undefined : numericToAlpha2(String(f.id).padStart(3, '0'));
      return alpha2 ? { ...f, properties: { name: alpha2 } } : undefined;
    })
    .filter((f) => f !== undefined);
  echarts.registerMap(WORLD_MAP, { type: 'FeatureCollection', features } as never);
  registered = true;
}

export { echarts };
