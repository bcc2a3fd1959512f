import { useState } from 'react';
import { Alert, App, Button, Checkbox, Col, Form, Input, InputNumber, Modal, Popconfirm, Radio, Row, Select, Space, Switch, Tag } from 'antd';
import type { ButtonProps } from 'antd';
import { EditOutlined, PlusOutlined, RollbackOutlined, StopOutlined } from '@ant-design/icons';
import { type MandatoryTrainingEntry, type RecordKind } from '../../../shared/learning';
import { STAFF_CATEGORIES } from '../../../shared/people';
import { formatDate } from '../../../shared/vn-text';
import { hasPermission, useMe } from '../../app/auth';
import { errorText, useShowError } from '../../app/errors';
import { formatNumber, useLang, useT } from '../../app/i18n';
import type { Me } from '../../app/types';
import { ErrorState } from '../../components/ErrorState';
import { requiredChoiceRule, requiredRule } from '../../components/formRules';
import { PageHeading } from '../../components/PageHeading';
import { ResponsiveList, type ListColumn } from '../../components/ResponsiveList';
import { testId } from '../../components/testId';
import { useQueryParams } from '../../components/useQueryParams';
import { useOrgDetail } from '../org/orgApi';
import { OrgFilter } from '../org/OrgFilter';
import { codeLabel, codeOptions } from '../people/peopleLabels';
import { useCatalogue, useSaveMandatoryTraining, type MandatoryTrainingBody } from './learningApi';
import { kindLabel, kindOptions } from './learningLabels';
import './learning.css';

const KEYS = ['orgId'] as const;
const FIELDS = ['orgId', 'code', 'title', 'kind', 'hoursPerYear', 'categories', 'leadersOnly', 'legalBasis'];

/** Roles that run the learning cycle (server: policy.ts, 'learning.manage'): the screen opens on their unit. */
const MANAGE_ROLES = ['system_admin', 'org_admin', 'secretariat'];
const defaultManageOrg = (me: Me | null | undefined) => me?.grants.find((g) => MANAGE_ROLES.includes(g.role))?.orgId ?? me?.homeOrg?.id;

interface EntryValues {
  scope: 'unit' | 'all';
  code: string;
  title: string;
  kind: RecordKind;
  hoursPerYear: number | null;
  categories: string[];
  leadersOnly: boolean;
  legalBasis?: string | null;
}

/** The body of POST/PUT for an entry, retired or not as asked. */
const bodyOf = (e: MandatoryTrainingEntry, retired: boolean): MandatoryTrainingBody => ({
  orgId: e.orgId,
  code: e.code,
  title: e.title,
  kind: e.kind,
  hoursPerYear: e.hoursPerYear,
  categories: e.categories,
  leadersOnly: e.leadersOnly,
  legalBasis: e.legalBasis,
  retired,
});

