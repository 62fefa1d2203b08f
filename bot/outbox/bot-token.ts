// Bearer tokens for calls to the Bot Connector, from botbuilder's own credential factories (MultiTenant
// and SingleTenant with a client secret, UserAssignedMSI), so token endpoint, tenant and audience are
// exactly what the CloudAdapter uses. The credentials object caches the token until shortly before it
// expires; `getToken(true)` fetches a new one (after a 401).
import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import type { AppCredentials } from '../../src/config/config.ts';

// botframework-connector's AuthenticationConstants (public Azure cloud); that package is not a direct dependency.
const TO_CHANNEL_FROM_BOT_OAUTH_SCOPE = 'https://api.botframework.com';
const TO_CHANNEL_FROM_BOT_LOGIN_URL = 'https://login.microsoftonline.com/botframework.com';

/** The shape of botframework-connector's ServiceClientCredentialsFactory that we use. */
export interface CredentialFactory {
  createCredentials(appId: string, audience: string, loginEndpoint: string, validateAuthority: boolean): Promise<unknown>;
}

export interface TokenSource {
  getToken(forceRefresh: boolean): Promise<string>;
}

interface TokenCredentials {
  getToken(forceRefresh?: boolean): Promise<string>;
}

function hasGetToken(c: unknown): c is TokenCredentials {
  return typeof (c as { getToken?: unknown } | null)?.getToken === 'function';
}

/** Tokens from a credential factory (the same one the CloudAdapter's authentication uses). */
export function tokenSourceFromFactory(appId: string, factory: CredentialFactory): TokenSource {
  let credentials: Promise<TokenCredentials> | undefined;
  const load = async (): Promise<TokenCredentials> => {
    const c: unknown = await factory.createCredentials(
      appId,
      TO_CHANNEL_FROM_BOT_OAUTH_SCOPE,
      TO_CHANNEL_FROM_BOT_LOGIN_URL,
      true,
    );
    if (!hasGetToken(c)) throw new TypeError('credential factory returned credentials without getToken');
    return c;
  };
  return {
    async getToken(forceRefresh) {
      credentials ??= load().catch((e: unknown) => {
        credentials = undefined;
        throw e;
      });
      return (await credentials).getToken(forceRefresh);
    },
  };
}

/** botbuilder's configuration-driven factory for our typed app credentials. */
export function credentialFactoryFor(credentials: AppCredentials): CredentialFactory {
  return new ConfigurationServiceClientCredentialFactory({
    MicrosoftAppId: credentials.appId,
    MicrosoftAppPassword: credentials.appPassword,
    MicrosoftAppType: credentials.appType,
    MicrosoftAppTenantId: credentials.tenantId,
  });
}

/** Tokens for the configured app, or undefined in local mode (no app id: no Authorization header). */
export function tokenSourceFor(credentials: AppCredentials | undefined): TokenSource | undefined {
  return credentials ? tokenSourceFromFactory(credentials.appId, credentialFactoryFor(credentials)) : undefined;
}
