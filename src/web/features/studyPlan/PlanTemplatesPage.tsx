import { useState } from 'react';
import { Alert, App, Button, Card, Drawer, Form, Grid, Input, Popconfirm, Select, Space, Tag } from 'antd';
import type { ButtonProps } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { DEFAULT_COMMITMENT, type PlanTemplateView } from '../../../shared/studyPlan';
import { formatDate } from '../../../shared/vn-text';
import { ApiError, isApiError } from '../../app/api';
import { hasPermission, useMe } from '../../app/auth';
import { errorText } from '../../app/errors';
import { pickText, useLang, useT } from '../../app/i18n';
import type { Me } from '../../app/types';
import { ErrorState } from '../../components/ErrorState';
import { requiredRule } from '../../components/formRules';
import { PageHeading } from '../../components/PageHeading';
import { ResponsiveList, type ListColumn } from '../../components/ResponsiveList';
import { testId } from '../../components/testId';
import { useQueryParams } from '../../components/useQueryParams';
import { useOrgDetail } from '../org/orgApi';
import { OrgFilter } from '../org/OrgFilter';
import { usePositions } from '../people/peopleApi';
import { newLine, showPlanFieldError, toContentBody, type PlanFormValues } from './planForm';
import { PlanLineFields } from './PlanLineFields';
import { useDeletePlanTemplate, usePlanTemplates, useSavePlanTemplate } from './studyPlanApi';
import './studyPlan.css';
import { yearParam, YearSelect } from './YearSelect';

const KEYS = ['orgId', 'year'] as const;

/** Roles that run the learning cycle (server: policy.ts, 'learning.manage'): the screen opens on their unit. */
const MANAGE_ROLES = ['system_admin', 'org_admin', 'secretariat'];
const defaultManageOrg = (me: Me | null | undefined) => me?.grants.find((g) => MANAGE_ROLES.includes(g.role))?.orgId ?? me?.homeOrg?.id;

type TemplateFormValues = Omit<PlanFormValues, 'commitmentConfirmed' | 'selfAssessment'> & { title: string; positions: string[] };

const TEXT_FIELDS = ['title', 'positions', 'goals', 'conditions', 'commitment'];
const LINE_FIELDS = ['content', 'need', 'method', 'provider', 'fromMonth', 'toMonth', 'expectedResult', 'hours', 'lineType', 'expectedEvidence', 'note'];

/**
 * Writes a template (new, or a change): its title, the positions it is for (none: everyone), and
 * the parts a member starts from: goals, the lines (the plan's own line editor), conditions, the
 * commitment. The server's refusals go under their field ("content.lines.0.toMonth"…).
 */
