'use client';

import { useApiData } from './queries';

export type IntegrationProvider = 'slack' | 'google_drive' | 'microsoft_teams';

/** Whether the org has connected `provider` (the settings cards' list, #66–#72): actions using it show only then. */
export function useIntegrationConnected(provider: IntegrationProvider): boolean {
  const integrations = useApiData<{ provider: string; connected: boolean }[]>('/integrations');
  return !!integrations.data?.find((integration) => integration.provider === provider)?.connected;
}
