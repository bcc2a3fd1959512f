import { useState } from 'react';
import { App, Button, Input, Select, Space } from 'antd';
import { DeleteOutlined, FileTextOutlined, LinkOutlined, PaperClipOutlined, PlusOutlined, ReadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { EvidenceRef } from '../../../shared/criteria';
import type { LearningRecordView, MyLearningYear } from '../../../shared/learning';
import { formatDate } from '../../../shared/vn-text';
import { api, query } from '../../app/api';
import { useT } from '../../app/i18n';

/** Learning records the evidence may point to: the subject's own (person subjects only). */
function useRecordChoices(source: RecordSource | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['titles', 'evidenceRecords', source],
    queryFn: async ({ signal }) => {
      if (!source) return [];
      if (source.mine) {
        const mine = await api.get<MyLearningYear>(`/learning-records/mine${query({ year: source.year })}`, signal);
        return mine.items;
      }
      const page = await api.get<{ items: LearningRecordView[] }>(`/learning-records${query({ orgId: source.orgId, year: source.year, q: source.name, pageSize: 100 })}`, signal);
      return page.items;
    },
    enabled: enabled && !!source,
    staleTime: 60_000,
  });
}

/** Whose learning records may back an indicator: mine, or those found by the subject's name in the unit. */
export interface RecordSource {
  mine: boolean;
  orgId: string;
  year: number;
  name: string;
  personId?: string;
}

type Adding = 'link' | 'note' | 'learningRecord' | null;

function EvidenceLabel({ item, recordName }: { item: EvidenceRef; recordName: (id: string) => string }) {
  const t = useT();
  switch (item.kind) {
    // Files come only from elsewhere (an import); the title API has no upload or download of its own.
    case 'file':
      return (
        <span data-testid="title-evidence-file">
          <PaperClipOutlined /> {item.name ?? t('titles.evidence.fileNamed')}
        </span>
      );
    case 'link':
      return (
        <a href={item.url} target="_blank" rel="noopener noreferrer nofollow" data-testid="title-evidence-link">
          <LinkOutlined /> {item.url}
        </a>
      );
    case 'learningRecord':
      return (
        <span data-testid="title-evidence-record">
          <ReadOutlined /> {recordName(item.recordId)}
        </span>
      );
    case 'note':
      return (
        <span data-testid="title-evidence-note">
          <FileTextOutlined /> {item.text}
        </span>
      );
  }
}

/**
 * The evidence of one indicator: the subject's learning records (a person), links and notes. The
 * title API takes no file upload (the learning records' upload belongs to a record), so a document
 * is given as a link or described in a note. Changes stay in the form until it is saved.
 */
export function EvidenceEditor({
  value,
  onChange,
  editable,
  records,
}: {
  value: EvidenceRef[];
  onChange: (next: EvidenceRef[]) => void;
  editable: boolean;
  records?: RecordSource;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [adding, setAdding] = useState<Adding>(null);
  const [text, setText] = useState('');
  const choices = useRecordChoices(records, adding === 'learningRecord' || value.some((v) => v.kind === 'learningRecord'));
  const recordName = (id: string) => {
    const r = choices.data?.find((c) => c.id === id);
    return r ? `${r.title}${r.endsOn ? ` (${formatDate(r.endsOn)})` : ''}` : t('titles.evidence.record');
  };

  const add = (item: EvidenceRef) => {
    onChange([...value, item]);
    setAdding(null);
    setText('');
  };

  const addText = () => {
    const v = text.trim();
    if (!v) return;
    if (adding === 'link') {
      if (!/^https?:\/\/\S+$/i.test(v)) {
        void message.error(t('titles.evidence.badUrl'));
        return;
      }
      add({ kind: 'link', url: v });
    } else add({ kind: 'note', text: v });
  };

  return (
    <div className="title-evidence" data-testid="title-evidence">
      {value.length === 0 && !editable && <span className="muted">{t('titles.evidence.none')}</span>}
      {value.length > 0 && (
        <ul className="title-evidence-list">
          {value.map((item, i) => (
            <li key={i}>
              <EvidenceLabel item={item} recordName={recordName} />
              {editable && (
                <Button
                  type="text"
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('titles.evidence.remove')}
                  onClick={() => onChange(value.filter((_, j) => j !== i))}
                  data-testid="title-evidence-remove"
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <>
          <Space wrap size={4} className="title-evidence-tools">
            {records && (
              <Button size="small" icon={<ReadOutlined />} onClick={() => setAdding('learningRecord')} data-testid="title-evidence-add-record">
                {t('titles.evidence.record')}
              </Button>
            )}
            <Button size="small" icon={<LinkOutlined />} onClick={() => setAdding('link')} data-testid="title-evidence-add-link">
              {t('titles.evidence.link')}
            </Button>
            <Button size="small" icon={<FileTextOutlined />} onClick={() => setAdding('note')} data-testid="title-evidence-add-note">
              {t('titles.evidence.note')}
            </Button>
          </Space>
          {(adding === 'link' || adding === 'note') && (
            <Space.Compact className="title-evidence-input">
              <Input
                autoFocus
                value={text}
                onChange={(e) => setText(e.target.value)}
                onPressEnter={addText}
                maxLength={adding === 'note' ? 2000 : 1000}
                placeholder={adding === 'link' ? t('titles.evidence.linkPlaceholder') : t('titles.evidence.notePlaceholder')}
                data-testid="title-evidence-text"
              />
              <Button type="primary" icon={<PlusOutlined />} onClick={addText} aria-label={t('titles.evidence.add')} data-testid="title-evidence-text-add" />
            </Space.Compact>
          )}
          {adding === 'learningRecord' && (
            <Select
              autoFocus
              className="full-width"
              loading={choices.isFetching}
              placeholder={t('titles.evidence.recordPlaceholder')}
              options={(choices.data ?? []).map((r) => ({ value: r.id, label: `${r.title}${r.endsOn ? ` (${formatDate(r.endsOn)})` : ''}` }))}
              onChange={(id: string) => add({ kind: 'learningRecord', recordId: id })}
              data-testid="title-evidence-record-select"
            />
          )}
        </>
      )}
    </div>
  );
}
