// Generates a realistic compose file with N services (about 16 lines each): networks with IPAM, static IPs,
// published ports bound to loopback, aliases, depends_on and healthchecks. With --anchors, the shared keys come
// from a merge key (dclint 3.1.0 refuses files with more than 100 aliases, so the comparison runs without).
// Usage: node scripts/bench/compose-generator.mjs 1000 [--anchors] > big.yaml
import { pathToFileURL } from 'node:url';

/** Each group of 50 services gets its own /24: 10.80.0.0/24, 10.80.1.0/24, ... */
function groupPrefix(g) {
  return `10.${80 + Math.floor(g / 250)}.${g % 250}`;
}

export function generateCompose(services, { anchors = false } = {}) {
  const groups = Math.max(1, Math.ceil(services / 50));
  const out = [];
  out.push(
    'name: bench',
    ...(anchors ? ['x-defaults: &defaults', '  restart: unless-stopped', '  logging:', '    driver: json-file'] : []),
    '',
    'services:',
  );
  for (let i = 0; i < services; i++) {
    const id = String(i).padStart(4, '0');
    const group = Math.floor(i / 50);
    const ip = `${groupPrefix(group)}.${(i % 50) + 10}`;
    out.push(
      `  svc-${id}:`,
      ...(anchors ? ['    <<: *defaults'] : ['    restart: unless-stopped']),
      `    image: example/app-${group}:1.${i % 7}`,
      '    environment:',
      `      SERVICE_ID: "${i}"`,
      `    ports:`,
      `      - "127.0.0.1:${20000 + i}:8080"`,
      '    networks:',
      '      front:',
      `      group-${group}:`,
      `        ipv4_address: ${ip}`,
      `        aliases: [svc-${id}-internal]`,
      ...(i > 0
        ? ['    depends_on:', `      - svc-${String(i - 1).padStart(4, '0')}`]
        : ['    depends_on: []', '    # first service']),
      '    healthcheck:',
      '      test: ["CMD", "wget", "-qO-", "http://localhost:8080/health"]',
    );
  }
  out.push('', 'networks:', '  front:', '    driver: bridge');
  for (let g = 0; g < groups; g++) {
    out.push(
      `  group-${g}:`,
      '    ipam:',
      '      config:',
      `        - subnet: ${groupPrefix(g)}.0/24`,
      `          gateway: ${groupPrefix(g)}.1`,
    );
  }
  return out.join('\n') + '\n';
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.write(
    generateCompose(Number(process.argv[2] ?? 1000), { anchors: process.argv.includes('--anchors') }),
  );
}
