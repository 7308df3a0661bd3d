import { describeChatLinksContract } from '../../contracts/chat-links.contract.js';
import { MongoChatLinks } from '../../../src/store/chat-links/mongo-chat-links.js';
import { closeTestDatabase, connectTestDatabase } from '../../support/db.js';

describeChatLinksContract('MongoDB', async () => {
  const connection = await connectTestDatabase('chat_links_contract');
  return { links: new MongoChatLinks(connection), close: () => closeTestDatabase(connection) };
});
