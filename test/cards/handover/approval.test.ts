import { describe, expect, it } from 'vitest';
import { handoverApprovalCard, REFRESH_USER_IDS_MAX } from '../../../cards/handover/approval.ts';
import { cardActions, cardText, cardTexts, parseCard } from '../../support/cards.ts';
import { executeByVerb, executeVerbs, expectValidCard, inputById } from './helpers.ts';
import { approvalModel, approvedDecision, rejectedDecision, widestText, withdrawnRef } from './models.ts';

const TEMPLATE_LABELS = ['VPA', 'KUNDE (Klasse)', 'VPA Wechsel 12mon', 'Einarbeitungsaufwand', 'Grund', 'Nachfolger'];

describe('approval card (Freigabe)', () => {
  it('parses without problems in every state and view', () => {
    for (const view of ['manager', 'readonly'] as const) {
      for (const model of [
        approvalModel(),
        approvalModel({ refundCheck: false, proposedBy: null, proposedAtText: null, facts: [] }),
        approvalModel({ decision: approvedDecision, decidable: false }),
        approvalModel({ decision: rejectedDecision, decidable: false }),
        approvalModel({ ref: withdrawnRef, decidable: false, decision: { state: 'withdrawn', label: 'Zurückgezogen vom VPA', byName: null, atText: null, rejectionReason: null } }),
      ]) {
        expectValidCard(handoverApprovalCard(model, view));
      }
    }
  });

  it('starts with the wiki template: the title, then exactly its six lines in order with their labels', () => {
    const texts = cardTexts(handoverApprovalCard(approvalModel(), 'readonly'));
    expect(texts.slice(0, 13)).toEqual([
      'Anfrage von VPA: VPA Wechsel',
      'VPA: ',
      'Anna Beispiel',
      'KUNDE (Klasse): ',
      'Müller GmbH (B)',
      'VPA Wechsel 12mon: ',
      '1',
      'Einarbeitungsaufwand: ',
      'hoch',
      'Grund: ',
      'Bedarf des Kunden hat sich geändert – der Kunde braucht jetzt Buchhaltung mit DATEV.',
      'Nachfolger: ',
      'Sven Nachfolger',
    ]);
    const labels = texts.filter((t) => t.endsWith(': ')).slice(0, 6);
    expect(labels).toEqual(TEMPLATE_LABELS.map((l) => `${l}: `));
  });

  it('then shows the further facts, the refund check when the effort is high, who proposed it, and that it waits', () => {
    const text = cardText(handoverApprovalCard(approvalModel(), 'readonly'));
    for (const fragment of ['Aufgabenart: ', 'kontinuierliche Aufgaben', 'Betreut seit: ', 'Maßnahmen: ', 'Erstattung prüfen', 'Vorgeschlagen von Kim Community am 21.11.2026, 14:00 Uhr', 'Wartet auf Freigabe']) {
      expect(text).toContain(fragment);
    }
    expect(text.indexOf('Nachfolger: ')).toBeLessThan(text.indexOf('Aufgabenart: '));
    expect(cardText(handoverApprovalCard(approvalModel({ refundCheck: false }), 'readonly'))).not.toContain('Erstattung prüfen');
  });

  it('gives managers "Freigeben" and "Ablehnen" (with a required reason), carrying the request id and version', () => {
    const card = handoverApprovalCard(approvalModel(), 'manager');
    expect(card.actions?.map((a) => [a.type, a.title])).toEqual([
      ['Action.Execute', 'Freigeben'],
      ['Action.ShowCard', 'Ablehnen'],
    ]);
    expect(executeByVerb(card, 'handover.approve')).toMatchObject({ title: 'Freigeben', data: { requestId: 'req_1', version: 3 } });
    expect(executeByVerb(card, 'handover.reject')).toMatchObject({ title: 'Ablehnen', data: { requestId: 'req_1', version: 3 } });
    expect(inputById(card, 'rejectionReason')).toMatchObject({ type: 'Input.Text', isRequired: true, errorMessage: 'Bitte gib einen Grund für die Ablehnung an.' });
    // The reason is an input of the ShowCard the reject button sits in, so Teams sends it with that button.
    const reject = card.actions?.[1];
    expect(reject?.type === 'Action.ShowCard' && reject.card.actions?.[0]).toMatchObject({ type: 'Action.Execute', verb: 'handover.reject', associatedInputs: 'auto' });
    expect(card).toMatchSnapshot();
  });

  it('gives everyone else the read-only view: the same content, no buttons, a note who decides', () => {
    const card = handoverApprovalCard(approvalModel(), 'readonly');
    expect(card.actions).toBeUndefined();
    expect(executeVerbs(card)).toEqual(['handover.approval.refresh']);
    expect(cardText(card)).toContain('Freigeben oder ablehnen können nur VPA-Manager und Kundenmanager.');
    expect(card).toMatchSnapshot();
  });

  it('asks Teams to refresh the card for the managers (Universal Actions), in both views, at most 60 ids', () => {
    for (const view of ['manager', 'readonly'] as const) {
      const card = handoverApprovalCard(approvalModel(), view);
      expect(card.refresh).toEqual({
        action: { type: 'Action.Execute', title: 'Aktualisieren', verb: 'handover.approval.refresh', data: { requestId: 'req_1' } },
        userIds: ['29:maria', '29:petra'],
      });
    }
    const many = Array.from({ length: 75 }, (_, i) => `29:manager-${i}`);
    const card = handoverApprovalCard(approvalModel({ managerTeamsUserIds: many }), 'readonly');
    expect(REFRESH_USER_IDS_MAX).toBe(60);
    expect(card.refresh?.userIds).toEqual(many.slice(0, 60));
    expect(parseCard(card).card.refresh?.userIds).toHaveLength(60);
    expect(handoverApprovalCard(approvalModel({ managerTeamsUserIds: [] }), 'readonly').refresh).toBeUndefined();
  });

  it('after approval shows for everyone who approved and when, without buttons or refresh', () => {
    for (const view of ['manager', 'readonly'] as const) {
      const card = handoverApprovalCard(approvalModel({ decision: approvedDecision, decidable: false }), view);
      expect(cardText(card)).toContain('Freigegeben von Maria Manager am 24.11.2026, 10:05 Uhr');
      expect(cardText(card)).not.toContain('Wartet auf Freigabe');
      expect(cardActions(card)).toEqual([]);
      expect(card.refresh).toBeUndefined();
    }
    // The decision wins even over a stale `decidable`.
    const stale = handoverApprovalCard(approvalModel({ decision: approvedDecision, decidable: true }), 'manager');
    expect(cardActions(stale)).toEqual([]);
    expect(stale.refresh).toBeUndefined();
    expect(handoverApprovalCard(approvalModel({ decision: approvedDecision, decidable: false }), 'readonly')).toMatchSnapshot();
  });

  it('after a rejection shows who rejected, when and why', () => {
    const card = handoverApprovalCard(approvalModel({ decision: rejectedDecision, decidable: false }), 'manager');
    expect(cardTexts(card)).toEqual(expect.arrayContaining(['Abgelehnt von Petra Kundenmanagerin am 24.11.2026, 10:07 Uhr', 'Begründung: ', rejectedDecision.rejectionReason]));
    expect(cardActions(card)).toEqual([]);
    expect(card.refresh).toBeUndefined();
    expect(card).toMatchSnapshot();
  });

  it('shows no buttons while the model says no decision is possible, even to a manager', () => {
    const card = handoverApprovalCard(approvalModel({ decidable: false }), 'manager');
    expect(cardActions(card)).toEqual([]);
  });

  it('says the request was withdrawn, first, with no buttons and no refresh', () => {
    const card = handoverApprovalCard(
      approvalModel({ ref: withdrawnRef, decidable: false, decision: { state: 'withdrawn', label: 'Zurückgezogen vom VPA', byName: null, atText: null, rejectionReason: null } }),
      'manager',
    );
    expect(cardTexts(card).slice(0, 2)).toEqual(['Anfrage zurückgezogen', 'Zurückgezogen von Anna Beispiel am 24.11.2026, 10:00 Uhr']);
    expect(cardActions(card)).toEqual([]);
    expect(card.refresh).toBeUndefined();
    expect(card).toMatchSnapshot();
  });

  it('while an approved handover runs, gives managers "abschließen" and "abbrechen" with a required reason, and shows why the assignment could not move', () => {
    const model = approvalModel({ decision: approvedDecision, decidable: false, closable: true, completionError: 'Der Kunde ist inzwischen Otto Berg zugeordnet, nicht mehr dem abgebenden VPA.' });
    const manager = handoverApprovalCard(model, 'manager');
    expectValidCard(manager);
    expect(cardText(manager)).toContain('Otto Berg');
    expect(executeVerbs(manager).sort()).toEqual(['handover.approval.refresh', 'handover.cancel', 'handover.complete']);
    for (const verb of ['handover.complete', 'handover.cancel']) expect(executeByVerb(manager, verb)).toMatchObject({ data: { requestId: model.ref.requestId, version: model.ref.version } });
    expect(inputById(manager, 'completeReason')).toMatchObject({ isRequired: true });
    expect(inputById(manager, 'cancelReason')).toMatchObject({ isRequired: true });
    const readonly = handoverApprovalCard(model, 'readonly');
    expect(executeVerbs(readonly)).toEqual(['handover.approval.refresh']);
    // Closed: the reason is shown, nothing is left to do.
    const closed = handoverApprovalCard(approvalModel({ decision: approvedDecision, decidable: false, closable: false, closedText: 'Abgebrochen von Maria Manager: Der Kunde bleibt bei Anna.' }), 'manager');
    expect(cardText(closed)).toContain('Abgebrochen von Maria Manager');
    expect(cardActions(closed)).toEqual([]);
  });

  it('stays well under the Teams size limit with every text at its maximum and 60 managers', () => {
    const model = approvalModel({
      template: TEMPLATE_LABELS.map((label) => ({ label, value: label === 'Grund' ? widestText(2100) : widestText(120) })),
      facts: [
        { label: 'Aufgabenart', value: 'kontinuierliche Aufgaben' },
        { label: 'Betreut seit', value: '15.08.2024 (2 Jahre, 3 Monate)' },
        { label: 'Einarbeitung gewünscht', value: 'ja' },
        { label: 'Maßnahmen', value: widestText(2000) },
      ],
      proposedBy: { id: 'p', name: widestText(120) },
      managerTeamsUserIds: Array.from({ length: 60 }, (_, i) => `29:1${'x'.repeat(80)}${i}`),
    });
    expectValidCard(handoverApprovalCard(model, 'manager'));
    expectValidCard(handoverApprovalCard({ ...model, decision: { ...rejectedDecision, rejectionReason: widestText(2000) }, decidable: false }, 'readonly'));
  });
});
