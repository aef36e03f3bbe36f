'use client';

import { useState, type FormEvent } from 'react';
import { Field, FormMessage, PasswordChecklist, passwordAcceptable } from '@/components/forms';
import { SkeletonRows } from '@/components/States';
import { ThemeSwitcher } from '@/components/ThemeSwitcher';
import { ApiError, apiData } from '@/lib/api';
import { useMe } from '@/lib/session';
import { SettingsNav } from '../SettingsNav';

interface MfaSetup {
  secret: string;
  qrCodeUrl: string;
  backupCodes: string[];
}

/** Security (B2.17): change password, enable MFA (secret, backup codes shown once, confirm code), personal theme. */
export default function SecuritySettingsPage() {
  const me = useMe();
  const [password, setPassword] = useState('');
  const [passwordMessage, setPasswordMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(
    null,
  );
  const [mfa, setMfa] = useState<MfaSetup | null>(null);
  const [mfaMessage, setMfaMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);

  const changePassword = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const currentPassword = String(new FormData(form).get('currentPassword'));
    try {
      await apiData('/me/password', { method: 'POST', body: { currentPassword, newPassword: password } });
      setPasswordMessage({ tone: 'success', text: 'Password changed.' });
      setPassword('');
      form.reset();
    } catch (caught) {
      setPasswordMessage({
        tone: 'error',
        text: caught instanceof ApiError ? caught.message : 'The password was not changed.',
      });
    }
  };

  const startMfa = async () => {
    try {
      setMfa(await apiData<MfaSetup>('/auth/mfa/setup', { method: 'POST' }));
      setMfaMessage(null);
    } catch (caught) {
      setMfaMessage({
        tone: 'error',
        text: caught instanceof ApiError ? caught.message : 'Two-step verification could not be started.',
      });
    }
  };

  const confirmMfa = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get('code')).trim();
    try {
      await apiData('/auth/mfa/verify', { method: 'POST', body: { code, isBackupCode: false } });
      setMfa(null);
      setMfaMessage({ tone: 'success', text: 'Two-step verification is on.' });
      void me.refetch();
    } catch (caught) {
      setMfaMessage({
        tone: 'error',
        text: caught instanceof ApiError ? caught.message : 'That code is not valid.',
      });
    }
  };

  const downloadCodes = () => {
    if (!mfa) return;
    const url = URL.createObjectURL(new Blob([`${mfa.backupCodes.join('\n')}\n`], { type: 'text/plain' }));
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = 'patentrack-backup-codes.txt';
    anchor.click();
    URL.revokeObjectURL(url);
  };

  if (!me.data) return <SkeletonRows rows={4} />;
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">Security and theme</h1>
      <SettingsNav />
      <section className="card max-w-md" aria-labelledby="theme-heading">
        <h2 id="theme-heading" className="mb-2 font-semibold">
          Personal theme
        </h2>
        <ThemeSwitcher me={me.data} />
      </section>
      <section className="card max-w-md" aria-labelledby="password-heading">
        <h2 id="password-heading" className="mb-2 font-semibold">
          Change password
        </h2>
        {passwordMessage && <FormMessage tone={passwordMessage.tone}>{passwordMessage.text}</FormMessage>}
        <form className="mt-2 flex flex-col gap-3" onSubmit={changePassword}>
          <Field
            label="Current password"
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            required
          />
          <div>
            <Field
              label="New password"
              name="newPassword"
              type="password"
              autoComplete="new-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
            <PasswordChecklist password={password} />
          </div>
          <button type="submit" className="btn-primary self-start" disabled={!passwordAcceptable(password)}>
            Change password
          </button>
        </form>
      </section>
      <section className="card max-w-md" aria-labelledby="mfa-heading">
        <h2 id="mfa-heading" className="mb-2 font-semibold">
          Two-step verification
        </h2>
        {mfaMessage && <FormMessage tone={mfaMessage.tone}>{mfaMessage.text}</FormMessage>}
        {me.data.user.mfaEnabled ? (
          <p className="text-sm">Two-step verification is on.</p>
        ) : mfa ? (
          <form className="flex flex-col gap-3" onSubmit={confirmMfa}>
            <p className="text-sm">Add this key to your authenticator app, then enter the code it shows.</p>
            <code className="break-all rounded bg-zinc-100 p-2 text-sm dark:bg-zinc-800">{mfa.secret}</code>
            <p className="text-sm font-semibold">Backup codes (shown once):</p>
            <ul className="grid grid-cols-2 gap-1 font-mono text-sm">
              {mfa.backupCodes.map((code) => (
                <li key={code}>{code}</li>
              ))}
            </ul>
            <button type="button" className="btn self-start" onClick={downloadCodes}>
              Download backup codes
            </button>
            <Field
              label="Code from the app"
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              required
            />
            <button type="submit" className="btn-primary self-start">
              Turn on
            </button>
          </form>
        ) : (
          <button type="button" className="btn" onClick={startMfa}>
            Set up two-step verification
          </button>
        )}
      </section>
    </div>
  );
}
