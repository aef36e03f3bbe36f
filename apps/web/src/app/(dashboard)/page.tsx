import { HomeDashboard } from './HomeDashboard';

export const metadata = { title: 'Home' };

export default function HomePage() {
  return <HomeDashboard />;
}
