/**
 * What may be printed about a MongoDB connection string: its hosts and database, never
 * its password or its options (a query string can carry secrets too, such as
 * `authMechanismProperties` or a key-file password).
 */
export interface MongoAddress {
  /** `db1.example:27017,db2.example:27017`, or the SRV name for `mongodb+srv://`. */
  readonly hosts: string;
  /** `mongodb://caseline:***@db.example:27017/caseline` */
  readonly display: string;
}

const DEFAULT_PORT = 27017;

// A host without a port gets the default one, so a message always names host:port.
const withPort = (host: string): string =>
  /:\d+$/.test(host) || host.startsWith('/') || host.includes('%2F')
    ? host
    : `${host}:${DEFAULT_PORT}`;

export const mongoAddress = (uri: string): MongoAddress => {
  const scheme = /^mongodb(\+srv)?:\/\//.exec(uri)?.[0] ?? '';
  const rest = uri.slice(scheme.length);
  const query = rest.indexOf('?');
  const beforeQuery = query < 0 ? rest : rest.slice(0, query);
  // The password may hold anything percent-encoded, but never an unencoded `@` after it.
  const at = beforeQuery.lastIndexOf('@');
  const userinfo = at < 0 ? undefined : beforeQuery.slice(0, at);
  const afterUser = beforeQuery.slice(at + 1);
  const slash = afterUser.indexOf('/');
  const hostList = slash < 0 ? afterUser : afterUser.slice(0, slash);
  const path = slash < 0 ? '' : afterUser.slice(slash);
  const srv = scheme.startsWith('mongodb+srv');
  const hosts = hostList
    .split(',')
    .filter((host) => host.length > 0)
    .map((host) => (srv ? host : withPort(host)))
    .join(',');
  const name = userinfo?.split(':')[0];
  const user = userinfo === undefined ? '' : userinfo.includes(':') ? `${name}:***@` : `${name}@`;
  return { hosts, display: `${scheme}${user}${hostList}${path === '/' ? '' : path}` };
};
