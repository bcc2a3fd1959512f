import { useRef, useState } from 'react';
import { App, Col, Form, Row } from 'antd';
import type { ButtonProps, FormInstance } from 'antd';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router';
import { formatDate } from '../../../shared/vn-text';
import { isApiError } from '../../app/api';
import { errorText } from '../../app/errors';
import { useLang, useT } from '../../app/i18n';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { testId } from '../../components/testId';
import { useOrgDetail } from '../org/orgApi';
import { useApplyReorganisation, usePreviewReorganisation, type ReorgOutcome, type ReorgPlan } from './reorgApi';
import { formFieldOf, newSuccessor, toPlan, type ReorgFormValues } from './reorgForm';
import { ReorgForm } from './ReorgForm';
import { ReorgHistory } from './ReorgHistory';
import { ReorgDoneCard, ReorgOutcomeEmpty, ReorgPreviewCard } from './ReorgOutcomePanel';

interface Stage {
  plan: ReorgPlan;
  outcome: ReorgOutcome;
  applied: boolean;
}

const onPhone = () => window.matchMedia('(max-width: 991px)').matches;

/**
 * /reorganisations?orgId=<unit>: merge, split or transfer units. The plan is previewed (nothing is
 * written), then applied in one transaction; past reorganisations are listed below.
 */
export default function ReorganisationPage() {
  const t = useT();
  const { lang } = useLang();
  const { modal, message } = App.useApp();
  const [params] = useSearchParams();
  const preselected = useOrgDetail(params.get('orgId'));
  const [form] = Form.useForm<ReorgFormValues>();
  const preview = usePreviewReorganisation();
  const apply = useApplyReorganisation();
  const [stage, setStage] = useState<Stage | null>(null);
  const [formError, setFormError] = useState<unknown>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);

  /** An API error goes under the field it names, or above the form's buttons. */
  const showPlanError = (error: unknown) => {
    const kind = (form.getFieldValue('kind') ?? 'merge') as ReorgFormValues['kind'];
    const name = isApiError(error) ? formFieldOf(kind, error.field) : null;
    if (name) (form as FormInstance).setFields([{ name, errors: [errorText(lang, error)] }]);
    else setFormError(error);
  };

  const runPreview = () => {
    const plan = toPlan(form.getFieldsValue(true) as ReorgFormValues);
    setFormError(null);
    preview.mutate(plan, {
      onSuccess: (outcome) => {
        setStage({ plan, outcome, applied: false });
        if (onPhone()) requestAnimationFrame(() => outcomeRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' }));
      },
      onError: showPlanError,
    });
  };

  const confirmApply = (current: Stage) =>
    modal.confirm({
      title: t('reorg.apply.title'),
      content: t('reorg.apply.text', { date: formatDate(current.plan.effectiveDate) }),
      okText: t('reorg.apply'),
      cancelText: t('common.cancel'),
      okButtonProps: testId<ButtonProps>('reorg-apply-confirm'),
      onOk: () =>
        apply.mutateAsync(current.plan).then(
          (outcome) => setStage({ plan: current.plan, outcome, applied: true }),
          (error: unknown) => {
            setStage(null);
            showPlanError(error);
            void message.error(errorText(lang, error));
          },
        ),
    });

  const reset = () => {
    form.resetFields();
    setStage(null);
    setFormError(null);
  };

  if (preselected.isLoading) return <Loading />;
  const org = preselected.data?.org;
  const picked = org ? { value: org.id, label: org.name } : undefined;
  const initialValues: Partial<ReorgFormValues> = {
    kind: 'merge',
    predecessorIds: picked ? [picked] : undefined,
    predecessorId: picked,
    unitIds: picked ? [picked] : undefined,
    successor: { type: 'new' },
    successors: [newSuccessor('s1'), newSuccessor('s2')],
    ownRecordsTo: 's1',
    effectiveDate: dayjs(),
  };

  return (
    <div className="page reorg-page" data-testid="reorg-page">
      <PageHeading title={t('reorg.title')} subtitle={t('reorg.intro')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <ReorgForm
            form={form}
            initialValues={initialValues}
            onPreview={runPreview}
            previewing={preview.isPending}
            error={formError}
            onChange={() => {
              if (stage) setStage(null);
              if (formError) setFormError(null);
            }}
            onReset={reset}
            disabled={!!stage?.applied || apply.isPending}
          />
        </Col>
        <Col xs={24} lg={12}>
          <div ref={outcomeRef} className="reorg-outcome-anchor">
            {!stage ? (
              <ReorgOutcomeEmpty />
            ) : stage.applied ? (
              <ReorgDoneCard outcome={stage.outcome} onAnother={reset} />
            ) : (
              <ReorgPreviewCard outcome={stage.outcome} applying={apply.isPending} onApply={() => confirmApply(stage)} />
            )}
          </div>
        </Col>
        <Col span={24}>
          <ReorgHistory />
        </Col>
      </Row>
    </div>
  );
}
