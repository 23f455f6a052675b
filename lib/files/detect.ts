/**
 * What a file is, from its bytes: the name an uploader gives it proves nothing. Only the kinds text can be
 * extracted from are accepted (lib/files/extract.ts).
 */

export const MEDIA_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  text: 'text/plain',
} as const;

export type FileKind = keyof typeof MEDIA_TYPES;
export type MediaType = (typeof MEDIA_TYPES)[FileKind];

export const EXTENSIONS: Record<FileKind, string> = { pdf: '.pdf', docx: '.docx', text: '.txt' };

export function kindOf(mediaType: string): FileKind | null {
  return (Object.keys(MEDIA_TYPES) as FileKind[]).find((kind) => MEDIA_TYPES[kind] === mediaType) ?? null;
}

export type Detected = { ok: true; kind: FileKind } | { ok: false; message: string };

const UNSUPPORTED = 'Only PDF, Word (.docx) and plain-text files can be attached.';

/** A PDF's header may follow up to 1,024 bytes of junk (ISO 32000-1, annex H.3), as readers accept. */
function isPdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024 + 5)).toString('latin1');
  return head.includes('%PDF-');
}

/**
 * A Word document is a zip (local header "PK\3\4") whose central directory names word/document.xml and
 * [Content_Types].xml. Looking for the names in the last 64 KB (where the central directory of any real
 * .docx lies) tells it from other zips (an .xlsx, an .odt) without unpacking anything.
 */
function isDocx(bytes: Uint8Array): boolean {
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) return false;
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).subarray(Math.max(0, bytes.length - 65_536)).toString('latin1');
  return tail.includes('word/document.xml') && tail.includes('[Content_Types].xml');
}

/** Text is UTF-8 (a BOM allowed) with no NUL and no other control character but tab, line and page breaks. */
function isText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
   
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
}

export function detectFile(bytes: Uint8Array): Detected {
  if (bytes.length === 0) return { ok: false, message: 'The file is empty (0 bytes).' };
  if (isPdf(bytes)) return { ok: true, kind: 'pdf' };
  if (isDocx(bytes)) return { ok: true, kind: 'docx' };
  if (isText(bytes)) return { ok: true, kind: 'text' };
  return { ok: false, message: UNSUPPORTED };
}

/**
 * The name a download is saved as: the last part of what the uploader's browser or the import gave (no folder,
 * whichever separator), without control characters, at most 150 characters, with the extension of what the file
 * is. Never empty.
 */
export function cleanFileName(name: string, kind: FileKind): string {
   
  let base = (name.split(/[/\\]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  base = base.replace(/^\.+/, '');
  const extension = EXTENSIONS[kind];
  const stem = base.toLowerCase().endsWith(extension) ? base.slice(0, -extension.length) : base.replace(/\.(pdf|docx?|txt)$/i, '');
  const short = [...stem].slice(0, 150 - extension.length).join('').trim();
  return `${short || 'document'}${extension}`;
}
