import { mongoAddress } from '../../../src/infra/database/address.js';

describe('what is printed about a connection string', () => {
  it.each([
    [
      'mongodb://db.example:27017/caseline',
      'db.example:27017',
      'mongodb://db.example:27017/caseline',
    ],
    ['mongodb://db.example', 'db.example:27017', 'mongodb://db.example'],
    ['mongodb://127.0.0.1:1/', '127.0.0.1:1', 'mongodb://127.0.0.1:1'],
    [
      'mongodb://app:p%40ss:w0rd@a.example:27018,b.example/caseline?replicaSet=rs0&authSource=admin',
      'a.example:27018,b.example:27017',
      'mongodb://app:***@a.example:27018,b.example/caseline',
    ],
    [
      'mongodb+srv://app:secret@cluster0.abcd.mongodb.net/?retryWrites=true',
      'cluster0.abcd.mongodb.net',
      'mongodb+srv://app:***@cluster0.abcd.mongodb.net',
    ],
    [
      'mongodb://x509user@db.example:27017/?authMechanism=MONGODB-X509',
      'db.example:27017',
      'mongodb://x509user@db.example:27017',
    ],
  ])('%s → hosts %s, shown as %s', (uri, hosts, display) => {
    expect(mongoAddress(uri)).toEqual({ hosts, display });
  });

  it('never shows the password or the options', () => {
    const shown = mongoAddress('mongodb://u:TopSecret@h:1/d?tlsCertificateKeyFilePassword=Key123');
    expect(JSON.stringify(shown)).not.toMatch(/TopSecret|Key123/);
  });
});
