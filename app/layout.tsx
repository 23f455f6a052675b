import './globals.css';

// Each tree renders its own <html>: app/[locale]/layout.tsx in the reader's language, the staff area and
// the API documentation in English (their layouts), and the 404 for paths outside every tree (not-found.tsx).
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return children;
}
