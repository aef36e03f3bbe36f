import { Suspense } from 'react';
import { EventsFeed } from './EventsFeed';

export const metadata = { title: 'Events' };

export default function EventsPage() {
  return (
    <Suspense>
      <EventsFeed />
    </Suspense>
  );
}
