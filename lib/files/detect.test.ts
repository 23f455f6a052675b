import { describe, expect, it } from 'vitest';
import { makeDocx, makePdf, makeZip } from '@/tests/fixtures/documents';
import { cleanFileName, detectFile } from './detect';

describe('detectFile', () => {
  it('tells PDF, Word and text from their bytes, whatever they are called', () => {
    expect(detectFile(makePdf(['x']))).toEqual({ ok: true, kind: 'pdf' });
    // A header after some junk, as readers accept.
    expect(detectFile(Buffer.concat([Buffer.alloc(300, 0x20), makePdf(['x'])]))).toEqual({ ok: true, kind: 'pdf' });
    expect(detectFile(makeDocx(['x']))).toEqual({ ok: true, kind: 'docx' });
    expect(detectFile(Buffer.from('Plain notes\n\twith a tab\f and a page break, café'))).toEqual({ ok: true, kind: 'text' });
  });

  it('refuses the rest with a message', () => {
    expect(detectFile(Buffer.alloc(0))).toEqual({ ok: false, message: 'The file is empty (0 bytes).' });
    const refused = { ok: false, message: 'Only PDF, Word (.docx) and plain-text files can be attached.' };
    expect(detectFile(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toEqual(refused);
    // A zip that is not a Word document (a spreadsheet).
    expect(detectFile(makeZip([{ name: 'xl/workbook.xml', data: Buffer.from('<x/>') }, { name: '[Content_Types].xml', data: Buffer.from('<x/>') }]))).toEqual(refused);
    expect(detectFile(Buffer.from('text with a NUL\u0000 byte'))).toEqual(refused);
    expect(detectFile(Buffer.from([0x66, 0x6f, 0xff, 0xfe]))).toEqual(refused);
    // "%PDF-" past the first kilobyte is not a PDF header.
    expect(detectFile(Buffer.concat([Buffer.alloc(2000, 0x20), Buffer.from('%PDF-1.4')]))).toEqual({ ok: true, kind: 'text' });
  });
});

describe('cleanFileName', () => {
  it.each([
    ['report.pdf', 'pdf', 'report.pdf'],
    ['C:\\Users\\me\\Final report.PDF', 'pdf', 'Final report.pdf'],
    ['../../etc/passwd', 'pdf', 'passwd.pdf'],
    ['/tmp/.hidden', 'text', 'hidden.txt'],
    ['notes.txt', 'pdf', 'notes.pdf'],
    ['guide.doc', 'docx', 'guide.docx'],
    ['tab\tand\nnewline.pdf', 'pdf', 'tabandnewline.pdf'],
    ['', 'docx', 'document.docx'],
    ['..', 'pdf', 'document.pdf'],
    ['rapport é 2023.pdf', 'pdf', 'rapport é 2023.pdf'],
  ] as const)('%j as %s → %j', (name, kind, expected) => {
    expect(cleanFileName(name, kind)).toBe(expected);
  });

  it('keeps names short', () => {
    const name = cleanFileName(`${'a'.repeat(400)}.pdf`, 'pdf');
    expect(name).toHaveLength(150);
    expect(name.endsWith('.pdf')).toBe(true);
  });
});
