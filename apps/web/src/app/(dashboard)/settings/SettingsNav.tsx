'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { isFeatureEnabled } from '@/lib/navigation';
import { useMe } from '@/lib/session';

export function SettingsNav() {
  const pathname = usePathname();
  const me = useMe();
  const admin = me.data !== undefined && me.data.user.role !== 'member';
  const links = [
    { href: '/settings', label: 'Organization', show: true },
    { href: '/settings/security', label: 'Security and theme', show: true },
    { href: '/settings/shares', label: 'Share links', show: true },
    { href: '/settings/users', label: 'Users', show: admin },
    {
      href: '/settings/integrations',
      label: 'Integrations',
      show:
        admin &&
        me.data !== undefined &&
        isFeatureEnabled(me.data.organization.environmentMode, 'integrations'),
    },
  ];
  return (
    <nav aria-label="Settings sections" className="flex flex-wrap gap-2">
      {links
        .filter((link) => link.show)
        .map((link) => (
          <Link
            key={link.href}
            href={link.href}
            aria-current={pathname === link.href ? 'page' : undefined}
            className={pathname === link.href ? 'btn-primary' : 'btn'}
          >
            {link.label}
          </Link>
        ))}
    </nav>
  );
}
