import type { Config } from '../config.js';
import type { Database } from '../db/index.js';
import { createServices } from '../app.js';
import { systemActor, systemContext } from '../platform/http/context.js';
import { demoAccounts, demoTrees, walkDemoTrees } from './demo-data.js';

/**
 * Fills an empty database with the demonstration organisations and accounts (README lists them).
 * Runs through the services, so every row is checked and audited like any other change.
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
  for (const account of demoAccounts) {
    const user = await services.users.create(ctx, {
      login: account.login,
      displayName: account.displayName,
      homeOrgId: idByPath.get(account.homeOrg)!,
      password: account.password,
      mustChangePassword: false,
    });
    for (const grant of account.grants) {
      await services.users.addGrant(ctx, user.id, { orgId: idByPath.get(grant.org)!, role: grant.role });
    }
  }
  return true;
}
