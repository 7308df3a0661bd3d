/**
 * "Save as KB article" in Teams: the draft prefilled from the solved case, as a card the
 * agent edits and saves (Slack shows the same fields in a modal). Cancel answers with the
 * case card again.
 */
import type { ArticleDraft } from '../../../src/domain/kb/article.js';
import {
  card,
  choices,
  escapeCardText,
  execute,
  textBlock,
  textInput,
  VERBS,
  type AdaptiveCard,
} from './card.js';

/** The form's input ids, read back by the save. */
export const KB_ARTICLE_INPUTS = {
  title: 'kbTitle',
  problem: 'kbProblem',
  solution: 'kbSolution',
  keywords: 'kbKeywords',
  visibility: 'kbVisibility',
  status: 'kbStatus',
} as const;

export const renderKbArticleForm = (caseId: string, draft: ArticleDraft): AdaptiveCard => {
  const i = KB_ARTICLE_INPUTS;
  return card(
    [
      textBlock('Save as KB article', { size: 'Medium', weight: 'Bolder' }),
      textBlock(
        escapeCardText(
          `From ${draft.sourceCase ?? 'the case'} · saved as ${draft.slug}; importing a file with that name later updates it.`,
        ),
        { isSubtle: true },
      ),
      textInput(i.title, 'Title', { value: draft.title, maxLength: 200, isRequired: true }),
      textInput(i.problem, 'Problem (as customers describe it)', {
        value: draft.problem,
        isMultiline: true,
        isRequired: true,
      }),
      textInput(i.solution, 'Solution', {
        value: draft.solution,
        isMultiline: true,
        isRequired: true,
      }),
      textInput(i.keywords, 'Keywords (comma separated)', { value: draft.keywords.join(', ') }),
      choices(
        i.visibility,
        'Who may read it',
        [
          { title: 'Agents only', value: 'internal' },
          { title: 'Customers too', value: 'public' },
        ],
        { value: 'internal', isRequired: true },
      ),
      choices(
        i.status,
        'Status',
        [
          { title: 'Draft', value: 'draft' },
          { title: 'Published', value: 'published' },
        ],
        { value: 'draft', isRequired: true },
      ),
    ],
    [
      execute('Save', VERBS.saveKbArticleSave, { caseId }, { style: 'positive' }),
      execute('Cancel', VERBS.refresh, { caseId, card: 'staff' }),
    ],
  );
};
