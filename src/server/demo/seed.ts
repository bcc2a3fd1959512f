import type { Config } from '../config.js';
import type { Database } from '../db/index.js';
import { seedDemoLearning } from './demo-learning.js';
import { createServices, type Services } from '../app.js';
import { systemActor, systemContext, type RequestContext } from '../platform/http/context.js';
import { demoAccounts, demoTrees, walkDemoTrees } from './demo-data.js';
import { generateDemoPeople } from './demo-people.js';

/**
 * Fills an empty database with the demonstration organisations, accounts and people (README lists
 * them). Runs through the services, so every row is checked and audited like any other change.
 */
export async function seedDemo(database: Database, config: Pick<Config, 'sessionSecret' | 'dataDir'>): Promise<boolean> {
  const services = createServices(database, config);
  await services.orgs.loadBuiltInKinds();
  if ((await services.users.count()) > 0 || (await services.orgs.countAll()) > 0) return false;
  const ctx = systemContext(systemActor(), 'demo-seed');

  const idByPath = new Map<string, string>();
  for (const visit of walkDemoTrees(demoTrees)) {
    const created = await services.orgs.create(ctx, {
      parentId: visit.parentPath === null ? null : idByPath.get(visit.parentPath)!,
      name: visit.org.name,
      kindCode: visit.org.kind,
      code: visit.org.code ?? null,
    });
    idByPath.set(visit.path, created.id);
  }
  const userIds = new Map<string, string>();
  for (const account of demoAccounts) {
    const user = await services.users.create(ctx, {
      login: account.login,
      displayName: account.displayName,
      homeOrgId: idByPath.get(account.homeOrg)!,
      password: account.password,
      mustChangePassword: false,
    });
    userIds.set(account.login, user.id);
    for (const grant of account.grants) {
      await services.users.addGrant(ctx, user.id, { orgId: idByPath.get(grant.org)!, role: grant.role });
    }
  }
  await seedDemoPeople(services, ctx, idByPath, userIds);
  await seedDemoLearning(services, ctx, idByPath, userIds);
  return true;
}

/**
 * The staff of each agency and the residents of each commune (demo-people.ts), one import
 * transaction each, as the Excel import saves checked rows; then a few yearly emulation titles.
 */
async function seedDemoPeople(services: Services, ctx: RequestContext, idByPath: Map<string, string>, userIds: Map<string, string>) {
  const people = generateDemoPeople();
  const orgId = (path: string) => {
    const id = idByPath.get(path);
    if (!id) throw new Error(`demo people: no organisation "${path}"`);
    return id;
  };
  for (const agency of people.staff) {
    const records = agency.rows.map((row) => ({ ...row.record, orgId: orgId(row.unit), personId: null }));
    await services.db.transaction((tx) => services.people.importBatch(tx, ctx, 'staff', records));
  }
  for (const commune of people.residents) {
    const records = commune.rows.map((row) => ({ ...row.record, orgId: orgId(row.hamlet), personId: null }));
    await services.db.transaction((tx) => services.people.importBatch(tx, ctx, 'residents', records));
  }

  // The account holders among them get their login linked to their person record.
  for (const row of [...people.staff.flatMap((a) => a.rows), ...people.residents.flatMap((c) => c.rows)]) {
    if (!row.account || !row.record.person.citizenId) continue;
    const [found] = (await services.people.list(ctx, { kind: 'unit' in row ? 'staff' : 'resident', q: row.record.person.citizenId, page: 1, pageSize: 1 })).items;
    if (found) await services.people.update(ctx, found.id, { userId: userIds.get(row.account)! });
  }

  const personIds = new Map<string, string>();
  for (const unit of new Set(people.emulation.persons.map((p) => p.unit))) {
    const staff = await services.people.list(ctx, { kind: 'staff', orgId: orgId(unit), page: 1, pageSize: 1000 });
    for (const p of staff.items) if (p.citizenId) personIds.set(p.citizenId, p.id);
  }
  for (const e of people.emulation.persons) {
    const personId = personIds.get(e.citizenId);
    if (personId) await services.emulation.setForPerson(ctx, personId, e.year, { titleCode: e.titleCode, discipline: e.discipline });
  }
  for (const e of people.emulation.units) {
    await services.emulation.setForOrg(ctx, orgId(e.unit), e.year, { titleCode: e.titleCode });
  }
}
