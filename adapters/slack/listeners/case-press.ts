import type {
  BlockAction,
  ButtonAction,
  OverflowAction,
  StaticSelectAction,
  UsersSelectAction,
} from '@slack/bolt';
import type { WebClient } from '@slack/web-api';

/** The elements a case card draws: buttons, menus and the overflow. */
export type CardAction = ButtonAction | StaticSelectAction | UsersSelectAction | OverflowAction;

/** One case action pressed on a card, already acknowledged; the case id read from it. */
export type CasePress = (press: {
  readonly caseId: string;
  readonly action: CardAction;
  readonly body: BlockAction;
  readonly client: WebClient;
}) => Promise<void>;
