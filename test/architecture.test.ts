// The layers' import rules, checked on the source text (eslint.config.js has the static part of (a) and (b) as
// no-restricted-imports; this test also sees dynamic import(), import('…') types and require()):
//   (a) nothing under src/ imports anything under bot/, cards/ or manifest/, not even type-only or dynamically;
//   (b) src/handover/ and src/conduct/ import nothing from each other;
//   (c) cards/ imports from src/ only with `import type` / `export type` (no runtime import);
//   (d) src/ and cards/ never import botbuilder, botframework-* or restify (only bot/ knows them).
//   (e) bot/ uses the process modules (src/handover, src/conduct, src/inactivity, src/tender, src/platform) only through
//       their entry points, index.ts.
// Imports are read with the TypeScript parser, so strings and comments that merely look like imports do not count.
// Under `verbatimModuleSyntax` (tsconfig.json) `import { type A } from '…'` is still emitted as `import {} from '…'`,
// so for (c) only the clause-level `import type` / `export type` is type-only.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = /\.(ts|mts|cts|tsx|js|mjs|cjs)$/;
/** Generated Prisma client (also ignored by eslint and tsc). */
const EXCLUDED = ['src/db/generated/'];

interface ImportRef {
  specifier: string;
  /** Erased at runtime: `import type`, `export type … from`, or an `import('…')` type. */
  typeOnly: boolean;
  kind: 'import' | 'export' | 'dynamic' | 'import-type' | 'require' | 'import-equals';
  line: number;
}

interface Violation {
  rule: 'a' | 'b' | 'c' | 'd' | 'e';
  /** Repository-relative, with forward slashes. */
  file: string;
  specifier: string;
  line: number;
}

/** Every module specifier the file names, with whether it survives compilation. */
function importsOf(fileName: string, text: string): ImportRef[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const refs: ImportRef[] = [];
  const add = (node: ts.Node, literal: ts.Node | undefined, kind: ImportRef['kind'], typeOnly: boolean): void => {
    if (!literal || !(ts.isStringLiteral(literal) || ts.isNoSubstitutionTemplateLiteral(literal))) return;
    refs.push({ specifier: literal.text, typeOnly, kind, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1 });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      add(node, node.moduleSpecifier, 'import', node.importClause?.isTypeOnly ?? false);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      add(node, node.moduleSpecifier, 'export', node.isTypeOnly);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node, node.moduleReference.expression, 'import-equals', node.isTypeOnly);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node, node.argument.literal, 'import-type', true);
    } else if (ts.isCallExpression(node)) {
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword) add(node, node.arguments[0], 'dynamic', false);
      else if (ts.isIdentifier(node.expression) && node.expression.text === 'require') add(node, node.arguments[0], 'require', false);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return refs;
}

/** The repository-relative target of a relative specifier (undefined for packages and node: builtins). */
function resolveSpecifier(file: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  return path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
}

const under = (target: string | undefined, dir: string): boolean => target !== undefined && (target === dir || target.startsWith(`${dir}/`));
const FRAMEWORK = /^(botbuilder|botframework-|restify(\/|$))/;

/** The violations of rules (a)–(d) in one file (`file` repository-relative, forward slashes). */
/** Process modules with an entry point (index.ts): bot/ uses them only through it. */
const PROCESS_MODULES = ['src/handover', 'src/conduct', 'src/inactivity', 'src/tender', 'src/platform', 'src/shift'];

function checkFile(file: string, text: string): Violation[] {
  const inSrc = file.startsWith('src/');
  const inCards = file.startsWith('cards/');
  const inBot = file.startsWith('bot/');
  if (!inSrc && !inCards && !inBot) return [];
  const found: Violation[] = [];
  for (const ref of importsOf(file, text)) {
    const target = resolveSpecifier(file, ref.specifier);
    const flag = (rule: Violation['rule']): void => void found.push({ rule, file, specifier: ref.specifier, line: ref.line });
    if (inSrc && (under(target, 'bot') || under(target, 'cards') || under(target, 'manifest'))) flag('a');
    if (under(file, 'src/handover') && under(target, 'src/conduct')) flag('b');
    if (under(file, 'src/conduct') && under(target, 'src/handover')) flag('b');
    if (inCards && under(target, 'src') && !ref.typeOnly) flag('c');
    if ((inSrc || inCards) && FRAMEWORK.test(ref.specifier)) flag('d');
    if (inBot && !ref.typeOnly && PROCESS_MODULES.some((m) => under(target, m) && target !== `${m}/index.ts`)) flag('e');
  }
  return found;
}

