// Issue 7, defect 10: help is generated from the command table. For every role (and for people without a
// role or unknown to the bot) the commands the help card lists are exactly the commands that work: each
// listed command is accepted (no missing-permission, not-registered or not-understood answer), and each
// command of the table that is accepted is listed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../bot/routes.ts';
import { ERRORS } from '../../src/errors/catalogue.ts';
import { ROLES, type Role } from '../../src/people/roles.ts';
import { cardText, cardTexts } from '../support/cards.ts';
import { BOT_ID, startHarness, type ConversationSpec, type Harness, type Sender } from '../support/harness.ts';
import type { TestPerson } from '../support/people.ts';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const mention = { entities: [{ type: 'mention', mentioned: { id: BOT_ID, name: 'Staffelstab' }, text: '<at>Staffelstab</at>' }] };

interface Listed {
  usage: string;
  channelOnly: boolean;
}

/** The commands the help card lists: `**usage** – description` lines; after the channel heading they are channel-only. */
function listedCommands(card: unknown): Listed[] {
  const out: Listed[] = [];
  let channelOnly = false;
  for (const t of cardTexts(card)) {
    if (t.startsWith('**Nur in einem Team-Kanal**')) channelOnly = true;
    const m = /^\*\*(.+?)\*\* – /.exec(t);
    if (m) out.push({ usage: m[1]!, channelOnly });
  }
  return out;
}

/** The typed form of each table row that help may list (read loosely, so this also runs against a table without help metadata). */
function tableCommands(): Listed[] {
  return (COMMANDS as readonly unknown[]).flatMap((c) => {
    const row = c as { name: string; roles?: unknown; help?: { usage?: string }; channelOnly?: boolean };
    // A row with access metadata but no help entry is a fallback (`kanal <unknown>`), not a command of its own.
    if (row.roles !== undefined && row.help === undefined) return [];
    return [{ usage: row.help?.usage ?? row.name, channelOnly: row.channelOnly === true }];
  });
}

const REFUSALS = [ERRORS.FORBIDDEN_ROLE.de, ERRORS.NOT_REGISTERED.de];

/** Sends the command where it is meant to work and tells whether the bot accepted it. */
async function accepted(from: Sender | TestPerson, command: Listed): Promise<boolean> {
  const conversation: ConversationSpec = command.channelOnly ? h.channel('probe') : h.personalConversationOf(from);
  const before = h.deliveredTo(conversation.id).length;
  await h.message(`<at>Staffelstab</at> ${command.usage}`, { from, conversation, extra: mention });
  await h.drainOutbox();
  const answers = h.deliveredTo(conversation.id).slice(before);
  expect(answers.length, `an answer to "${command.usage}"`).toBeGreaterThan(0);
  const shown = answers.map((a) => {
    const body = a.body as { text?: string; attachments?: { content: unknown }[] };
    return [body.text ?? '', ...(body.attachments ?? []).map((x) => cardText(x.content))].join('\n');
  });
  return !shown.some((s) => s.includes('Das habe ich nicht verstanden') || REFUSALS.some((r) => s.includes(r)));
}

const PROFILES: { label: string; roles: Role[] | null }[] = [
  { label: 'unknown to the bot', roles: null },
  { label: 'no role', roles: [] },
  ...ROLES.map((r) => ({ label: r, roles: [r] })),
  { label: 'vpa + admin', roles: ['vpa', 'admin'] },
];

describe('help lists exactly the commands that work', () => {
  for (const profile of PROFILES) {
    it(profile.label, async () => {
      const from: Sender | TestPerson =
        profile.roles === null ? { name: 'Fremd Person', aadObjectId: '00000000-0000-0000-0000-0000000f00ff' } : await h.person(`Probe ${profile.label}`, profile.roles);
      await h.message('hilfe', { from });
      const help = h.cardsTo(h.personalConversationOf(from).id).at(-1);
      const listed = listedCommands(help);
      expect(listed.map((c) => c.usage)).toContain('hilfe');

      const candidates = new Map<string, Listed>();
      for (const c of [...tableCommands(), ...listed]) candidates.set(c.usage, candidates.get(c.usage) ?? c);
      for (const c of listed) candidates.set(c.usage, c);

      const works: string[] = [];
      for (const c of candidates.values()) if (await accepted(from, c)) works.push(c.usage);
      expect(works.sort(), `${profile.label}: accepted commands = listed commands`).toEqual(listed.map((c) => c.usage).sort());
    });
  }

  it('lists channel-only commands under their own heading and marks them so in the model', async () => {
    const maria = await h.person('Maria Weber', ['vpa_manager']);
    await h.message('hilfe', { from: maria });
    const listed = listedCommands(h.cardsTo(h.personalConversationOf(maria).id).at(-1));
    expect(listed.filter((c) => c.channelOnly).map((c) => c.usage)).toEqual(['kanal freigabe', 'kanal betreuung', 'kanal schicht', 'kanal admin']);
    expect(listed.find((c) => c.usage === 'schicht bericht')).toEqual({ usage: 'schicht bericht', channelOnly: false });
  });

  it('the welcome cards only mention commands of the table', async () => {
    const usages = tableCommands().map((c) => c.usage);
    const channel = h.channel('team');
    const maria = await h.person('Maria Weber', ['vpa_manager', 'vpa']);
    await h.install({ from: maria, conversation: channel });
    await h.install({ from: maria });
    for (const card of [...h.cardsTo(channel.id), ...h.cardsTo(h.personalConversationOf(maria).id)]) {
      for (const m of cardText(card).matchAll(/\*\*(?:@Staffelstab )?([a-zäöü ]+?)\*\*/g)) {
        const said = m[1]!;
        if (said === said.toLowerCase() && !said.includes(':')) expect(usages, `welcome mentions "${said}"`).toContain(said);
      }
    }
  });
});
