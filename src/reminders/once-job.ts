// The one shape of every once-only reminder or escalation job: find candidates cheaply, compute the claim of
// each that is due, and deliver inside the claiming transaction (src/reminders/once.ts). A candidate whose state
// changed since it was read returns NOT_DUE from `deliver`, and nothing is kept.
import type { Tx } from '../db/client.ts';
import type { TickContext, TickJob } from '../tick/job.ts';
import { doOnce, type Claim, type NOT_DUE } from './once.ts';

export interface OnceRule<Row> {
  name: string;
  /** Rows that may be due at `ctx.now`; each is checked again inside its claim's transaction. */
  candidates(ctx: TickContext): Promise<Row[]>;
  /** The claim of `row` when it is due at `ctx.now`, else null. */
  due(row: Row, ctx: TickContext): Claim | null;
  /** Re-checks and does the work; returns the German lines for the tick's output. */
  deliver(tx: Tx, row: Row, ctx: TickContext): Promise<string[] | typeof NOT_DUE>;
}

export function onceOnlyJob<Row>(rule: OnceRule<Row>): TickJob {
  return {
    name: rule.name,
    async run(ctx) {
      const out: string[] = [];
      for (const row of await rule.candidates(ctx)) {
        const claim = rule.due(row, ctx);
        if (!claim) continue;
        const lines = await doOnce(ctx.prisma, claim, ctx.now, (tx) => rule.deliver(tx, row, ctx));
        if (lines) out.push(...lines);
      }
      return out;
    },
  };
}
