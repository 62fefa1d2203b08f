// The conduct report card as one manager sees it now (after their acknowledgement, for the invoke's answer).
import type { DbOrTx } from '../db/client.ts';
import type { ConductReportModel } from '../notices/conduct.ts';
import { loadConduct } from './context.ts';
import { conductReportModel } from './view.ts';

export async function conductReportFor(db: DbOrTx, reportId: string, managerId: string, timeZone: string): Promise<ConductReportModel> {
  return conductReportModel(await loadConduct(db, reportId, timeZone), managerId);
}
