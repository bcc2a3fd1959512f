import { useState } from 'react';
import { Alert, Button, Card, Col, Form, InputNumber, Radio, Row, Select, Space, Typography } from 'antd';
import { InfoCircleOutlined, WarningOutlined } from '@ant-design/icons';
import type { Lang } from '../../../shared/i18n';
import { isApiError } from '../../app/api';
import { errorText, useShowError } from '../../app/errors';
import { formatNumber, useLang, useT } from '../../app/i18n';
import { ResponsiveList, type ListColumn } from '../../components/ResponsiveList';
import { useConfigureImport, type Duplicates, type ImportAnalysis, type ImportColumn, type ImportView } from './importApi';
import { fieldLabel, KIND_TEXT } from './importLabels';
import { ImportRegistrationForm, REGISTRATION_FIELDS, registrationFormValues, registrationOf, type RegistrationFormValues } from './ImportRegistrationForm';
import { ImportTrainingForm, TRAINING_FIELDS, trainingFormValues, trainingOf, type TrainingFormValues } from './ImportTrainingForm';

/** "— Bỏ qua —" in the field selects. */
const SKIP = '';

const ENCODING_NAME = { tcvn3: 'TCVN3 (ABC)', vni: 'VNI' } as const;

/** The confirmed mapping, else the detected one (columns with no field, "STT" included, are skipped). */
function initialMapping(view: ImportView, analysis: ImportAnalysis): Record<string, string> {
  if (view.settings) return view.settings.mapping;
  return Object.fromEntries(analysis.columns.flatMap((c) => (c.fieldKey ? [[String(c.index), c.fieldKey]] : [])));
}

/** The server's answer to a mapping it refuses: for the whole mapping, or for one column ("mapping.<index>"). */
function mappingErrorOf(lang: Lang, error: unknown): { all?: string; column?: { index: string; text: string } } | null {
  if (!isApiError(error) || !error.field?.startsWith('mapping')) return null;
  const index = /^mapping\.(\d+)$/.exec(error.field)?.[1];
  const text = errorText(lang, error);
  return index ? { column: { index, text } } : { all: text };
}

