/**
 * A manager's three lists as a single-node Swarm engine (20.10, API 1.41) answered them: an attachable overlay
 * with a dnsrr service (2 replicas, one still starting) and a vip service publishing 8080 through ingress.
 */
import type { EngineSwarmListing } from '../../../src/engine/records';

export const INGRESS = 'y5y56r0gxvux6o5vkcrjii9wl';
export const OVERLAY = 'toqw96fmqgaqhk2klbfh4lrgy';
export const NODE = 'q1wp27relrqlxcnj0fzokfqbg';

const attachments = (ingress: string | undefined, overlay: string) => [
  ...(ingress ? [{ Network: { ID: INGRESS }, Addresses: [ingress] }] : []),
  { Network: { ID: OVERLAY }, Addresses: [overlay] },
];

export function managerListing(): EngineSwarmListing {
  return {
    role: 'manager',
    nodeId: NODE,
    services: [
      {
        ID: 'w0j6zoc0wglo0w46dgi9bgrub',
        Spec: {
          Name: 'web',
          TaskTemplate: {
            ContainerSpec: { Image: 'dne-busybox:latest@sha256:0123' },
            Networks: [{ Target: OVERLAY }],
          },
          Mode: { Replicated: { Replicas: 1 } },
          EndpointSpec: { Mode: 'vip', Ports: [{ Protocol: 'tcp', TargetPort: 80, PublishedPort: 8080 }] },
        },
        Endpoint: {
          Spec: { Mode: 'vip' },
          Ports: [{ Protocol: 'tcp', TargetPort: 80, PublishedPort: 8080, PublishMode: 'ingress' }],
          VirtualIPs: [
            { NetworkID: INGRESS, Addr: '10.0.0.3/24' },
            { NetworkID: OVERLAY, Addr: '10.0.1.4/24' },
          ],
        },
        ServiceStatus: { RunningTasks: 1, DesiredTasks: 1 },
      },
      {
        ID: 'zccptzlkl0fdj0bcvkqikl3h0',
        Spec: {
          Name: 'api',
          TaskTemplate: { ContainerSpec: { Image: 'dne-busybox:latest' }, Networks: [{ Target: OVERLAY }] },
          Mode: { Replicated: { Replicas: 2 } },
          EndpointSpec: { Mode: 'dnsrr' },
        },
        Endpoint: { Spec: {} },
      },
    ],
    tasks: [
      {
        ID: 'task-api-2',
        ServiceID: 'zccptzlkl0fdj0bcvkqikl3h0',
        Slot: 2,
        NodeID: NODE,
        DesiredState: 'running',
        Status: { State: 'starting', Message: 'starting' },
        NetworksAttachments: attachments(undefined, '10.0.1.7/24'),
      },
      {
        ID: 'task-api-1',
        ServiceID: 'zccptzlkl0fdj0bcvkqikl3h0',
        Slot: 1,
        NodeID: NODE,
        DesiredState: 'running',
        Status: { State: 'running', Message: 'started', ContainerStatus: { ContainerID: 'c0ffee' } },
        NetworksAttachments: attachments(undefined, '10.0.1.6/24'),
      },
      {
        ID: 'task-web-1',
        ServiceID: 'w0j6zoc0wglo0w46dgi9bgrub',
        Slot: 1,
        NodeID: NODE,
        DesiredState: 'running',
        Status: { State: 'running', Message: 'started' },
        NetworksAttachments: attachments('10.0.0.4/24', '10.0.1.5/24'),
      },
    ],
    nodes: [
      {
        ID: NODE,
        Spec: { Role: 'manager', Availability: 'active' },
        Description: { Hostname: 'vm', Engine: { EngineVersion: '20.10.24+dfsg1' } },
        Status: { State: 'ready', Addr: '10.250.11.2' },
        ManagerStatus: { Leader: true, Reachability: 'reachable', Addr: '10.250.11.2:2377' },
      },
    ],
  };
}
