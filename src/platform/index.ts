// Public API of the platform module: the one port to the company's VPA platform (clients' chats and e-mails, the
// red question mark, reassignments) and how the app chooses its implementation. Without PLATFORM_BASE_URL every
// call becomes a to-do card in Teams (standalone-gateway.ts) closed with "erledigt" (complete-todo.ts); the
// platform's HTTP client arrives with the platform issue. Card data for Action.Execute: `todoId` from the model.
import type { Config } from '../config/config.ts';
import { AppError } from '../errors/catalogue.ts';
import type { PlatformGateway } from './gateway.ts';
import { createStandaloneGateway } from './standalone-gateway.ts';

export type { ChatToClient, EmailToClient, PlatformGateway, Reassignment } from './gateway.ts';
export { createStandaloneGateway, connyOperators, todoCardKey, type StandaloneGatewayOptions } from './standalone-gateway.ts';
export { completeTodo, mayComplete, CHANNEL_TO_DO_ROLES, type CompleteTodoOptions, type CompleteTodoResult } from './complete-todo.ts';
export { platformTodoFor, todoConversationIds } from './todo-card.ts';
/** A test double that records the calls (for process tests). */
export { createRecordingGateway, type RecordedCall, type RecordingGateway } from './recording-gateway.ts';

/**
 * The gateway for this configuration: standalone (to-do cards) when no platform is configured. A configured
 * platform (PLATFORM_BASE_URL) fails loudly instead of silently falling back: its HTTP gateway does not exist yet.
 */
export function gatewayFor(config: Pick<Config, 'platform'>): PlatformGateway {
  if (config.platform === undefined) return createStandaloneGateway();
  throw new AppError('PLATFORM_NOT_AVAILABLE', { detail: `PLATFORM_BASE_URL=${config.platform.baseUrl}` });
}
