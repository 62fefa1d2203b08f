// The yardstick for the bench's latency figures: a bare botbuilder + restify bot that answers the same
// Action.Execute invoke with a small Adaptive Card and does nothing else (no database, no roles, no outbox). The
// machines the bench runs on are shared and noisy, so a target is a ratio to this bot, measured side by side in the
// same run, never an absolute time.
import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication, type InvokeResponse, type TurnContext } from 'botbuilder';
import restify from 'restify';

export interface BaselineBot {
  url: string;
  /** Posts one Action.Execute invoke (as Teams does) and returns the HTTP status. */
  invoke(verb: string): Promise<number>;
  close(): Promise<void>;
}

class BareBot extends ActivityHandler {
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const value = context.activity.value as { action?: { verb?: string } } | undefined;
    const card = { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', body: [{ type: 'TextBlock', text: `Hallo (${value?.action?.verb ?? '?'})`, wrap: true }] };
    return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card } };
  }
}

export async function startBaselineBot(): Promise<BaselineBot> {
  // Local mode, like the app without credentials: no token is required.
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: 'MultiTenant', MicrosoftAppTenantId: '' }));
  const bot = new BareBot();
  const server = restify.createServer({ handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser());
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    async invoke(verb) {
      const activity = {
        id: crypto.randomUUID(),
        type: 'invoke',
        name: 'adaptiveCard/action',
        channelId: 'msteams',
        serviceUrl: 'http://127.0.0.1:9/',
        timestamp: new Date().toISOString(),
        from: { id: '29:bench-user', name: 'Bench', aadObjectId: '00000000-0000-0000-0000-000000000001' },
        recipient: { id: '28:baseline-bot', name: 'Baseline' },
        conversation: { id: 'a:bench', isGroup: false, conversationType: 'personal', tenantId: 'tenant-1' },
        channelData: { tenant: { id: 'tenant-1' } },
        locale: 'de-DE',
        value: { action: { type: 'Action.Execute', verb, data: {} }, trigger: 'manual' },
      };
      const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
      await res.text();
      return res.status;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
