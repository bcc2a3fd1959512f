import { Form, Input, InputNumber, Modal, Select } from 'antd';
import type { ButtonProps } from 'antd';
import { useShowError } from '../../app/errors';
import { pickName, useLang, useT } from '../../app/i18n';
import { requiredChoiceRule } from '../../components/formRules';
import { testId } from '../../components/testId';
import type { EmulationTitle } from './emulationApi';

/** "Không xếp danh hiệu / không xếp loại" in the selects (null for the API). */
const NONE = '';
const FIELDS = ['year', 'titleCode', 'discipline', 'note'];

export interface EmulationYearValues {
  year: number;
  titleCode: string | null;
  discipline: string | null;
  note: string | null;
}

interface Props {
  title: string;
  /** The year being edited (fixed), or undefined to pick one. */
  initial?: Partial<EmulationYearValues>;
  titles: EmulationTitle[];
  /** Discipline standings (people only). */
  disciplines?: { code: string; nameVi: string; nameEn: string }[];
  saving: boolean;
  /** Saves; the modal closes when it resolves and shows the error when it fails. */
  onSubmit: (values: EmulationYearValues) => Promise<unknown>;
  onClose: () => void;
}

interface FormValues {
  year: number;
  titleCode: string;
  discipline: string;
  note?: string;
}

/** A year's emulation title (and, for a person, labour-discipline standing) with a note. */
export function EmulationYearModal({ title, initial, titles, disciplines, saving, onSubmit, onClose }: Props) {
  const t = useT();
  const { lang } = useLang();
  const showError = useShowError();
  const [form] = Form.useForm<FormValues>();
  const thisYear = new Date().getFullYear();
  const editingYear = initial?.year !== undefined;

  return (
    <Modal
      open
      title={title}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      okButtonProps={testId<ButtonProps>('emulation-submit')}
      mask={{ closable: false }}
    >
      <Form<FormValues>
        form={form}
        name="emulation"
        layout="vertical"
        initialValues={{
          year: initial?.year ?? thisYear - 1,
          titleCode: initial?.titleCode ?? NONE,
          discipline: initial?.discipline ?? NONE,
          note: initial?.note ?? undefined,
        }}
        onFinish={(values) =>
          onSubmit({
            year: values.year,
            titleCode: values.titleCode || null,
            discipline: values.discipline || null,
            note: values.note?.trim() || null,
          }).then(onClose, (error: unknown) => showError(error, form, FIELDS))
        }
      >
        <Form.Item name="year" label={t('emulation.year')} rules={[requiredChoiceRule(t)]}>
          <InputNumber min={2000} max={thisYear + 1} disabled={editingYear} className="full-width" data-testid="emulation-year" />
        </Form.Item>
        <Form.Item name="titleCode" label={t('emulation.title')}>
          <Select
            data-testid="emulation-title"
            options={[
              { value: NONE, label: t('emulation.noTitle') },
              ...[...titles].sort((a, b) => b.rank - a.rank).map((x) => ({ value: x.code, label: pickName(lang, x) })),
            ]}
            popupMatchSelectWidth={false}
          />
        </Form.Item>
        {disciplines && (
          <Form.Item name="discipline" label={t('emulation.discipline')}>
            <Select
              data-testid="emulation-discipline"
              options={[
                { value: NONE, label: t('emulation.noDiscipline') },
                ...disciplines.map((d) => ({ value: d.code, label: pickName(lang, d) })),
              ]}
              popupMatchSelectWidth={false}
            />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('emulation.note')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
