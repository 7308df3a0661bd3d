export default async function globalTeardown() {
  await globalThis.caselineTestDatabase?.stop();
}
