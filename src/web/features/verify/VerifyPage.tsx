import { CheckCircleFilled, ClockCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Alert, Descriptions, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { formatDate } from '../../../shared/vn-text';
import { isApiError } from '../../app/api';
import { errorText } from '../../app/errors';
import { pickText, useLang, useT, type Translate } from '../../app/i18n';
import { Loading } from '../../components/Loading';
import { PublicLayout } from '../../components/PublicLayout';
import { useVerification, type CertificateVerification } from './verifyApi';
import './verify.css';

const STATUS_ICONS: Record<CertificateVerification['status'], ReactNode> = {
  valid: <CheckCircleFilled />,
  expired: <ClockCircleFilled />,
  revoked: <CloseCircleFilled />,
};

/** The big coloured status: green valid, red revoked, grey expired. */
function StatusBanner({ v, t }: { v: CertificateVerification; t: Translate }) {
  const date = v.status === 'revoked' ? formatDate(v.revokedAt) : formatDate(v.validUntil);
  return (
    <div className={`verify-status verify-status-${v.status}`} role="status" data-testid="verify-status" data-status={v.status}>
      <span className="verify-status-icon" aria-hidden>
        {STATUS_ICONS[v.status]}
      </span>
      <div>
        <div className="verify-status-label">{t(`verify.status.${v.status}`)}</div>
        <div className="verify-status-hint">{t(`verify.statusHint.${v.status}`, { date })}</div>
      </div>
    </div>
  );
}

function Details({ v, code }: { v: CertificateVerification; code: string }) {
  const t = useT();
  const { lang } = useLang();
  const d = v.decision;
  const items = [
    { key: 'title', label: t('verify.field.title'), children: <strong data-testid="verify-title">{t(`titles.name.${v.title}`)}</strong> },
    { key: 'holder', label: t('verify.field.holder'), children: <strong data-testid="verify-holder">{v.holderName}</strong> },
    { key: 'year', label: t('verify.field.year'), children: v.year },
    ...(v.outcome ? [{ key: 'outcome', label: t('verify.field.outcome'), children: pickText(lang, v.outcome.name) }] : []),
    {
      key: 'decision',
      label: t('verify.field.decision'),
      children: t('verify.decisionText', { number: d.number ?? '…', date: formatDate(d.signedOn), body: d.issuingBody.replace(/\s*\n\s*/g, ' ') }),
    },
    { key: 'validUntil', label: t('verify.field.validUntil'), children: v.validUntil ? formatDate(v.validUntil) : t('verify.noLimit') },
    ...(v.revokedAt ? [{ key: 'revokedAt', label: t('verify.field.revokedAt'), children: formatDate(v.revokedAt) }] : []),
    { key: 'code', label: t('verify.field.code'), children: <code className="verify-code">{code.toUpperCase()}</code> },
  ];
  return <Descriptions column={1} size="small" bordered items={items} className="verify-details" />;
}

/**
 * /verify/:code — public, no login: what the QR code on a certificate opens. Shows the status in
 * large colour and what the certificate says; nothing else about the holder.
 */
export default function VerifyPage() {
  const { code = '' } = useParams();
  const t = useT();
  const { lang } = useLang();
  const verification = useVerification(code);
  let body: ReactNode;
  if (verification.isPending) body = <Loading />;
  else if (verification.isError) {
    const error = verification.error;
    const message = isApiError(error) && error.status === 404 ? t('verify.notFound') : isApiError(error) && error.status === 429 ? t('verify.tooMany') : errorText(lang, error);
    body = <Alert type={isApiError(error) && error.status === 404 ? 'warning' : 'error'} showIcon title={message} data-testid="verify-error" />;
  } else {
    body = (
      <>
        <StatusBanner v={verification.data} t={t} />
        <Details v={verification.data} code={code} />
      </>
    );
  }
  return (
    <PublicLayout title={t('verify.pageTitle')} wide>
      <Typography.Paragraph type="secondary">{t('verify.intro')}</Typography.Paragraph>
      {body}
      <Typography.Paragraph type="secondary" className="verify-note">
        {t('verify.note')}
      </Typography.Paragraph>
    </PublicLayout>
  );
}
