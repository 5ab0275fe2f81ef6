// Reads a user's input file (snapshot files, the config) as text, refusing what would hang or mislead
// with the reason: a FIFO, socket or device (a read could block for ever), a folder, a file over the size
// limit; UTF-8 with a byte-order mark is read (the mark dropped), UTF-16 (as PowerShell's `>` writes it)
// and other non-UTF-8 bytes are refused naming the encoding and how to convert.
import { open, stat } from 'node:fs/promises';

export class InputFileError extends Error {
  override readonly name = 'InputFileError';
}

const MiB = 1024 * 1024;

export interface ReadTextOptions {
  /** Largest file accepted, in bytes. */
  maxBytes: number;
}

function kindOf(s: Awaited<ReturnType<typeof stat>>): string {
  if (s.isDirectory()) return 'a folder';
  if (s.isFIFO()) return 'a FIFO (named pipe)';
  if (s.isSocket()) return 'a socket';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

const sizeText = (n: number): string => (n >= MiB ? `${(n / MiB).toFixed(1)} MiB` : `${n} bytes`);

/** UTF-16 by its byte-order mark, or by the zero bytes of ASCII text in it (`{\0"\0` or `\0{\0"`). */
function utf16(buf: Buffer): 'UTF-16LE' | 'UTF-16BE' | undefined {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return 'UTF-16LE';
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return 'UTF-16BE';
  if (buf.length >= 4 && buf[0] !== 0 && buf[1] === 0 && buf[2] !== 0 && buf[3] === 0) return 'UTF-16LE';
  if (buf.length >= 4 && buf[0] === 0 && buf[1] !== 0 && buf[2] === 0 && buf[3] !== 0) return 'UTF-16BE';
  return undefined;
}

/**
 * The file's text, or `undefined` when it does not exist. Throws InputFileError (message: `<file> …`
 * with the reason and what to do) for anything else that is not a readable UTF-8 text file under the limit.
 */
export async function readTextFile(file: string, o: ReadTextOptions): Promise<string | undefined> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new InputFileError(`${file} cannot be read: ${(e as Error).message}`);
  }
  if (!info.isFile())
    throw new InputFileError(
      `${file} is ${kindOf(info)}, not a regular file: it is not read (a pipe or device could block for ever); save the content to a file and give that`,
    );
  if (info.size > o.maxBytes)
    throw new InputFileError(
      `${file} is ${sizeText(info.size)}, over the limit of ${sizeText(o.maxBytes)} for this file: check that it is the right file`,
    );
  let buf: Buffer;
  const handle = await open(file, 'r').catch((e: Error) => {
    throw new InputFileError(`${file} cannot be read: ${e.message}`);
  });
  try {
    // Never more than the limit, even if the file grew after stat.
    const chunk = Buffer.alloc(Math.min(info.size, o.maxBytes) + 1);
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, 0);
    if (bytesRead > o.maxBytes) throw new InputFileError(`${file} grew past the limit of ${sizeText(o.maxBytes)} while being read`);
    buf = chunk.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  const wide = utf16(buf);
  if (wide) {
    throw new InputFileError(
      `${file} is encoded as ${wide}, not UTF-8: convert it (iconv -f ${wide} -t UTF-8 ${file} > fixed.json; in PowerShell, write it with Out-File -Encoding utf8 or Set-Content -Encoding utf8) and give the converted file`,
    );
  }
  const body = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? buf.subarray(3) : buf;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    const at = firstInvalidUtf8(body);
    throw new InputFileError(
      `${file} is not UTF-8 (an invalid byte 0x${body[at]?.toString(16).padStart(2, '0') ?? '??'} at offset ${at}; Latin-1 or Windows-1252 perhaps): convert it to UTF-8 (iconv -f WINDOWS-1252 -t UTF-8 ${file} > fixed.json)`,
    );
  }
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
function firstInvalidUtf8(buf: Buffer): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i]!;
    const n = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (n === 0) return i;
    for (let k = 1; k < n; k++) if (((buf[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += n;
  }
  return i;
}

/** Limits: a snapshot file can hold a large account's interfaces; a config file is small. */
export const inputLimits = { snapshotFileBytes: 512 * MiB, configFileBytes: 1 * MiB } as const;
