// One chart: an ECharts instance sized to its box, redrawn when the option changes. Charts are
// images to a screen reader, so each carries a label saying what it shows; pages also give the data
// as text or a table next to it.
import { useEffect, useRef } from 'react';
import { echarts } from './echarts.ts';

type Option = Parameters<ReturnType<typeof echarts.init>['setOption']>[0];

export function EChart({
  option,
  label,
  height = 320,
  onClick,
}: {
  option: Option;
  label: string;
  height?: number;
  onClick?: (params: { name?: string; data?: unknown; seriesName?: string; value?: unknown }) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init>>(undefined);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    if (!box.current) return;
    const instance = echarts.init(box.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (params) => clickRef.current?.(params as never));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = undefined;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={box} className="chart" role="img" aria-label={label} style={{ height }} />;
}
