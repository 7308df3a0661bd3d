import type { Person } from './people.js';

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

const options = (people: readonly Person[]) =>
  people
    .map(
      (p) =>
        `<option value="${escapeHtml(p.email)}">${escapeHtml(p.name)}${p.organization ? ` (${escapeHtml(p.organization)})` : ''}</option>`,
    )
    .join('');

/**
 * The playground page: a customer's chat with the bot on the left, the agents' desk channel
 * on the right, each a Bot Framework Web Chat served from node_modules.
 */
export const renderPage = (people: readonly Person[]): string => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Caseline playground</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
  body { margin: 0; font-family: system-ui, sans-serif; background: #f3f4f6; color: #111827; }
  header { padding: 12px 20px; background: #2563eb; color: white; }
  header h1 { margin: 0; font-size: 20px; }
  header p { margin: 4px 0 0; font-size: 13px; opacity: .9; }
  /* minmax(0, …) and min-width: 0 let a panel shrink below its widest card: the card wraps
     inside the panel instead of pushing past it. */
  main { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 16px; padding: 16px; height: calc(100vh - 100px); box-sizing: border-box; }
  section { display: flex; flex-direction: column; background: white; border-radius: 8px; box-shadow: 0 1px 3px rgba(0,0,0,.15); min-height: 0; min-width: 0; overflow: hidden; }
  section h2 { margin: 0; padding: 10px 14px; font-size: 15px; border-bottom: 1px solid #e5e7eb; }
  .pick { display: flex; gap: 8px; padding: 10px 14px; border-bottom: 1px solid #e5e7eb; }
  .pick select { flex: 1; }
  .chat { flex: 1; min-height: 0; min-width: 0; overflow: hidden; }
  .chat .webchat__stacked-layout__content, .chat .webchat__bubble { min-width: 0; max-width: 100%; }
  .chat .ac-adaptiveCard { max-width: 100%; box-sizing: border-box; }
</style>
</head>
<body>
<header>
  <h1>Caseline playground</h1>
  <p>Try the desk without Slack or Teams: write as a customer on the left, work the case as an agent on the right. Everything runs on this machine.</p>
</header>
<main>
  <section>
    <h2>Customer chat</h2>
    <div class="pick">
      <select id="customer-person" aria-label="Customer">${options(people.filter((p) => p.role === 'customer'))}</select>
      <button id="customer-start" type="button">Chat as this customer</button>
    </div>
    <div id="customer-chat" class="chat" data-testid="customer-chat"></div>
  </section>
  <section>
    <h2>Agents' desk channel</h2>
    <div class="pick">
      <select id="desk-person" aria-label="Agent">${options(people.filter((p) => p.role === 'agent'))}</select>
      <button id="desk-start" type="button">Work as this agent</button>
    </div>
    <div id="desk-chat" class="chat" data-testid="desk-chat"></div>
  </section>
</main>
<script src="/playground/webchat.js"></script>
<script>
  const HOST_CONFIG = {
    fontFamily: 'system-ui, sans-serif',
    spacing: { small: 4, default: 8, medium: 16, large: 24, extraLarge: 32, padding: 12 },
    actions: { actionsOrientation: 'horizontal', actionAlignment: 'left', buttonSpacing: 8, maxActions: 20, spacing: 'default', showCard: { actionMode: 'inline', inlineTopMargin: 12 } },
  };
  async function start(pane) {
    const email = document.getElementById(pane + '-person').value;
    const res = await fetch('/playground/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, pane }),
    });
    if (!res.ok) { alert('Could not start: ' + (await res.text())); return; }
    const session = await res.json();
    const directLine = window.WebChat.createDirectLine({
      token: session.token,
      domain: location.origin + '/playground/directline/v3/directline',
      webSocket: false,
      pollingInterval: 400,
    });
    window.WebChat.renderWebChat(
      {
        directLine, userID: session.userId, username: session.name,
        // As wide as the panel allows; the CSS above keeps it inside.
        styleOptions: { bubbleMaxWidth: 720, bubbleMinWidth: 0, hideUploadButton: true },
        // Actions in a row, as Teams draws them, with the card's "…" menu for the rest.
        adaptiveCardsHostConfig: HOST_CONFIG,
      },
      document.getElementById(pane + '-chat'),
    );
    document.getElementById(pane + '-start').disabled = true;
    document.getElementById(pane + '-person').disabled = true;
  }
  document.getElementById('customer-start').addEventListener('click', () => start('customer'));
  document.getElementById('desk-start').addEventListener('click', () => start('desk'));
</script>
</body>
</html>
`;
