// What a .vsix holds: its size and the files in its zip central directory (no unzip tool or zip library needed).
import { readFileSync, statSync } from 'node:fs';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

/** @returns {{ bytes: number, files: string[] }} every entry name, the package's own files under `extension/`. */
export function vsixInfo(file) {
  const zip = readFileSync(file);
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${file} is not a zip archive (no end of central directory record)`);
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const files = [];
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(at) !== CENTRAL) throw new Error(`${file}: corrupt central directory at entry ${n}`);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    files.push(zip.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { bytes: statSync(file).size, files };
}

/** One line for logs: "name.vsix: 712.3 KB, 41 files". */
export function describeVsix(file, info = vsixInfo(file)) {
  return `${file}: ${(info.bytes / 1024).toFixed(1)} KB, ${info.files.length} files`;
}
