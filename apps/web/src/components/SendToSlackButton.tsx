'use client';

import { useState, type FormEvent } from 'react';
import { apiData } from '@/lib/api';
import { useIntegrationConnected } from '@/lib/integrations';
import { InlineError } from './States';

/** #68 lists at most this many assets in one message. */
const MAX_ASSETS = 100;

/**
 * "Send to Slack" of the selected assets (B2.2, #68), offered only when the org has connected Slack: asks for the
 * channel and a message, and posts the message with the assets' numbers to that channel.
 */
export function SendToSlackButton({ assetIds }: { assetIds: readonly string[] }) {
  const connected = useIntegrationConnected('slack');
  const [composing, setComposing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  if (!connected) return null;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const channel = String(form.get('channel')).trim();
    setBusy(true);
    setError(null);
    try {
      await apiData('/integrations/slack/notify', {
        method: 'POST',
        body: { channel, message: String(form.get('message')).trim(), assetIds },
      });
      setSentTo(channel);
      setComposing(false);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const tooMany = assetIds.length > MAX_ASSETS;
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      {composing ? (
        <form className="inline-flex flex-wrap items-center gap-2" onSubmit={(event) => void submit(event)}>
          <label htmlFor="slack-channel" className="sr-only">
            Slack channel
          </label>
          <input
            id="slack-channel"
            name="channel"
            className="input w-40"
            required
            maxLength={80}
            placeholder="#ip-team"
            data-testid="slack-channel"
          />
          <label htmlFor="slack-message" className="sr-only">
            Message
          </label>
          <input
            id="slack-message"
            name="message"
            className="input w-64"
            required
            maxLength={4000}
            defaultValue="Assets to review"
            data-testid="slack-message"
          />
          <button type="submit" className="btn-primary" disabled={busy} data-testid="slack-send">
            {busy ? 'Sending…' : 'Send'}
          </button>
          <button type="button" className="btn" onClick={() => setComposing(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <button
          type="button"
          className="btn"
          disabled={assetIds.length === 0 || tooMany}
          title={tooMany ? `At most ${MAX_ASSETS} assets per message` : undefined}
          data-testid="send-to-slack"
          onClick={() => {
            setSentTo(null);
            setComposing(true);
          }}
        >
          Send to Slack{assetIds.length ? ` (${assetIds.length})` : ''}
        </button>
      )}
      <span role="status" aria-live="polite" className="text-sm" data-testid="slack-status">
        {sentTo && `Sent to ${sentTo}.`}
      </span>
      {error !== null && <InlineError error={error} />}
    </span>
  );
}
