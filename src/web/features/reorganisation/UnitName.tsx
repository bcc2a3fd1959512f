import { Link } from 'react-router';
import { useT } from '../../app/i18n';
import type { OrgRef } from '../../app/types';

/** A unit's name, a link to it in the tree when it exists (not a preview's provisional unit). */
export function UnitName({ unit, linked = false }: { unit: OrgRef | null; linked?: boolean }) {
  const t = useT();
  if (!unit) return <span className="muted">{t('reorg.outcome.hidden')}</span>;
  if (!linked) return <strong className="reorg-unit">{unit.name}</strong>;
  return (
    <Link to={`/orgs?id=${encodeURIComponent(unit.id)}`} className="reorg-unit" data-testid="reorg-unit-link">
      {unit.name}
    </Link>
  );
}
