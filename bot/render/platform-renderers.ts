// The platform to-do cards, one per notice kind, typed by PlatformNoticeModels: a kind added there without a card
// here fails to compile. render-notice.ts merges this table into its own.
import type { AdaptiveCard } from '../../cards/common/types.ts';
import { platformTodoCard } from '../../cards/platform/todo.ts';
import type { PlatformNoticeModels } from '../../src/notices/platform.ts';

export type PlatformRenderers = { [K in keyof PlatformNoticeModels]: (model: PlatformNoticeModels[K]) => AdaptiveCard };

export const PLATFORM_RENDERERS: PlatformRenderers = {
  platformTodo: platformTodoCard,
};
