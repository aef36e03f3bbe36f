'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { DataList } from '@/components/DataList';
import { FormMessage } from '@/components/forms';
import { ApiError, apiData } from '@/lib/api';
import { formatCount, formatDate, formatDateTime } from '@/lib/format';
import { SettingsNav } from '../SettingsNav';

interface ShareItem {
  id: string;
  name: string;
  code: string;
  url: string;
  assetCount?: number;
  assetIds?: string[];
  expiresAt: string | null;
  useCount?: number;
  maxUses: number | null;
  active?: boolean;
  revokedAt?: string | null;
  lastAccessedAt?: string | null;
}

/** Share links (B2.17): revoke, copy URL, access log; members see only their own (the API decides). */
export default function SharesSettingsPage() {
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const revoke = useMutation({
    mutationFn: (id: string) => apiData(`/shares/${id}`, { method: 'DELETE' }),
    onSuccess: () => {
      setMessage({ tone: 'success', text: 'The link was revoked.' });
      void queryClient.invalidateQueries({ queryKey: ['/shares'] });
    },
    onError: (error) =>
      setMessage({
        tone: 'error',
        text: error instanceof ApiError ? error.message : 'The link was not revoked.',
      }),
  });
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Share links</h1>
      <SettingsNav />
      {message && <FormMessage tone={message.tone}>{message.text}</FormMessage>}
      <DataList<ShareItem>
        path="/shares"
        label="Share links"
        emptyTitle="No share links yet"
        emptyAction="Select assets in the asset list and choose Share to create a link."
        rowKey={(row) => row.id}
        columns={[
          { header: 'Name', cell: (row) => row.name },
          { header: 'Assets', cell: (row) => formatCount(row.assetCount ?? row.assetIds?.length ?? 0) },
          { header: 'Expires', cell: (row) => (row.expiresAt ? formatDate(row.expiresAt) : 'never') },
          {
            header: 'Uses',
            cell: (row) =>
              `${formatCount(row.useCount ?? 0)}${row.maxUses ? ` / ${formatCount(row.maxUses)}` : ''}`,
          },
          { header: 'State', cell: (row) => (row.revokedAt || row.active === false ? 'inactive' : 'active') },
          { header: 'Last access', cell: (row) => formatDateTime(row.lastAccessedAt) },
          {
            header: 'Actions',
            cell: (row) => (
              <span className="flex gap-2">
                <Link href={`/settings/shares/${row.id}`} className="btn">
                  Access log<span className="sr-only"> of {row.name}</span>
                </Link>
                <button
                  type="button"
                  className="btn"
                  onClick={() =>
                    navigator.clipboard?.writeText(new URL(row.url, window.location.origin).toString())
                  }
                >
                  Copy URL
                </button>
                {!row.revokedAt && row.active !== false && (
                  <button
                    type="button"
                    className="btn"
                    onClick={() =>
                      window.confirm(`Revoke “${row.name}”? Its URL stops working at once.`) &&
                      revoke.mutate(row.id)
                    }
                  >
                    Revoke
                  </button>
                )}
              </span>
            ),
          },
        ]}
      />
    </div>
  );
}
