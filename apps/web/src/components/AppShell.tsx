'use client';

import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useState, type ReactNode } from 'react';
import { ApiError, apiRequest, loginUrl } from '@/lib/api';
import { LiveEventsProvider, useLiveEvents } from '@/lib/live-events';
import { featureOfPath, isFeatureEnabled, landingFor, navigationFor, type NavItem } from '@/lib/navigation';
import { useMe, type Me } from '@/lib/session';
import { ApiErrorView, Skeleton } from './States';
import { ThemeSwitcher, useAccountTheme } from './ThemeSwitcher';

function currentUrl(pathname: string, search: URLSearchParams): string {
  const query = search.toString();
  return query ? `${pathname}?${query}` : pathname;
}

/** Signed-in pages: loads the caller (#13), sends a signed-out visitor to the login with `returnTo`. */
export function useSignedIn(): { me: Me | undefined; error: unknown } {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const me = useMe();
  useAccountTheme(me.data);
  const unauthorized = me.error instanceof ApiError && me.error.status === 401;
  useEffect(() => {
    if (unauthorized) router.replace(loginUrl(currentUrl(pathname, search)));
  }, [unauthorized, router, pathname, search]);
  return { me: me.data, error: unauthorized ? null : me.error };
}

function LiveDot() {
  const { connected } = useLiveEvents();
  return (
    <span className="flex items-center gap-1.5 text-xs" data-testid="live-dot" data-connected={connected}>
      <span
        aria-hidden="true"
        className={`inline-block h-2.5 w-2.5 rounded-full ${connected ? 'bg-green-600' : 'bg-zinc-400'}`}
      />
      <span className="sr-only md:not-sr-only muted">{connected ? 'Live' : 'Reconnecting'}</span>
    </span>
  );
}

function UserMenu({ me }: { me: Me }) {
  const [open, setOpen] = useState(false);
  const signOut = async () => {
    try {
      await apiRequest('/auth/logout', { method: 'POST', refreshOn401: false });
    } finally {
      window.location.assign('/login');
    }
  };
  return (
    <div className="relative">
      <button
        type="button"
        className="btn"
        aria-expanded={open}
        aria-haspopup="menu"
        onClick={() => setOpen(!open)}
        data-testid="user-menu"
      >
        <span className="max-w-40 truncate">{me.user.name || me.user.email}</span>
      </button>
      {open && (
        <div
          role="menu"
          className="absolute right-0 z-30 mt-1 flex w-60 flex-col gap-2 rounded-md border border-zinc-200 bg-white p-3 shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
          onKeyDown={(event) => event.key === 'Escape' && setOpen(false)}
        >
          <p className="truncate text-sm muted">{me.user.email}</p>
          <ThemeSwitcher me={me} />
          <Link
            role="menuitem"
            href="/settings/security"
            className="link text-sm"
            onClick={() => setOpen(false)}
          >
            Security and password
          </Link>
          {me.user.role === 'super_admin' && (
            <Link role="menuitem" href="/admin" className="link text-sm" onClick={() => setOpen(false)}>
              Admin panel
            </Link>
          )}
          <button role="menuitem" type="button" className="btn" onClick={signOut}>
            Sign out
          </button>
        </div>
      )}
    </div>
  );
}

