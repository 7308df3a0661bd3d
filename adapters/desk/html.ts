/**
 * Plain server-rendered HTML for the desk page: every piece of text goes through `esc`
 * (case titles, names and notes are written by customers and agents), and the layout has
 * one named place for the digest's charts.
 */

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text as inert HTML, in element content and in quoted attribute values alike. */
export const esc = (text: string | number): string =>
  String(text).replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);

/** A link's href built from our own path and query values (each value encoded). */
export const href = (path: string, query: Readonly<Record<string, string | undefined>> = {}) => {
  const params = new URLSearchParams(
    Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined),
  ).toString();
  return esc(params ? `${path}?${params}` : path);
};

export interface Layout {
  readonly title: string;
  /** Who is signed in, shown in the header; absent on the sign-in pages. */
  readonly signedInAs?: string | undefined;
  readonly body: string;
  /** The weekly digest's charts of the past seven days, above the lists. */
  readonly charts?: readonly DeskChart[] | undefined;
}

/** A chart drawn on the server (src/charts), shown as an inline PNG. */
export interface DeskChart {
  readonly alt: string;
  readonly png: Uint8Array;
  readonly width: number;
  readonly height: number;
}

const chartImages = (charts: readonly DeskChart[]): string =>
  charts
    .map(
      (chart) =>
        `<img src="data:image/png;base64,${Buffer.from(chart.png).toString('base64')}" alt="${esc(chart.alt)}" width="${chart.width / 2}" height="${chart.height / 2}">`,
    )
    .join('');

const NAV = [
  ['Cases', '/desk'],
  ['SLA', '/desk/reports/sla'],
  ['Backlog', '/desk/reports/backlog'],
  ['CSAT', '/desk/reports/csat'],
  ['Workload', '/desk/reports/workload'],
] as const;

export const page = (layout: Layout): string => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${esc(layout.title)} · Caseline desk</title>
<link rel="stylesheet" href="/desk/desk.css">
</head>
<body>
<header>
<strong>Caseline desk</strong>
${
  layout.signedInAs
    ? `<nav>${NAV.map(([label, path]) => `<a href="${path}">${label}</a>`).join('')}</nav><span class="who">${esc(layout.signedInAs)}</span>`
    : ''
}
</header>
<main>
${layout.charts?.length ? `<section id="desk-charts">${chartImages(layout.charts)}</section>` : ''}
${layout.body}
</main>
</body>
</html>
`;

export const DESK_CSS = `
:root { font-family: system-ui, sans-serif; color: #1d1d1f; background: #f6f7f9; }
body { margin: 0; }
#desk-charts { display: flex; flex-wrap: wrap; gap: .75rem; margin-bottom: 1rem; }
#desk-charts img { width: min(100%, 480px); height: auto; border-radius: 4px; }
header { display: flex; gap: 1.5rem; align-items: center; padding: .75rem 1.5rem; background: #24364b; color: #fff; }
header nav a { color: #dfe8f3; margin-right: 1rem; text-decoration: none; }
header .who { margin-left: auto; opacity: .85; }
main { padding: 1rem 1.5rem 3rem; max-width: 1400px; }
h1 { font-size: 1.35rem; margin: .5rem 0 1rem; }
h2 { font-size: 1.05rem; margin: 1.5rem 0 .5rem; }
.tabs a, .filters a { display: inline-block; margin: 0 .4rem .4rem 0; padding: .2rem .6rem; border-radius: 1rem; background: #e4e9f0; color: #24364b; text-decoration: none; font-size: .9rem; }
.tabs a.on, .filters a.on { background: #24364b; color: #fff; }
.filters { margin: .25rem 0; }
.filters span { display: inline-block; width: 7rem; color: #5b6573; font-size: .85rem; }
table { border-collapse: collapse; width: 100%; background: #fff; font-size: .9rem; }
th, td { text-align: left; padding: .35rem .6rem; border-bottom: 1px solid #e6e8eb; vertical-align: top; }
th { background: #eef1f5; font-weight: 600; }
td.num, th.num { text-align: right; }
table.cases { table-layout: fixed; }
table.cases th:nth-child(1) { width: 6.5rem; } table.cases th:nth-child(8) { width: 3.5rem; }
table.cases th:nth-child(3), table.cases th:nth-child(4) { width: 6rem; }
table.cases th:nth-child(5), table.cases th:nth-child(7) { width: 8.5rem; }
table.cases th:nth-child(6) { width: 11rem; }
.urgent { color: #b3261e; font-weight: 600; }
.note { color: #5b6573; font-size: .9rem; }
.figures { display: flex; flex-wrap: wrap; gap: .75rem; margin: 1rem 0; }
.figures div { background: #fff; border: 1px solid #e6e8eb; border-radius: .5rem; padding: .6rem .9rem; min-width: 9rem; }
.figures b { display: block; font-size: 1.2rem; }
.history li { margin: .4rem 0; list-style: none; background: #fff; border: 1px solid #e6e8eb; border-radius: .4rem; padding: .5rem .75rem; }
.history li.internal { background: #fff8e1; border-color: #f0d58c; }
.history .meta { color: #5b6573; font-size: .85rem; }
.history p, .description { white-space: pre-wrap; margin: .3rem 0 0; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; background: #fff; padding: .75rem 1rem; border: 1px solid #e6e8eb; border-radius: .5rem; }
dl.facts dt { color: #5b6573; }
dl.facts dd { margin: 0; }
.box { background: #fff; border: 1px solid #e6e8eb; border-radius: .5rem; padding: 1.25rem 1.5rem; max-width: 36rem; }
button { font: inherit; padding: .5rem 1.1rem; border: 0; border-radius: .4rem; background: #24364b; color: #fff; cursor: pointer; }
`;
