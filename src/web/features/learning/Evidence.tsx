import { App, Button, Popconfirm, Upload } from 'antd';
import type { UploadProps } from 'antd';
import { DeleteOutlined, FileImageOutlined, FilePdfOutlined, PaperClipOutlined } from '@ant-design/icons';
import { EVIDENCE_MAX_BYTES, EVIDENCE_TYPES, type LearningRecordView } from '../../../shared/learning';
import { errorText } from '../../app/errors';
import { useLang, useT } from '../../app/i18n';
import { evidenceHref, useRemoveEvidence, useUploadEvidence } from './learningApi';
import { formatSize } from './learningLabels';

/** The file picker's filter; the server checks the content whatever the name says. */
const ACCEPT = ['.pdf', '.jpg', '.jpeg', '.png', '.webp', ...EVIDENCE_TYPES].join(',');

/** The evidence files of a record, each a link that opens it; removable while the record may change. */
export function EvidenceList({ record, removable }: { record: LearningRecordView; removable: boolean }) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const remove = useRemoveEvidence();
  if (record.evidence.length === 0) return <span className="muted">{t('learning.evidence.none')}</span>;
  return (
    <ul className="evidence-list" data-testid="evidence-list">
      {record.evidence.map((file) => (
        <li key={file.id} className="evidence-item">
          <a href={evidenceHref(record.id, file.id)} target="_blank" rel="noopener noreferrer" className="evidence-link" data-testid="evidence-link">
            {file.contentType === 'application/pdf' ? <FilePdfOutlined /> : <FileImageOutlined />}
            <span className="evidence-name">{file.name}</span>
          </a>
          <span className="muted evidence-size">{formatSize(lang, file.size)}</span>
          {removable && (
            <Popconfirm
              title={t('learning.evidence.removeTitle', { name: file.name })}
              okText={t('learning.evidence.remove')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() =>
                remove.mutateAsync({ id: record.id, fileId: file.id }).then(
                  () => void message.success(t('learning.evidence.removed')),
                  (error: unknown) => void message.error(errorText(lang, error)),
                )
              }
            >
              <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('learning.evidence.remove')} data-testid="evidence-remove" />
            </Popconfirm>
          )}
        </li>
      ))}
    </ul>
  );
}

/** "Tải minh chứng": PDF, JPEG, PNG or WebP of at most 10 MB, checked here first, then by the server. */
export function EvidenceUpload({ record }: { record: LearningRecordView }) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const upload = useUploadEvidence();

  const beforeUpload: UploadProps['beforeUpload'] = (file) => {
    const typed = (EVIDENCE_TYPES as readonly string[]).includes(file.type) || /\.(pdf|jpe?g|png|webp)$/i.test(file.name);
    if (!typed) {
      void message.error(t('learning.evidence.badType'));
      return Upload.LIST_IGNORE;
    }
    if (file.size > EVIDENCE_MAX_BYTES) {
      void message.error(t('learning.evidence.tooBig'));
      return Upload.LIST_IGNORE;
    }
    return true;
  };

  const customRequest: UploadProps['customRequest'] = ({ file, onSuccess, onError }) => {
    upload.mutate(
      { id: record.id, file: file as File },
      {
        onSuccess: (saved) => {
          void message.success(t('learning.evidence.added', { name: (file as File).name }));
          onSuccess?.(saved);
        },
        onError: (error) => {
          void message.error(errorText(lang, error));
          onError?.(error instanceof Error ? error : new Error(errorText(lang, error)));
        },
      },
    );
  };

  return (
    <span data-testid="evidence-upload" className="evidence-upload">
      <Upload accept={ACCEPT} beforeUpload={beforeUpload} customRequest={customRequest} showUploadList={false} maxCount={1}>
        <Button size="small" icon={<PaperClipOutlined />} loading={upload.isPending}>
          {t('learning.evidence.add')}
        </Button>
      </Upload>
    </span>
  );
}
