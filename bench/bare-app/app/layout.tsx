// The floor of `npm run bench -- --pages --floor`: an App Router page with no code of ours, built by the
// project's own Next, so that what our public pages ship can be told from what Next itself ships.
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
