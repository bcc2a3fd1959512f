import type { MessageKey } from '../../../shared/i18n';
import type { ReorgKind } from './reorgApi';

export const KIND_LABEL: Record<ReorgKind, MessageKey> = {
  merge: 'reorg.kind.merge',
  split: 'reorg.kind.split',
  transfer: 'reorg.kind.transfer',
};

export const KIND_HELP: Record<ReorgKind, MessageKey> = {
  merge: 'reorg.kind.mergeHelp',
  split: 'reorg.kind.splitHelp',
  transfer: 'reorg.kind.transferHelp',
};

export const KIND_COLOR: Record<ReorgKind, string> = { merge: 'blue', split: 'purple', transfer: 'cyan' };
