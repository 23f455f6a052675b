import { handleOaiRequest } from '@/lib/oai/handler';

/** OAI-PMH 2.0 (lib/oai): every verb, by GET or by POST (application/x-www-form-urlencoded). */
export const GET = handleOaiRequest;
export const POST = handleOaiRequest;