function TemplateDrawer({ org, year, template, onClose }: { org: { id: string; name: string }; year: number; template: PlanTemplateView | null; onClose: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const me = useMe();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<TemplateFormValues>();
  const save = useSavePlanTemplate();
  const positions = usePositions(org.id, hasPermission(me.data, 'person.read'));
  const [formError, setFormError] = useState<unknown>(null);
  const tplYear = template?.year ?? year;

  const initialValues: TemplateFormValues = template
    ? { title: template.title, positions: template.positions, goals: template.content.goals, conditions: template.content.conditions, commitment: template.content.commitment, lines: template.content.lines.map((l) => ({ ...l })) }
    : { title: '', positions: [], goals: null, conditions: null, commitment: pickText(lang, DEFAULT_COMMITMENT), lines: [newLine(year)] };

  const onFinish = (values: TemplateFormValues) => {
    setFormError(null);
    const content = toContentBody({ ...values, selfAssessment: null });
    save.mutate(
      { id: template?.id, body: { orgId: template?.orgId ?? org.id, year: tplYear, title: values.title.trim(), positions: (values.positions ?? []).map((p) => p.trim()).filter(Boolean), content } },
      {
        onSuccess: () => {
          void message.success(t(template ? 'studyPlan.tpl.saved' : 'studyPlan.tpl.published', { title: values.title.trim() }));
          onClose();
        },
        onError: (error) => {
          // "content.lines.0.toMonth" → the first line's month; "content.goals" → goals; "title" → title.
          const shown = (name: (string | number)[]) =>
            (name.length === 1 && TEXT_FIELDS.includes(String(name[0]))) ||
            (name.length === 3 && name[0] === 'lines' && typeof name[1] === 'number' && LINE_FIELDS.includes(String(name[2])));
          const inContent = isApiError(error) && error.field?.startsWith('content.');
          const unwrapped = inContent ? new ApiError(error.status, error.code, error.message, error.field!.slice('content.'.length)) : error;
          if (!showPlanFieldError(lang, unwrapped, form, shown)) setFormError(error);
        },
      },
    );
  };

  return (
    <Drawer
      open
      onClose={onClose}
      size={screens.md ? 880 : '100%'}
      title={template ? t('studyPlan.tpl.editTitle', { title: template.title }) : t('studyPlan.tpl.newTitle', { year: tplYear, org: org.name })}
      data-testid="tpl-drawer"
      mask={{ closable: false }}
      keyboard={false}
      footer={
        <div className="tpl-drawer-footer">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" icon={<SaveOutlined />} loading={save.isPending} onClick={() => form.submit()} {...testId<ButtonProps>('tpl-save')}>
            {template ? t('common.save') : t('studyPlan.tpl.publish')}
          </Button>
        </div>
      }
    >
      <Form<TemplateFormValues>
        form={form}
        name="planTemplate"
        layout="vertical"
        initialValues={initialValues}
        onFinish={onFinish}
        onFinishFailed={() => void message.error(t('studyPlan.invalid'))}
        disabled={save.isPending}
        className="plan-editor tpl-form"
      >
        <Card size="small" className="plan-part">
          <Form.Item name="title" label={t('studyPlan.tpl.name')} rules={[requiredRule(t)]}>
            <Input maxLength={300} placeholder={t('studyPlan.tpl.namePlaceholder')} data-testid="tpl-title" />
          </Form.Item>
          <Form.Item name="positions" label={t('studyPlan.tpl.positions')} extra={t('studyPlan.tpl.positionsHelp')} className="plan-part-item">
            <Select
              mode="tags"
              tokenSeparators={[';']}
              maxCount={50}
              placeholder={t('studyPlan.tpl.positionsPlaceholder')}
              options={(positions.data ?? []).map((p) => ({ value: p, label: p }))}
              data-testid="tpl-positions"
            />
          </Form.Item>
        </Card>
        <Card size="small" className="plan-part" title={t('studyPlan.part.goals')}>
          <Form.Item name="goals" className="plan-part-item">
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={3000} aria-label={t('studyPlan.part.goals')} data-testid="tpl-goals" />
          </Form.Item>
        </Card>
        <Form.List name="lines">
          {(fields, { add, remove }) => (
            <Card size="small" className="plan-part" title={t('studyPlan.part.lines')} data-testid="plan-lines-editor">
              {fields.length === 0 && <p className="muted plan-lines-none">{t('studyPlan.line.none')}</p>}
              <div className="plan-line-list">
                {fields.map((field, index) => (
                  <PlanLineFields key={field.key} name={field.name} index={index} onRemove={() => remove(field.name)} />
                ))}
              </div>
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add(newLine(tplYear))} className="plan-line-add" data-testid="plan-line-add">
                {t('studyPlan.line.add')}
              </Button>
            </Card>
          )}
        </Form.List>
        <Card size="small" className="plan-part" title={t('studyPlan.part.conditions')}>
          <Form.Item name="conditions" className="plan-part-item">
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} aria-label={t('studyPlan.part.conditions')} data-testid="tpl-conditions" />
          </Form.Item>
        </Card>
        <Card size="small" className="plan-part" title={t('studyPlan.part.commitment')}>
          <Form.Item name="commitment" rules={[{ required: true, whitespace: true, message: t('form.required') }]} className="plan-part-item">
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} aria-label={t('studyPlan.part.commitment')} data-testid="tpl-commitment" />
          </Form.Item>
        </Card>
        {formError !== null && <Alert type="error" showIcon className="plan-form-error" title={errorText(lang, formError)} data-testid="tpl-error" />}
      </Form>
    </Drawer>
  );
}

