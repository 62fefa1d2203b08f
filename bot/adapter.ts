// Adapter and auth wiring. Local mode (no app id, not production): the Bot Framework's own rules let
// unauthenticated Emulator traffic in and send replies without a token. With credentials every request
// must carry a valid Bot Framework token, else the adapter answers 401.
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import type { Config } from '../src/config/config.ts';
import type { Logger } from '../src/log/logger.ts';
import { toAppError } from '../src/errors/catalogue.ts';

export function createAdapter(config: Config, logger: Logger): CloudAdapter {
  const c = config.credentials;
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: c?.appId ?? '',
    MicrosoftAppPassword: c?.appPassword ?? '',
    MicrosoftAppType: c?.appType ?? 'MultiTenant',
    MicrosoftAppTenantId: c?.tenantId ?? '',
  });
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    const e = toAppError(error);
    logger.error({ code: e.code, err: { message: e.message, stack: error.stack }, activityType: context.activity.type, conversationId: context.activity.conversation?.id }, 'turn failed');
    try {
      await context.sendActivity(e.userMessage);
    } catch (sendError) {
      logger.warn({ code: 'INTERNAL', err: { message: sendError instanceof Error ? sendError.message : String(sendError) } }, 'could not send the apology');
    }
  };
  return adapter;
}
