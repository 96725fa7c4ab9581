/** Every rule, in the order their findings are listed. */
import { addressOutsideSubnet } from './addressOutsideSubnet';
import { deprecatedExternalName } from './deprecatedExternalName';
import { duplicatePublishedPort } from './duplicatePublishedPort';
import { duplicateStaticIp } from './duplicateStaticIp';
import { engineIpInUse } from './engineIpInUse';
import { engineNetworkMissing } from './engineNetworkMissing';
import { engineOverlayWithoutSwarm } from './engineOverlayWithoutSwarm';
import { engineSubnetOverlap } from './engineSubnetOverlap';
import { externalNetworkKeys } from './externalNetworkKeys';
import { hostModePorts } from './hostModePorts';
import { hostModeWithLinks } from './hostModeWithLinks';
import { hostNetworkMode } from './hostNetworkMode';
import { invalidCidr } from './invalidCidr';
import { internalNetworkPorts } from './internalNetworkPorts';
import { ipv6NotEnabled } from './ipv6NotEnabled';
import { linkWithoutSharedNetwork } from './linkWithoutSharedNetwork';
import { malformedExtraHost } from './malformedExtraHost';
import { malformedPort } from './malformedPort';
import { networkModeWithNetworks } from './networkModeWithNetworks';
import { noneModeReferenced } from './noneModeReferenced';
import { overlappingSubnets } from './overlappingSubnets';
import { portAllInterfaces } from './portAllInterfaces';
import { sharedNamespaceConflict } from './sharedNamespaceConflict';
import { staticIpOutsideSubnet } from './staticIpOutsideSubnet';
import { staticIpWithoutSubnet } from './staticIpWithoutSubnet';
import { undeclaredNetwork } from './undeclaredNetwork';
import { unknownServiceReference } from './unknownServiceReference';
import { unreachableService } from './unreachableService';
import { unusedNetwork } from './unusedNetwork';
import type { Rule } from './types';

export const RULES: readonly Rule[] = [
  undeclaredNetwork,
  networkModeWithNetworks,
  unknownServiceReference,
  externalNetworkKeys,
  invalidCidr,
  addressOutsideSubnet,
  staticIpOutsideSubnet,
  duplicateStaticIp,
  overlappingSubnets,
  hostModeWithLinks,
  sharedNamespaceConflict,
  duplicatePublishedPort,
  malformedPort,
  malformedExtraHost,
  unusedNetwork,
  staticIpWithoutSubnet,
  ipv6NotEnabled,
  hostModePorts,
  deprecatedExternalName,
  linkWithoutSharedNetwork,
  unreachableService,
  internalNetworkPorts,
  noneModeReferenced,
  portAllInterfaces,
  hostNetworkMode,
  engineNetworkMissing,
  engineSubnetOverlap,
  engineIpInUse,
  engineOverlayWithoutSwarm,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.id, r]));
