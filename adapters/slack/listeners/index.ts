import type { App } from '@slack/bolt';
import type { SlackContext } from '../context.js';
import { registerCaseActions } from './case-actions.js';
import { registerCaseModals } from './case-modals.js';
import { registerHome, registerTicketReaction } from './home-and-reactions.js';
import { registerConversationActions } from './conversation.js';
import { registerCsatListeners } from './csat.js';
import { registerIntake } from './intake.js';
import { registerKbListeners } from './kb.js';
import { registerMessageListener } from './messages.js';
import { registerSupportCommand } from './support-command.js';

/** Every listener, from registry.ts names; a test holds this list to the registry and manifest. */
export const registerSlackListeners = (app: App, ctx: SlackContext): void => {
  registerMessageListener(app, ctx);
  registerConversationActions(app, ctx);
  registerCaseActions(app, ctx);
  registerCaseModals(app, ctx);
  registerIntake(app, ctx);
  registerSupportCommand(app, ctx);
  registerHome(app, ctx);
  registerTicketReaction(app, ctx);
  registerKbListeners(app, ctx);
  registerCsatListeners(app, ctx);
};
