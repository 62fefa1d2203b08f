// The tables of chat commands and Action.Execute verbs. Adding a capability adds rows here.
import type { ActionDefinition } from './actions/registry.ts';
import { showHelp } from './actions/help.ts';
import { approveHandover, refreshApproval, rejectHandover } from './actions/handover/decision.ts';
import { openHandoverForm, submitHandover, withdrawHandover } from './actions/handover/request.ts';
import { clarifyHandover, proposeHandover, returnHandover, startHandoverReview } from './actions/handover/review.ts';
import { showHandoverStatus } from './actions/handover/status.ts';
import { answerHandoverClarification } from './actions/handover/clarification.ts';
import { cancelApprovedHandover, completeApprovedHandover, confirmHandoverClientInformed } from './actions/handover/after-approval.ts';
import { trainingGiven, trainingReceived } from './actions/handover/training.ts';
import { acknowledgeConductReport, openConductForm, submitConduct } from './actions/conduct/conduct.ts';
import { completePlatformTodo } from './actions/platform/todo.ts';
import { excludeInactiveClient, handOverInactive, postponeInactiveClient, showInactiveList } from './actions/inactivity/list.ts';
import { showVpaClients } from './actions/inactivity/clients.ts';
import { resumeInactiveClient } from './actions/inactivity/resume.ts';
import { reportInactiveClientReply } from './actions/inactivity/replied.ts';
import { applyToTenderAction, awardTenderAction, cancelTenderAction, extendTenderAction, startTenderAction } from './actions/tender/tender.ts';
import { acknowledgeShiftCheckAction } from './actions/shift/check.ts';
import { markShiftItemDoneAction } from './actions/shift/item.ts';
import { addShiftPlanEntryAction, removeShiftPlanEntryAction, showShiftPlanAction } from './actions/shift/plan.ts';
import type { CommandDefinition } from './commands/registry.ts';
import { COMMAND_TABLE } from './commands/table.ts';

/** Chat commands with who may use them and how help lists them (bot/commands/table.ts). */
export const COMMANDS: readonly CommandDefinition[] = COMMAND_TABLE;

export const ACTIONS: readonly ActionDefinition[] = [
  showHelp,
  openHandoverForm,
  submitHandover,
  withdrawHandover,
  startHandoverReview,
  returnHandover,
  clarifyHandover,
  proposeHandover,
  approveHandover,
  rejectHandover,
  refreshApproval,
  answerHandoverClarification,
  confirmHandoverClientInformed,
  completeApprovedHandover,
  cancelApprovedHandover,
  trainingGiven,
  trainingReceived,
  showHandoverStatus,
  openConductForm,
  submitConduct,
  acknowledgeConductReport,
  completePlatformTodo,
  handOverInactive,
  postponeInactiveClient,
  excludeInactiveClient,
  showInactiveList,
  showVpaClients,
  resumeInactiveClient,
  reportInactiveClientReply,
  startTenderAction,
  applyToTenderAction,
  awardTenderAction,
  cancelTenderAction,
  extendTenderAction,
  acknowledgeShiftCheckAction,
  markShiftItemDoneAction,
  showShiftPlanAction,
  addShiftPlanEntryAction,
  removeShiftPlanEntryAction,
];
