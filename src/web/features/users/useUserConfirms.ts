import { App } from 'antd';
import type { ButtonProps } from 'antd';
import { useShowError } from '../../app/errors';
import { useT } from '../../app/i18n';
import type { Grant, UserSummary } from '../../app/types';
import { testId } from '../../components/testId';
import { useRemoveGrant, useRoleName, useUpdateUser } from './usersApi';

/** Confirmations before disabling/enabling an account or removing a role grant. */
export function useUserConfirms() {
  const t = useT();
  const { modal, message } = App.useApp();
  const showError = useShowError();
  const roleName = useRoleName();
  const update = useUpdateUser();
  const removeGrant = useRemoveGrant();

  const confirmRemoveGrant = (user: UserSummary, grant: Grant) =>
    modal.confirm({
      title: t('users.grant.removeTitle'),
      content: t('users.grant.removeText', { role: roleName(grant.role), org: grant.orgName, name: user.displayName }),
      okText: t('users.grant.remove'),
      okButtonProps: { ...testId<ButtonProps>('grant-remove-confirm'), danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        removeGrant.mutateAsync({ id: user.id, grantId: grant.id }).then(
          () => void message.success(t('users.grant.removed')),
          (error: unknown) => showError(error),
        ),
    });

  const confirmToggle = (user: UserSummary) =>
    modal.confirm({
      title: user.disabled
        ? t('users.enable.title', { name: user.displayName })
        : t('users.disable.title', { name: user.displayName }),
      content: user.disabled ? t('users.enable.text') : t('users.disable.text'),
      okText: user.disabled ? t('users.action.enable') : t('users.action.disable'),
      okButtonProps: { ...testId<ButtonProps>('user-toggle-confirm'), danger: !user.disabled },
      cancelText: t('common.cancel'),
      onOk: () =>
        update.mutateAsync({ id: user.id, body: { disabled: !user.disabled } }).then(
          () => void message.success(user.disabled ? t('users.enable.done') : t('users.disable.done')),
          (error: unknown) => showError(error),
        ),
    });

  return { confirmRemoveGrant, confirmToggle };
}
