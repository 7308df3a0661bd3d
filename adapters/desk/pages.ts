/**
 * The desk page's screens as HTML, from the views in src/presentation (desk-lists.ts,
 * report-cards.ts). Only rendering happens here.
 */
import {
  DESK_GROUPINGS,
  FILTER_KEY,
  type DeskCaseRow,
  type DeskCaseView,
  type DeskGrouping,
  type DeskListQuery,
  type DeskListView,
} from '../../src/presentation/desk-lists.js';
import type { ReportCard } from '../../src/presentation/report-cards.js';
import { esc, href } from './html.js';

const GROUPING_WORDS: Readonly<Record<DeskGrouping, string>> = {
  status: 'Status',
  queue: 'Queue',
  assignee: 'Assignee',
  organization: 'Organization',
};

const queryOf = (
  q: DeskListQuery,
  change: Partial<Record<keyof DeskListQuery, string | undefined>>,
) => {
  const merged = { ...q, ...change } as Record<string, string | undefined>;
  return Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined));
};

const tabs = (q: DeskListQuery): string =>
  `<p class="tabs">By: ${DESK_GROUPINGS.map(
    (by) =>
      `<a${by === q.by ? ' class="on"' : ''} href="${href('/desk', queryOf(q, { by }))}">${GROUPING_WORDS[by]}</a>`,
  ).join('')}
  <a${q.all ? ' class="on"' : ''} href="${href('/desk', queryOf(q, { all: q.all ? undefined : '1' }))}">${q.all ? 'Solved and closed shown' : 'Show solved and closed'}</a></p>`;

const filters = (view: DeskListView): string =>
  DESK_GROUPINGS.map((by) => {
    const key = FILTER_KEY[by];
    const chosen = view.query[key];
    const links = view.options[by].map(
      (o) =>
        `<a${o.value === chosen ? ' class="on"' : ''} href="${href('/desk', queryOf(view.query, { [key]: o.value === chosen ? undefined : o.value }))}">${esc(o.label)} (${o.count})</a>`,
    );
    const clear = chosen
      ? `<a href="${href('/desk', queryOf(view.query, { [key]: undefined }))}">any</a>`
      : '';
    return `<div class="filters" data-filter="${by}"><span>${GROUPING_WORDS[by]}</span>${links.join('')}${clear}</div>`;
  }).join('\n');

const caseRow = (r: DeskCaseRow): string =>
  `<tr><td><a href="${href(`/desk/case/${r.number}`)}">${esc(r.number)}</a></td><td>${esc(r.title)}</td><td>${esc(r.status)}</td><td${r.urgent ? ' class="urgent"' : ''}>${esc(r.priority)}</td><td>${esc(r.queue)}</td><td>${esc(r.organization)}</td><td>${esc(r.assignee)}</td><td class="num">${esc(r.age)}</td></tr>`;

const HEAD = `<tr><th>Case</th><th>Title</th><th>Status</th><th>Priority</th><th>Queue</th><th>Organization</th><th>Assignee</th><th class="num">Age</th></tr>`;

export const listPage = (view: DeskListView): string => {
  const groups = view.groups.map(
    (g) =>
      `<h2>${esc(g.title)} <span class="note">(${g.rows.length})</span></h2>
<table class="cases" data-group="${esc(g.value)}"><thead>${HEAD}</thead><tbody>${g.rows.map(caseRow).join('')}</tbody></table>`,
  );
  const more =
    view.total > view.shown
      ? `<p class="note">Showing ${view.shown} of ${view.total} cases, urgent first, then oldest: narrow the list with a filter.</p>`
      : '';
  return `<h1>${esc(view.heading)}</h1>
${tabs(view.query)}
${filters(view)}
${more}
${groups.length ? groups.join('\n') : '<p class="note">No cases match.</p>'}`;
};

export const casePage = (view: DeskCaseView): string => `<p><a href="/desk">← All cases</a></p>
<h1>${esc(view.number)} ${esc(view.title)}</h1>
<dl class="facts">${view.facts.map((f) => `<dt>${esc(f.label)}</dt><dd>${esc(f.value)}</dd>`).join('')}</dl>
<h2>Description</h2>
<p class="description">${esc(view.description)}</p>
<h2>History <span class="note">(${view.history.length} events, oldest first; internal ones marked)</span></h2>
<ol class="history">${view.history
  .map(
    (h) =>
      `<li${h.internal ? ' class="internal"' : ''}><span class="meta">${esc(h.when)} · ${esc(h.who)} · ${esc(h.what)}${h.internal ? ' · <strong>internal</strong>' : ''}${h.minutes ? ` · ${esc(h.minutes)} min` : ''}</span>${h.text ? `<p>${esc(h.text)}</p>` : ''}</li>`,
  )
  .join('\n')}</ol>`;

export const reportPage = (card: ReportCard): string => `<h1>${esc(card.title)}</h1>
<p class="note">${esc(card.period)}${card.report === 'sla' || card.report === 'csat' ? ` · <a href="${href(`/desk/reports/${card.report}`, { days: '7' })}">7 days</a> · <a href="${href(`/desk/reports/${card.report}`, { days: '30' })}">30 days</a> · <a href="${href(`/desk/reports/${card.report}`, { days: '90' })}">90 days</a>` : ''}</p>
<div class="figures">${card.figures.map((f) => `<div>${esc(f.label)}<b>${esc(f.value)}</b></div>`).join('')}</div>
${card.note ? `<p class="note">${esc(card.note)}</p>` : ''}
${card.tables
  .map(
    (t) =>
      `<h2>${esc(t.title)}</h2><table><thead><tr>${t.columns.map((c, i) => `<th${i ? ' class="num"' : ''}>${esc(c)}</th>`).join('')}</tr></thead><tbody>${t.rows
        .map(
          (r) =>
            `<tr>${r.map((c, i) => `<td${i ? ' class="num"' : ''}>${esc(c)}</td>`).join('')}</tr>`,
        )
        .join('')}</tbody></table>${t.more ? `<p class="note">${esc(t.more)}</p>` : ''}`,
  )
  .join('\n')}`;

/** The page a link opens: one press signs in (link previews fetch pages, never press). */
export const signInPage = (token: string, name: string): string => `<div class="box">
<h1>Sign in to the desk</h1>
<p>This link signs you in as <strong>${esc(name)}</strong>. It works once.</p>
<form method="post" action="/desk/sign-in"><input type="hidden" name="token" value="${esc(token)}"><button type="submit">Open the desk</button></form>
</div>`;

export const REFUSALS = {
  used: 'This sign-in link has been used already. Links work once: ask for a new one with /support desk.',
  expired:
    'This sign-in link has expired (links last 10 minutes). Ask for a new one with /support desk.',
  unknown: 'This is not a sign-in link we know. Ask for one with /support desk.',
  'not-allowed': 'The desk page is for leads and admins.',
  'signed-out':
    'You are not signed in, or your session ended. Type /support desk in Slack (or desk to the bot in Teams) for a sign-in link.',
} as const;

export const refusalPage = (why: keyof typeof REFUSALS): string =>
  `<div class="box"><h1>Cannot open the desk</h1><p data-refusal="${why}">${esc(REFUSALS[why])}</p></div>`;

export const notFoundPage = (text: string): string =>
  `<p><a href="/desk">← All cases</a></p><div class="box"><p>${esc(text)}</p></div>`;
