/**
 * A loopback stand-in for Slack's Socket Mode WebSocket (see Slack's "Using Socket Mode"):
 * the app connects to the URL `apps.connections.open` gave it, gets `hello`, then
 * envelopes (`events_api`, `interactive`, `slash_commands`) that it must acknowledge by
 * sending back `{ envelope_id }` (with a `payload` when it answers one).
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';

const { Server } = WebSocket;

export interface SocketModeAck {
  readonly envelope_id: string;
  readonly payload?: unknown;
}

export interface FakeSocketMode {
  readonly url: string;
  readonly acks: readonly SocketModeAck[];
  /** Resolves once an app is connected and has been greeted. */
  connected(): Promise<void>;
  /** Sends one envelope; returns its id. `retryAttempt` marks a redelivery. */
  send(
    type: 'events_api' | 'interactive' | 'slash_commands',
    payload: object,
    options?: { envelopeId?: string; retryAttempt?: number },
  ): string;
  waitForAck(envelopeId: string, timeoutMs?: number): Promise<SocketModeAck>;
  close(): Promise<void>;
}

export const startFakeSocketMode = async (): Promise<FakeSocketMode> => {
  const server = new Server({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const acks: SocketModeAck[] = [];
  let socket: WebSocket | undefined;
  let greeted: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (greeted = resolve));
  server.on('connection', (ws) => {
    socket = ws;
    ws.on('message', (data) => {
      const message = JSON.parse(String(data)) as SocketModeAck;
      if (message.envelope_id) acks.push(message);
    });
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: 1,
        debug_info: { host: 'fake-socket-mode', approximate_connection_time: 18060 },
        connection_info: { app_id: 'A0CASELINE' },
      }),
    );
    greeted();
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}/link`,
    acks,
    connected: () => ready,
    send(type, payload, options = {}) {
      const envelopeId = options.envelopeId ?? randomUUID();
      socket?.send(
        JSON.stringify({
          envelope_id: envelopeId,
          type,
          payload,
          accepts_response_payload: type !== 'events_api',
          ...(type === 'events_api'
            ? {
                retry_attempt: options.retryAttempt ?? 0,
                retry_reason: options.retryAttempt ? 'timeout' : '',
              }
            : {}),
        }),
      );
      return envelopeId;
    },
    async waitForAck(envelopeId, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const ack = acks.find((a) => a.envelope_id === envelopeId);
        if (ack) return ack;
        if (Date.now() > deadline) throw new Error(`no ack for envelope ${envelopeId}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async close() {
      for (const client of server.clients) client.terminate();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
