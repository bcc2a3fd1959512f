import './platform/excel/exceljs-utf8.js';
import { loadConfig } from './config.js';
import { openDb } from './db/index.js';
import { DataDirLockedError } from './db/lock.js';
import { buildApp } from './app.js';

/** Starts hoctap: opens the database, applies migrations, serves HTTP until SIGINT/SIGTERM. */
async function main() {
  const started = Date.now();
  const config = loadConfig();
  let database;
  try {
    database = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  await database.migrate();
  if (process.argv.includes('--demo')) {
    const { seedDemo } = await import('./demo/seed.js');
    await seedDemo(database, config);
  }
  const { app } = await buildApp({
    database,
    sessionSecret: config.sessionSecret,
    dataDir: config.dataDir,
    trustProxy: config.trustProxy,
    logLevel: config.logLevel,
    runJobs: true,
    serveWeb: true,
    publicUrl: config.publicUrl,
    storage: config.storage,
  });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: shutting down`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await app.close().catch(() => {});
    await database.close().catch(() => {});
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  app.log.info(`hoctap ready on http://${config.host}:${config.port} (${database.engine}, ${Date.now() - started} ms)`);
}

main().catch((err) => {
  console.error('hoctap failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