/**
 * /plan-templates?orgId&year: the plan templates a unit publishes for a learning year, one per
 * group of positions (none: for everyone). Members of the unit and of the units under it whose
 * position matches see them when they start their plan. Those who run the cycle (learning.manage)
 * publish, change and withdraw them.
 */
export default function PlanTemplatesPage() {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const me = useMe();
  const [params, set] = useQueryParams(KEYS);
  const year = yearParam(params.year);
  const orgId = params.orgId ?? defaultManageOrg(me.data);
  const org = useOrgDetail(orgId).data?.org;
  const templates = usePlanTemplates(orgId);
  const remove = useDeletePlanTemplate();
  const [editing, setEditing] = useState<PlanTemplateView | 'new' | null>(null);
  const items = (templates.data ?? []).filter((tpl) => tpl.year === year);

  const columns: ListColumn<PlanTemplateView>[] = [
    { key: 'title', title: t('studyPlan.tpl.name'), card: 'title', render: (tpl) => <span data-testid="tpl-name">{tpl.title}</span> },
    {
      key: 'positions',
      title: t('studyPlan.tpl.positions'),
      render: (tpl) =>
        tpl.positions.length === 0 ? (
          <span className="muted">{t('studyPlan.tpl.everyone')}</span>
        ) : (
          <span className="tpl-positions">
            {tpl.positions.map((p) => (
              <Tag key={p}>{p}</Tag>
            ))}
          </span>
        ),
    },
    { key: 'lines', title: t('studyPlan.tpl.lines'), width: 120, render: (tpl) => t('studyPlan.tpl.lineCount', { count: tpl.content.lines.length }) },
    { key: 'updatedAt', title: t('studyPlan.tpl.updatedAt'), width: 130, render: (tpl) => formatDate(tpl.updatedAt.slice(0, 10)) },
  ];

  return (
    <div className="page tpl-page" data-testid="plan-templates-page">
      <PageHeading
        title={t('studyPlan.tpl.title')}
        action={
          org && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="tpl-add">
              {t('studyPlan.tpl.add')}
            </Button>
          )
        }
      />
      <div className="filters">
        <OrgFilter orgId={orgId} onChange={(id) => set({ orgId: id })} placeholder={t('studyPlan.list.unit')} testId="tpl-org-filter" />
        <YearSelect value={year} onChange={(y) => set({ year: y === new Date().getFullYear() ? undefined : y })} testId="tpl-year" />
      </div>
      {!orgId ? (
        <Alert type="info" showIcon title={t('studyPlan.list.pickUnit')} />
      ) : templates.isError ? (
        <ErrorState error={templates.error} onRetry={() => void templates.refetch()} />
      ) : (
        <>
          {org && <p className="muted tpl-intro">{t('studyPlan.tpl.intro', { org: org.name, year })}</p>}
          <ResponsiveList
            testId="plan-templates"
            items={items}
            rowKey={(tpl) => tpl.id}
            columns={columns}
            loading={templates.isFetching}
            pagination={{ pageSize: 20 }}
            emptyText={t('studyPlan.tpl.empty', { year })}
            actionsTitle={t('common.actions')}
            actions={(tpl) => (
              <Space size={4} wrap>
                <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(tpl)} data-testid="tpl-edit">
                  {t('studyPlan.tpl.edit')}
                </Button>
                <Popconfirm
                  title={t('studyPlan.tpl.deleteTitle', { title: tpl.title })}
                  description={t('studyPlan.tpl.deleteText')}
                  okText={t('studyPlan.tpl.delete')}
                  okButtonProps={{ danger: true, ...testId<ButtonProps>('tpl-delete-ok') }}
                  cancelText={t('common.cancel')}
                  onConfirm={() =>
                    remove.mutateAsync(tpl.id).then(
                      () => void message.success(t('studyPlan.tpl.deleted', { title: tpl.title })),
                      (error: unknown) => void message.error(errorText(lang, error)),
                    )
                  }
                >
                  <Button size="small" danger icon={<DeleteOutlined />} data-testid="tpl-delete">
                    {t('studyPlan.tpl.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            )}
          />
        </>
      )}
      {editing && org && <TemplateDrawer org={org} year={year} template={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </div>
  );
}
