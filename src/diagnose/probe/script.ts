/**
 * The probe that runs inside the source's network namespace: one POSIX sh script (busybox ash, dash, bash) run
 * with one exec, so a probe costs one round trip. It uses whatever the image has: getent, else /etc/hosts then
 * nslookup, to resolve the name; nc (OpenBSD -z, busybox -e, plain) or bash's /dev/tcp to connect; ping when no
 * port was asked. Resolution and the connection run in parallel, each bounded by 2 s (timeout when present, the
 * tools' own -w/-W otherwise), so the worst case stays under 3 s. The name, address and port travel as
 * positional arguments ($1 $2 $3), never spliced into the script text. Output: marker lines parsed by parse.ts.
 */
import type { ProbeTarget } from '../reachability/types';

/** Seconds each step may take. */
export const STEP_TIMEOUT_S = 2;

export const PROBE_SCRIPT = String.raw`N="$1"; A="$2"; P="$3"; U="$4"
have() { command -v "$1" >/dev/null 2>&1; }
TO=""
if have timeout && timeout 1 true 2>/dev/null; then TO="timeout ${STEP_TIMEOUT_S}"
elif have busybox && busybox timeout 1 true 2>/dev/null; then TO="busybox timeout ${STEP_TIMEOUT_S}"; fi
tools=""
for t in getent nslookup nc bash ping timeout busybox; do have "$t" && tools="$tools $t"; done
printf '@@tools%s\n' "$tools"
step() { s="$1"; shift; out=$("$@" 2>&1); rc=$?; printf '@@begin %s %s\n%s\n@@end %s %s\n' "$s" "$*" "$out" "$s" "$rc"; }
hostsfile() { while read -r ip names; do for n in $names; do [ "$n" = "$1" ] && { echo "$ip $n"; return 0; }; done; done < /etc/hosts; return 2; }
none() { printf '@@begin %s none\n\n@@end %s 127\n' "$1" "$1"; }
resolve() {
  if have getent; then step resolve $TO getent hosts "$N"
  elif [ -r /etc/hosts ] && hostsfile "$N" >/dev/null 2>&1; then step resolve hostsfile "$N"
  elif have nslookup; then step resolve $TO nslookup "$N"
  else none resolve; fi
}
connect() {
  if have nc; then
    h=$(nc -h 2>&1; nc --help 2>&1)
    case "$h" in
      *"	-z"*|*" -z"*) step connect $TO nc -z -w ${STEP_TIMEOUT_S} "$H" "$P" ;;
      *"-e PROG"*) step connect $TO nc -w ${STEP_TIMEOUT_S} "$H" "$P" -e true ;;
      *) step connect $TO nc -w ${STEP_TIMEOUT_S} "$H" "$P" </dev/null ;;
    esac
  elif have bash; then step connect $TO bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$H" "$P"
  else none connect; fi
}
pinger() { if have ping; then step ping $TO ping -c 1 -W ${STEP_TIMEOUT_S} "$H"; else none ping; fi; }
H="$A"; [ -n "$H" ] || H="$N"
[ -n "$N" ] && resolve &
if [ -n "$H" ] && [ -n "$P" ] && [ "$U" != udp ]; then connect &
elif [ -n "$H" ] && [ -z "$P" ]; then pinger &
fi
wait
`;

/**
 * The command line: sh -c SCRIPT probe NAME ADDRESS PORT PROTOCOL. With an address the connection goes to it
 * (the name is resolved beside it, to show whether it resolves); without one, the tools resolve the name.
 */
export function probeCommand(target: ProbeTarget): string[] {
  return [
    'sh',
    '-c',
    PROBE_SCRIPT,
    'probe',
    target.name ?? '',
    target.address ?? '',
    target.port !== undefined ? String(target.port) : '',
    target.protocol,
  ];
}
