import type { Agent } from '../../domain/directory.js';

/** The agent's name, or the email when the rota names someone the directory lacks. */
export const personName = (agent: Agent | undefined, email: string): string => agent?.name ?? email;
