/** Reference checks for what the support team defines: organizations, products, queues, agents. */
import { naturalKeyOf, type Product } from '../domain/directory.js';
import {
  clashes,
  identityClashes,
  indexBy,
  issueAt,
  keysInFile,
  missing,
  type Check,
} from './claims.js';
import type { ImportIssue } from './report.js';
import type { ValidRow } from './validate-rows.js';

/**
 * A Slack Connect team, or a Microsoft tenant, belongs to one customer, or incoming messages
 * could not be placed.
 */
export const checkOrganizations: Check<'organizations'> = async (rows, target) => {
  const inFile = keysInFile('organizations', rows);
  const stored = (await target.list('organizations')).filter(
    (organization) => !inFile.has(organization.key),
  );
  const claimsOf = (label: string, field: 'slackTeamIds' | 'teamsTenantIds') => {
    const existing = stored.flatMap((organization) =>
      (organization[field] ?? []).map((value) => ({
        value,
        owner: organization.key,
        holder: `organization ${organization.key}`,
      })),
    );
    const incoming = rows.flatMap((source) =>
      (source.input[field] ?? []).map((value, index) => ({
        value,
        owner: source.input.key,
        source,
        field: `${field}[${index}]`,
      })),
    );
    return clashes(label, existing, incoming);
  };
  const issues = [
    ...claimsOf('Slack team', 'slackTeamIds'),
    ...claimsOf('Microsoft tenant', 'teamsTenantIds'),
  ];
  return { issues, records: rows.map((source) => source.input) };
};

/** A product may not drop a version that a stored installation still runs. */
export const checkProducts: Check<'products'> = async (rows, target) => {
  const installations = await target.list('installations');
  const issues = rows.flatMap((source) =>
    installations
      .filter(
        (installation) =>
          installation.productKey === source.input.key &&
          !source.input.versions.includes(installation.version),
      )
      .map((installation) =>
        issueAt(
          source,
          'versions',
          `drops ${installation.version}, which installation ${naturalKeyOf('installations', installation)} runs`,
        ),
      ),
  );
  return { issues, records: rows.map((source) => source.input) };
};

function routingIssues(
  source: ValidRow<'queues'>,
  products: ReadonlyMap<string, Product>,
  organizations: ReadonlySet<string>,
): ImportIssue[] {
  return source.input.routing.flatMap((rule, ruleIndex) => {
    const at = `routing[${ruleIndex}]`;
    const issues: ImportIssue[] = [];
    (rule.products ?? []).forEach((key, index) => {
      if (!products.has(key))
        issues.push(missing(source, `${at}.products[${index}]`, `product ${key}`));
    });
    (rule.organizations ?? []).forEach((key, index) => {
      if (!organizations.has(key)) {
        issues.push(missing(source, `${at}.organizations[${index}]`, `organization ${key}`));
      }
    });
    // Modules must belong to the rule's products, or to some product when it names none.
    const candidates = rule.products?.length ? rule.products : [...products.keys()];
    const modules = new Set(candidates.flatMap((key) => products.get(key)?.modules ?? []));
    (rule.modules ?? []).forEach((module, index) => {
      if (!modules.has(module)) {
        const message = `module ${module} is not a module of ${candidates.join(', ') || 'any product'}`;
        issues.push(issueAt(source, `${at}.modules[${index}]`, message));
      }
    });
    return issues;
  });
}

/** Routing rules name existing products, modules and organizations; one queue is the default. */
export const checkQueues: Check<'queues'> = async (rows, target) => {
  const products = indexBy(await target.list('products'), (product) => product.key);
  const organizations = new Set((await target.list('organizations')).map((o) => o.key));
  const inFile = keysInFile('queues', rows);
  const defaults = [
    ...(await target.list('queues'))
      .filter((queue) => queue.isDefault && !inFile.has(queue.key))
      .map((queue) => `queue ${queue.key}`),
    ...rows.filter((source) => source.input.isDefault).map((source) => `row ${source.row}`),
  ];
  const issues = rows.flatMap((source) => [
    ...routingIssues(source, products, organizations),
    ...(source.input.isDefault && defaults.length > 1
      ? [issueAt(source, 'isDefault', `only one queue may be the default (${defaults.join(', ')})`)]
      : []),
  ]);
  return { issues, records: rows.map((source) => source.input) };
};

/** Agents work existing queues; a chat identity maps to one agent. */
export const checkAgents: Check<'agents'> = async (rows, target) => {
  const queues = new Set((await target.list('queues')).map((queue) => queue.key));
  const stored = await target.list('agents');
  const issues = [
    ...rows.flatMap((source) =>
      source.input.queues.flatMap((key, index) =>
        queues.has(key) ? [] : [missing(source, `queues[${index}]`, `queue ${key}`)],
      ),
    ),
    ...identityClashes('Slack user', 'slackUserId', 'agent', stored, rows, (a) => a.slackUserId),
    ...identityClashes(
      'Teams user',
      'teamsAadObjectId',
      'agent',
      stored,
      rows,
      (a) => a.teamsAadObjectId,
    ),
  ];
  return { issues, records: rows.map((source) => source.input) };
};
