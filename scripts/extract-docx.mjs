// Prints the text of the Word document at argv[2], run by lib/files/extract.ts in a process of its own (with
// time and memory limits). Plain JavaScript so that any Node can run it: the app server, tests and scripts.
// Before mammoth (the maintained .docx reader) sees the file, every entry of the zip is inflated here with a cap
// on its output: a zip bomb stops at the cap instead of filling memory (exit code 3).
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import mammoth from 'mammoth';

const [, , file, capArgument] = process.argv;
const cap = Number(capArgument);
const bytes = readFileSync(file);

function fail(code, message) {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

/** Every entry's size once inflated, checked by inflating it (the sizes a zip declares may lie). */
function checkInflatedSizes() {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || end + 22 > bytes.length) fail(2, 'not a zip: no end of central directory');
  const entries = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) fail(2, 'damaged zip: central directory');
    const method = bytes.readUInt16LE(at + 10);
    const compressed = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    at += 46 + nameLength + extraLength + commentLength;
    if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== 0x04034b50) fail(2, 'damaged zip: local header');
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(start, start + compressed);
    if (method === 0) total += data.length;
    else if (method === 8) {
      try {
        total += inflateRawSync(data, { maxOutputLength: Math.max(1, cap - total) }).length;
      } catch (error) {
        if (error instanceof RangeError || error?.code === 'ERR_BUFFER_TOO_LARGE') fail(3, `inflates to more than ${cap} bytes`);
        fail(2, `damaged zip: ${error.message}`);
      }
    } else fail(2, `unsupported zip compression method ${method}`);
    if (total > cap) fail(3, `inflates to more than ${cap} bytes`);
  }
}

checkInflatedSizes();
try {
  const { value } = await mammoth.extractRawText({ buffer: bytes });
  process.stdout.write(value);
} catch (error) {
  fail(2, `not a readable Word document: ${error.message}`);
}
