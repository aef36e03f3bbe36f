'use client';

import { InlineError, SkeletonRows } from '@/components/States';
import { useApiData } from '@/lib/queries';
import { useMe } from '@/lib/session';
import { SettingsNav } from '../SettingsNav';

interface OrganizationSettings {
  settings: Record<string, unknown>;
}

const PROVIDERS = [
  { key: 'slackConnected', label: 'Slack' },
  { key: 'teamsConnected', label: 'Microsoft Teams' },
  { key: 'googleDriveConnected', label: 'Google Drive' },
];

/** Integrations (B2.17): connection state per provider from the organization (#38). */
export default function IntegrationsPage() {
  const me = useMe();
  const orgId = me.data?.organization.id;
  const org = useApiData<OrganizationSettings>(orgId ? `/organizations/${orgId}` : null);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Integrations</h1>
      <SettingsNav />
      {org.isPending ? (
        <SkeletonRows rows={3} />
      ) : org.error ? (
        <InlineError error={org.error} />
      ) : (
        <div className="grid gap-3 sm:grid-cols-3">
          {PROVIDERS.map((provider) => (
            <section key={provider.key} className="card" aria-label={provider.label}>
              <h2 className="font-semibold">{provider.label}</h2>
              <p className="text-sm muted">
                {org.data.settings?.[provider.key] ? 'Connected' : 'Not connected'}
              </p>
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
