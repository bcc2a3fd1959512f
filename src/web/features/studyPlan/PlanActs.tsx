import { useState, type ReactNode } from 'react';
import { App, Button, Form, Input, Modal, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { CheckOutlined, RollbackOutlined, UndoOutlined, UnlockOutlined } from '@ant-design/icons';
import type { PlanAct, PlanView } from '../../../shared/studyPlan';
import { useShowError } from '../../app/errors';
import { useT } from '../../app/i18n';
import { testId } from '../../components/testId';
import { usePlanAct } from './studyPlanApi';

/** Acts whose comment the server requires (workflow.ts `needsComment`): the form asks for it too. */
const COMMENT_REQUIRED: readonly PlanAct[] = ['return', 'reopen', 'returnReport'];
/** Acts done from a form (the plan or the report is saved first): not buttons of this bar. */
const FORM_ACTS: readonly PlanAct[] = ['submit', 'report'];

const ICONS: Partial<Record<PlanAct, ReactNode>> = {
  approve: <CheckOutlined />,
  confirm: <CheckOutlined />,
  return: <RollbackOutlined />,
  returnReport: <RollbackOutlined />,
  reopen: <UnlockOutlined />,
  withdraw: <UndoOutlined />,
};

/** The acts of `acts` that are buttons (not done from a form). */
export const barActs = (acts: readonly PlanAct[]) => acts.filter((a) => !FORM_ACTS.includes(a));

/** An act with a comment: required for returns and reopening, optional otherwise (none for withdraw). */
function PlanActModal({ plan, act, onClose }: { plan: PlanView; act: PlanAct; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const run = usePlanAct();
  const [form] = Form.useForm<{ comment?: string }>();
  const required = COMMENT_REQUIRED.includes(act);
  const asksComment = act !== 'withdraw';
  const actName = t(`studyPlan.act.${act}`);
  const text = t(`studyPlan.actModal.text.${act}`);

  const submit = (values: { comment?: string }) =>
    run.mutate(
      { id: plan.id, act, comment: values.comment?.trim() || null },
      {
        onSuccess: () => {
          void message.success(t(`studyPlan.done.${act}`));
          onClose();
        },
        onError: (error) => showError(error, form, ['comment']),
      },
    );

  return (
    <Modal
      open
      title={t('studyPlan.actModal.title', { act: actName, name: plan.person.fullName })}
      okText={actName}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={run.isPending}
      okButtonProps={{ ...testId<ButtonProps>('plan-act-ok'), danger: required }}
      mask={{ closable: false }}
    >
      {text && <Typography.Paragraph className="plan-act-text">{text}</Typography.Paragraph>}
      <Form form={form} name="planAct" layout="vertical" onFinish={submit}>
        {asksComment && (
          <Form.Item
            name="comment"
            label={required ? t('studyPlan.actModal.reason') : t('studyPlan.actModal.comment')}
            rules={required ? [{ required: true, whitespace: true, message: t('form.required') }] : []}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} data-testid="plan-act-comment" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** Buttons of the acts the viewer may do now (the server's `acts`), each confirmed in a modal. */
export function PlanActsBar({ plan }: { plan: PlanView }) {
  const t = useT();
  const [act, setAct] = useState<PlanAct | null>(null);
  const acts = barActs(plan.acts);
  if (acts.length === 0) return null;
  return (
    <div className="plan-acts" data-testid="plan-acts">
      {acts.map((a) => (
        <Button
          key={a}
          type={a === 'approve' || a === 'confirm' ? 'primary' : 'default'}
          danger={COMMENT_REQUIRED.includes(a)}
          icon={ICONS[a]}
          onClick={() => setAct(a)}
          data-testid={`plan-act-${a}`}
        >
          {t(`studyPlan.act.${a}`)}
        </Button>
      ))}
      {act && <PlanActModal plan={plan} act={act} onClose={() => setAct(null)} />}
    </div>
  );
}
