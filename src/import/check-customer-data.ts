/** Reference checks for customer data: contacts, installations, contracts. */
import { naturalKeyOf, type Organization } from '../domain/directory.js';
import type { DirectoryRecords } from '../store/directory/models.js';
import {
  clashes,
  identityClashes,
  indexBy,
  issueAt,
  keysInFile,
  missing,
  type Check,
  type Claim,
  type IncomingClaim,
} from './claims.js';
import type { ImportIssue } from './report.js';
import type { ImportTarget } from './target.js';
import type { ValidRow } from './validate-rows.js';

const organizationsByKey = async (
  target: ImportTarget,
): Promise<ReadonlyMap<string, Organization>> =>
  indexBy(await target.list('organizations'), (organization) => organization.key);

const slackIdentity = (contact: { slackTeamId?: string; slackUserId?: string }) =>
  contact.slackUserId === undefined ? undefined : `${contact.slackTeamId}/${contact.slackUserId}`;

/** Contacts belong to an existing organization; a chat identity maps to one contact. */
export const checkContacts: Check<'contacts'> = async (rows, target) => {
  const organizations = await organizationsByKey(target);
  const stored = await target.list('contacts');
  const issues: ImportIssue[] = [
    ...identityClashes('Slack user', 'slackUserId', 'contact', stored, rows, slackIdentity),
    ...identityClashes(
      'Teams user',
      'teamsAadObjectId',
      'contact',
      stored,
      rows,
      (c) => c.teamsAadObjectId,
    ),
  ];
  const records: DirectoryRecords['contacts'][] = [];
  for (const source of rows) {
    const { organizationKey } = source.input;
    const organization = organizations.get(organizationKey);
    if (organization === undefined) {
      issues.push(missing(source, 'organizationKey', `organization ${organizationKey}`));
    } else records.push({ ...source.input, organizationId: organization.id });
  }
  return { issues, records };
};

/**
 * A support key is unique among installations and may not belong to another
 * organization's contract. A unique index cannot say "unique when present" on FerretDB
 * (no partial indexes), so this check does.
 */
async function supportKeyIssues(
  rows: readonly ValidRow<'installations'>[],
  target: ImportTarget,
): Promise<ImportIssue[]> {
  const inFile = keysInFile('installations', rows);
  const existing: Claim[] = (await target.list('installations')).flatMap((installation) => {
    const owner = naturalKeyOf('installations', installation);
    return installation.supportKey === undefined || inFile.has(owner)
      ? []
      : [{ value: installation.supportKey, owner, holder: `installation ${owner}` }];
  });
  const incoming: IncomingClaim[] = rows.flatMap(({ input, ...source }) =>
    input.supportKey === undefined
      ? []
      : [
          {
            value: input.supportKey,
            owner: naturalKeyOf('installations', input),
            source,
            field: 'supportKey',
          },
        ],
  );
  const contracts = await target.list('contracts');
  const crossing = rows.flatMap((source) => {
    const contract = contracts.find(
      (c) =>
        source.input.supportKey !== undefined && c.supportKeys.includes(source.input.supportKey),
    );
    return contract === undefined || contract.organizationKey === source.input.organizationKey
      ? []
      : [
          issueAt(
            source,
            'supportKey',
            `belongs to contract ${contract.key} of ${contract.organizationKey}`,
          ),
        ];
  });
  return [...clashes('support key', existing, incoming), ...crossing];
}

/** Installations point to an existing organization and one of its product's versions. */
export const checkInstallations: Check<'installations'> = async (rows, target) => {
  const organizations = await organizationsByKey(target);
  const products = indexBy(await target.list('products'), (product) => product.key);
  const issues = await supportKeyIssues(rows, target);
  const records: DirectoryRecords['installations'][] = [];
  for (const source of rows) {
    const { organizationKey, productKey, version } = source.input;
    const organization = organizations.get(organizationKey);
    const product = products.get(productKey);
    if (organization === undefined) {
      issues.push(missing(source, 'organizationKey', `organization ${organizationKey}`));
    }
    if (product === undefined) issues.push(missing(source, 'productKey', `product ${productKey}`));
    else if (!product.versions.includes(version)) {
      const message = `is not a version of ${productKey} (known: ${product.versions.join(', ')})`;
      issues.push(issueAt(source, 'version', message));
    }
    if (organization !== undefined && product !== undefined) {
      records.push({ ...source.input, organizationId: organization.id, productId: product.id });
    }
  }
  return { issues, records };
};

/**
 * Contracts belong to an existing organization, and their rates name existing products.
 * Renewals may share support keys, but a key never crosses organizations, neither across
 * contracts nor against installations.
 */
export const checkContracts: Check<'contracts'> = async (rows, target) => {
  const organizations = await organizationsByKey(target);
  const inFile = keysInFile('contracts', rows);
  const fromContracts: Claim[] = (await target.list('contracts'))
    .filter((contract) => !inFile.has(contract.key))
    .flatMap((contract) =>
      contract.supportKeys.map((value) => ({
        value,
        owner: contract.organizationKey,
        holder: `contract ${contract.key} of ${contract.organizationKey}`,
      })),
    );
  const fromInstallations: Claim[] = (await target.list('installations')).flatMap((i) =>
    i.supportKey === undefined
      ? []
      : [
          {
            value: i.supportKey,
            owner: i.organizationKey,
            holder: `installation ${naturalKeyOf('installations', i)}`,
          },
        ],
  );
  const incoming: IncomingClaim[] = rows.flatMap((source) =>
    source.input.supportKeys.map((value, index) => ({
      value,
      owner: source.input.organizationKey,
      source,
      field: `supportKeys[${index}]`,
    })),
  );
  // Installations last: they win the map, so a clash names the installation holding the key.
  const issues: ImportIssue[] = clashes(
    'support key',
    [...fromContracts, ...fromInstallations],
    incoming,
  );
  // A rate for a product the directory does not know would never apply: a typo.
  const products = new Set((await target.list('products')).map((product) => product.key));
  for (const source of rows)
    for (const key of Object.keys(source.input.rates?.products ?? {}))
      if (!products.has(key))
        issues.push(missing(source, `rates.products.${key}`, `product ${key}`));
  const records: DirectoryRecords['contracts'][] = [];
  for (const source of rows) {
    const organization = organizations.get(source.input.organizationKey);
    if (organization === undefined) {
      issues.push(
        missing(source, 'organizationKey', `organization ${source.input.organizationKey}`),
      );
    } else records.push({ ...source.input, organizationId: organization.id });
  }
  return { issues, records };
};
