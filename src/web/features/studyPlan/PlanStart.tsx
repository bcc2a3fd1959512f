import { useState } from 'react';
import { Button, Card, Radio } from 'antd';
import { FileAddOutlined } from '@ant-design/icons';
import type { MyPlanYear } from '../../../shared/studyPlan';
import { useShowError } from '../../app/errors';
import { useT } from '../../app/i18n';
import { useStartPlan } from './studyPlanApi';

/** How a member starts a year's plan: empty, from last year's, or from a published template. */
export function PlanStart({ mine }: { mine: MyPlanYear }) {
  const t = useT();
  const showError = useShowError();
  const start = useStartPlan();
  const [choice, setChoice] = useState<string>(mine.hasPrevious ? 'previous' : 'blank');

  const onStart = () => {
    const body: { year: number; from: 'blank' | 'previous' | 'template'; templateId?: string } =
      choice === 'blank' || choice === 'previous'
        ? { year: mine.year, from: choice }
        : { year: mine.year, from: 'template', templateId: choice.slice('template:'.length) };
    start.mutate(body, { onError: (error) => showError(error) });
  };

  const options = [
    { value: 'blank', label: t('studyPlan.start.blank'), help: t('studyPlan.start.blankHelp') },
    ...(mine.hasPrevious ? [{ value: 'previous', label: t('studyPlan.start.previous', { year: mine.year - 1 }), help: t('studyPlan.start.previousHelp') }] : []),
    ...mine.templates.map((tpl) => ({
      value: `template:${tpl.id}`,
      label: t('studyPlan.start.template', { title: tpl.title }),
      help: t('studyPlan.start.templateHelp', { org: tpl.orgName }),
    })),
  ];

  return (
    <Card size="small" className="plan-part plan-start" title={t('studyPlan.start.title', { year: mine.year })} data-testid="plan-start">
      <p>{t('studyPlan.start.intro', { year: mine.year })}</p>
      <Radio.Group value={choice} onChange={(e) => setChoice(e.target.value as string)} className="plan-start-choices">
        {options.map((o) => (
          <Radio key={o.value} value={o.value} className="plan-start-choice" data-testid={`plan-start-${o.value.split(':')[0]}`}>
            <span className="plan-start-label">{o.label}</span>
            <span className="plan-start-help">{o.help}</span>
          </Radio>
        ))}
      </Radio.Group>
      <Button type="primary" icon={<FileAddOutlined />} onClick={onStart} loading={start.isPending} data-testid="plan-start-button">
        {t('studyPlan.start.button')}
      </Button>
    </Card>
  );
}
