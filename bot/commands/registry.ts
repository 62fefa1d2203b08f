// Chat commands (German, CONTRACT.md) as a table: a pattern on the typed text (mention removed,
// lower-cased), who may use it, where it works, how help lists it, and a handler that returns the answer.
// The first match wins; text matching nothing gets the help card. dispatchCommand is the one place that
// checks roles and scope, from the same row help is built from, so help lists exactly what works.
import type { TurnContext } from 'botbuilder';
import type { ConversationScope } from '../../src/conversations/save-reference.ts';
import { AppError, ERRORS, toAppError } from '../../src/errors/catalogue.ts';
import type { Actor } from '../../src/identity/find-actor.ts';
import type { Notice } from '../../src/notices/types.ts';
import { enqueue } from '../../src/outbox/enqueue.ts';
import { resolveTarget } from '../../src/outbox/resolve-target.ts';
import { hasRole, requireActor } from '../../src/people/access.ts';
import type { Role } from '../../src/people/roles.ts';
import { randomId } from '../../src/ids.ts';
import type { BotDeps } from '../actions/registry.ts';
import { renderNotice } from '../render/render-notice.ts';

export interface CommandContext extends BotDeps {
  turn: TurnContext;
  actor: Actor | null;
  scope: ConversationScope;
  conversationRefId: string;
  /** The table this command was found in (help lists from it). */
  commands: readonly CommandDefinition[];
}

export interface CommandHelp {
  /** As typed, German: `kanal freigabe`. */
  usage: string;
  description: string;
  /** The same as a button (Action.Execute verb) on the help card in the 1:1 chat. */
  button?: { title: string; verb: string };
}

export interface CommandDefinition {
  /** For logs. */
  name: string;
  pattern: RegExp;
  /** Who may use it; `everyone` includes people the bot does not know. */
  roles: 'everyone' | readonly Role[];
  /** Works only in a team channel (in local mode anywhere: the Emulator has no channels). */
  channelOnly?: boolean;
  /**
   * The answer is about clients, so it is shown only in the person's 1:1 chat. Typed in a channel or group
   * chat, that conversation gets `confirmation` (one line) and the answer goes 1:1 through the outbox.
   */
  personalOnly?: { confirmation: string };
  /** How help lists it; a row without it (a fallback such as `kanal <unknown>`) is not listed. */
  help?: CommandHelp;
  /** The answer. A thrown AppError is answered with its German message. */
  run(ctx: CommandContext, match: RegExpExecArray): Promise<Notice>;
}

export function findCommand(commands: readonly CommandDefinition[], text: string): { command: CommandDefinition; match: RegExpExecArray } | undefined {
  for (const command of commands) {
    const match = command.pattern.exec(text);
    if (match) return { command, match };
  }
  return undefined;
}

/** Whether this person's roles allow the command (the one check help and dispatch share). */
export function mayUse(command: CommandDefinition, actor: Pick<Actor, 'roles'> | null): boolean {
  return command.roles === 'everyone' || hasRole(actor, command.roles);
}

/** The rows help lists for this person, in table order. */
export function listedCommands(commands: readonly CommandDefinition[], actor: Pick<Actor, 'roles'> | null): (CommandDefinition & { help: CommandHelp })[] {
  return commands.filter((c): c is CommandDefinition & { help: CommandHelp } => c.help !== undefined && mayUse(c, actor));
}

/** Who may use something, in a German sentence ("VPA-Manager, Kundenmanager und das Admin-Team"). */
const WHO: Record<Role, string> = {
  vpa: 'VPAs',
  community: 'das Community-Team',
  vpa_manager: 'VPA-Manager',
  client_manager: 'Kundenmanager',
  shift: 'die Schicht',
  admin: 'das Admin-Team',
  conny: 'das Konto Conny',
};

function whoMay(roles: readonly Role[]): string {
  const names = roles.map((r) => WHO[r]);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} und ${names.at(-1)}`;
}

function assertAllowed(command: CommandDefinition, ctx: CommandContext): void {
  if (command.roles !== 'everyone') {
    const actor = requireActor(ctx.actor);
    if (!mayUse(command, actor)) {
      const usage = command.help?.usage ?? command.name;
      throw new AppError('FORBIDDEN_ROLE', { detail: `command ${command.name}`, userMessage: `${ERRORS.FORBIDDEN_ROLE.de} „${usage}“ können nur ${whoMay(command.roles)} nutzen.` });
    }
  }
  if (command.channelOnly && ctx.scope === 'personal' && ctx.config.mode !== 'local') throw new AppError('CHANNEL_ONLY', { detail: `command ${command.name}` });
}

/** A personal answer asked for in a channel or group chat: one line there, the answer 1:1 through the outbox. */
async function answerPrivately(ctx: CommandContext, command: CommandDefinition, match: RegExpExecArray, confirmation: string): Promise<void> {
  const actor = requireActor(ctx.actor);
  const recipient = { type: 'person', personId: actor.id } as const;
  // Without a stored 1:1 conversation the outbox could only give up; say so here, without any client data.
  if (!(await resolveTarget(ctx.db.prisma, recipient))) throw new AppError('NO_PERSONAL_CHAT', { detail: `command ${command.name}` });
  const notice = await command.run(ctx, match);
  // Teams re-delivers a message it thinks went unanswered: the same activity id queues nothing new.
  const activityId = ctx.turn.activity.id ?? randomId();
  await enqueue(ctx.db.prisma, { idempotencyKey: `command:${activityId}:${command.name}:${actor.id}`, message: { mode: 'send', recipient, notice }, now: ctx.clock.now() });
  ctx.kickOutbox();
  await ctx.turn.sendActivity(confirmation);
}

/** Runs the command the text names, if any; false when no command matches (the caller answers with help). */
export async function dispatchCommand(ctx: CommandContext, text: string): Promise<boolean> {
  const found = findCommand(ctx.commands, text);
  if (!found) return false;
  const { command, match } = found;
  ctx.logger.info({ command: command.name, actorId: ctx.actor?.id, scope: ctx.scope }, 'command');
  try {
    assertAllowed(command, ctx);
    if (command.personalOnly && ctx.scope !== 'personal') await answerPrivately(ctx, command, match, command.personalOnly.confirmation);
    else await ctx.turn.sendActivity(renderNotice(await command.run(ctx, match)));
  } catch (error) {
    const e = toAppError(error);
    if (e.code === 'INTERNAL') throw error;
    ctx.logger.info({ code: e.code, command: command.name, actorId: ctx.actor?.id }, 'command refused');
    await ctx.turn.sendActivity(e.userMessage);
  }
  return true;
}
