'use client';

import Link from 'next/link';
import { useParams } from 'next/navigation';
import { DataList } from '@/components/DataList';
import { formatDateTime } from '@/lib/format';
import { SettingsNav } from '../../SettingsNav';

interface AccessLogEntry {
  accessedAt: string;
  ipMasked: string;
  userAgent: string | null;
  outcome: string;
}

/**
 * Access log of one share link (product.md #61, B2.17): every visit as stored — when, the masked IP (the full
 * address is never shown), the browser's user agent and whether the visit was let in. Newest first.
 */
export default function ShareAccessLogPage() {
  const { shareId } = useParams<{ shareId: string }>();
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Share link access log</h1>
      <SettingsNav />
      <Link href="/settings/shares" className="link text-sm">
        Back to share links
      </Link>
      <DataList<AccessLogEntry>
        path={`/shares/${shareId}/access-log`}
        label="Access log"
        emptyTitle="Nobody has opened this link yet"
        rowKey={(row) => `${row.accessedAt}-${row.ipMasked}-${row.userAgent}`}
        rowTestId="access-row"
        columns={[
          { header: 'When', cell: (row) => formatDateTime(row.accessedAt) },
          { header: 'IP (masked)', cell: (row) => row.ipMasked },
          {
            header: 'User agent',
            cell: (row) => <span className="break-all text-xs">{row.userAgent ?? '—'}</span>,
          },
          { header: 'Outcome', cell: (row) => row.outcome },
        ]}
      />
    </div>
  );
}
