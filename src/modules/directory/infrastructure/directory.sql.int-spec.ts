import { Directory } from '../../../shared/directory/directory';
import { TransactionManager } from '../../../shared/database/transaction-manager';
import { createTestModule, TestModule } from '../../../../test/support/test-module';
import { newTenant } from '../../../../test/support/test-env';
import { DirectoryModule } from '../directory.module';
import { GROUPS_TTL_MS } from './directory.sql';

const engine = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite';
const NOW = new Date('2026-01-05T09:00:00Z');

/** Every request reads its caller's directory groups: reused for a few seconds, never stale here. */
describe(`SqlDirectory.groupsOf (integration, ${engine})`, () => {
  let t: TestModule;
  let directory: Directory;
  let tx: TransactionManager;

  beforeAll(async () => {
    t = await createTestModule([DirectoryModule]);
    directory = t.get(Directory);
    tx = t.get(TransactionManager);
  });
  afterAll(() => t?.close());
  afterEach(() => jest.restoreAllMocks());

  /** A change made past this instance, as another replica's would be. */
  const changeElsewhere = (tenant: string, user: string, groups: string[]) =>
    tx.query(`UPDATE directory_users SET groups = $3 WHERE client_id = $1 AND user_id = $2`, [
      tenant,
      user,
      groups,
    ]);

  it('reuses a user’s groups for GROUPS_TTL_MS, then reads them again', async () => {
    const tenant = newTenant();
    await directory.saveUser(tenant, 'alice', { groups: ['l1'] }, NOW);
    expect(await directory.groupsOf(tenant, 'alice')).toEqual(['l1']);
    await changeElsewhere(tenant, 'alice', ['l2']);
    expect(await directory.groupsOf(tenant, 'alice')).toEqual(['l1']);
    const later = performance.now() + GROUPS_TTL_MS + 1;
    jest.spyOn(performance, 'now').mockReturnValue(later);
    expect(await directory.groupsOf(tenant, 'alice')).toEqual(['l2']);
  });

  it('answers a change made through this instance at once: saved, deactivated, removed', async () => {
    const tenant = newTenant();
    await directory.saveUser(tenant, 'bob', { groups: ['l1'] }, NOW);
    expect(await directory.groupsOf(tenant, 'bob')).toEqual(['l1']);
    await directory.saveUser(tenant, 'bob', { groups: ['l1', 'l2'] }, NOW);
    expect(await directory.groupsOf(tenant, 'bob')).toEqual(['l1', 'l2']);
    await directory.saveUser(tenant, 'bob', { active: false }, NOW);
    expect(await directory.groupsOf(tenant, 'bob')).toEqual([]);
    await directory.saveUser(tenant, 'bob', { active: true }, NOW);
    expect(await directory.groupsOf(tenant, 'bob')).toEqual(['l1', 'l2']);
    await directory.removeUser(tenant, 'bob');
    expect(await directory.groupsOf(tenant, 'bob')).toEqual([]);
  });

  it('keeps users and tenants apart', async () => {
    const [tenant, other] = [newTenant(), newTenant()];
    await directory.saveUser(tenant, 'carol', { groups: ['l1'] }, NOW);
    await directory.saveUser(other, 'carol', { groups: ['l9'] }, NOW);
    await directory.saveUser(tenant, 'dave', { groups: ['l2'] }, NOW);
    expect(await directory.groupsOf(tenant, 'carol')).toEqual(['l1']);
    expect(await directory.groupsOf(other, 'carol')).toEqual(['l9']);
    expect(await directory.groupsOf(tenant, 'dave')).toEqual(['l2']);
  });

  it('inside a transaction reads through, and a change there counts once it commits', async () => {
    const tenant = newTenant();
    await directory.saveUser(tenant, 'erin', { groups: ['l1'] }, NOW);
    expect(await directory.groupsOf(tenant, 'erin')).toEqual(['l1']);
    const inside = await tx.run(async () => {
      await directory.saveUser(tenant, 'erin', { groups: ['l2'] }, NOW);
      return directory.groupsOf(tenant, 'erin');
    });
    expect(inside).toEqual(['l2']);
    expect(await directory.groupsOf(tenant, 'erin')).toEqual(['l2']);
  });

  it('does not keep what a read begun before a change found', async () => {
    const tenant = newTenant();
    await directory.saveUser(tenant, 'frank', { groups: ['l1'] }, NOW);
    const before = directory.groupsOf(tenant, 'frank');
    await directory.saveUser(tenant, 'frank', { groups: ['l2'] }, NOW);
    await before;
    expect(await directory.groupsOf(tenant, 'frank')).toEqual(['l2']);
  });
});
