
/** A page that only says something: the 404, 410 and error pages. */
export function MessagePage({ title, text, link, children }: {
  title: string;
  text: string;
  link?: { href: string; text: string };
  children?: React.ReactNode;
}) {
  return (
    <main className="mx-auto max-w-3xl px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">{title}</h1>
      <p className="mt-3 text-slate-600">{text}</p>
      {link && (
        <p className="mt-6">
          <a href={link.href} className="text-brand-700 underline">
            {link.text}
          </a>
        </p>
      )}
      {children}
    </main>
  );
}
