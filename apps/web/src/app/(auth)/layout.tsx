import type { ReactNode } from 'react';

/** `(auth)`: a centred card (product.md Part B). */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main
      id="main"
      className="flex min-h-screen items-center justify-center bg-zinc-50 px-4 py-10 dark:bg-zinc-950"
    >
      <div className="w-full max-w-md rounded-xl border border-zinc-200 bg-white p-6 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
        <p className="mb-4 text-sm font-semibold tracking-wide text-blue-800 dark:text-blue-300">
          PatenTrack3
        </p>
        {children}
      </div>
    </main>
  );
}
