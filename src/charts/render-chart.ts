/**
 * Charts drawn on the server, without a browser or a native canvas: Vega-Lite compiles the
 * specification, vega's headless View lays it out and writes SVG, resvg turns that into PNG.
 * Text is drawn with the font file shipped in assets/fonts only (system fonts are not
 * loaded), so a chart looks the same on every machine, even one without any fonts.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import { parse, View } from 'vega';
import { compile } from 'vega-lite';
import type { DigestChart } from '../presentation/weekly-digest-view.js';
import { CHART_FONT, digestChartSpec } from './digest-chart-spec.js';

export interface ChartImage {
  readonly id: DigestChart['id'];
  readonly title: string;
  readonly alt: string;
  readonly png: Uint8Array;
  readonly width: number;
  readonly height: number;
}

const FONT_FILE = join('assets', 'fonts', 'DejaVuSans.ttf');
const SCALE = 2;

/** The shipped font, looked up from here upwards: src/charts runs from source and from dist/. */
export const chartFontFile = (from = dirname(fileURLToPath(import.meta.url))): string => {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, FONT_FILE);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`chart font ${FONT_FILE} not found above ${from}`);
  }
};

/** A Vega-Lite specification as SVG, laid out by vega's View with no renderer attached. */
export const chartSvg = async (spec: Parameters<typeof compile>[0]): Promise<string> => {
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
};

/** SVG to PNG at twice its size, text in the shipped font. */
export const svgToPng = (svg: string, fontFile = chartFontFile()) => {
  const image = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: SCALE },
    background: 'white',
    font: { fontFiles: [fontFile], loadSystemFonts: false, defaultFontFamily: CHART_FONT },
  }).render();
  return { png: new Uint8Array(image.asPng()), width: image.width, height: image.height };
};

export const renderDigestChart = async (chart: DigestChart): Promise<ChartImage> => {
  const { png, width, height } = svgToPng(await chartSvg(digestChartSpec(chart)));
  return { id: chart.id, title: chart.title, alt: chart.alt, png, width, height };
};
