import { useState } from 'react';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useNavigate } from 'react-router';
import type { CriteriaSetItem } from '../../../shared/api-types';
import { hasPermission, useMe } from '../../app/auth';
import { errorText } from '../../app/errors';
import { useLang, useT } from '../../app/i18n';
import type { OrgOption } from '../org/OrgTreeSelect';
import { useCopySet } from './criteriaApi';
import { TargetField } from './ImportModal';

export function CopyModal({ set, onClose }: { set: CriteriaSetItem; onClose: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const me = useMe();
  const copy = useCopySet();
  const canDeployment = hasPermission(me.data, 'system.configure');
  const [target, setTarget] = useState<'org' | 'deployment'>('org');
  const [org, setOrg] = useState<OrgOption | undefined>(me.data?.homeOrg ? { value: me.data.homeOrg.id, label: me.data.homeOrg.name } : undefined);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const orgId = target === 'deployment' && canDeployment ? null : org?.value;

  const submit = () => {
    if (orgId === undefined) return;
    setError(null);
    copy.mutate(
      { id: set.id, orgId, code: code.trim() || undefined },
      {
        onSuccess: (created) => {
          void message.success(t('criteria.copy.done'));
          onClose();
          navigate(`/criteria-sets/${created.id}?edit=1`);
        },
        onError: (e) => setError(errorText(lang, e)),
      },
    );
  };

  return (
    <Modal open title={t('criteria.copy.title')} onCancel={onClose} onOk={submit} okText={t('criteria.action.copy')} confirmLoading={copy.isPending} okButtonProps={{ disabled: orgId === undefined, 'data-testid': 'criteria-copy-submit' } as never}>
      <Typography.Paragraph type="secondary">{t('criteria.copy.text')}</Typography.Paragraph>
      <Form layout="vertical">
        <TargetField target={target} onTarget={setTarget} org={org} onOrg={setOrg} testId="criteria-copy" />
        <Form.Item label={t('criteria.copy.code')} extra={t('criteria.copy.codeHelp')}>
          <Input value={code} onChange={(e) => setCode(e.target.value.toUpperCase())} placeholder={set.code} maxLength={80} data-testid="criteria-copy-code" />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} data-testid="criteria-copy-error" />}
    </Modal>
  );
}
