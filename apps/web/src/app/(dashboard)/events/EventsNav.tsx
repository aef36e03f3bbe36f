'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const LINKS = [
  { href: '/events', label: 'All events' },
  { href: '/events/maintenance', label: 'Maintenance fees' },
  { href: '/events/assignments', label: 'Recent transactions' },
];

export function EventsNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Event views" className="flex flex-wrap gap-2">
      {LINKS.map((link) => (
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
