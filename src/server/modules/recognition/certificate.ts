/**
 * The read side of a recognition for the outside world: its certificate (giấy chứng nhận) as a PDF
 * for the holder or whoever may read the case, and the public verification of a certificate code
 * (no login) that the QR code on the certificate opens.
 *
 * - A certificate is read by the holder (the person whose Công dân học tập it is, through their
 *   account) or by recognition.read on the case's organisation or the decision's; anyone else gets
 *   404. Each download is audited as a generated document (`generate` on the recognition); the
 *   bytes are not kept, the same data renders the same certificate again.
 * - Verification answers only what the certificate itself shows: title, holder's name, year,
 *   result, decision, validity and status. A code that is not 26 base32 characters is refused
 *   before any database work; lookups are counted per client address (30 a minute).
 */
import { and, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Bilingual } from '../../../shared/api-types.js';
import { formatDocumentDate, formatPlaceDate } from '../../../shared/document-format.js';
import type { CriteriaSetDocument, LearningTitle, SubjectKind } from '../../../shared/criteria.js';
import { formatDate, searchKey } from '../../../shared/vn-text.js';
import type { Db, Executor } from '../../db/index.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { countAttempt, type ThrottleRule } from '../../platform/auth/throttle.js';
import { AppError, conflict, notFound } from '../../platform/errors.js';
import { requireActor, type RequestContext } from '../../platform/http/context.js';
import { renderCertificatePdf, type CertificateContent } from '../../platform/pdf/certificate-pdf.js';
import { can, type Actor } from '../../platform/policy.js';
import { todayInVietnam } from '../../platform/time.js';
import { org } from '../org/org.table.js';
import type { OrgService } from '../org/org.service.js';
import { placeOf } from '../studyPlan/plan-document.js';
import { recognitionRepo, subjectIdOf } from './recognition.repo.js';
import { recognition, recognitionDecision } from './recognition.table.js';
import { loadSubjects } from './subject.js';

/** A certificate code: 16 random bytes in RFC 4648 base32 without padding (recognition.service.ts). */
export const CERTIFICATE_CODE = /^[A-Z2-7]{26}$/;

/** Public lookups per client address: 30 a minute, counted in the database like the login limits. */
export const VERIFY_RULE: ThrottleRule = { maxFailures: 30, windowMs: 60_000, lockMs: 60_000 };

export const TITLE_NAMES: Record<LearningTitle, Bilingual> = {
  LEARNING_CITIZEN: { vi: 'Công dân học tập', en: 'Learning citizen' },
  LEARNING_FAMILY: { vi: 'Gia đình học tập', en: 'Learning family' },
  LEARNING_CLAN: { vi: 'Dòng họ học tập', en: 'Learning clan' },
  LEARNING_COMMUNITY: { vi: 'Cộng đồng học tập', en: 'Learning community' },
  LEARNING_UNIT: { vi: 'Đơn vị học tập', en: 'Learning unit' },
};

export type VerificationStatus = 'valid' | 'expired' | 'revoked';

/** What a certificate rests on, gathered from the recognition, its decision, subject and organisations. */
export interface CertificateRecord {
  id: string;
  code: string;
  title: LearningTitle;
  year: number;
  subjectKind: SubjectKind;
  holderName: string;
  /** The person's account (Công dân học tập): the holder who may download it. */
  holderUserId: string | null;
  /** The recognition's organisation (scopes the audit row). */
  orgId: string;
  casePath: string;
  decisionOrgPath: string;
  /** The band (points) or level (levels) recognised, with its name from the criteria version used. */
  outcome: { code: string; name: Bilingual; kind: 'band' | 'level' } | null;
  /** Whether the set has more than one passing band (then "Xếp loại: …" is worth printing). */
  gradedBands: boolean;
  validFrom: string;
  validUntil: string | null;
  revokedAt: Date | null;
  decision: { number: string | null; signedOn: string | null; issuingBody: string; signerName: string | null; signerPosition: string | null };
  /** Names of the holder's organisations, nearest first (the subject itself left out). */
  holderUnits: string[];
  /** Names of the decision's organisation and those above it, nearest first (for the place name). */
  decisionUnits: string[];
}

/** The answer of the public verification: nothing else about the holder. */
export interface PublicVerification {
  title: LearningTitle;
  holderName: string;
  year: number;
  outcome: { code: string; name: Bilingual } | null;
  decision: { number: string | null; signedOn: string | null; issuingBody: string };
  validUntil: string | null;
  status: VerificationStatus;
  revokedAt: string | null;
  revokeReason: null;
}

const certificateNotFound = () => notFound({ vi: 'Không tìm thấy giấy chứng nhận.', en: 'Certificate not found.' });

// ── pure parts ──────────────────────────────────────────────────────────────

/** valid / expired / revoked on a Vietnam calendar day ('yyyy-mm-dd'): valid through its last day. */
export function verificationStatus(r: { revokedAt: Date | null; validUntil: string | null }, today: string): VerificationStatus {
  if (r.revokedAt) return 'revoked';
  if (r.validUntil && r.validUntil < today) return 'expired';
  return 'valid';
}

