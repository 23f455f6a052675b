import { resultSetReferences } from '@/lib/citation/routes';

/** GET /api/publications.html?style=apa|chicago|harvard&<catalogue parameters>: the whole result set's formatted references. */
export function GET(request: Request) {
  return resultSetReferences(request);
}
