import { request } from '../support/deliveries.js';
import { inOwnProcess, useSlackRig } from '../support/fault-rig.js';

const rig = useSlackRig('appproc', inOwnProcess);

test('the app in a process of its own is killed for real and comes back on the same port', async () => {
  const app = rig.app;
  expect((await request(`${app.url}/healthz`)).status).toBe(200);
  const first = app.pid();

  await app.kill();
  expect(app.exitStatus()).toEqual({ code: null, signal: 'SIGKILL' });
  expect(await request(`${app.url}/healthz`)).toMatchObject({ error: 'ECONNREFUSED' });

  await app.restart();
  expect(app.pid()).not.toBe(first);
  expect((await request(`${app.url}/healthz`)).status).toBe(200);
  // SIGTERM is the app's graceful shutdown: it ends on its own, with success.
  expect(await app.stop()).toEqual({ code: 0, signal: null });
});
