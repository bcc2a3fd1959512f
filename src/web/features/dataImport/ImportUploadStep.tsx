import { useState } from 'react';
import { Alert, Button, Card, Form, Radio, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { hasPermission, useMe } from '../../app/auth';
import { errorText } from '../../app/errors';
import { useLang, useT } from '../../app/i18n';
import { requiredChoiceRule } from '../../components/formRules';
import { useOrgDetail } from '../org/orgApi';
import { OrgTreeSelect, type OrgOption } from '../org/OrgTreeSelect';
import { IMPORT_KINDS, templateUrl, useUploadImport, type ImportKind, type ImportView } from './importApi';
import { KIND_PERMISSION, KIND_TEXT } from './importLabels';

interface FormValues {
  kind: ImportKind;
  org?: OrgOption;
}

interface Props {
  /** Kind and organisation to start with (after "upload the fixed file"). */
  initialKind?: ImportKind;
  initialOrgId?: string;
  onUploaded: (view: ImportView) => void;
}

const isXlsx = (file: File) => /\.xlsx$/i.test(file.name);

/** Step 1: what to import, into which organisation, and the file (.xlsx); the template. */
export function ImportUploadStep({ initialKind, initialOrgId, onUploaded }: Props) {
  const t = useT();
  const { lang } = useLang();
  const [form] = Form.useForm<FormValues>();
  const upload = useUploadImport();
  const me = useMe();
  const kinds = IMPORT_KINDS.filter((k) => hasPermission(me.data, KIND_PERMISSION[k]));
  const startKind = initialKind && kinds.includes(initialKind) ? initialKind : kinds[0];
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const kind: ImportKind = Form.useWatch('kind', form) ?? startKind;
  const initialOrg = useOrgDetail(initialOrgId);

  const submit = (values: FormValues) => {
    if (!file) {
      setFileError(t('import.upload.noFile'));
      return;
    }
    if (!values.org) return;
    upload.mutate({ kind: values.kind, orgId: values.org.value, file }, { onSuccess: onUploaded });
  };

  if (initialOrgId && initialOrg.isPending) return null;
  const uploadError = upload.isError ? errorText(lang, upload.error) : null;

  return (
    <Card className="import-card" data-testid="import-upload">
      <Form<FormValues>
        form={form}
        name="importUpload"
        layout="vertical"
        initialValues={{
          kind: startKind,
          org: initialOrg.data ? { value: initialOrg.data.org.id, label: initialOrg.data.org.name } : undefined,
        }}
        onFinish={submit}
      >
        <Form.Item name="kind" label={t('import.upload.kind')}>
          <Radio.Group className="import-kinds" data-testid="import-kind">
            {kinds.map((k) => (
              <Radio key={k} value={k} className="import-kind" data-testid={`import-kind-${k}`}>
                <span className="import-kind-name">{t(KIND_TEXT[k].label)}</span>
                <span className="import-kind-help">{t(KIND_TEXT[k].help)}</span>
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="org"
          label={t(KIND_TEXT[kind].org)}
          extra={t(KIND_TEXT[kind].orgHelp)}
          rules={[requiredChoiceRule(t)]}
        >
          <OrgTreeSelect data-testid="import-org" allowClear={false} />
        </Form.Item>
        <div className="import-template">
          <Typography.Text type="secondary">{t('import.upload.templateHelp')}</Typography.Text>
          <Button icon={<DownloadOutlined />} href={templateUrl(kind)} download data-testid="import-template">
            {t('import.upload.template')}
          </Button>
        </div>
        <Form.Item label={t('import.upload.file')} required validateStatus={fileError ? 'error' : undefined} help={fileError}>
          <Upload.Dragger
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            multiple={false}
            maxCount={1}
            fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
            beforeUpload={(picked) => {
              setFile(picked);
              setFileError(isXlsx(picked) ? null : t('import.upload.notXlsx'));
              upload.reset();
              return false;
            }}
            onRemove={() => {
              setFile(null);
              setFileError(null);
            }}
            data-testid="import-file"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('import.upload.drop')}</p>
            <p className="ant-upload-hint">{t('import.upload.dropHint')}</p>
          </Upload.Dragger>
        </Form.Item>
        {uploadError && <Alert type="error" showIcon className="form-alert" title={uploadError} data-testid="import-upload-error" />}
        <Button
          type="primary"
          htmlType="submit"
          icon={<UploadOutlined />}
          loading={upload.isPending}
          disabled={!!fileError}
          data-testid="import-upload-submit"
        >
          {t('import.upload.submit')}
        </Button>
      </Form>
    </Card>
  );
}
