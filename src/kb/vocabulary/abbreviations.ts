/**
 * Short forms support customers type, and the words they stand for. WordNet knows few of
 * them, and for those it does the first sense is rarely the one meant ("os" is a bone
 * there, "pc" a parsec), so they are listed here. Matched on the folded word as written;
 * each expansion counts only if the index knows all of its words.
 */
const TABLE: Readonly<Record<string, readonly string[]>> = {
  '2fa': ['two factor authentication', 'two-factor'],
  acct: ['account'],
  addr: ['address'],
  admin: ['administrator'],
  app: ['application'],
  apps: ['applications'],
  attr: ['attribute'],
  auth: ['authentication', 'authorization'],
  cert: ['certificate'],
  cfg: ['configuration', 'config'],
  cli: ['command line'],
  config: ['configuration'],
  conf: ['configuration'],
  db: ['database'],
  dept: ['department'],
  dir: ['directory', 'folder'],
  doc: ['document', 'documentation'],
  docs: ['documentation', 'documents'],
  env: ['environment'],
  err: ['error'],
  info: ['information'],
  kb: ['knowledge base'],
  lib: ['library'],
  mfa: ['multi factor authentication', 'two factor authentication'],
  msg: ['message'],
  msgs: ['messages'],
  os: ['operating system'],
  pc: ['computer'],
  perm: ['permission'],
  perms: ['permissions'],
  pkg: ['package'],
  pw: ['password'],
  pwd: ['password'],
  pswd: ['password'],
  repo: ['repository'],
  repos: ['repositories'],
  sync: ['synchronise', 'synchronization'],
  tmp: ['temporary'],
  temp: ['temporary'],
  ui: ['user interface'],
  usr: ['user'],
  ver: ['version'],
  vm: ['virtual machine'],
  wifi: ['wireless'],
};

export const ABBREVIATIONS: ReadonlyMap<string, readonly string[]> = new Map(Object.entries(TABLE));

/** The short forms of each written-out expansion ("operating system" → os). */
export const SHORT_FORMS: ReadonlyMap<string, readonly string[]> = (() => {
  const byExpansion = new Map<string, string[]>();
  for (const [short, expansions] of ABBREVIATIONS)
    for (const expansion of expansions) {
      const known = byExpansion.get(expansion) ?? [];
      known.push(short);
      byExpansion.set(expansion, known);
    }
  return byExpansion;
})();