/** Step 2: sheet, header row, encoding notice, column → field mapping, duplicates; "check the data". */
export function ImportMappingStep({ view, analysis }: { view: ImportView; analysis: ImportAnalysis }) {
  const t = useT();
  const { lang } = useLang();
  const showError = useShowError();
  const configure = useConfigureImport();
  const [sheet, setSheet] = useState(view.settings?.sheet ?? analysis.sheet);
  const [headerRow, setHeaderRow] = useState<number>(view.settings?.headerRow ?? analysis.headerRow);
  const [mapping, setMapping] = useState<Record<string, string>>(() => initialMapping(view, analysis));
  const [duplicates, setDuplicates] = useState<Duplicates>(view.settings?.duplicates ?? 'update');
  const [refused, setRefused] = useState<ReturnType<typeof mappingErrorOf>>(null);
  const text = KIND_TEXT[view.kind];
  // Attendance lists: the training every row attended, sent with the mapping.
  const [trainingForm] = Form.useForm<TrainingFormValues>();
  const [trainingInitial] = useState(() => trainingFormValues(view.settings?.training));
  // Registration lists: the title and year every row registers for.
  const [registrationForm] = Form.useForm<RegistrationFormValues>();
  const [registrationInitial] = useState(() => registrationFormValues(view.settings?.registration));

  const used = Object.values(mapping).filter(Boolean);
  const twice = new Set(used.filter((key, i) => used.indexOf(key) !== i));
  const columnError = (index: number, key: string) =>
    key && twice.has(key) ? t('import.mapping.twice') : refused?.column?.index === String(index) ? refused.column.text : undefined;

  // Required fields are marked; which ones a file may leave out is the server's to say (its message below).
  const fieldOptions = [
    { value: SKIP, label: t('import.mapping.skip') },
    ...analysis.fields.map((f) => ({ value: f.key, label: `${fieldLabel(lang, f)}${f.required ? ' *' : ''}` })),
  ];

  const columns: ListColumn<ImportColumn>[] = [
    {
      key: 'letter',
      title: t('import.mapping.column'),
      card: 'title',
      width: 70,
      render: (c) => (
        <span className="nowrap">
          <span className="import-col-letter">{c.letter}</span>
          <span className="import-col-header-inline"> · {c.header || t('import.mapping.noHeader')}</span>
        </span>
      ),
    },
    {
      key: 'header',
      title: t('import.mapping.header'),
      card: 'none',
      render: (c) => c.header || <span className="muted">{t('import.mapping.noHeader')}</span>,
    },
    {
      key: 'samples',
      title: t('import.mapping.samples'),
      render: (c) => (
        <ul className="import-samples" data-testid="import-samples">
          {c.samples.filter(Boolean).map((s, i) => (
            <li key={i}>{s}</li>
          ))}
        </ul>
      ),
    },
    {
      key: 'field',
      title: t('import.mapping.field'),
      width: 260,
      render: (c) => {
        const key = mapping[String(c.index)] ?? SKIP;
        const problem = columnError(c.index, key);
        return (
          <Form.Item className="import-field-item" validateStatus={problem ? 'error' : undefined} help={problem}>
            <Select
              className="import-field-select"
              value={key}
              onChange={(next) => {
                setRefused(null);
                setMapping((m) => ({ ...m, [String(c.index)]: next }));
              }}
              options={fieldOptions}
              showSearch={{ optionFilterProp: 'label' }}
              popupMatchSelectWidth={false}
              aria-label={t('import.mapping.fieldFor', { column: c.letter })}
              data-testid={`import-map-${c.letter}`}
            />
          </Form.Item>
        );
      },
    },
  ];

  const submit = async () => {
    setRefused(null);
    let training: TrainingFormValues | undefined;
    if (text.training) {
      try {
        training = await trainingForm.validateFields();
      } catch {
        trainingForm.scrollToField(trainingForm.getFieldsError().find((f) => f.errors.length)?.name ?? ['training', 'title']);
        return;
      }
    }
    let registration: RegistrationFormValues | undefined;
    if (text.registration) {
      try {
        registration = await registrationForm.validateFields();
      } catch {
        return;
      }
    }
    configure.mutate(
      {
        id: view.id,
        settings: {
          sheet,
          headerRow,
          mapping: Object.fromEntries(Object.entries(mapping).filter(([, key]) => key)),
          duplicates,
          ...(training ? { training: trainingOf(training) } : {}),
          ...(registration ? { registration: registrationOf(registration) } : {}),
        },
      },
      {
        onError: (error) => {
          const refusal = mappingErrorOf(lang, error);
          if (refusal) setRefused(refusal);
          else if (text.training) showError(error, trainingForm, TRAINING_FIELDS);
          else if (text.registration) showError(error, registrationForm, REGISTRATION_FIELDS);
          else showError(error);
        },
      },
    );
  };

  return (
    <Space orientation="vertical" size={12} className="full-width">
      {text.training && <ImportTrainingForm form={trainingForm} orgId={view.org.id} initial={trainingInitial} />}
      {text.registration && <ImportRegistrationForm form={registrationForm} initial={registrationInitial} />}
      <Card className="import-card" data-testid="import-mapping">
        {analysis.encoding !== 'unicode' && (
          <Alert
            type="warning"
            showIcon
            className="form-alert"
            data-testid="import-encoding"
            title={t('import.mapping.encoding', { encoding: ENCODING_NAME[analysis.encoding] })}
          />
        )}
        <Form layout="vertical" component="div">
          <Row gutter={[12, 0]}>
            <Col xs={24} sm={14} md={10}>
              <Form.Item label={t('import.mapping.sheet')}>
                <Select
                  value={sheet}
                  onChange={setSheet}
                  data-testid="import-sheet"
                  options={analysis.sheets.map((s) => ({
                    value: s.name,
                    label: t('import.mapping.sheetRows', { name: s.name, rows: formatNumber(lang, s.rows) }),
                  }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={10} md={6}>
              <Form.Item label={t('import.mapping.headerRow')} extra={t('import.mapping.headerRowHelp', { row: analysis.firstDataRow })}>
                <InputNumber
                  min={1}
                  max={1000}
                  value={headerRow}
                  onChange={(n) => n && setHeaderRow(n)}
                  className="full-width"
                  data-testid="import-header-row"
                />
              </Form.Item>
            </Col>
            {!text.training && !text.registration && (
              <Col xs={24} md={8}>
                <Form.Item label={t(text.duplicates)} extra={t(text.duplicatesHelp)}>
                  <Radio.Group value={duplicates} onChange={(e) => setDuplicates(e.target.value as Duplicates)} data-testid="import-duplicates">
                    <Radio value="update">{t(text.update)}</Radio>
                    <Radio value="skip">{t('import.mapping.skipExisting')}</Radio>
                  </Radio.Group>
                </Form.Item>
              </Col>
            )}
          </Row>
        </Form>
        {text.training && (
          <Alert type="info" showIcon className="form-alert" data-testid="import-attendance-match" title={t('import.mapping.attendanceMatch', { org: view.org.name })} />
        )}
        {sheet !== analysis.sheet && (
          <Alert type="info" showIcon className="form-alert" title={t('import.mapping.otherSheet', { sheet: analysis.sheet })} />
        )}
        {refused?.all ? (
          <Alert type="error" showIcon icon={<WarningOutlined />} className="form-alert" data-testid="import-missing" title={refused.all} />
        ) : (
          <Typography.Paragraph type="secondary" className="import-mapping-help">
            <InfoCircleOutlined /> {t('import.mapping.required')}
          </Typography.Paragraph>
        )}
        <ResponsiveList
          testId="import-columns"
          items={analysis.columns}
          rowKey={(c) => String(c.index)}
          columns={columns}
          loading={false}
          pagination={false}
          emptyText={t('import.mapping.noColumns')}
        />
        <div className="import-actions">
          <Button
            type="primary"
            onClick={() => void submit()}
            loading={configure.isPending}
            disabled={twice.size > 0}
            data-testid="import-check"
          >
            {t('import.mapping.check')}
          </Button>
        </div>
      </Card>
    </Space>
  );
}
