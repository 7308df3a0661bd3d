import { describeChatLinksContract } from '../../contracts/chat-links.contract.js';
import { InMemoryChatLinks } from '../../support/in-memory/chat-links.js';

describeChatLinksContract('in memory', async () => ({
  links: new InMemoryChatLinks(),
  close: async () => undefined,
}));
