/**
 * What a person is told when a case action they wrote something for is refused: whether
 * the form can still help, what happened to the case in words ("Ben Ito resolved
 * CASE-1003 a moment ago"), what became of their attempt, and their text, kept. Chat
 * neutral: Slack and Teams render the same explanation.
 */
import { hasPermission } from '../permissions.js';
import type { Failure } from '../result.js';
import { statusById, type Workflow } from '../workflow/index.js';
import { refOf, type Actor, type CaseEvent, type CaseState } from './types.js';

/** The case actions a person writes text for, in a form or on a card. */
export const WRITTEN_ACTIONS = [
  'resolve',
  'reply',
  'note',
  'log-time',
  'link-issue',
  'create-task',
  'add-details',
] as const;
export type WrittenAction = (typeof WRITTEN_ACTIONS)[number];

export interface RefusalExplanation {
  /** The form can still help: fix a field and send again (it stays open with the message). */
  readonly formCanFix: boolean;
  /** What happened: the case's latest move when it moved on, else the refusal's own words. */
  readonly happened: string;
  /** What became of the attempt: "Your resolution was not saved." */
  readonly notDone: string;
  /** The person's own words, to show back so nothing they wrote is lost. */
  readonly keptText?: string;
  /** Whether to offer posting the kept text as an internal note (staff who may, on a case). */
  readonly offerNote: boolean;
}

const NOT_DONE: Readonly<Record<WrittenAction, string>> = {
  resolve: 'Your resolution was not saved, and nothing was sent to the customer.',
  reply: 'Your reply was not sent.',
  note: 'Your note was not saved.',
  'log-time': 'Your time was not logged.',
  'link-issue': 'The issue was not linked.',
  'create-task': 'The task was not created.',
  'add-details': 'Your message was not added.',
};

const VERB: Readonly<Record<WrittenAction, string>> = {
  resolve: 'resolve',
  reply: 'reply on',
  note: 'add notes to',
  'log-time': 'log time on',
  'link-issue': 'link issues to',
  'create-task': 'create tasks on',
  'add-details': 'add details to',
};

// Refusals a field can fix, or that the person can clear and then send the same form again.
const FIXABLE: readonly Failure['code'][] = ['invalid-input', 'requirement-missing'];
// Refusals that mean the case moved on between opening the form and sending it.
const MOVED_ON: readonly Failure['code'][] = ['invalid-transition', 'conflict', 'already-claimed'];
const MOVES: readonly CaseEvent['type'][] = [
  'resolved',
  'status-changed',
  'reopened',
  'claimed',
  'assigned',
  'queue-changed',
];

/** "a moment ago", "5 minutes ago", "3 hours ago", "2 days ago". */
export const agoInWords = (at: Date, now: Date): string => {
  const minutes = Math.floor((now.getTime() - at.getTime()) / 60_000);
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'} ago`;
  if (minutes < 2) return 'a moment ago';
  if (minutes < 60) return unit(minutes, 'minute');
  if (minutes < 48 * 60) return unit(Math.floor(minutes / 60), 'hour');
  return unit(Math.floor(minutes / (24 * 60)), 'day');
};

// A status change written with one of these in the same update is told as that one.
const NAMED_MOVES: readonly CaseEvent['type'][] = ['resolved', 'claimed', 'assigned'];

/** The case's latest move the actor may see; "resolved" rather than its own status change. */
const latestMove = (state: CaseState, actor: Actor): CaseEvent | undefined => {
  const seen = state.events.filter(
    (e) => MOVES.includes(e.type) && (actor.kind !== 'customer' || e.visibility === 'public'),
  );
  const last = seen.at(-1);
  if (last?.type !== 'status-changed') return last;
  const named = seen.find(
    (e) =>
      NAMED_MOVES.includes(e.type) &&
      e.at.getTime() === last.at.getTime() &&
      e.actor.id === last.actor.id,
  );
  return named ?? last;
};

/** What the explanation reads besides the case: status names, and the time it is now. */
interface Inputs {
  readonly workflow: Workflow;
  readonly now: Date;
}

const didWhat = (event: CaseEvent, state: CaseState, workflow: Workflow): string => {
  const to = typeof event.data?.to === 'string' ? event.data.to : undefined;
  const status = to ? (statusById(workflow, to)?.name ?? to) : undefined;
  const assignee =
    typeof event.data?.assigneeName === 'string' ? event.data.assigneeName : 'someone';
  switch (event.type) {
    case 'resolved':
      return `resolved ${state.number}`;
    case 'reopened':
      return `reopened ${state.number}`;
    case 'claimed':
      return `claimed ${state.number}`;
    case 'assigned':
      return `assigned ${state.number} to ${assignee}`;
    case 'queue-changed':
      return `moved ${state.number} to the ${to ?? 'another'} queue`;
    default:
      return `moved ${state.number} to ${status ?? 'another status'}`;
  }
};

const moveInWords = (event: CaseEvent, state: CaseState, actor: Actor, input: Inputs): string => {
  const who = event.actor.id === refOf(actor).id ? 'You' : event.actor.name;
  return `${who} ${didWhat(event, state, input.workflow)} ${agoInWords(event.at, input.now)}.`;
};

type Refused = Inputs & {
  readonly state: CaseState | undefined;
  readonly actor: Actor;
  readonly action: WrittenAction;
  readonly failure: Pick<Failure, 'code' | 'message'>;
  readonly text?: string | undefined;
};

const happenedInWords = ({ state, actor, action, failure, ...input }: Refused): string => {
  const move = state && MOVED_ON.includes(failure.code) ? latestMove(state, actor) : undefined;
  if (state && move) return moveInWords(move, state, actor, input);
  if (failure.code === 'not-allowed' && state)
    return `You may not ${VERB[action]} ${state.number}: your role does not allow it.`;
  if (failure.code === 'not-found') return 'That case is not there any more, or not yours to see.';
  return failure.message;
};

/**
 * Explains `failure` of `action` by `actor` on `state` (undefined when the case is not
 * there for them). `text` is what they wrote, kept whatever the outcome.
 */
export const explainRefusal = (input: Refused): RefusalExplanation => {
  const { state, actor, action, failure } = input;
  const keptText = input.text?.trim() || undefined;
  const offerNote =
    state !== undefined &&
    keptText !== undefined &&
    action !== 'note' &&
    actor.kind === 'staff' &&
    hasPermission(actor.role, 'case::note');
  return {
    formCanFix: FIXABLE.includes(failure.code),
    happened: happenedInWords(input),
    notDone: NOT_DONE[action],
    offerNote,
    ...(keptText ? { keptText } : {}),
  };
};
