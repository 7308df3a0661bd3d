import { z } from 'zod';
import type { ArticleDraft } from '../domain/kb/article.js';
import { fail, ok, type Result } from '../domain/result.js';
import type { CaseRepository } from '../ports/case-repository.js';
import { actorSchema, caseRefSchema } from './shared/commands.js';
import { findCase, invalid } from './shared/case-action.js';

export const draftArticleFromCaseCommand = z.object({ ref: caseRefSchema, actor: actorSchema });

const slugOf = (title: string, number: string): string =>
  `${title}-${number}`
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100)
    .replace(/-+$/, '');

/**
 * "Save as KB article": a draft prefilled from a solved case — its title, its problem as
 * the customer described it, its resolution as the solution, and a reference to the case.
 * Staff only (the draft carries the case's text before anyone edits it for customers).
 */
export const makeDraftArticleFromCase =
  (deps: { readonly cases: CaseRepository }) =>
  async (input: unknown): Promise<Result<ArticleDraft>> => {
    const command = draftArticleFromCaseCommand.safeParse(input);
    if (!command.success) return invalid(command.error);
    if (command.data.actor.kind === 'customer')
      return fail('not-allowed', 'Only the support team writes knowledge-base articles.');
    const found = await findCase(deps.cases, command.data.ref);
    if (!found) return fail('not-found', 'No such case.');
    if (!found.resolution)
      return fail('requirement-missing', `${found.number} has no resolution yet: solve it first.`);
    return ok({
      slug: slugOf(found.title, found.number),
      title: found.title.slice(0, 200),
      problem: (found.description.trim() || found.title).slice(0, 20_000),
      solution: found.resolution.text,
      keywords: found.module ? [found.module] : [],
      products: found.productKey
        ? [
            {
              product: found.productKey,
              versions: found.productVersion ? [found.productVersion] : [],
            },
          ]
        : [],
      docLinks: found.resolution.docLink ? [found.resolution.docLink] : [],
      sourceCase: found.number,
      visibility: 'internal',
      status: 'draft',
    });
  };
