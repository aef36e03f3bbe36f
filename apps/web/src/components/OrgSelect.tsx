'use client';

import { useApiPages } from '@/lib/queries';

interface OrgOption {
  id: string;
  name: string;
}

/**
 * A labelled organization picker for the admin panel (#73). The first 100 organizations by the list's order are
 * offered; the value stays valid even before they load, so a deep-linked `orgId` is not dropped.
 */
export function OrgSelect({
  id,
  value,
  onChange,
  anyLabel,
  required,
}: {
  id: string;
  value: string;
  onChange: (orgId: string) => void;
  /** Label of the empty choice; without it an organization must be chosen. */
  anyLabel?: string;
  required?: boolean;
}) {
  const orgs = useApiPages<OrgOption>('/admin/organizations', { limit: 100 });
  const options = orgs.data?.pages.flatMap((page) => page.data) ?? [];
  return (
    <>
      <label htmlFor={id} className="label">
        Organization
      </label>
      <select
        id={id}
        className="input"
        value={value}
        required={required}
        aria-busy={orgs.isPending}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">{anyLabel ?? 'Choose an organization'}</option>
        {options.map((org) => (
          <option key={org.id} value={org.id}>
            {org.name}
          </option>
        ))}
      </select>
    </>
  );
}
