'use client';

import Link from 'next/link';
import { FormMessage } from '@/components/forms';
import { ApiError, apiData } from '@/lib/api';
import { useOAuthCallback } from '@/lib/oauth-callback';
import { claimIntegrationConnect } from '../../integration-actions';

/** Finishes connecting an integration: posts the code (#66, #69, #71), then back to the settings cards. */
export function ConnectCallback({ slug }: { slug: string }) {
  const error = useOAuthCallback(
    (state) => claimIntegrationConnect(slug, state),
    async (code, pending) => {
      await apiData(`/integrations/${slug}/connect`, {
        method: 'POST',
        body: {
          code,
          redirectUri: pending.redirectUri,
          ...(pending.codeVerifier ? { codeVerifier: pending.codeVerifier } : {}),
        },
      });
      window.location.assign('/settings/integrations');
    },
    (caught) => (caught instanceof ApiError ? caught.message : 'Connecting failed. Please try again.'),
  );

  return (
    <div className="flex max-w-md flex-col gap-4">
      <h1 className="text-2xl font-bold">Integrations</h1>
      {error ? (
        <>
          <FormMessage tone="error">{error}</FormMessage>
          <Link href="/settings/integrations" className="link text-sm">
            Back to integrations
          </Link>
        </>
      ) : (
        <p role="status" className="muted">
          Connecting…
        </p>
      )}
    </div>
  );
}
