'use client';

import { useQuery } from '@tanstack/react-query';
import type { EnvironmentMode, UserRole } from '@patentrack/shared';
import { apiData } from './api';

/** The me endpoint (#13): the caller and their organization, for layouts. */
export interface Me {
  user: {
    id: string;
    email: string;
    name: string;
    role: UserRole;
    orgId: string;
    mfaEnabled: boolean;
    preferences: { darkMode: boolean | null };
  };
  organization: {
    id: string;
    name: string;
    status: 'provisioning' | 'active' | 'suspended' | string;
    /** Signed up by itself and not yet approved by a super admin (no data, no pipeline until then). */
    awaitingApproval: boolean;
    logoUrl: string | null;
    environmentMode: EnvironmentMode;
  };
}

export const ME_QUERY_KEY = ['me'] as const;

export function useMe() {
  return useQuery({ queryKey: ME_QUERY_KEY, queryFn: () => apiData<Me>('/me'), staleTime: 60_000 });
}
