export interface ReferenceProblem {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

// The value may be only partly valid (the checks run beside shape errors), so every
// field is read as unknown and skipped when it is not a string.
const stringField = (value: unknown, key: string): string | undefined => {
  const field = isRecord(value) ? value[key] : undefined;
  return typeof field === 'string' ? field.trim() : undefined;
};

const listField = (value: unknown, key: string): readonly unknown[] => {
  const field = isRecord(value) ? value[key] : undefined;
  return Array.isArray(field) ? field : [];
};

const duplicateNames = (items: readonly unknown[], list: string): ReferenceProblem[] => {
  const seen = new Set<string>();
  const problems: ReferenceProblem[] = [];
  items.forEach((item, index) => {
    const name = stringField(item, 'name');
    if (name === undefined) return;
    if (seen.has(name)) {
      problems.push({ path: [list, index, 'name'], message: `"${name}" is defined twice.` });
    }
    seen.add(name);
  });
  return problems;
};

/** Names that must match: policy → calendar, defaultPolicy → policy, no duplicates. */
export const crossReferenceProblems = (config: unknown): ReferenceProblem[] => {
  const calendars = listField(config, 'calendars');
  const policies = listField(config, 'policies');
  const calendarNames = new Set(calendars.map((c) => stringField(c, 'name')));
  const policyNames = new Set(policies.map((p) => stringField(p, 'name')));
  const problems = [
    ...duplicateNames(calendars, 'calendars'),
    ...duplicateNames(policies, 'policies'),
  ];
  policies.forEach((policy, index) => {
    const calendar = stringField(policy, 'calendar');
    if (calendar !== undefined && !calendarNames.has(calendar)) {
      problems.push({
        path: ['policies', index, 'calendar'],
        message: `No calendar is named "${calendar}".`,
      });
    }
  });
  const defaultPolicy = stringField(config, 'defaultPolicy');
  if (defaultPolicy !== undefined && !policyNames.has(defaultPolicy)) {
    problems.push({ path: ['defaultPolicy'], message: `No policy is named "${defaultPolicy}".` });
  }
  return problems;
};