export function publicVerification(r: CertificateRecord, today: string): PublicVerification {
  return {
    title: r.title,
    holderName: r.holderName,
    year: r.year,
    outcome: r.outcome ? { code: r.outcome.code, name: r.outcome.name } : null,
    decision: { number: r.decision.number, signedOn: r.decision.signedOn, issuingBody: r.decision.issuingBody },
    validUntil: r.validUntil,
    status: verificationStatus(r, today),
    revokedAt: r.revokedAt ? r.revokedAt.toISOString() : null,
    // A reason may name people or facts about them: the public page never shows it.
    revokeReason: null,
  };
}

/** Where the QR code leads: the public page of the code, under the app's public address. */
export const verifyUrlOf = (publicBaseUrl: string, code: string) => `${publicBaseUrl.replace(/\/+$/, '')}/verify/${code}`;

/** The band or level name under the title: "Xếp loại: Tốt", "Mức độ 2"; nothing for a plain pass. */
export function outcomeLine(r: Pick<CertificateRecord, 'outcome' | 'gradedBands'>): string | null {
  if (!r.outcome) return null;
  if (r.outcome.kind === 'level') return r.outcome.name.vi;
  return r.gradedBands ? `Xếp loại: ${r.outcome.name.vi}` : null;
}

/** The body that signs: the last line of an issuing body written over two ("UBND tỉnh X\nSở Y" → "Sở Y"). */
const issuerOf = (issuingBody: string) => issuingBody.split('\n').map((l) => l.trim()).filter(Boolean).pop() ?? issuingBody;

/** Every text of the certificate, worded from the record. */
export function certificateContent(r: CertificateRecord, publicBaseUrl: string): CertificateContent {
  const titleName = TITLE_NAMES[r.title].vi;
  const d = r.decision;
  const signedOn = d.signedOn ?? r.validFrom;
  const place = placeOf(r.decisionUnits) ?? placeOf(r.holderUnits);
  const dateText = formatDocumentDate(signedOn);
  return {
    issuingBody: d.issuingBody,
    titleName,
    outcome: outcomeLine(r),
    year: r.year,
    holderName: r.holderName,
    holderDetail: r.holderUnits.length ? r.holderUnits.slice(0, 2).join(', ') : null,
    statement: `Đã đạt danh hiệu “${titleName}” năm ${r.year}`,
    decisionLine: `Theo Quyết định số ${d.number ?? '…'} ngày ${formatDate(signedOn)} của ${issuerOf(d.issuingBody)}`,
    validityLine: r.validUntil ? `Giấy chứng nhận có giá trị đến hết ngày ${formatDate(r.validUntil)}.` : null,
    placeDate: place ? formatPlaceDate(place, signedOn) : dateText.charAt(0).toUpperCase() + dateText.slice(1),
    signerPosition: d.signerPosition ?? '',
    signerName: d.signerName ?? '',
    verifyUrl: verifyUrlOf(publicBaseUrl, r.code),
    code: r.code,
    documentTitle: `Giấy chứng nhận ${titleName} năm ${r.year} - ${r.holderName}`,
  };
}

/** "giay-chung-nhan-cong-dan-hoc-tap-2025-nguyen-van-duc.pdf": ASCII only, safe in any header. */
export function certificateFileName(r: Pick<CertificateRecord, 'title' | 'year' | 'holderName'>): string {
  const slug = (s: string) =>
    searchKey(s)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
  const holder = slug(r.holderName).slice(0, 80) || 'nguoi-nhan';
  return `giay-chung-nhan-${slug(TITLE_NAMES[r.title].vi)}-${r.year}-${holder}.pdf`;
}

/** The holder reads their own certificate; others need recognition.read on the case's or the decision's organisation. */
export function mayReadCertificate(actor: Actor, r: Pick<CertificateRecord, 'subjectKind' | 'holderUserId' | 'casePath' | 'decisionOrgPath'>): boolean {
  const holder = r.subjectKind === 'person' && r.holderUserId !== null && r.holderUserId === actor.userId;
  return holder || can(actor, 'recognition.read', r.casePath) || can(actor, 'recognition.read', r.decisionOrgPath);
}

function outcomeOf(doc: CriteriaSetDocument | undefined, code: string | null): Pick<CertificateRecord, 'outcome' | 'gradedBands'> {
  const gradedBands = (doc?.points?.bands.filter((b) => b.passes).length ?? 0) > 1;
  if (!code) return { outcome: null, gradedBands };
  if (doc?.engine === 'levels') {
    const level = doc.levels?.find((l) => l.code === code);
    return { outcome: { code, kind: 'level', name: level?.name ?? { vi: code, en: code } }, gradedBands };
  }
  const band = doc?.points?.bands.find((b) => b.code === code);
  return { outcome: { code, kind: 'band', name: band?.name ?? { vi: code, en: code } }, gradedBands };
}

// ── loading ─────────────────────────────────────────────────────────────────

const decisionOrg = alias(org, 'decision_org');

/** Ids along a materialised path, nearest first ('/a/b/c/' → [c, b, a]). */
const idsUpward = (path: string) => path.split('/').filter(Boolean).reverse();

