export default function Page() {
  return (
    <main>
      <h1>A bare page</h1>
      <p>Server-rendered, no client component of its own.</p>
    </main>
  );
}
