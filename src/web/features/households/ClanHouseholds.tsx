import { useState } from 'react';
import { App, Button, Card, Space } from 'antd';
import type { ButtonProps } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useShowError } from '../../app/errors';
import { useT } from '../../app/i18n';
import type { ClanDetail, HouseholdSummary } from '../../app/types';
import type { PickedOption } from '../../components/RemoteSelect';
import { ResponsiveList } from '../../components/ResponsiveList';
import { testId } from '../../components/testId';
import { useHouseholdColumns } from './householdColumns';
import { HouseholdSelect } from './HouseholdSelect';
import { useAddClanHousehold, useRemoveClanHousehold } from './householdsApi';

/** The households of a clan, possibly in several hamlets; add one, take one out. */
export function ClanHouseholds({ clan }: { clan: ClanDetail }) {
  const t = useT();
  const { modal, message } = App.useApp();
  const showError = useShowError();
  const columns = useHouseholdColumns();
  const add = useAddClanHousehold();
  const remove = useRemoveClanHousehold();
  const [picked, setPicked] = useState<PickedOption | undefined>();

  const addPicked = () =>
    picked &&
    add.mutate(
      { clanId: clan.id, householdId: picked.value },
      {
        onSuccess: () => {
          setPicked(undefined);
          void message.success(t('clan.household.added'));
        },
        onError: (error) => showError(error),
      },
    );

  const confirmRemove = (household: HouseholdSummary) =>
    modal.confirm({
      title: t('clan.household.removeTitle', { code: household.code }),
      content: t('clan.household.removeText', { name: clan.name }),
      okText: t('clan.household.remove'),
      okButtonProps: { ...testId<ButtonProps>('clan-household-remove-confirm'), danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        remove.mutateAsync({ clanId: clan.id, householdId: household.id }).then(
          () => void message.success(t('clan.household.removed')),
          (error: unknown) => showError(error),
        ),
    });

  return (
    <Card size="small" className="facts-card" title={t('clan.section.households')} data-testid="clan-households">
      {clan.can.manage && (
        <Space.Compact className="clan-add-household">
          <HouseholdSelect value={picked} onChange={setPicked} data-testid="clan-household-pick" placeholder={t('clan.household.pick')} />
          <Button type="primary" icon={<PlusOutlined />} disabled={!picked} loading={add.isPending} onClick={addPicked} data-testid="clan-household-add">
            {t('clan.household.add')}
          </Button>
        </Space.Compact>
      )}
      <ResponsiveList
        testId="clan-household-list"
        items={clan.households}
        rowKey={(h) => h.id}
        columns={columns}
        loading={false}
        pagination={false}
        emptyText={t('clan.household.none')}
        actionsTitle={t('common.actions')}
        actions={
          clan.can.manage
            ? (h) => (
                <Button size="small" danger icon={<MinusCircleOutlined />} onClick={() => confirmRemove(h)} data-testid="clan-household-remove">
                  {t('clan.household.remove')}
                </Button>
              )
            : undefined
        }
      />
    </Card>
  );
}
