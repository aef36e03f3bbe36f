'use client';

import { useParams } from 'next/navigation';
import { useApiData } from '@/lib/queries';

export interface AssetDetail {
  id: string;
  grantNumber: string | null;
  applicationNumber: string | null;
  publicationNumber: string | null;
  title: string | null;
  abstract: string | null;
  applicationType: string | null;
  applicationDate: string | null;
  publicationDate: string | null;
  grantDate: string | null;
  grantKind: string | null;
  claimsCount: number | null;
  maintenanceStatus: string;
  status: string | null;
  currentAssignee: string | null;
  titleStatus: {
    companyId: string;
    companyName: string;
    status: string;
    displayStatus: string;
    reason: string | null;
    breakRfId: string | null;
    encumbered: boolean;
  }[];
  inventors: { name: string; city: string | null; state: string | null; country: string | null }[];
  cpc: { code: string; level?: string; description: string | null }[];
  counts: { transactions: number; maintenanceEvents: number; cpcCodes: number };
  lastActivity: string | null;
}

/** The asset of the current `/assets/[id]/…` route (#18); every tab shares the one cached request. */
export function useAssetId(): string {
  return String(useParams<{ id: string }>().id);
}

export function useAsset() {
  const id = useAssetId();
  return useApiData<AssetDetail>(`/assets/${id}`);
}
