import { useState } from 'react';
import { App, Button, Space } from 'antd';
import type { ButtonProps } from 'antd';
import {
  DragOutlined,
  EditOutlined,
  NodeIndexOutlined,
  PlusOutlined,
  StopOutlined,
  TeamOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import { Link } from 'react-router';
import { hasPermission, useMe } from '../../app/auth';
import { useShowError } from '../../app/errors';
import { useT } from '../../app/i18n';
import type { OrgSummary } from '../../app/types';
import { testId } from '../../components/testId';
import { OrgCloseModal } from './OrgCloseModal';
import { OrgFormModal } from './OrgFormModal';
import { OrgMoveModal } from './OrgMoveModal';
import { useReopenOrg } from './orgApi';

type Dialog = 'add' | 'edit' | 'move' | 'close' | null;

interface Props {
  org: OrgSummary;
  canManage: boolean;
  onSelect: (id: string) => void;
}

/** What the user may do with the selected organisation. */
export function OrgActions({ org, canManage, onSelect }: Props) {
  const t = useT();
  const me = useMe();
  const { modal, message } = App.useApp();
  const showError = useShowError();
  const reopen = useReopenOrg();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);

  const confirmReopen = () =>
    modal.confirm({
      title: t('org.reopen.title', { name: org.name }),
      content: t('org.reopen.text'),
      okText: t('org.reopen.submit'),
      cancelText: t('common.cancel'),
      okButtonProps: testId<ButtonProps>('org-reopen-confirm'),
      onOk: () =>
        reopen.mutateAsync({ id: org.id }).then(
          () => void message.success(t('org.reopen.done')),
          (error: unknown) => showError(error),
        ),
    });

  const canSeeUsers = hasPermission(me.data, 'user.read');
  if (!canManage && !canSeeUsers) return null;

  return (
    <>
      <Space wrap className="org-actions">
        {canManage && (
          <>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setDialog('add')}
              disabled={org.closed}
              data-testid="org-add-child"
            >
              {t('org.action.addChild')}
            </Button>
            <Button icon={<EditOutlined />} onClick={() => setDialog('edit')} data-testid="org-edit">
              {t('org.action.edit')}
            </Button>
            <Button icon={<DragOutlined />} onClick={() => setDialog('move')} data-testid="org-move">
              {t('org.action.move')}
            </Button>
            {!org.closed && (
              <Link to={`/reorganisations?orgId=${encodeURIComponent(org.id)}`} data-testid="org-reorganise">
                <Button icon={<NodeIndexOutlined />} className="wrap-button">
                  {t('org.action.reorganise')}
                </Button>
              </Link>
            )}
            {org.closed ? (
              <Button icon={<UndoOutlined />} onClick={confirmReopen} data-testid="org-reopen">
                {t('org.action.reopen')}
              </Button>
            ) : (
              <Button danger icon={<StopOutlined />} onClick={() => setDialog('close')} data-testid="org-close">
                {t('org.action.close')}
              </Button>
            )}
          </>
        )}
        {canSeeUsers && (
          <Link to={`/users?orgId=${encodeURIComponent(org.id)}`} data-testid="org-users-link">
            <Button icon={<TeamOutlined />}>{t('org.action.users')}</Button>
          </Link>
        )}
      </Space>
      {dialog === 'add' && (
        <OrgFormModal
          mode="create"
          parent={org}
          onClose={close}
          onDone={(created) => {
            close();
            onSelect(created.id);
          }}
        />
      )}
      {dialog === 'edit' && <OrgFormModal mode="edit" org={org} onClose={close} onDone={close} />}
      {dialog === 'move' && <OrgMoveModal org={org} onClose={close} />}
      {dialog === 'close' && <OrgCloseModal org={org} onClose={close} />}
    </>
  );
}
