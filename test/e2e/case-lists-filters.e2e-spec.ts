import { Permission } from '../../src/shared/auth/permission.enum';
import { CaseState } from '../../src/shared/domain/case-state';
import { CaseRowBuilder } from '../support/builders/case-rows.builder';
import { caseListHelpers } from '../support/case-lists';
import { createTestApp, TestApp } from '../support/test-app';
import { bearer } from '../support/tokens';

describe('Case lists: filters (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const { builder, admin, ids } = caseListHelpers(() => t);

  describe('filters', () => {
    let cb: CaseRowBuilder;
    let types: string[];
    let prios: string[];
    const named: Record<string, string> = {};
    let headers: Record<string, string>;
    const get = (query: string) => ids(`?${query}`, headers);

    beforeAll(async () => {
      cb = builder();
      headers = admin(cb.tenant);
      types = [await cb.caseType('Incident'), await cb.caseType('Request')];
      prios = [await cb.priority(1), await cb.priority(5)];
      const at = (iso: string) => new Date(iso);
      const rows: Record<string, Parameters<CaseRowBuilder['create']>[0]> = {
        printer: {
          details: 'Printer jammed',
          description: 'Paper stuck in the office printer',
          state: CaseState.NEW,
          caseTypeId: types[0],
          priorityId: prios[0],
          initiatorId: 'carol',
          assignedToUsers: ['bob'],
          tags: ['hardware', 'vip'],
          createdAt: at('2026-01-01T08:00:00.000Z'),
          dueDate: at('2026-01-03T00:00:00.000Z'),
        },
        toner: {
          details: 'Toner low',
          description: 'The printer needs a new toner cartridge',
          state: CaseState.OPENED,
          caseTypeId: types[0],
          priorityId: prios[1],
          initiatorId: 'dave',
          assignedToGroups: ['desk'],
          tags: ['hardware'],
          createdAt: at('2026-01-02T08:00:00.000Z'),
          dueDate: at('2026-01-10T00:00:00.000Z'),
        },
        access: {
          details: 'Access request',
          description: 'Needs VPN access for the paper archive',
          state: CaseState.IN_PROCESS,
          caseTypeId: types[1],
          initiatorId: 'carol',
          assignedToUsers: ['erin'],
          assignedToGroups: ['desk', 'network'],
          createdAt: at('2026-01-03T08:00:00.000Z'),
        },
        refund: {
          details: 'Refund',
          description: null,
          state: CaseState.COMPLETED,
          caseTypeId: types[1],
          priorityId: prios[1],
          initiatorId: 'erin',
          tags: ['vip'],
          createdAt: at('2026-01-04T08:00:00.000Z'),
          dueDate: at('2026-01-05T00:00:00.000Z'),
        },
      };
      for (const [name, row] of Object.entries(rows)) named[name] = (await cb.create(row)).id;
    });

    const expectIds = (...names: string[]) => names.map((n) => named[n]);

    it('by state, one or several (repeated or comma separated)', async () => {
      expect(await get('state=NEW')).toEqual(expectIds('printer'));
      expect(await get('state=NEW&state=COMPLETED')).toEqual(expectIds('refund', 'printer'));
      expect(await get('state=OPENED,IN_PROCESS')).toEqual(expectIds('access', 'toner'));
      expect(await get('state=ON_HOLD')).toEqual([]);
    });

    it('by case type, priority, initiator, assignee, group and tag', async () => {
      expect(await get(`caseTypeId=${types[1]}`)).toEqual(expectIds('refund', 'access'));
      expect(await get(`priorityId=${prios[1]}`)).toEqual(expectIds('refund', 'toner'));
      expect(await get('initiatorId=carol')).toEqual(expectIds('access', 'printer'));
      expect(await get('assignedToUser=bob')).toEqual(expectIds('printer'));
      expect(await get('assignedToUser=erin')).toEqual(expectIds('access'));
      expect(await get('assignedToGroup=desk')).toEqual(expectIds('access', 'toner'));
      expect(await get('assignedToGroup=network')).toEqual(expectIds('access'));
      expect(await get('tag=vip')).toEqual(expectIds('refund', 'printer'));
      expect(await get('tag=hardware')).toEqual(expectIds('toner', 'printer'));
      expect(await get('tag=nope')).toEqual([]);
    });

    it('by full text over details and description, with web-search syntax', async () => {
      expect(await get('q=printer')).toEqual(expectIds('toner', 'printer'));
      expect(await get('q=PAPER')).toEqual(expectIds('access', 'printer'));
      expect(await get('q=refund')).toEqual(expectIds('refund'));
      expect(await get(`q=${encodeURIComponent('printer -toner')}`)).toEqual(expectIds('printer'));
      expect(await get(`q=${encodeURIComponent('"paper archive"')}`)).toEqual(expectIds('access'));
      expect(await get(`q=${encodeURIComponent('toner or vpn')}`)).toEqual(
        expectIds('access', 'toner'),
      );
      expect(await get(`q=${encodeURIComponent('!!! &')}`)).toEqual([]);
    });

    it('by creation window (inclusive) and due date (strictly before)', async () => {
      expect(await get('createdFrom=2026-01-02T08:00:00.000Z')).toEqual(
        expectIds('refund', 'access', 'toner'),
      );
      expect(await get('createdTo=2026-01-02T08:00:00Z')).toEqual(expectIds('toner', 'printer'));
      expect(await get('createdFrom=2026-01-02&createdTo=2026-01-03T08:00:00.000Z')).toEqual(
        expectIds('access', 'toner'),
      );
      expect(await get(`createdFrom=${encodeURIComponent('2026-01-03T09:00:00+01:00')}`)).toEqual(
        expectIds('refund', 'access'),
      );
      expect(await get('createdFrom=2026-01-03T08:00')).toEqual(expectIds('refund', 'access'));
      expect(await get('dueBefore=2026-01-05T00:00:00.000Z')).toEqual(expectIds('printer'));
      expect(await get('dueBefore=2026-01-05T00:00:00.001Z')).toEqual(
        expectIds('refund', 'printer'),
      );
      expect(await get('dueBefore=2030-01-01')).toEqual(expectIds('refund', 'toner', 'printer'));
    });

    it('combine with each other and with every view', async () => {
      expect(await get(`state=NEW,OPENED&caseTypeId=${types[0]}&tag=vip&q=paper`)).toEqual(
        expectIds('printer'),
      );
      const as = (user: string, permission: Permission, groups: string[] = []) =>
        bearer({ tenant: cb.tenant, user, permissions: [permission], groups });
      expect(
        await ids('/assigned?tag=hardware', as('bob', Permission.CASE_VIEW_ASSIGNED, ['desk'])),
      ).toEqual(expectIds('toner', 'printer'));
      expect(
        await ids('/assigned?state=IN_PROCESS', as('bob', Permission.CASE_VIEW_ASSIGNED, ['desk'])),
      ).toEqual(expectIds('access'));
      expect(await ids('/mine?q=vpn', as('carol', Permission.CASE_VIEW_MINE))).toEqual(
        expectIds('access'),
      );
      expect(await ids('/mine?state=NEW', as('carol', Permission.CASE_VIEW_MINE))).toEqual(
        expectIds('printer'),
      );
      expect(await ids('/unassigned', as('zed', Permission.CASE_VIEW_UNASSIGNED))).toEqual(
        expectIds('refund'),
      );
      expect(
        await ids('/unassigned?state=NEW', as('zed', Permission.CASE_VIEW_UNASSIGNED)),
      ).toEqual([]);
    });
  });
});
