/**
 * In the fake chat API's process: which customer messages got which of their cards, read
 * from the calls the fake recorded. Everything is read from the cards, not the database:
 * the benchmark must not add load of its own to the database it measures.
 *
 * The calls are indexed once each as they come (a scan of the whole record per question
 * would cost the fake's process more with every case), and waits are checked every 10 ms.
 */
import type { Rpc } from './ipc.js';
import { CARDS, PROGRESS, type MessageKey } from './protocol.js';

/** What one recorded call is, for the cases the benchmark follows. */
export interface Sighting {
  /** The customer card answering message `key`, about the case `ref` (number or id). */
  readonly customer?: { readonly key: MessageKey; readonly ref: string };
  /** A post in the agents' channel naming these cases; `caseId` when it carries one. */
  readonly agent?: { readonly refs: readonly string[]; readonly caseId?: string };
}

const TICK_MS = 10;
const keyOf = (key: MessageKey) => `${key.conversation}\n${key.message}`;

interface Waiter {
  readonly key: string;
  readonly deadline: number;
  settle(caseId: string | undefined): void;
}

export const serveCardQueries = <C>(
  rpc: Rpc,
  calls: readonly C[],
  sighting: (call: C) => Sighting,
  methodOf: (call: C) => string,
): { stop(): void } => {
  const customerRef = new Map<string, string>(); // message → case ref, from its first card
  const agentCase = new Map<string, string | undefined>(); // case ref → case id, once seen
  let indexed = 0;
  const index = () => {
    for (; indexed < calls.length; indexed += 1) {
      const { customer, agent } = sighting(calls[indexed]!);
      const key = customer && keyOf(customer.key);
      if (customer && key && !customerRef.has(key)) customerRef.set(key, customer.ref);
      for (const ref of agent?.refs ?? []) agentCase.set(ref, agentCase.get(ref) ?? agent?.caseId);
    }
  };
  const state = (key: string) => {
    const ref = customerRef.get(key);
    if (ref === undefined) return { customer: false, both: false, caseId: undefined };
    return { customer: true, both: agentCase.has(ref), caseId: agentCase.get(ref) };
  };

  let waiters: Waiter[] = [];
  let timer: NodeJS.Timeout | undefined;
  const check = () => {
    index();
    const now = Date.now();
    waiters = waiters.filter((w) => {
      const { caseId } = state(w.key);
      if (caseId === undefined && now < w.deadline) return true;
      w.settle(caseId);
      return false;
    });
    if (waiters.length > 0) return;
    clearInterval(timer);
    timer = undefined;
  };

  rpc.handle(CARDS, ({ key, timeoutMs }) => {
    const { conversation, message } = key;
    return new Promise((resolve, reject) => {
      waiters.push({
        key: keyOf(key),
        deadline: Date.now() + timeoutMs,
        settle: (caseId) =>
          caseId === undefined
            ? reject(new Error(`no cards for ${conversation} ${message} in ${timeoutMs} ms`))
            : resolve({ caseId }),
      });
      timer ??= setInterval(check, TICK_MS);
    });
  });
  rpc.handle(PROGRESS, async ({ keys, sinceCall }) => {
    index();
    const methods: Record<string, number> = {};
    for (const call of calls.slice(sinceCall))
      methods[methodOf(call)] = (methods[methodOf(call)] ?? 0) + 1;
    const states = keys.map((key) => state(keyOf(key)));
    return {
      calls: calls.length,
      methods,
      customer: states.filter((s) => s.customer).length,
      both: states.filter((s) => s.both).length,
    };
  });
  return { stop: () => clearInterval(timer) };
};
