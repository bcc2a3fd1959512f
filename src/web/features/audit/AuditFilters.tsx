import { useState } from 'react';
import { Button, Col, DatePicker, Form, Grid, Row, Select } from 'antd';
import { FilterOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useLang, useT } from '../../app/i18n';
import { API_DATE_FORMAT, DATE_FORMAT } from '../../components/dates';
import { OrgTreeSelect, type OrgOption } from '../org/OrgTreeSelect';
import { UserSelect, type UserOption } from '../users/UserSelect';
import type { AuditFilter } from './auditApi';
import { actionLabel, AUDIT_ACTIONS, AUDIT_ENTITIES, entityLabel } from './auditLabels';

interface FilterValues {
  org?: OrgOption;
  user?: UserOption;
  entity?: string;
  action?: string;
  dates?: [Dayjs | null, Dayjs | null] | null;
}

function toFilter(values: FilterValues): AuditFilter {
  const [from, to] = values.dates ?? [null, null];
  return {
    orgId: values.org?.value,
    userId: values.user?.value,
    entity: values.entity || undefined,
    action: values.action || undefined,
    from: from ? from.format(API_DATE_FORMAT) : undefined,
    to: to ? to.format(API_DATE_FORMAT) : undefined,
  };
}

/** Filters of the audit log; applied when the user presses "Apply". Folded away on phones. */
export function AuditFilters({ onApply }: { onApply: (filter: AuditFilter) => void }) {
  const t = useT();
  const { lang } = useLang();
  const [form] = Form.useForm<FilterValues>();
  const screens = Grid.useBreakpoint();
  const [unfolded, setUnfolded] = useState(false);
  const folded = !screens.md && !unfolded;

  return (
    <>
      {!screens.md && (
        <Button
          className="filters-toggle"
          icon={<FilterOutlined />}
          onClick={() => setUnfolded((open) => !open)}
          aria-expanded={!folded}
          data-testid="audit-filters-toggle"
        >
          {t('audit.filter.show')}
        </Button>
      )}
      <Form<FilterValues>
        form={form}
        name="auditFilter"
        layout="vertical"
        className={folded ? 'filters-form filters-folded' : 'filters-form'}
        data-testid="audit-filters"
        onFinish={(values) => {
          onApply(toFilter(values));
          setUnfolded(false);
        }}
      >
        <Row gutter={[12, 0]}>
          <Col xs={24} sm={12} lg={8}>
            <Form.Item name="org" label={t('audit.filter.org')}>
              <OrgTreeSelect data-testid="audit-filter-org" placeholder={t('audit.filter.any')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={8}>
            <Form.Item name="user" label={t('audit.filter.user')}>
              <UserSelect data-testid="audit-filter-user" placeholder={t('audit.filter.any')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={8}>
            <Form.Item name="dates" label={t('audit.filter.dates')}>
              <DatePicker.RangePicker
                format={DATE_FORMAT}
                allowEmpty={[true, true]}
                className="full-width"
                placeholder={[t('audit.filter.from'), t('audit.filter.to')]}
                data-testid="audit-filter-dates"
              />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6} lg={4}>
            <Form.Item name="entity" label={t('audit.filter.entity')}>
              <Select
                allowClear
                data-testid="audit-filter-entity"
                placeholder={t('audit.filter.any')}
                options={AUDIT_ENTITIES.map((code) => ({ value: code, label: entityLabel(lang, code) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6} lg={4}>
            <Form.Item name="action" label={t('audit.filter.action')}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                data-testid="audit-filter-action"
                placeholder={t('audit.filter.any')}
                popupMatchSelectWidth={false}
                options={AUDIT_ACTIONS.map((code) => ({ value: code, label: actionLabel(lang, code) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={16} className="filters-buttons">
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="audit-apply">
              {t('audit.filter.apply')}
            </Button>
            <Button
              icon={<ReloadOutlined />}
              onClick={() => {
                form.resetFields();
                onApply({});
              }}
              data-testid="audit-reset"
            >
              {t('audit.filter.reset')}
            </Button>
          </Col>
        </Row>
      </Form>
    </>
  );
}