async function loadRecord(db: Executor, orgs: OrgService, where: { id: string } | { code: string }): Promise<CertificateRecord | null> {
  const [row] = await db
    .select({ rec: recognition, decision: recognitionDecision, casePath: org.path, decisionOrgPath: decisionOrg.path })
    .from(recognition)
    .innerJoin(recognitionDecision, eq(recognitionDecision.id, recognition.decisionId))
    .innerJoin(org, eq(org.id, recognition.orgId))
    .innerJoin(decisionOrg, eq(decisionOrg.id, recognitionDecision.orgId))
    .where(and('id' in where ? eq(recognition.id, where.id) : eq(recognition.certificateCode, where.code), eq(recognitionDecision.state, 'issued')));
  if (!row) return null;
  const { rec, decision } = row;
  const kind = rec.subjectKind as SubjectKind;
  const subject = (await loadSubjects(db, kind, [subjectIdOf(rec)], rec.validFrom)).get(subjectIdOf(rec));
  const { self, review } = await recognitionRepo.assessmentsOf(db, rec.registrationId);
  const accepted = (review ?? self)?.a;
  const version = accepted ? await recognitionRepo.version(db, accepted.criteriaVersionId) : undefined;

  const holderIds = idsUpward(row.casePath).filter((id) => !(kind === 'org' && id === rec.subjectOrgId));
  const decisionIds = idsUpward(row.decisionOrgPath);
  const names = new Map((await orgs.findByIds(db, [...new Set([...holderIds, ...decisionIds])])).map((o) => [o.id, o.name]));
  const namesOf = (ids: string[]) => ids.map((id) => names.get(id)).filter((n): n is string => !!n);

  return {
    id: rec.id,
    code: rec.certificateCode,
    title: rec.title as LearningTitle,
    year: rec.year,
    subjectKind: kind,
    holderName: subject?.name ?? '',
    holderUserId: kind === 'person' ? (subject?.userId ?? null) : null,
    orgId: rec.orgId,
    casePath: row.casePath,
    decisionOrgPath: row.decisionOrgPath,
    ...outcomeOf(version?.document, rec.outcome),
    validFrom: rec.validFrom,
    validUntil: rec.validUntil,
    revokedAt: rec.revokedAt,
    decision: {
      number: decision.number,
      signedOn: decision.signedOn,
      issuingBody: decision.issuingBody,
      signerName: decision.signerName,
      signerPosition: decision.signerPosition,
    },
    holderUnits: namesOf(holderIds),
    decisionUnits: namesOf(decisionIds),
  };
}

// ── use cases ───────────────────────────────────────────────────────────────

export function createCertificateService(db: Db, deps: { orgs: OrgService; publicUrl?: string }) {
  const { orgs } = deps;
  /** The configured public address (PUBLIC_URL), else the address the request came to. */
  const baseUrl = (requestBaseUrl: string) => deps.publicUrl ?? requestBaseUrl;

  return {
    /** The certificate PDF of a recognition (the holder, or recognition.read); audited as generated. */
    async certificate(ctx: RequestContext, id: string, requestBaseUrl: string): Promise<{ pdf: Buffer; fileName: string }> {
      const actor = requireActor(ctx);
      const record = await loadRecord(db, orgs, { id });
      if (!record || !mayReadCertificate(actor, record)) throw certificateNotFound();
      if (record.revokedAt) {
        throw conflict('RECOGNITION_REVOKED', 'Danh hiệu này đã bị thu hồi: không cấp giấy chứng nhận.', 'This recognition was revoked: no certificate is issued.', 'id');
      }
      const pdf = await renderCertificatePdf(certificateContent(record, baseUrl(requestBaseUrl)));
      const fileName = certificateFileName(record);
      await db.transaction((tx) =>
        recordAudit(tx, ctx, {
          action: 'generate',
          entity: 'recognition',
          entityId: record.id,
          orgId: record.orgId,
          after: { kind: 'certificate', name: fileName, size: pdf.length, title: record.title, year: record.year },
        }),
      );
      return { pdf, fileName };
    },

    /** Public: what a certificate code stands for, or 404; 429 past the per-address limit. */
    async verify(ctx: RequestContext, typed: string): Promise<PublicVerification> {
      const code = typed.toUpperCase();
      if (!CERTIFICATE_CODE.test(code)) throw certificateNotFound();
      const count = await countAttempt(db, `verify:${ctx.ip}`, VERIFY_RULE);
      if (count > VERIFY_RULE.maxFailures) {
        throw new AppError(
          429,
          'RATE_LIMITED',
          { vi: 'Bạn tra cứu quá nhiều lần. Vui lòng thử lại sau một phút.', en: 'Too many lookups. Please try again in a minute.' },
          undefined,
          { retryAfterSeconds: Math.ceil(VERIFY_RULE.windowMs / 1000) },
        );
      }
      const record = await loadRecord(db, orgs, { code });
      if (!record) throw certificateNotFound();
      return publicVerification(record, todayInVietnam());
    },
  };
}

export type CertificateService = ReturnType<typeof createCertificateService>;
