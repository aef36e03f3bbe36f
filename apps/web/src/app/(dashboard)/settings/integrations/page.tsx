'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormMessage } from '@/components/forms';
import { InlineError, SkeletonRows } from '@/components/States';
import { ApiError, apiData } from '@/lib/api';
import { formatDate } from '@/lib/format';
import { useApiData } from '@/lib/queries';
import { useMe } from '@/lib/session';
import { SettingsNav } from '../SettingsNav';
import { startIntegrationConnect } from './integration-actions';

interface IntegrationCard {
  provider: 'slack' | 'google_drive' | 'microsoft_teams';
  available: boolean;
  connected: boolean;
  account: string | null;
  connectedAt: string | null;
}

const CARDS = {
  slack: { label: 'Slack', slug: 'slack' },
  microsoft_teams: { label: 'Microsoft Teams', slug: 'teams' },
  google_drive: { label: 'Google Drive', slug: 'google-drive' },
} as const;

/**
 * Integrations (B2.17): one card per provider with the connected account; admins connect through the provider's
 * OAuth page and disconnect after a confirmation.
 */
export default function IntegrationsPage() {
  const me = useMe();
  const queryClient = useQueryClient();
  const cards = useApiData<IntegrationCard[]>('/integrations');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const isAdmin = me.data ? me.data.user.role !== 'member' : false;

  const connect = async (slug: string) => {
    setBusy(slug);
    setError(null);
    const authorizeUrl = await startIntegrationConnect(slug).catch(() => null);
    if (authorizeUrl) window.location.assign(authorizeUrl);
    else {
      setError('This integration cannot be connected right now.');
      setBusy(null);
    }
  };

  const disconnect = async (card: IntegrationCard) => {
    const { label, slug } = CARDS[card.provider];
    if (!window.confirm(`Disconnect ${label}? Messages and exports through it stop at once.`)) return;
    setBusy(slug);
    setError(null);
    try {
      await apiData(`/integrations/${slug}`, { method: 'DELETE' });
      await queryClient.invalidateQueries();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : `${label} was not disconnected.`);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Integrations</h1>
      <SettingsNav />
      {error && <FormMessage tone="error">{error}</FormMessage>}
      {cards.isPending ? (
        <SkeletonRows rows={3} />
      ) : cards.error ? (
        <InlineError error={cards.error} />
      ) : (
        <div className="grid gap-3 sm:grid-cols-3">
          {cards.data.map((card) => {
            const { label, slug } = CARDS[card.provider];
            return (
              <section
                key={card.provider}
                className="card flex flex-col gap-2"
                aria-label={label}
                data-testid={`integration-${slug}`}
              >
                <h2 className="font-semibold">{label}</h2>
                <p className="text-sm muted">
                  {card.connected
                    ? `Connected as ${card.account}${card.connectedAt ? ` since ${formatDate(card.connectedAt)}` : ''}`
                    : card.available
                      ? 'Not connected'
                      : 'Not enabled on this installation'}
                </p>
                {isAdmin && card.connected && (
                  <button
                    type="button"
                    className="btn self-start"
                    disabled={busy !== null}
                    onClick={() => void disconnect(card)}
                  >
                    Disconnect
                  </button>
                )}
                {isAdmin && !card.connected && card.available && (
                  <button
                    type="button"
                    className="btn-primary self-start"
                    disabled={busy !== null}
                    onClick={() => void connect(slug)}
                  >
                    {busy === slug ? 'Redirecting…' : `Connect ${label}`}
                  </button>
                )}
              </section>
            );
          })}
        </div>
      )}
    </div>
  );
}
