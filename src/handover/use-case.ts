// What the handover use cases take on top of the shared use-case options (src/use-case/options.ts).
import type { UseCaseOptions } from '../use-case/options.ts';

export type { UseCaseOptions, WithIds } from '../use-case/options.ts';

export interface RequestActionOptions extends UseCaseOptions {
  requestId: string;
  /** The `version` the clicked card showed; a click on an outdated card is refused (HANDOVER_STALE). */
  expectedVersion?: number;
}

/** Result of a use case that changed a request. */
export interface HandoverChange {
  requestId: string;
  status: string;
  version: number;
}
