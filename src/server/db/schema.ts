/** Every table of hoctap, for drizzle's typed queries. Each table lives beside its module. */
export * from '../modules/org/org.table.js';
export * from '../modules/user/user.table.js';
export * from '../platform/auth/auth.table.js';
export * from '../platform/audit/audit.table.js';
export * from '../platform/jobs/job.table.js';
export * from '../platform/files/file.table.js';
export * from '../modules/people/people.table.js';
export * from '../modules/people/emulation.table.js';
export * from '../modules/dataImport/dataImport.table.js';
export * from '../platform/notifications/notification.table.js';
export * from '../modules/studyPlan/studyPlan.table.js';
export * from '../modules/learningRecord/learningRecord.table.js';
export * from '../modules/criteria/criteria.table.js';
export * from '../modules/recognition/recognition.table.js';
