import type { Segment } from '@/lib/search/highlight';

/** Text with the matched words in <mark>; React escapes every segment, so nothing in the data becomes markup. */
export function Highlighted({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((segment, i) => (segment.mark ? <mark key={i}>{segment.text}</mark> : segment.text))}
    </>
  );
}
