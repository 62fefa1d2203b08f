// The reconciliation as a tick job: the scheduler's tick comes every minute, the pull only every
// PLATFORM_RECONCILE_MINUTES (PlatformSync.lastAttemptAt decides). Standalone (no platform reader) it does nothing.
// The reader comes from a factory (platformReaderFor in src/platform/index.ts), so tests pass an in-memory one.
import type { Config } from '../../config/config.ts';
import type { TickJob } from '../../tick/job.ts';
import type { PlatformReader } from '../reader.ts';
import { reconcilePlatform } from './reconcile.ts';

export type PlatformReaderFactory = (config: Config) => PlatformReader | undefined;

export function createReconcileJob(readerFor: PlatformReaderFactory): TickJob {
  return {
    name: 'platform.reconcile',
    async run(ctx) {
      const reader = readerFor(ctx.config);
      if (!reader) return [];
      const { reconcileMinutes, staleAfterMinutes } = ctx.config.platformSync;
      const r = await reconcilePlatform({ prisma: ctx.prisma, reader, now: ctx.now, logger: ctx.logger, everyMinutes: reconcileMinutes, staleAfterMinutes });
      if (!r.ran) return [];
      if (r.error) return [`Abgleich mit der Plattform fehlgeschlagen (${r.error})${r.stale ? `: die Plattform antwortet seit über ${staleAfterMinutes} Minuten nicht` : ''}`];
      const found = [r.tasks ? `${r.tasks} neue Aufgaben` : '', r.items ? `${r.items} neue Eingänge im Konto Conny` : '', r.answered ? `${r.answered} beantwortete Eingänge geschlossen` : ''].filter(Boolean);
      return found.length > 0 ? [`Abgleich mit der Plattform: ${found.join(', ')}`] : [];
    },
  };
}