function sourceFiles(dir: string): string[] {
  const abs = path.join(ROOT, dir);
  if (!fs.existsSync(abs)) return [];
  return fs
    .readdirSync(abs, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && SOURCE.test(d.name) && !d.name.endsWith('.d.ts'))
    .map((d) => path.relative(ROOT, path.join(d.parentPath, d.name)).split(path.sep).join('/'))
    .filter((f) => !EXCLUDED.some((x) => f.startsWith(x)))
    .sort();
}

function format(violations: readonly Violation[]): string {
  return violations.map((v) => `${v.file} -> ${v.specifier} (rule ${v.rule}, line ${v.line})`).join('\n');
}

const RULES: Record<Violation['rule'], string> = {
  a: 'src/ imports nothing from bot/, cards/ or manifest/ (not even types or dynamically)',
  b: 'src/handover/ and src/conduct/ import nothing from each other',
  c: 'cards/ imports from src/ only with `import type`',
  d: 'src/ and cards/ never import botbuilder, botframework-* or restify',
  e: 'bot/ uses the process modules only through their entry points (index.ts); types may come from anywhere',
};

describe('architecture (the repository)', () => {
  const files = [...sourceFiles('src'), ...sourceFiles('cards'), ...sourceFiles('bot')];
  const all = files.flatMap((f) => checkFile(f, fs.readFileSync(path.join(ROOT, f), 'utf8')));

  it('finds the source files', () => {
    expect(files.some((f) => f.startsWith('src/handover/'))).toBe(true);
    expect(files.some((f) => f.startsWith('src/conduct/'))).toBe(true);
    expect(files.some((f) => f.startsWith('cards/'))).toBe(true);
  });

  for (const rule of ['a', 'b', 'c', 'd', 'e'] as const) {
    it(`(${rule}) ${RULES[rule]}`, () => {
      const violations = all.filter((v) => v.rule === rule);
      // One `file -> specifier` line per violation, so the failure says what to change.
      expect(format(violations), RULES[rule]).toBe('');
    });
  }
});

