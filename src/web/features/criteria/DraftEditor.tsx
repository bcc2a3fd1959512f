import { useState } from 'react';
import { Alert, App, Button, Card, Input, Segmented, Space, Typography } from 'antd';
import type { CriteriaSetDocument } from '../../../shared/criteria';
import { isApiError } from '../../app/api';
import { errorText } from '../../app/errors';
import { useLang, useT } from '../../app/i18n';
import { useSaveDraft } from './criteriaApi';
import { StructuredForm } from './StructuredForm';

type Mode = 'form' | 'json';

/**
 * The draft editor: a form for the wording, maxima, thresholds and flags, and the whole document as
 * JSON for the structure. The server checks the document on save and names the place of each
 * problem (criteria[1].indicators[0].max), shown above the editor.
 */
export function DraftEditor({ setId, initial, onClose, onSaved }: { setId: string; initial: CriteriaSetDocument; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const save = useSaveDraft(setId);
  const [mode, setMode] = useState<Mode>('form');
  const [doc, setDoc] = useState<CriteriaSetDocument>(initial);
  const [text, setText] = useState(() => JSON.stringify(initial, null, 2));
  const [error, setError] = useState<{ path?: string; text: string } | null>(null);

  /** The document being edited, or undefined (with the error shown) when the JSON does not parse. */
  const current = (): CriteriaSetDocument | undefined => {
    if (mode === 'form') return doc;
    try {
      return JSON.parse(text) as CriteriaSetDocument;
    } catch (e) {
      setError({ text: t('criteria.edit.notJson', { detail: (e as Error).message }) });
      return undefined;
    }
  };

  const switchTo = (next: Mode) => {
    if (next === mode) return;
    const document = current();
    if (document === undefined) return;
    if (next === 'form') setDoc(document);
    else setText(JSON.stringify(document, null, 2));
    setMode(next);
  };

  const submit = () => {
    const document = current();
    if (document === undefined) return;
    setError(null);
    save.mutate(document, {
      onSuccess: () => {
        void message.success(t('criteria.edit.saved'));
        onSaved();
      },
      onError: (e) => setError({ path: isApiError(e) ? e.field : undefined, text: errorText(lang, e) }),
    });
  };

  return (
    <Card size="small" title={t('criteria.edit.title')} className="criteria-editor" data-testid="criteria-editor">
      <Typography.Paragraph type="secondary">{t('criteria.edit.help')}</Typography.Paragraph>
      <Segmented<Mode>
        value={mode}
        onChange={switchTo}
        options={[
          { value: 'form', label: <span data-testid="criteria-editor-form">{t('criteria.edit.modeForm')}</span> },
          { value: 'json', label: <span data-testid="criteria-editor-json">{t('criteria.edit.modeJson')}</span> },
        ]}
        className="criteria-editor-mode"
      />
      {error && (
        <Alert
          type="error"
          showIcon
          className="criteria-alert"
          data-testid="criteria-editor-error"
          message={error.path ? t('criteria.edit.errorAt', { path: error.path }) : undefined}
          description={error.text}
        />
      )}
      {mode === 'form' ? (
        <StructuredForm doc={doc} onChange={setDoc} />
      ) : (
        <Input.TextArea
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoSize={{ minRows: 12, maxRows: 32 }}
          spellCheck={false}
          className="criteria-json"
          aria-label={t('criteria.edit.title')}
          data-testid="criteria-editor-text"
        />
      )}
      <Space wrap className="criteria-editor-actions">
        <Button type="primary" onClick={submit} loading={save.isPending} data-testid="criteria-editor-save">
          {t('criteria.edit.save')}
        </Button>
        <Button onClick={onClose} data-testid="criteria-editor-close">
          {t('criteria.edit.cancel')}
        </Button>
      </Space>
    </Card>
  );
}
