import { ErrorPage } from '@/components/ErrorPage';

export default function NotFound() {
  return (
    <main id="main" className="px-4">
      <ErrorPage
        status={404}
        title="Page not found"
        message="This page does not exist, or it is not part of your organization."
      />
    </main>
  );
}
