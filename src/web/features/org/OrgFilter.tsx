import { useOrgDetail } from './orgApi';
import { OrgTreeSelect } from './OrgTreeSelect';

interface Props {
  /** The organisation in force (from the URL), or none. */
  orgId: string | undefined;
  onChange: (orgId: string | undefined) => void;
  placeholder: string;
  testId: string;
}

/** The organisation-subtree filter of a list: an OrgTreeSelect bound to an id from the URL. */
export function OrgFilter({ orgId, onChange, placeholder, testId }: Props) {
  const org = useOrgDetail(orgId);
  const value = orgId ? { value: orgId, label: org.data?.org.name ?? '…' } : undefined;
  return (
    <OrgTreeSelect
      id={testId}
      data-testid={testId}
      aria-label={placeholder}
      className="filter-org"
      placeholder={placeholder}
      value={value}
      onChange={(picked) => onChange(picked?.value)}
    />
  );
}