describe('architecture checker (can fail)', () => {
  it('reads static, re-export, dynamic, import-type and require specifiers, and which are type-only', () => {
    const refs = importsOf(
      'src/x.ts',
      [
        "import a from './a.ts';",
        "import type { B } from './b.ts';",
        "import { type C } from './c.ts';",
        "import './d.ts';",
        "export { e } from './e.ts';",
        "export type { F } from './f.ts';",
        "export * from './g.ts';",
        "const h = await import('./h.ts');",
        'const i = await import(`./i.ts`);',
        "type J = import('./j.ts').J;",
        "const k = require('./k.cjs');",
        "// import l from './l.ts';",
        "const m = \"import n from './n.ts'\";",
      ].join('\n'),
    );
    expect(refs.map((r) => [r.specifier, r.kind, r.typeOnly])).toEqual([
      ['./a.ts', 'import', false],
      ['./b.ts', 'import', true],
      ['./c.ts', 'import', false],
      ['./d.ts', 'import', false],
      ['./e.ts', 'export', false],
      ['./f.ts', 'export', true],
      ['./g.ts', 'export', false],
      ['./h.ts', 'dynamic', false],
      ['./i.ts', 'dynamic', false],
      ['./j.ts', 'import-type', true],
      ['./k.cjs', 'require', false],
    ]);
  });

  it('(a) flags src/ importing bot/, cards/ or manifest/, also type-only and dynamically', () => {
    const text = [
      "import { startServer } from '../../bot/server.ts';",
      "import type { Card } from '../../cards/handover/review.ts';",
      "const m = await import('../../manifest/build.ts');",
      "type T = import('../../cards/help.ts').HelpModel;",
      "export { x } from '../../bot/x.ts';",
      "import { ok } from '../cli/commands/manifest.ts';", // a file named manifest.ts is not the manifest/ folder
      "import { alsoOk } from '../cards-like/thing.ts';",
    ].join('\n');
    const v = checkFile('src/handover/x.ts', text);
    expect(v.map((x) => [x.rule, x.specifier])).toEqual([
      ['a', '../../bot/server.ts'],
      ['a', '../../cards/handover/review.ts'],
      ['a', '../../manifest/build.ts'],
      ['a', '../../cards/help.ts'],
      ['a', '../../bot/x.ts'],
    ]);
    expect(format(v)).toContain('src/handover/x.ts -> ../../bot/server.ts (rule a, line 1)');
    expect(checkFile('src/cli/commands/manifest.ts', "const { build } = await import('../../../manifest/build.ts');").map((x) => x.rule)).toEqual(['a']);
    // '../cards/…' from src/cli/commands/ is src/cli/cards/, not the top-level cards/.
    expect(checkFile('src/cli/commands/x.ts', "import type { C } from '../cards/c.ts';")).toEqual([]);
    // bot/ itself may import anything.
    expect(checkFile('bot/x.ts', "import { y } from '../cards/help.ts';")).toEqual([]);
  });

  it('(b) flags src/handover/ and src/conduct/ importing each other', () => {
    expect(checkFile('src/handover/decide.ts', "import { report } from '../conduct/report-conduct.ts';").map((x) => x.rule)).toEqual(['b']);
    expect(checkFile('src/conduct/view.ts', "import type { ClientRow } from '../handover/context.ts';").map((x) => x.rule)).toEqual(['b']);
    expect(checkFile('src/conduct/deep/x.ts', "const v = await import('../../handover/view.ts');").map((x) => x.rule)).toEqual(['b']);
    expect(checkFile('src/conduct/view.ts', "import { clientInfo } from '../assignments/history.ts';")).toEqual([]);
    expect(checkFile('src/handover/view.ts', "import { x } from './conduct-like.ts';")).toEqual([]);
  });

  it('(c) flags a runtime import from src/ in cards/, not `import type`', () => {
    expect(checkFile('cards/handover/review.ts', "import { REASON_CATEGORY_LABELS } from '../../src/handover/labels.ts';").map((x) => x.rule)).toEqual(['c']);
    expect(checkFile('cards/handover/review.ts', "import { type HandoverView } from '../../src/handover/view/review.ts';").map((x) => x.rule)).toEqual(['c']);
    expect(checkFile('cards/help.ts', "const x = await import('../src/ids.ts');").map((x) => x.rule)).toEqual(['c']);
    expect(checkFile('cards/help.ts', "export { y } from '../src/ids.ts';").map((x) => x.rule)).toEqual(['c']);
    expect(checkFile('cards/handover/review.ts', "import type { HandoverView } from '../../src/handover/view/review.ts';")).toEqual([]);
    expect(checkFile('cards/help.ts', "export type { Role } from '../src/people/roles.ts';")).toEqual([]);
    expect(checkFile('cards/help.ts', "type R = import('../src/people/roles.ts').Role;")).toEqual([]);
    expect(checkFile('cards/help.ts', "import { t } from './common/text.ts';")).toEqual([]);
  });

  it('(e) flags bot/ reaching into a process module past its entry point, not a type import', () => {
    expect(checkFile('bot/actions/handover/request.ts', "import { formValues } from '../../../src/handover/validation.ts';").map((x) => x.rule)).toEqual(['e']);
    expect(checkFile('bot/actions/conduct/conduct.ts', "import { loadConduct } from '../../../src/conduct/context.ts';").map((x) => x.rule)).toEqual(['e']);
    expect(checkFile('bot/actions/handover/request.ts', "import { submitRequest } from '../../../src/handover/index.ts';")).toEqual([]);
    expect(checkFile('bot/actions/handover/shared.ts', "import type { TrackedHandoverKind } from '../../../src/notices/handover.ts';")).toEqual([]);
    expect(checkFile('bot/x.ts', "import type { HandoverRow } from '../src/handover/context.ts';")).toEqual([]);
    expect(checkFile('bot/x.ts', "import restify from 'restify';")).toEqual([]);
  });

  it('(d) flags botbuilder, botframework-* and restify in src/ and cards/', () => {
    expect(checkFile('src/x.ts', "import { TurnContext } from 'botbuilder';").map((x) => x.rule)).toEqual(['d']);
    expect(checkFile('src/x.ts', "import type { Activity } from 'botframework-schema';").map((x) => x.rule)).toEqual(['d']);
    expect(checkFile('cards/x.ts', "import { CardFactory } from 'botbuilder-core';").map((x) => x.rule)).toEqual(['d']);
    expect(checkFile('cards/x.ts', "const r = await import('restify');").map((x) => x.rule)).toEqual(['d']);
    expect(checkFile('src/x.ts', "import { errors } from 'restify-errors';").map((x) => x.rule)).toEqual([]);
    expect(checkFile('bot/x.ts', "import { TurnContext } from 'botbuilder';")).toEqual([]);
  });
});
