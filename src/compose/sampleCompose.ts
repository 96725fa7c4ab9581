/**
 * The walkthrough's sample: a small compose file with one mistake per kind of network rule a newcomer meets
 * (misspelt network, port published twice, static IP outside its subnet, network_mode with networks, host bits in
 * a subnet, an unused network). Pure text, so a unit test can check that each mistake is found.
 */
export const SAMPLE_COMPOSE_NAME = 'compose.sample.yaml';

export const SAMPLE_COMPOSE =
  [
    '# A compose file with network mistakes, opened by the Docker Network Explorer walkthrough.',
    '# Every squiggle is a finding: hover it for the reason and its rule page, press Ctrl+. for a quick fix.',
    'services:',
    '  web:',
    '    image: nginx:alpine',
    '    ports:',
    '      - "8080:80"',
    '    networks: [frontend, bakend]',
    '  api:',
    '    image: example/api:1.4',
    '    ports:',
    '      - "8080:3000"',
    '    networks:',
    '      backend:',
    '        ipv4_address: 10.20.0.10',
    '  cache:',
    '    image: redis:7',
    '    network_mode: host',
    '    networks: [backend]',
    'networks:',
    '  frontend:',
    '  backend:',
    '    ipam:',
    '      config:',
    '        - subnet: 172.28.5.0/16',
    '  legacy:',
  ].join('\n') + '\n';
