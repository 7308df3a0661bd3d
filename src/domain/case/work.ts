import { fail, ok, type Result } from '../result.js';
import type { Workflow } from '../workflow/index.js';
import { ChangeBuilder, type ActionInput } from './change.js';
import type { CaseChange, CaseTask } from './types.js';

const taskFlow = (workflow: Workflow): readonly string[] =>
  workflow.taskStatuses ?? ['open', 'completed'];

export const createTask = (
  workflow: Workflow,
  input: ActionInput,
  task: { title: string; assigneeId?: string; assigneeName?: string; handover?: string },
): Result<CaseChange | null> => {
  const title = task.title.trim();
  if (!title) return fail('invalid-input', 'A task needs a title.');
  const builder = new ChangeBuilder(input);
  const created: CaseTask = {
    id: input.ctx.newId(),
    title,
    status: taskFlow(workflow)[0]!,
    createdAt: input.ctx.now,
    ...(task.assigneeId
      ? { assigneeId: task.assigneeId, assigneeName: task.assigneeName ?? task.assigneeId }
      : {}),
    ...(task.handover?.trim() ? { handover: task.handover.trim() } : {}),
  };
  builder.fields({ tasks: [...input.current.tasks, created] });
  builder.event({
    type: 'task-created',
    visibility: 'internal',
    text: title,
    data: { taskId: created.id },
  });
  builder.refreshCards(false);
  return builder.build();
};

/** Completing records the handover reference: where the work went or what came back. */
export const completeTask = (
  workflow: Workflow,
  input: ActionInput,
  taskId: string,
  handover?: string,
): Result<CaseChange | null> => {
  const done = taskFlow(workflow)[taskFlow(workflow).length - 1]!;
  const task = input.current.tasks.find((t) => t.id === taskId);
  if (!task) return fail('not-found', `No task ${taskId} on ${input.current.number}.`);
  if (task.status === done) return ok(null);
  const builder = new ChangeBuilder(input);
  const tasks = input.current.tasks.map((t) =>
    t.id === taskId
      ? {
          ...t,
          status: done,
          completedAt: input.ctx.now,
          ...(handover?.trim() ? { handover: handover.trim() } : {}),
        }
      : t,
  );
  builder.fields({ tasks });
  builder.event({
    type: 'task-completed',
    visibility: 'internal',
    text: task.title,
    data: { taskId, handover: handover?.trim() || task.handover || null },
  });
  builder.refreshCards(false);
  return builder.build();
};

const ISSUE_URL = /^https:\/\/[^\s/]+\/\S+$/;

/** A public link so the customer can follow the fix (Jira, GitHub, Linear...). */
export const linkIssue = (
  input: ActionInput,
  url: string,
  title?: string,
): Result<CaseChange | null> => {
  const trimmed = url.trim();
  if (!ISSUE_URL.test(trimmed))
    return fail('invalid-input', 'Link an https URL of the development issue.');
  if (input.current.linkedIssues.some((issue) => issue.url === trimmed)) return ok(null);
  const builder = new ChangeBuilder(input);
  const link = { url: trimmed, ...(title?.trim() ? { title: title.trim() } : {}) };
  builder.fields({ linkedIssues: [...input.current.linkedIssues, link] });
  builder.event({
    type: 'issue-linked',
    visibility: 'public',
    text: link.title ?? trimmed,
    data: { url: trimmed },
  });
  builder.refreshCards(true);
  return builder.build();
};
