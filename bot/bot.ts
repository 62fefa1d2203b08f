// The Teams activity handler: identifies the sender from the database, keeps the conversation
// reference, and routes text to the command table and Action.Execute invokes to the verb table.
// Nothing here decides business rules; that is src/'s job.
import { TeamsActivityHandler, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { AdaptiveCardInvokeValue } from 'botframework-schema';
import { saveConversationReference } from '../src/conversations/save-reference.ts';
import { findActor, type Actor } from '../src/identity/find-actor.ts';
import { rememberTeamsUserId } from '../src/identity/remember-teams-user-id.ts';
import { commandTextOf, conversationIdOf, referenceJsonOf, scopeOf, senderOf, tenantOf } from './activity.ts';
import { dispatchAction, type ActionTable, type BotDeps } from './actions/registry.ts';
import { dispatchCommand, type CommandDefinition } from './commands/registry.ts';
import { helpActivity, welcomeActivity } from './help.ts';

export interface BotOptions extends BotDeps {
  actions: ActionTable;
  commands: readonly CommandDefinition[];
}

export class StaffelstabBot extends TeamsActivityHandler {
  constructor(private readonly deps: BotOptions) {
    super();

    this.onMessage(async (context, next) => {
      const { actor, conversationRefId } = await this.prepare(context);
      const text = commandTextOf(context.activity);
      const scope = scopeOf(context.activity);
      // Roles, scope and where the answer goes are checked by the dispatch, from the command table.
      const handled = await dispatchCommand({ ...this.deps, turn: context, actor, scope, conversationRefId }, text);
      if (!handled && (text !== '' || !context.activity.value)) {
        this.deps.logger.info({ actorId: actor?.id, scope }, 'unknown text, answered with help');
        await context.sendActivity(helpActivity(this.deps.commands, actor, scope, true));
      }
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const added = context.activity.membersAdded ?? [];
      // Welcome when the bot itself is installed into a conversation (Teams) or a conversation with it
      // starts (the Emulator adds the bot and the user in one update).
      if (added.some((m) => m.id === botId)) {
        const { actor } = await this.prepare(context);
        await context.sendActivity(welcomeActivity(actor, scopeOf(context.activity)));
        this.deps.logger.info({ scope: scopeOf(context.activity), actorId: actor?.id }, 'welcomed');
      }
      await next();
    });

    this.onInstallationUpdateAdd(async (context, next) => {
      await this.prepare(context);
      await next();
    });
  }

  // adaptiveCard/action is validated by our verb table (zod), not by the SDK, so a malformed invoke gets
  // the same German error card as an invalid payload instead of a bare HTTP 400.
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== 'adaptiveCard/action') return super.onInvokeActivity(context);
    const { actor } = await this.prepare(context);
    const body = await dispatchAction(this.deps.actions, { ...this.deps, turn: context, actor }, context.activity.value as AdaptiveCardInvokeValue | undefined);
    return { status: 200, body };
  }

  /** Every turn: who is this, and remember how to reach this conversation later. */
  private async prepare(context: TurnContext): Promise<{ actor: Actor | null; conversationRefId: string }> {
    const activity = context.activity;
    const prisma = this.deps.db.prisma;
    const actor = await findActor(prisma, senderOf(activity), { localMode: this.deps.config.mode === 'local' });
    if (actor) await rememberTeamsUserId(prisma, actor, activity.from?.id);
    const scope = scopeOf(activity);
    const saved = await saveConversationReference(prisma, {
      conversationId: conversationIdOf(activity),
      scope,
      personId: scope === 'personal' ? (actor?.id ?? null) : null,
      tenantId: tenantOf(activity),
      serviceUrl: activity.serviceUrl,
      reference: referenceJsonOf(activity),
    });
    return { actor, conversationRefId: saved.id };
  }
}
