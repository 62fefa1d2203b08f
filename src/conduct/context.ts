// Loads a conduct report with everything its cards show, inside the caller's transaction.
import type { DbOrTx } from '../db/client.ts';
import { AppError } from '../errors/catalogue.ts';
import type { ConductContext } from './view.ts';
import { parseKeyedCards } from '../notices/tracked-cards.ts';

export interface ConductCard {
  key: string;
  personId: string;
}

export function parseConductCards(json: string): ConductCard[] {
  return parseKeyedCards<ConductCard>(json);
}

export async function loadConduct(db: DbOrTx, reportId: string, timeZone: string): Promise<ConductContext & { reporterId: string; cards: ConductCard[] }> {
  const r = await db.conductReport.findUnique({
    where: { id: reportId },
    include: {
      client: { select: { id: true, number: true, name: true, class: true, workType: true } },
      reporter: { select: { id: true, name: true } },
      acknowledgements: { include: { person: { select: { id: true, name: true } } }, orderBy: [{ at: 'asc' }, { personId: 'asc' }] },
    },
  });
  if (!r) throw new AppError('CONDUCT_NOT_FOUND', { detail: reportId });
  return {
    report: { id: r.id, version: r.version, whatHappened: r.whatHappened, occurredAt: r.occurredAt, evidence: r.evidence, createdAt: r.createdAt },
    client: r.client,
    reporter: r.reporter,
    reporterId: r.reporterId,
    acknowledgements: r.acknowledgements.map((a) => ({ person: a.person, at: a.at })),
    cards: parseConductCards(r.cards),
    timeZone,
  };
}
