'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Field, FormMessage } from './forms';
import { EmptyState, InlineError, SkeletonRows } from './States';
import { ApiError, apiData } from '@/lib/api';
import { formatDateTime } from '@/lib/format';
import { useApiBody } from '@/lib/queries';
import { useMe } from '@/lib/session';

interface OrgUser {
  id: string;
  email: string;
  name: string;
  role: 'member' | 'admin' | 'super_admin';
  status: string;
  mfaEnabled: boolean;
  lastLoginAt: string | null;
}

/**
 * One organization's users (B2.17; the super admin reaches any organization's): invite, change role, unlock,
 * remove; the last admin is protected by the API (409).
 */
export function OrgUsers({ orgId }: { orgId: string | undefined }) {
  const me = useMe();
  const queryClient = useQueryClient();
  const path = orgId ? `/organizations/${orgId}/users` : null;
  const users = useApiBody<{ data: OrgUser[]; total: number }>(path);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const onError = (error: unknown) =>
    setMessage({
      tone: 'error',
      text: error instanceof ApiError ? error.message : 'The change was not saved.',
    });
  const refresh = () => queryClient.invalidateQueries({ queryKey: [path] });

  const invite = useMutation({
    mutationFn: (body: { email: string; name: string; role: string }) =>
      apiData(path!, { method: 'POST', body }),
    onSuccess: () => {
      setMessage({ tone: 'success', text: 'Invitation sent.' });
      void refresh();
    },
    onError,
  });
  const update = useMutation({
    mutationFn: ({ id, body }: { id: string; body: object }) =>
      apiData(`${path}/${id}`, { method: 'PATCH', body }),
    onSuccess: () => void refresh(),
    onError,
  });
  const remove = useMutation({
    mutationFn: (id: string) => apiData(`${path}/${id}`, { method: 'DELETE' }),
    onSuccess: () => void refresh(),
    onError,
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    invite.mutate({
      email: String(form.get('email')),
      name: String(form.get('name')),
      role: String(form.get('role')),
    });
    event.currentTarget.reset();
  };

  return (
    <div className="flex flex-col gap-4">
      {message && <FormMessage tone={message.tone}>{message.text}</FormMessage>}
      <form
        onSubmit={submit}
        className="grid max-w-3xl gap-3 sm:grid-cols-[1fr_1fr_auto_auto] sm:items-end"
        aria-label="Invite a user"
      >
        <Field label="Email" name="email" type="email" required />
        <Field label="Name" name="name" required />
        <div>
          <label htmlFor="invite-role" className="label">
            Role
          </label>
          <select id="invite-role" name="role" className="input">
            <option value="member">Member</option>
            <option value="admin">Admin</option>
          </select>
        </div>
        <button type="submit" className="btn-primary" disabled={invite.isPending}>
          Invite
        </button>
      </form>
      {users.isPending ? (
        <SkeletonRows />
      ) : users.error ? (
        <InlineError error={users.error} />
      ) : users.data.data.length === 0 ? (
        <EmptyState title="No users yet" />
      ) : (
        <div className="overflow-x-auto">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                <th scope="col">MFA</th>
                <th scope="col">Last login</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {users.data.data.map((user) => (
                <tr key={user.id}>
                  <td>{user.name}</td>
                  <td>{user.email}</td>
                  <td>
                    <label className="sr-only" htmlFor={`role-${user.id}`}>
                      Role of {user.email}
                    </label>
                    <select
                      id={`role-${user.id}`}
                      className="input py-1"
                      value={user.role}
                      disabled={user.role === 'super_admin'}
                      onChange={(event) => update.mutate({ id: user.id, body: { role: event.target.value } })}
                    >
                      <option value="member">member</option>
                      <option value="admin">admin</option>
                      {user.role === 'super_admin' && <option value="super_admin">super admin</option>}
                    </select>
                  </td>
                  <td>{user.status === 'pending' ? 'invited' : user.status}</td>
                  <td>{user.mfaEnabled ? 'on' : 'off'}</td>
                  <td>{formatDateTime(user.lastLoginAt)}</td>
                  <td className="flex gap-2">
                    {user.status === 'locked' && (
                      <button
                        type="button"
                        className="btn"
                        onClick={() => update.mutate({ id: user.id, body: { status: 'active' } })}
                      >
                        Unlock
                      </button>
                    )}
                    {user.id !== me.data?.user.id && (
                      <button
                        type="button"
                        className="btn"
                        onClick={() => window.confirm(`Remove ${user.email}?`) && remove.mutate(user.id)}
                      >
                        Remove
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
