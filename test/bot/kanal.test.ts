import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const binding = (purpose: string) => h.db.prisma.channelBinding.findUnique({ where: { purpose }, include: { conversation: true } });

describe('kanal commands', () => {
  it('a VPA manager binds the channel they type in, with an audit event', async () => {
    const maria = await h.person('Maria Weber', ['vpa_manager']);
    const channel = h.channel('austausch');
    await h.message('<at>Staffelstab</at> kanal freigabe', { from: maria, conversation: channel });
    expect((await binding('freigabe'))?.conversation.conversationId).toBe(channel.id);
    expect(h.textsTo(channel.id).at(-1)).toContain('Freigaben von VPA-Wechseln');
    const audit = await h.db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'channel.bound' } });
    expect(audit).toMatchObject({ actorId: maria.id, subjectId: 'freigabe' });
  });

  it('stores the bare channel id when the command is a reply in a thread (;messageid=...)', async () => {
    const maria = await h.person('Maria Weber', ['vpa_manager']);
    const channel = h.channel('austausch');
    await h.message('kanal freigabe', { from: maria, conversation: { ...channel, id: `${channel.id};messageid=1700000000000` } });
    const bound = await binding('freigabe');
    expect(bound?.conversation.conversationId).toBe(channel.id);
    expect(JSON.parse(bound!.conversation.reference)).toMatchObject({ conversation: { id: channel.id } });
  });

  it('rebinding moves the purpose to the new channel', async () => {
    const admin = await h.person('Alex Admin', ['admin']);
    const first = h.channel('a');
    const second = h.channel('b');
    await h.message('kanal admin', { from: admin, conversation: first });
    await h.message('kanal admin', { from: admin, conversation: second });
    expect((await binding('admin'))?.conversation.conversationId).toBe(second.id);
  });

  it('a VPA may not bind a channel; nothing changes', async () => {
    const anna = await h.person('Anna Schneider', ['vpa']);
    const channel = h.channel('x');
    await h.message('kanal freigabe', { from: anna, conversation: channel });
    expect(await binding('freigabe')).toBeNull();
    expect(h.textsTo(channel.id).at(-1)).toContain('nur VPA-Manager, Kundenmanager und das Admin-Team');
    expect(await h.db.prisma.auditEvent.count()).toBe(0);
  });

  it('an unknown purpose gets the list of purposes', async () => {
    const maria = await h.person('Maria Weber', ['client_manager']);
    const channel = h.channel('x');
    await h.message('kanal kaffee', { from: maria, conversation: channel });
    expect(h.textsTo(channel.id).at(-1)).toContain('kanal freigabe');
    expect(await h.db.prisma.channelBinding.count()).toBe(0);
  });

  it('in local mode a personal chat may be bound (the Emulator has no channels)', async () => {
    const maria = await h.person('Maria Weber', ['vpa_manager']);
    await h.message('kanal betreuung', { from: maria });
    expect(await binding('betreuung')).not.toBeNull();
  });
});
