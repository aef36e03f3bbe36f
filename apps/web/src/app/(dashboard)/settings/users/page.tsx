'use client';

import { OrgUsers } from '@/components/OrgUsers';
import { useMe } from '@/lib/session';
import { SettingsNav } from '../SettingsNav';

/** Users of the caller's organization (B2.17, admins). */
export default function UsersSettingsPage() {
  const me = useMe();
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Users</h1>
      <SettingsNav />
      <OrgUsers orgId={me.data?.organization.id} />
    </div>
  );
}