function Sidebar({
  items,
  pathname,
  onNavigate,
}: {
  items: NavItem[];
  pathname: string;
  onNavigate?: () => void;
}) {
  const activeHref = items
    .map((item) => item.href)
    .filter((href) => pathname === href || (href !== '/' && pathname.startsWith(`${href}/`)))
    .reduce<string | null>((longest, href) => (href.length > (longest?.length ?? -1) ? href : longest), null);
  return (
    <nav aria-label="Main" className="flex flex-col gap-1 p-3">
      {items.map((item) => {
        // The longest matching link is the current page: nested items (/admin, /admin/fix-items) would all match.
        const active = item.href === activeHref;
        return (
          <Link
            key={item.href}
            href={item.href}
            onClick={onNavigate}
            aria-current={active ? 'page' : undefined}
            className={`rounded-md px-3 py-2 text-sm font-medium ${
              active
                ? 'bg-blue-50 text-blue-800 dark:bg-blue-950 dark:text-blue-200'
                : 'text-zinc-800 hover:bg-zinc-100 dark:text-zinc-200 dark:hover:bg-zinc-800'
            }`}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}

function Breadcrumbs({ pathname }: { pathname: string }) {
  const segments = pathname.split('/').filter(Boolean);
  if (segments.length < 2) return null;
  return (
    <nav aria-label="Breadcrumb" className="mb-3 text-sm muted">
      <ol className="flex flex-wrap gap-1">
        {segments.map((segment, index) => {
          const href = `/${segments.slice(0, index + 1).join('/')}`;
          const label = decodeURIComponent(segment).replace(/-/g, ' ');
          const last = index === segments.length - 1;
          return (
            <li key={href} className="flex gap-1">
              {index > 0 && <span aria-hidden="true">/</span>}
              {last ? (
                <span aria-current="page">{label.length > 24 ? `${label.slice(0, 8)}…` : label}</span>
              ) : (
                <Link href={href} className="link">
                  {label.length > 24 ? `${label.slice(0, 8)}…` : label}
                </Link>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

function Frame({
  me,
  items,
  children,
  title,
}: {
  me: Me;
  items: NavItem[];
  children: ReactNode;
  title: string;
}) {
  const pathname = usePathname();
  const [drawer, setDrawer] = useState(false);
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2 dark:focus:bg-zinc-900"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-20 flex h-14 items-center gap-3 border-b border-zinc-200 bg-white/95 px-3 dark:border-zinc-800 dark:bg-zinc-950/95">
        <button
          type="button"
          className="btn md:hidden"
          aria-label="Open navigation"
          aria-expanded={drawer}
          onClick={() => setDrawer(!drawer)}
        >
          <svg aria-hidden="true" width="18" height="18" viewBox="0 0 18 18">
            <path d="M2 4h14M2 9h14M2 14h14" stroke="currentColor" strokeWidth="2" />
          </svg>
        </button>
        <Link href="/" className="flex min-w-0 items-center gap-2 font-semibold">
          {me.organization.logoUrl && (
            <img src={me.organization.logoUrl} alt="" className="h-7 w-7 rounded object-contain" />
          )}
          <span className="truncate" data-testid="org-name">
            {me.organization.name}
          </span>
        </Link>
        <span className="muted hidden text-sm sm:inline">{title}</span>
        <div className="ml-auto flex items-center gap-3">
          <LiveDot />
          <UserMenu me={me} />
        </div>
      </header>
      <div className="flex flex-1">
        <aside className="hidden w-52 shrink-0 border-r border-zinc-200 md:block dark:border-zinc-800">
          <Sidebar items={items} pathname={pathname} />
        </aside>
        {drawer && (
          <div
            className="fixed inset-0 z-40 md:hidden"
            role="dialog"
            aria-modal="true"
            aria-label="Navigation"
          >
            <button
              type="button"
              aria-label="Close navigation"
              className="absolute inset-0 bg-black/40"
              onClick={() => setDrawer(false)}
            />
            <aside className="absolute inset-y-0 left-0 w-64 bg-white dark:bg-zinc-950">
              <Sidebar items={items} pathname={pathname} onNavigate={() => setDrawer(false)} />
            </aside>
          </div>
        )}
        <main id="main" className="min-w-0 flex-1 p-4 md:p-6">
          <Breadcrumbs pathname={pathname} />
          {children}
        </main>
      </div>
    </div>
  );
}

function ShellSkeleton() {
  return (
    <div className="flex min-h-screen flex-col" role="status" aria-label="Loading">
      <div className="h-14 border-b border-zinc-200 dark:border-zinc-800" />
      <div className="flex flex-col gap-3 p-6">
        <Skeleton className="h-8 w-64" />
        <Skeleton className="h-32 w-full" />
      </div>
    </div>
  );
}

/** The `(dashboard)` frame: sidebar by environment mode (BR-061), header with org, live dot and user menu. */
export function DashboardShell({ children }: { children: ReactNode }) {
  const { me, error } = useSignedIn();
  const pathname = usePathname();
  const router = useRouter();
  const mode = me?.organization.environmentMode;
  const feature = featureOfPath(pathname);
  const hidden = mode !== undefined && feature !== null && !isFeatureEnabled(mode, feature);
  useEffect(() => {
    if (hidden && mode) router.replace(landingFor(mode) === pathname ? '/settings' : landingFor(mode));
  }, [hidden, mode, pathname, router]);

  if (error)
    return (
      <main id="main" className="px-4">
        <ApiErrorView error={error} />
      </main>
    );
  if (!me || hidden) return <ShellSkeleton />;
  return (
    <LiveEventsProvider enabled>
      <Frame me={me} items={navigationFor(me.organization.environmentMode, me.user.role)} title="Dashboard">
        {children}
      </Frame>
    </LiveEventsProvider>
  );
}

const ADMIN_ITEMS: NavItem[] = [
  { feature: 'home', href: '/admin', label: 'Overview' },
  { feature: 'home', href: '/admin/organizations', label: 'Organizations' },
  { feature: 'home', href: '/admin/organizations/new', label: 'Onboard an organization' },
  { feature: 'home', href: '/admin/ingestion', label: 'Ingestion' },
  { feature: 'home', href: '/admin/ingestion/jobs', label: 'Jobs' },
  { feature: 'home', href: '/admin/transactions', label: 'Transactions' },
  { feature: 'home', href: '/admin/fix-items', label: 'Fix items' },
  { feature: 'home', href: '/', label: 'Back to dashboard' },
];

/** The `(admin)` frame: super admins only; anyone else goes to `/`. */
export function AdminShell({ children }: { children: ReactNode }) {
  const { me, error } = useSignedIn();
  const router = useRouter();
  const denied = me !== undefined && me.user.role !== 'super_admin';
  useEffect(() => {
    if (denied) router.replace('/');
  }, [denied, router]);
  if (error)
    return (
      <main id="main" className="px-4">
        <ApiErrorView error={error} />
      </main>
    );
  if (!me || denied) return <ShellSkeleton />;
  return (
    <LiveEventsProvider enabled>
      <Frame me={me} items={ADMIN_ITEMS} title="Admin panel">
        {children}
      </Frame>
    </LiveEventsProvider>
  );
}
