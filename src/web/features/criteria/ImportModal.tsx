import { useState } from 'react';
import { Alert, App, Button, Form, Modal, Radio, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { hasPermission, useMe } from '../../app/auth';
import { errorText } from '../../app/errors';
import { useLang, useT } from '../../app/i18n';
import { OrgTreeSelect, type OrgOption } from '../org/OrgTreeSelect';
import { useImportSet } from './criteriaApi';

/** Where a new set (a copy or an import) goes: the whole deployment (system administrators) or a unit. */
export function TargetField({ target, onTarget, org, onOrg, testId }: { target: 'org' | 'deployment'; onTarget: (t: 'org' | 'deployment') => void; org: OrgOption | undefined; onOrg: (o: OrgOption | undefined) => void; testId: string }) {
  const t = useT();
  const me = useMe();
  const canDeployment = hasPermission(me.data, 'system.configure');
  return (
    <>
      {canDeployment && (
        <Form.Item label={t('criteria.copy.target')}>
          <Radio.Group value={target} onChange={(e) => onTarget(e.target.value)} data-testid={`${testId}-target`}>
            <Radio value="org">{t('criteria.copy.toOrg')}</Radio>
            <Radio value="deployment" data-testid={`${testId}-deployment`}>
              {t('criteria.copy.toDeployment')}
            </Radio>
          </Radio.Group>
        </Form.Item>
      )}
      {(target === 'org' || !canDeployment) && (
        <Form.Item label={t('criteria.copy.org')} required>
          <OrgTreeSelect value={org ?? null} onChange={onOrg} data-testid={`${testId}-org`} aria-label={t('criteria.copy.org')} />
        </Form.Item>
      )}
    </>
  );
}

export function ImportModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const me = useMe();
  const importing = useImportSet();
  const [target, setTarget] = useState<'org' | 'deployment'>(hasPermission(me.data, 'system.configure') ? 'deployment' : 'org');
  const [org, setOrg] = useState<OrgOption | undefined>();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const orgId = target === 'deployment' && hasPermission(me.data, 'system.configure') ? null : (org?.value ?? undefined);

  const submit = () => {
    if (!file || orgId === undefined) return;
    setError(null);
    importing.mutate(
      { file, orgId },
      {
        onSuccess: (res) => {
          void message.success(res.created ? t('criteria.import.doneNew') : t('criteria.import.doneDraft'));
          onClose();
          navigate(`/criteria-sets/${res.set.id}`);
        },
        onError: (e) => setError(errorText(lang, e)),
      },
    );
  };

  return (
    <Modal
      open
      title={t('criteria.import.title')}
      onCancel={onClose}
      onOk={submit}
      okText={t('criteria.import.submit')}
      okButtonProps={{ disabled: !file || orgId === undefined, loading: importing.isPending, 'data-testid': 'criteria-import-submit' } as never}
    >
      <Typography.Paragraph type="secondary">{t('criteria.import.text')}</Typography.Paragraph>
      <Form layout="vertical">
        <TargetField target={target} onTarget={setTarget} org={org} onOrg={setOrg} testId="criteria-import" />
        <Form.Item label={t('criteria.import.file')} required>
          <Upload
            accept=".json,application/json"
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              return false;
            }}
            onRemove={() => setFile(null)}
            data-testid="criteria-import-file"
          >
            <Button icon={<UploadOutlined />}>{t('criteria.import.choose')}</Button>
          </Upload>
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} data-testid="criteria-import-error" />}
    </Modal>
  );
}
