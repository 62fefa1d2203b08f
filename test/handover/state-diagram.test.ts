// docs/kundenabgabe.md draws the handover state machine as a Mermaid stateDiagram-v2; src/handover/states.ts
// defines it (TRANSITIONS). The diagram's edges `from --> to : action` must be exactly every from × to of every
// transition, plus `[*] --> submitted : submit` and `X --> [*]` for each closed state (HANDOVER_STATUSES minus
// OPEN_STATUSES): no edge missing, none extra, none twice.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HANDOVER_STATUSES } from '../../src/handover/labels.ts';
import { OPEN_STATUSES, TRANSITIONS, type Transition } from '../../src/handover/states.ts';

const DOC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'kundenabgabe.md');

/** One edge as the diagram writes it: `from --> to : action`, or `from --> to` without a label. */
type Edge = string;

const edge = (from: string, to: string, action?: string): Edge => (action ? `${from} --> ${to} : ${action}` : `${from} --> ${to}`);

/** The body of the one ```mermaid block that is a stateDiagram-v2. */
function stateDiagramOf(markdown: string): string {
  const blocks = [...markdown.matchAll(/^```mermaid[ \t]*\r?\n([\s\S]*?)^```[ \t]*$/gm)].map((m) => m[1] ?? '');
  const diagrams = blocks.filter((b) => /^\s*stateDiagram-v2\b/.test(b));
  if (diagrams.length !== 1) throw new Error(`expected exactly one mermaid stateDiagram-v2 block, found ${diagrams.length}`);
  return diagrams[0] ?? '';
}

const STATE = String.raw`(\[\*\]|[A-Za-z_][\w]*)`;
const EDGE_LINE = new RegExp(String.raw`^${STATE}\s*-->\s*${STATE}(?:\s*:\s*(\S(?:.*\S)?))?$`);

/** Every edge line of the diagram, normalised; a line with `-->` that is not a plain edge is an error. */
function diagramEdges(markdown: string): Edge[] {
  const edges: Edge[] = [];
  for (const raw of stateDiagramOf(markdown).split(/\r?\n/)) {
    const line = raw.trim();
    if (!line.includes('-->')) continue;
    const m = EDGE_LINE.exec(line);
    if (!m) throw new Error(`not an edge of the form "from --> to : action": ${line}`);
    edges.push(edge(m[1] ?? '', m[2] ?? '', m[3]));
  }
  return edges;
}

/** The edges the code defines: every from × to of each transition, the entry edge and the closed states' exits. */
function expectedEdges(transitions: readonly Transition[], statuses: readonly string[], open: readonly string[]): Edge[] {
  const fromCode = transitions.flatMap((t) => t.from.flatMap((from) => t.to.map((to) => edge(from, to, t.action))));
  const closed = statuses.filter((s) => !open.includes(s));
  return [edge('[*]', 'submitted', 'submit'), ...fromCode, ...closed.map((s) => edge(s, '[*]'))];
}

/** What the diagram lacks, what it has too much, and what it draws twice. */
function compareEdges(expected: readonly Edge[], actual: readonly Edge[]): { missing: Edge[]; extra: Edge[]; duplicated: Edge[] } {
  const want = new Set(expected);
  const have = new Set(actual);
  return {
    missing: [...want].filter((e) => !have.has(e)).sort(),
    extra: [...have].filter((e) => !want.has(e)).sort(),
    duplicated: [...new Set(actual.filter((e, i) => actual.indexOf(e) !== i))].sort(),
  };
}

const NO_DIFFERENCE = { missing: [], extra: [], duplicated: [] };

describe('docs/kundenabgabe.md state diagram', () => {
  const markdown = fs.readFileSync(DOC, 'utf8');
  const expected = expectedEdges(TRANSITIONS, HANDOVER_STATUSES, OPEN_STATUSES);

  it('draws exactly the transitions of src/handover/states.ts', () => {
    expect(compareEdges(expected, diagramEdges(markdown))).toEqual(NO_DIFFERENCE);
  });

  it('knows the closed states and the self-loops of step 4', () => {
    expect(HANDOVER_STATUSES.filter((s) => !OPEN_STATUSES.includes(s))).toEqual(['completed', 'returned', 'rejected', 'withdrawn', 'resolved', 'cancelled']);
    expect(expected).toContain('approved --> approved : confirmTraining');
    expect(expected).toContain('approved --> approved : confirmClientInformed');
    expect(expected).toContain('completed --> [*]');
    // Every action of the code appears in the diagram.
    const actions = new Set(diagramEdges(markdown).map((e) => e.split(' : ')[1]));
    for (const t of TRANSITIONS) expect(actions).toContain(t.action);
  });

  it('names no file outside the repository', () => {
    expect(markdown).not.toContain('../shared');
  });
});

describe('the diagram comparison (can fail)', () => {
  const markdown = fs.readFileSync(DOC, 'utf8');
  const expected = expectedEdges(TRANSITIONS, HANDOVER_STATUSES, OPEN_STATUSES);

  it('detects a removed edge', () => {
    const line = '    clarifying --> in_review : answerClarification\n';
    expect(markdown).toContain(line);
    const edited = markdown.replace(line, '');
    expect(compareEdges(expected, diagramEdges(edited))).toEqual({ ...NO_DIFFERENCE, missing: ['clarifying --> in_review : answerClarification'] });
  });

  it('detects a removed closed-state exit and a removed self-loop', () => {
    const edited = markdown.replace('    cancelled --> [*]\n', '').replace('    approved --> approved : confirmTraining\n', '');
    expect(compareEdges(expected, diagramEdges(edited)).missing).toEqual(['approved --> approved : confirmTraining', 'cancelled --> [*]']);
  });

  it('detects an extra edge, a wrong label and a duplicate', () => {
    const edited = markdown.replace(
      '    approved --> cancelled : cancel\n',
      '    approved --> cancelled : cancel\n    rejected --> approved : decide\n    approved --> cancelled : abbrechen\n    submitted --> in_review : startReview\n',
    );
    expect(compareEdges(expected, diagramEdges(edited))).toEqual({
      missing: [],
      extra: ['approved --> cancelled : abbrechen', 'rejected --> approved : decide'],
      duplicated: ['submitted --> in_review : startReview'],
    });
  });

  it('detects a transition added to the code but not drawn', () => {
    const more: Transition[] = [...TRANSITIONS, { action: 'cancel', from: ['awaiting_approval'], to: ['cancelled'], by: 'manager' }];
    expect(compareEdges(expectedEdges(more, HANDOVER_STATUSES, OPEN_STATUSES), diagramEdges(markdown)).missing).toEqual(['awaiting_approval --> cancelled : cancel']);
  });

  it('refuses a malformed edge line and a missing diagram', () => {
    expect(() => diagramEdges(markdown.replace('    approved --> cancelled : cancel\n', '    approved --> cancelled --> x\n'))).toThrow(/not an edge/);
    expect(() => diagramEdges('# no diagram\n')).toThrow(/exactly one mermaid stateDiagram-v2/);
  });

  it('ignores state descriptions and comments, and reads labels without surrounding spaces', () => {
    const doc = '```mermaid\nstateDiagram-v2\n    %% a comment\n    approved : Freigegeben\n    [*]-->submitted:submit\n    completed --> [*]\n```\n';
    expect(diagramEdges(doc)).toEqual(['[*] --> submitted : submit', 'completed --> [*]']);
  });
});
