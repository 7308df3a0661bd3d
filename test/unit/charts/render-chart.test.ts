/**
 * The digest's charts as PNG: a valid image of the fixed size, its text drawn with the
 * shipped font (the title band is not blank), and the same bytes on every run.
 */
import { CHART_SIZE } from '../../../src/charts/digest-chart-spec.js';
import { renderDigestChart } from '../../../src/charts/render-chart.js';
import type { DigestChart } from '../../../src/presentation/weekly-digest-view.js';
import { darkPixels, decodePng } from '../../support/png.js';

const flow = (title: string): DigestChart => ({
  id: 'intake-solved',
  title,
  alt: 'intake and solved per day',
  categories: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  series: [
    { name: 'Intake', values: [14, 11, 9, 12, 8, 2, 1] },
    { name: 'Solved', values: [9, 12, 10, 8, 11, 1, 0] },
  ],
});

// The title sits alone in the top band, left of centre (padding 12 px, 15 px type, at 2x).
const TITLE_BAND = { x: 0, y: 0, width: CHART_SIZE.width, height: 56 };

describe('digest chart rendering', () => {
  it('is a PNG of twice the chart size', async () => {
    const chart = await renderDigestChart(flow('Intake and solved per day, 2026-W48'));
    const png = decodePng(chart.png);
    expect([png.width, png.height]).toEqual([CHART_SIZE.width * 2, CHART_SIZE.height * 2]);
    expect([chart.width, chart.height]).toEqual([png.width, png.height]);
  });

  it("draws the title's text: the title band has ink, and none with a blank title", async () => {
    const titled = decodePng((await renderDigestChart(flow('Intake and solved per day'))).png);
    // A no-break space keeps the title's room in the layout and has no glyph to draw.
    const untitled = decodePng((await renderDigestChart(flow('\u00a0'))).png);
    expect(darkPixels(titled, TITLE_BAND)).toBeGreaterThan(500);
    expect(darkPixels(untitled, TITLE_BAND)).toBe(0);
  });

  it('gives the same bytes for the same chart (no system fonts, no clock)', async () => {
    const [a, b] = await Promise.all([
      renderDigestChart(flow('W48')),
      renderDigestChart(flow('W48')),
    ]);
    expect(Buffer.from(a.png).equals(Buffer.from(b.png))).toBe(true);
  });
});
