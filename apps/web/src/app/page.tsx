export default function HomePage() {
  return (
    <main>
      <h1>PatenTrack3</h1>
      <p>Patent ownership intelligence for IP teams, in-house counsel and deal lawyers.</p>
    </main>
  );
}
