/** Knowledge-base answers for `/support kb` and the "Save as KB article" modal. */
import type { KnownBlock, ModalView } from '@slack/types';
import type { Article, ArticleDraft } from '../../../src/domain/kb/article.js';
import type { KbAnswer } from '../../../src/presentation/kb-answers.js';
import {
  KB_NEED_HELP_LABEL,
  KB_SOLVED_LABEL,
  suggestionsHeading,
} from '../../shared/kb-suggestions.js';
import { ACTIONS, SLASH_COMMANDS, VIEWS } from '../registry.js';
import { actions, button, context, divider, option, section } from './blocks.js';
import { escapeMrkdwn, mrkdwnLink, truncate } from './escape.js';
import { inputBlock, modal, textElement, type InputRef } from './modal-inputs.js';

const SNIPPET = 600;

export const KB_INPUTS = {
  title: { block: 'kb_title', action: 'value' },
  problem: { block: 'kb_problem', action: 'value' },
  solution: { block: 'kb_solution', action: 'value' },
  keywords: { block: 'kb_keywords', action: 'value' },
  visibility: { block: 'kb_visibility', action: 'value' },
  status: { block: 'kb_status', action: 'value' },
} as const satisfies Record<string, InputRef>;

/** The answer to `/support kb <question>` (src/presentation/kb-answers.ts), ephemeral. */
export const renderKbAnswers = (answer: KbAnswer): { text: string; blocks: KnownBlock[] } => {
  const heading = escapeMrkdwn(answer.heading);
  const blocks: KnownBlock[] = [section(`*${heading}*`)];
  for (const article of answer.articles) {
    blocks.push(divider());
    blocks.push(section(`*${escapeMrkdwn(article.title)}*\n${escapeMrkdwn(article.solution)}`));
    const links = article.docLinks.map((link) => mrkdwnLink(link));
    blocks.push(context([`\`${article.slug}\``, ...links]));
  }
  if (answer.none)
    blocks.push(context([`${escapeMrkdwn(answer.none)} *${SLASH_COMMANDS.support} new*.`]));
  return { text: heading, blocks };
};

/** `value` of the suggestion buttons: the case, and the article(s) they are about. */
export const suggestionValue = (caseId: string, slugs: readonly string[]): string =>
  `${caseId}|${slugs.join(',')}`;

export const parseSuggestionValue = (
  value: string | undefined,
): { caseId: string; slugs: string[] } | undefined => {
  const [caseId, slugs] = (value ?? '').split('|');
  if (!caseId || !slugs) return undefined;
  return { caseId, slugs: slugs.split(',').filter(Boolean) };
};

/**
 * Shown only to the requester right after intake: up to three articles, each with "This
 * solved it", and one "Still need help".
 */
export const renderSuggestions = (
  caseId: string,
  caseNumber: string,
  articles: readonly Article[],
): { text: string; blocks: KnownBlock[] } => {
  const text = suggestionsHeading(caseNumber, articles.length);
  const blocks: KnownBlock[] = [section(`*${escapeMrkdwn(text)}*`)];
  for (const article of articles) {
    blocks.push(
      section(
        `*${escapeMrkdwn(article.title)}*\n${escapeMrkdwn(truncate(article.solution, SNIPPET))}`,
      ),
    );
    blocks.push(
      actions(`kb:${caseId}:${article.slug}`, [
        button({
          text: KB_SOLVED_LABEL,
          actionId: ACTIONS.kbSolved,
          value: suggestionValue(caseId, [article.slug]),
          style: 'primary',
        }),
      ]),
    );
  }
  blocks.push(
    actions(`kb:${caseId}:need-help`, [
      button({
        text: KB_NEED_HELP_LABEL,
        actionId: ACTIONS.kbNeedHelp,
        value: suggestionValue(
          caseId,
          articles.map((article) => article.slug),
        ),
      }),
    ]),
  );
  return { text, blocks };
};

/** The draft prefilled from a solved case; the agent edits it and saves or publishes. */
export const saveArticleModal = (
  caseId: string,
  draft: ArticleDraft,
  channel?: string,
): ModalView =>
  modal({
    callbackId: VIEWS.saveKbArticle,
    title: 'Save as KB article',
    submit: 'Save',
    metadata: channel ? { caseId, channel } : { caseId },
    blocks: [
      context([
        `From ${escapeMrkdwn(draft.sourceCase ?? 'the case')} · saved as \`${draft.slug}\`; importing a file with that name later updates it.`,
      ]),
      inputBlock(KB_INPUTS.title, 'Title', textElement({ max: 200, initial: draft.title })),
      inputBlock(
        KB_INPUTS.problem,
        'Problem (as customers describe it)',
        textElement({ multiline: true, initial: draft.problem }),
      ),
      inputBlock(
        KB_INPUTS.solution,
        'Solution',
        textElement({ multiline: true, initial: draft.solution }),
      ),
      inputBlock(
        KB_INPUTS.keywords,
        'Keywords',
        textElement({ placeholder: 'comma separated', initial: draft.keywords.join(', ') }),
        { optional: true },
      ),
      inputBlock(KB_INPUTS.visibility, 'Who may read it', {
        type: 'static_select',
        options: [option('Agents only', 'internal'), option('Customers too', 'public')],
        initial_option: option('Agents only', 'internal'),
      }),
      inputBlock(KB_INPUTS.status, 'Status', {
        type: 'static_select',
        options: [option('Draft', 'draft'), option('Published', 'published')],
        initial_option: option('Draft', 'draft'),
      }),
    ],
  });
