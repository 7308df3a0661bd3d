import type { TopLevelSpec } from 'vega-lite';
import type { DigestChart } from '../presentation/weekly-digest-view.js';

/** The font every chart names; render-chart.ts loads this face from assets/fonts. */
export const CHART_FONT = 'DejaVu Sans';
/** CSS pixels of every chart; the PNG is drawn at twice this for sharp text on HiDPI screens. */
export const CHART_SIZE = { width: 640, height: 320 } as const;

const SERIES_COLORS = ['#2f6db5', '#3a9a5b', '#c77c1e'];
// Older buckets darker: the eye goes to the cases that have waited longest.
const AGE_COLORS = ['#f3c98b', '#e9a24b', '#d9782a', '#b8541a', '#8a3210'];

/**
 * A Vega-Lite specification for a digest chart: grouped bars with their counts on top, one
 * colour per series (a legend when there are several), categories in the view's order.
 * The whole image, axes and legend included, is exactly CHART_SIZE.
 */
export const digestChartSpec = (chart: DigestChart): TopLevelSpec => {
  const values = chart.series.flatMap((series) =>
    chart.categories.map((category, i) => ({
      category,
      series: series.name,
      value: series.values[i] ?? 0,
    })),
  );
  const several = chart.series.length > 1;
  // Room above the tallest bar for its count.
  const top = Math.max(1, ...values.map((v) => v.value));
  const domainMax = Math.max(top + 1, Math.ceil(top * 1.12));
  const x = {
    field: 'category',
    type: 'nominal',
    sort: [...chart.categories],
    title: null,
  } as const;
  const color = several
    ? {
        field: 'series',
        type: 'nominal',
        scale: { domain: chart.series.map((s) => s.name), range: SERIES_COLORS },
        legend: { orient: 'top', title: null },
      }
    : {
        field: 'category',
        type: 'nominal',
        scale: { domain: [...chart.categories], range: AGE_COLORS },
        legend: null,
      };
  const offset = several
    ? { xOffset: { field: 'series', sort: chart.series.map((s) => s.name) } }
    : {};
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    ...CHART_SIZE,
    autosize: { type: 'fit', contains: 'padding' },
    padding: 12,
    background: 'white',
    title: { text: chart.title, anchor: 'start', fontSize: 15, fontWeight: 'normal' },
    data: { values },
    encoding: {
      x: { ...x, axis: { labelAngle: 0, labelFontSize: 12 } },
      ...offset,
      y: {
        field: 'value',
        type: 'quantitative',
        title: 'cases',
        scale: { domain: [0, domainMax], nice: false },
        axis: { tickMinStep: 1, format: 'd' },
      },
    },
    layer: [
      {
        mark: { type: 'bar', cornerRadiusTopLeft: 2, cornerRadiusTopRight: 2 },
        encoding: { color },
      },
      {
        mark: { type: 'text', dy: -6, fontSize: 11, color: '#333' },
        encoding: { text: { field: 'value', type: 'quantitative' } },
      },
    ],
    config: { font: CHART_FONT, view: { stroke: null }, axis: { grid: true, gridColor: '#eee' } },
  } as TopLevelSpec;
};
