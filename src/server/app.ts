import './platform/excel/exceljs-utf8.js';
import { existsSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { latestMigrationTag, type Database } from './db/index.js';
import { WEB_DIST_DIR } from './paths.js';
import { createSessionStore, purgeExpiredSessions } from './platform/auth/sessions.js';
import { purgeStaleThrottles } from './platform/auth/throttle.js';
import { createFileService } from './platform/files/files.js';
import { createS3Storage } from './platform/files/s3-storage.js';
import { createLocalStorage, type FileStorage } from './platform/files/storage.js';
import type { StorageConfig } from './config.js';
import { registerAuthHooks } from './platform/http/auth-hooks.js';
import { errorHandler } from './platform/http/errors.js';
import { createJobRunner, type JobRunner } from './platform/jobs/runner.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { createAuditService } from './modules/audit/audit.service.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { createAuthService } from './modules/auth/auth.service.js';
import { jobRoutes } from './modules/job/job.routes.js';
import { orgRoutes } from './modules/org/org.routes.js';
import { dataImportRoutes } from './modules/dataImport/dataImport.routes.js';
import { createDataImportService } from './modules/dataImport/dataImport.service.js';
import { emulationRoutes } from './modules/people/emulation.routes.js';
import { createEmulationService } from './modules/people/emulation.service.js';
import { householdRoutes } from './modules/people/household.routes.js';
import { createHouseholdService } from './modules/people/household.service.js';
import { createPeopleJobs } from './modules/people/people.jobs.js';
import { peopleReorgParticipant } from './modules/people/people.reorg.js';
import { peopleRoutes } from './modules/people/people.routes.js';
import { createPeopleService } from './modules/people/people.service.js';
import { createOrgService } from './modules/org/org.service.js';
import { createSetupService } from './modules/setup/setup.service.js';
import { setupRoutes } from './modules/setup/setup.routes.js';
import { notificationRoutes } from './modules/notification/notification.routes.js';
import { studyPlanRoutes } from './modules/studyPlan/studyPlan.routes.js';
import { createStudyPlanService } from './modules/studyPlan/studyPlan.service.js';
import { createLearningRecordService } from './modules/learningRecord/learningRecord.service.js';
import { criteriaRoutes } from './modules/criteria/criteria.routes.js';
import { createCriteriaService } from './modules/criteria/criteria.service.js';
import { loadBuiltinSets } from './modules/criteria/builtin-sets.js';
import { learningRecordRoutes } from './modules/learningRecord/learningRecord.routes.js';
import { recognitionRoutes } from './modules/recognition/recognition.routes.js';
import { createRecognitionService } from './modules/recognition/recognition.service.js';
import { createCertificateService } from './modules/recognition/certificate.js';
import { verificationRoutes } from './modules/recognition/verification.routes.js';
import { createRecognitionDocumentService, recognitionDocumentRoutes } from './modules/recognition/recognition.documents.js';
import { createNotificationService } from './platform/notifications/notifications.js';
import { userRoutes } from './modules/user/user.routes.js';
import { createUserService } from './modules/user/user.service.js';

export const VERSION = '0.1.0';

export interface AppOptions {
  database: Database;
  sessionSecret: string;
  dataDir: string;
  /** Number of reverse proxies in front (see config.ts). */
  trustProxy?: number;
  logLevel?: string | false;
  /** Start the background job runner (tests drain jobs by hand instead). */
  runJobs?: boolean;
  /** Serve the built web app from dist/web when present. */
  serveWeb?: boolean;
  /** The app's public address (PUBLIC_URL) for links printed on documents; else the request's own. */
  publicUrl?: string;
  /** Where file bytes live (STORAGE); default the data folder. */
  storage?: StorageConfig;
}

/** The services of the app, wired once; routes, jobs and scripts use the same instances. */
export function createServices(database: Database, opts: { sessionSecret: string; dataDir: string; publicUrl?: string; storage?: StorageConfig }) {
  const { db } = database;
  const storage: FileStorage =
    opts.storage?.kind === 's3' ? createS3Storage(opts.storage, path.join(opts.dataDir, 'spool')) : createLocalStorage(path.join(opts.dataDir, 'files'));
  const jobs: JobRunner = createJobRunner(database, { housekeeping: [purgeExpiredSessions, purgeStaleThrottles] });
  const sessions = createSessionStore(opts.sessionSecret);
  const orgs = createOrgService(db);
  const users = createUserService(db, orgs, { jobs, storage });
  const auth = createAuthService(db, users, sessions);
  const setup = createSetupService(db, orgs, users, auth);
  const audit = createAuditService(db, orgs, users, jobs, storage);
  const files = createFileService(db, storage);
  const people = createPeopleService(db, orgs, users);
  orgs.registerReorgParticipant(peopleReorgParticipant);
  const households = createHouseholdService(db, { orgs, users, jobs, storage });
  const emulation = createEmulationService(db, orgs, people);
  const peopleJobs = createPeopleJobs(db, { people, orgs, users, jobs, storage });
  const notifications = createNotificationService(db);
  const studyPlans = createStudyPlanService(db, { orgs, people, users, jobs, storage });
  const learningRecords = createLearningRecordService(db, { orgs, people, storage });
  const criteria = createCriteriaService(db, { orgs });
  const titles = createRecognitionService(db, { orgs, people });
  const imports = createDataImportService(db, { orgs, people, learningRecords, titles, users, jobs, storage });
  const certificates = createCertificateService(db, { orgs, publicUrl: opts.publicUrl });
  const titleDocuments = createRecognitionDocumentService(db, { orgs, users, jobs, storage });
  return { db, storage, jobs, files, orgs, users, auth, setup, audit, people, peopleJobs, households, emulation, imports, notifications, studyPlans, learningRecords, criteria, titles, certificates, titleDocuments };
}

export type Services = ReturnType<typeof createServices>;

/** Paths in logs lose their query string: search terms can be people's names. */
const logSerializers = {
  req: (req: { method: string; url: string; id: string }) => ({ method: req.method, path: req.url.split('?')[0], id: req.id }),
};

export async function buildApp(opts: AppOptions): Promise<{ app: FastifyInstance; services: Services }> {
  const services = createServices(opts.database, opts);
  const app = Fastify({
    logger: opts.logLevel === false ? false : { level: opts.logLevel ?? 'info', serializers: logSerializers },
    // Trust exactly the configured number of proxy hops, nothing a client could add in front.
    trustProxy: opts.trustProxy ? (_address: string, hop: number) => hop < opts.trustProxy! : false,
    bodyLimit: 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: { maxAge: 31536000, includeSubDomains: true },
  });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 50 * 1024 * 1024, files: 1 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'hoctap API', version: VERSION, description: 'Xây dựng xã hội học tập — learning-society movement platform' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'hoctap_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: "default-src 'self'; base-uri 'self'; img-src 'self' data:; object-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
  });

  registerAuthHooks(app, services.auth);

  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
  app.get('/api/health', { config: { public: true }, schema: { tags: ['health'], summary: 'Engine and migration version' } }, async () => ({
    status: 'ok',
    engine: opts.database.engine,
    migration: latestMigrationTag(),
    version: VERSION,
  }));

  setupRoutes(app, services.setup);
  authRoutes(app, services.auth);
  orgRoutes(app, services.orgs);
  userRoutes(app, services.users);
  auditRoutes(app, services.audit);
  peopleRoutes(app, services.people, services.peopleJobs);
  householdRoutes(app, services.households);
  emulationRoutes(app, services.emulation);
  dataImportRoutes(app, services.imports);
  jobRoutes(app, services.jobs, services.files);
  notificationRoutes(app, services.notifications);
  studyPlanRoutes(app, services.studyPlans);
  learningRecordRoutes(app, services.learningRecords);
  criteriaRoutes(app, services.criteria);
  recognitionRoutes(app, services.titles);
  recognitionDocumentRoutes(app, services.titleDocuments);
  verificationRoutes(app, services.certificates);

  const webBuilt = opts.serveWeb === true && existsSync(path.join(WEB_DIST_DIR, 'index.html'));
  const sendWebApp = (reply: FastifyReply) => reply.header('cache-control', 'no-cache').sendFile('index.html');
  if (webBuilt) {
    await app.register(fastifyStatic, {
      root: WEB_DIST_DIR,
      // Files are looked up per request, so a rebuilt web app is served without a restart;
      // a missing file falls through to the not-found handler below.
      wildcard: true,
      index: false,
      setHeaders: (res, filePath) => {
        res.header('cache-control', filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    app.get('/', { schema: { hide: true } }, (_request, reply) => sendWebApp(reply));
  }
  app.setNotFoundHandler(async (request, reply) => {
    // Client-side routes (/orgs, /users?…) get the app; missing files (/assets/x.js) and the API get 404.
    const isPage = !request.url.startsWith('/api/') && !/\.[a-z0-9]+$/i.test(request.url.split('?')[0]);
    if (webBuilt && isPage && (request.method === 'GET' || request.method === 'HEAD')) return sendWebApp(reply);
    return reply.status(404).send({ code: 'NOT_FOUND', message: { vi: 'Không tìm thấy.', en: 'Not found.' } });
  });

  await services.orgs.loadBuiltInKinds();
  await services.learningRecords.loadBuiltInCatalogue();
  await services.criteria.loadBuiltInSets(loadBuiltinSets());
  if (opts.runJobs) {
    await services.jobs.start();
    app.addHook('onClose', async () => services.jobs.stop());
  }
  return { app, services };
}