/** Adds an entry for the chosen unit (or, for system administrators, the whole deployment), or changes one. */
function EntryModal({ org, entry, onClose }: { org: { id: string; name: string }; entry: MandatoryTrainingEntry | null; onClose: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const me = useMe();
  const showError = useShowError();
  const save = useSaveMandatoryTraining();
  const [form] = Form.useForm<EntryValues>();
  const system = hasPermission(me.data, 'system.configure');

  const onFinish = (v: EntryValues) => {
    const orgId = entry ? entry.orgId : v.scope === 'all' ? null : org.id;
    save.mutate(
      {
        id: entry?.id,
        body: {
          orgId,
          code: v.code.trim(),
          title: v.title.trim(),
          kind: v.kind,
          hoursPerYear: v.hoursPerYear ?? 0,
          categories: v.categories ?? [],
          leadersOnly: v.leadersOnly ?? false,
          legalBasis: v.legalBasis?.trim() || null,
          retired: !!entry?.retiredAt,
        },
      },
      {
        onSuccess: () => {
          void message.success(t(entry ? 'learning.catalogue.saved' : 'learning.catalogue.added', { code: v.code.trim() }));
          onClose();
        },
        onError: (error) => showError(error, form, FIELDS),
      },
    );
  };

  return (
    <Modal
      open
      title={entry ? t('learning.catalogue.editTitle', { code: entry.code }) : t('learning.catalogue.addTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      okButtonProps={testId<ButtonProps>('mt-save')}
      mask={{ closable: false }}
      width={640}
    >
      <Form<EntryValues>
        form={form}
        name="mandatoryTraining"
        layout="vertical"
        onFinish={onFinish}
        initialValues={
          entry
            ? { scope: entry.orgId ? 'unit' : 'all', code: entry.code, title: entry.title, kind: entry.kind, hoursPerYear: entry.hoursPerYear, categories: entry.categories, leadersOnly: entry.leadersOnly, legalBasis: entry.legalBasis }
            : { scope: 'unit', kind: 'mandatory_training', hoursPerYear: null, categories: [], leadersOnly: false }
        }
      >
        {entry ? (
          <p className="muted">{t('learning.catalogue.scopeOf', { scope: entry.orgName ?? t('learning.catalogue.everywhere') })}</p>
        ) : (
          system && (
            <Form.Item name="scope" label={t('learning.catalogue.scope')}>
              <Radio.Group
                data-testid="mt-scope"
                options={[
                  { value: 'unit', label: t('learning.catalogue.scopeUnit', { org: org.name }) },
                  { value: 'all', label: t('learning.catalogue.everywhere') },
                ]}
              />
            </Form.Item>
          )
        )}
        {!entry && !system && <p className="muted">{t('learning.catalogue.scopeOf', { scope: org.name })}</p>}
        <Row gutter={12}>
          <Col xs={24} sm={8}>
            <Form.Item
              name="code"
              label={t('learning.catalogue.code')}
              rules={[requiredRule(t), { pattern: /^[A-Za-z0-9_.-]{1,40}$/, message: t('learning.catalogue.codeRule') }]}
            >
              <Input maxLength={40} placeholder="BD-CDS" data-testid="mt-code" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={16}>
            <Form.Item name="kind" label={t('learning.field.kind')} rules={[requiredChoiceRule(t)]}>
              <Select options={kindOptions(lang)} data-testid="mt-kind" popupMatchSelectWidth={false} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="title" label={t('learning.catalogue.name')} rules={[requiredRule(t)]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={500} data-testid="mt-title" />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={10}>
            <Form.Item name="hoursPerYear" label={t('learning.catalogue.hours')} extra={t('learning.catalogue.hoursHelp')}>
              <InputNumber min={0} max={2000} className="full-width" data-testid="mt-hours" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={14}>
            <Form.Item name="categories" label={t('learning.catalogue.categories')} extra={t('learning.catalogue.categoriesHelp')}>
              <Checkbox.Group options={codeOptions(lang, STAFF_CATEGORIES)} data-testid="mt-categories" className="mt-categories" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="leadersOnly" valuePropName="checked" label={t('learning.catalogue.leadersOnly')}>
          <Switch data-testid="mt-leaders-only" />
        </Form.Item>
        <Form.Item name="legalBasis" label={t('learning.catalogue.legalBasis')}>
          <Input maxLength={500} placeholder={t('learning.catalogue.legalBasisPlaceholder')} data-testid="mt-legal-basis" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * /mandatory-trainings?orgId: the catalogue of mandatory yearly trainings that apply in a unit's
 * subtree (the deployment's, those of units above, those of the unit and units under it): who owes
 * each (staff categories, leaders only) and the hours a year that complete it. Those who run the
 * cycle (learning.manage) add entries for their units and change or retire them; deployment-wide
 * entries are the system administrators'. A retired entry is owed no more; records keep it.
 */
export default function MandatoryTrainingsPage() {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const me = useMe();
  const [params, set] = useQueryParams(KEYS);
  const orgId = params.orgId ?? defaultManageOrg(me.data);
  const org = useOrgDetail(orgId).data?.org;
  const catalogue = useCatalogue(orgId);
  const save = useSaveMandatoryTraining();
  const [editing, setEditing] = useState<MandatoryTrainingEntry | 'new' | null>(null);
  const system = hasPermission(me.data, 'system.configure');
  /** Deployment-wide entries are changed by system administrators only (the server checks every entry's unit). */
  const mayChange = (e: MandatoryTrainingEntry) => e.orgId !== null || system;
  const items = [...(catalogue.data?.items ?? [])].sort((a, b) => Number(!!a.retiredAt) - Number(!!b.retiredAt));

  const setRetired = (e: MandatoryTrainingEntry, retired: boolean) =>
    save.mutateAsync({ id: e.id, body: bodyOf(e, retired) }).then(
      () => void message.success(t(retired ? 'learning.catalogue.retired' : 'learning.catalogue.restored', { code: e.code })),
      (error: unknown) => void message.error(errorText(lang, error)),
    );

  const columns: ListColumn<MandatoryTrainingEntry>[] = [
    {
      key: 'title',
      title: t('learning.catalogue.name'),
      card: 'title',
      render: (e) => (
        <span className="mt-title">
          <span data-testid="mt-name">{e.title}</span>
          {e.retiredAt && (
            <Tag color="default" className="mt-retired-tag" data-testid="mt-retired">
              {t('learning.catalogue.retiredOn', { date: formatDate(e.retiredAt.slice(0, 10)) })}
            </Tag>
          )}
        </span>
      ),
    },
    { key: 'code', title: t('learning.catalogue.code'), card: 'subtitle', width: 130, render: (e) => <code className="mt-code">{e.code}</code> },
    { key: 'kind', title: t('learning.field.kind'), render: (e) => kindLabel(lang, e.kind) },
    {
      key: 'hours',
      title: t('learning.catalogue.hours'),
      width: 110,
      render: (e) => (e.hoursPerYear > 0 ? t('learning.catalogue.hoursValue', { hours: formatNumber(lang, e.hoursPerYear) }) : t('learning.catalogue.oneRecord')),
    },
    {
      key: 'who',
      title: t('learning.catalogue.who'),
      render: (e) =>
        [e.categories.length ? e.categories.map((c) => codeLabel(lang, STAFF_CATEGORIES, c)).join(', ') : t('learning.catalogue.allCategories'), e.leadersOnly ? t('learning.catalogue.leadersOnlyShort') : null]
          .filter(Boolean)
          .join(' · '),
    },
    { key: 'scope', title: t('learning.catalogue.scope'), render: (e) => e.orgName ?? t('learning.catalogue.everywhere') },
    { key: 'legalBasis', title: t('learning.catalogue.legalBasis'), render: (e) => e.legalBasis ?? t('common.none') },
  ];

  return (
    <div className="page mt-page" data-testid="mandatory-trainings-page">
      <PageHeading
        title={t('learning.catalogue.title')}
        action={
          org && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="mt-add">
              {t('learning.catalogue.add')}
            </Button>
          )
        }
      />
      <div className="filters">
        <OrgFilter orgId={orgId} onChange={(id) => set({ orgId: id })} placeholder={t('learning.catalogue.unit')} testId="mt-org-filter" />
      </div>
      {!orgId ? (
        <Alert type="info" showIcon title={t('learning.catalogue.pickUnit')} />
      ) : catalogue.isError ? (
        <ErrorState error={catalogue.error} onRetry={() => void catalogue.refetch()} />
      ) : (
        <>
          {org && <p className="muted mt-intro">{t('learning.catalogue.intro', { org: org.name })}</p>}
          <ResponsiveList
            testId="mandatory-trainings"
            items={items}
            rowKey={(e) => e.id}
            columns={columns}
            loading={catalogue.isFetching}
            pagination={{ pageSize: 50 }}
            emptyText={t('learning.catalogue.empty')}
            actionsTitle={t('common.actions')}
            actions={(e) =>
              mayChange(e) ? (
                <Space size={4} wrap>
                  <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(e)} data-testid="mt-edit">
                    {t('learning.catalogue.edit')}
                  </Button>
                  {e.retiredAt ? (
                    <Button size="small" icon={<RollbackOutlined />} onClick={() => void setRetired(e, false)} data-testid="mt-restore">
                      {t('learning.catalogue.restore')}
                    </Button>
                  ) : (
                    <Popconfirm
                      title={t('learning.catalogue.retireTitle', { code: e.code })}
                      description={t('learning.catalogue.retireText')}
                      okText={t('learning.catalogue.retire')}
                      okButtonProps={{ danger: true, ...testId<ButtonProps>('mt-retire-ok') }}
                      cancelText={t('common.cancel')}
                      onConfirm={() => setRetired(e, true)}
                    >
                      <Button size="small" danger icon={<StopOutlined />} data-testid="mt-retire">
                        {t('learning.catalogue.retire')}
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ) : null
            }
          />
        </>
      )}
      {editing && org && <EntryModal org={org} entry={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </div>
  );
}
