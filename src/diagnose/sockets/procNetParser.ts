/**
 * The parser of the kernel's socket tables, /proc/net/tcp, tcp6, udp and udp6 (one table or several concatenated,
 * as `cat /proc/net/tcp /proc/net/tcp6` prints them). Pure: text in, rows out; it never throws, whatever the text.
 *
 * The addresses are hex dumps of the kernel's in-memory words: an IPv4 address is one 32-bit word and an IPv6
 * address four, each in the host's byte order (little-endian on x86 and arm64), so `0100007F` is 127.0.0.1.
 * Ports are plain big hex numbers. An IPv4-mapped IPv6 address (::ffff:10.0.0.2, an IPv4 peer of a socket
 * listening on ::) is reported as the IPv4 address it carries, with `mapped` set.
 */
import * as ipaddr from 'ipaddr.js';

export type SocketProtocol = 'tcp' | 'udp';

/** TCP states as the kernel numbers them (include/net/tcp_states.h). UDP uses 01 (connected) and 07 (unbound). */
export type TcpState =
  | 'ESTABLISHED'
  | 'SYN_SENT'
  | 'SYN_RECV'
  | 'FIN_WAIT1'
  | 'FIN_WAIT2'
  | 'TIME_WAIT'
  | 'CLOSE'
  | 'CLOSE_WAIT'
  | 'LAST_ACK'
  | 'LISTEN'
  | 'CLOSING'
  | 'NEW_SYN_RECV'
  | 'UNKNOWN';

const STATES: readonly TcpState[] = [
  'UNKNOWN',
  'ESTABLISHED',
  'SYN_SENT',
  'SYN_RECV',
  'FIN_WAIT1',
  'FIN_WAIT2',
  'TIME_WAIT',
  'CLOSE',
  'CLOSE_WAIT',
  'LAST_ACK',
  'LISTEN',
  'CLOSING',
  'NEW_SYN_RECV',
];

export interface SocketRow {
  protocol: SocketProtocol;
  /** The table's family: 6 for tcp6/udp6 rows, even when the addresses are IPv4-mapped. */
  family: 4 | 6;
  localAddress: string;
  localPort: number;
  remoteAddress: string;
  remotePort: number;
  state: TcpState;
  /** The local address was IPv4-mapped IPv6 (reported as IPv4). */
  mapped: boolean;
  inode: number;
}

export interface ParsedTable {
  rows: SocketRow[];
  /** Lines that were neither a header nor a socket row (truncated output, another file mixed in). */
  malformed: number;
}

export interface ParseOptions {
  /** The byte order of the host the table comes from; little-endian unless told. */
  bigEndian?: boolean;
}

const ROW =
  /^\s*\d+:\s+([0-9A-Fa-f]{8}|[0-9A-Fa-f]{32}):([0-9A-Fa-f]{4})\s+([0-9A-Fa-f]{8}|[0-9A-Fa-f]{32}):([0-9A-Fa-f]{4})\s+([0-9A-Fa-f]{2})\s+\S+\s+\S+\s+\S+\s+\d+\s+\d+\s+(\d+)/;
const HEADER = /^\s*sl\s+local_address/;

/** The 4 bytes of one 32-bit word written as 8 hex digits in the host's byte order, in network order. */
function wordBytes(hex: string, bigEndian: boolean): number[] {
  const bytes = [0, 2, 4, 6].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return bigEndian ? bytes : bytes.reverse();
}

interface DecodedAddress {
  address: string;
  mapped: boolean;
}

/** Decodes an 8- or 32-digit kernel address; IPv4-mapped IPv6 becomes the IPv4 address it carries. */
export function decodeAddress(hex: string, bigEndian = false): DecodedAddress | undefined {
  if (hex.length === 8) return { address: wordBytes(hex, bigEndian).join('.'), mapped: false };
  if (hex.length !== 32) return undefined;
  const bytes: number[] = [];
  for (let i = 0; i < 32; i += 8) bytes.push(...wordBytes(hex.slice(i, i + 8), bigEndian));
  const address = new ipaddr.IPv6(bytes);
  if (address.isIPv4MappedAddress()) return { address: address.toIPv4Address().toString(), mapped: true };
  return { address: address.toString(), mapped: false };
}

function stateOf(code: string): TcpState {
  return STATES[parseInt(code, 16)] ?? 'UNKNOWN';
}

/** Parses one socket table (or several concatenated); never throws. */
export function parseProcNet(text: string, protocol: SocketProtocol, options: ParseOptions = {}): ParsedTable {
  const rows: SocketRow[] = [];
  let malformed = 0;
  const bigEndian = options.bigEndian === true;
  for (const line of typeof text === 'string' ? text.split('\n') : []) {
    if (line.trim() === '' || HEADER.test(line)) continue;
    const row = parseRow(line, protocol, bigEndian);
    if (row) rows.push(row);
    else malformed++;
  }
  return { rows, malformed };
}

function parseRow(line: string, protocol: SocketProtocol, bigEndian: boolean): SocketRow | undefined {
  const match = ROW.exec(line);
  if (!match) return undefined;
  const [, localHex, localPort, remoteHex, remotePort, state, inode] = match as unknown as string[];
  if (localHex.length !== remoteHex.length) return undefined;
  const local = decodeAddress(localHex, bigEndian);
  const remote = decodeAddress(remoteHex, bigEndian);
  if (!local || !remote) return undefined;
  return {
    protocol,
    family: localHex.length === 8 ? 4 : 6,
    localAddress: local.address,
    localPort: parseInt(localPort, 16),
    remoteAddress: remote.address,
    remotePort: parseInt(remotePort, 16),
    state: stateOf(state),
    mapped: local.mapped,
    inode: Number(inode),
  };
}

/**
 * Parses `cat /proc/net/tcp /proc/net/tcp6 /proc/net/udp /proc/net/udp6` (any of them, in any order): each table
 * starts with its header line, and UDP headers end with `ref pointer drops`, TCP headers do not.
 */
export function parseProcNetFiles(text: string, options: ParseOptions = {}): ParsedTable {
  const rows: SocketRow[] = [];
  let malformed = 0;
  let protocol: SocketProtocol = 'tcp';
  let section: string[] = [];
  const flush = (): void => {
    const parsed = parseProcNet(section.join('\n'), protocol, options);
    rows.push(...parsed.rows);
    malformed += parsed.malformed;
    section = [];
  };
  for (const line of typeof text === 'string' ? text.split('\n') : []) {
    if (HEADER.test(line)) {
      flush();
      protocol = /\bdrops\s*$/.test(line) ? 'udp' : 'tcp';
    } else {
      section.push(line);
    }
  }
  flush();
  return { rows, malformed };
}
