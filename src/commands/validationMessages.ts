/** Words the pure validation issues of src/model/networkValidation.ts for users. */
import * as vscode from 'vscode';
import type { Checked, IpFamily, ValidationIssue } from '../model/networkValidation';

function familyName(f: IpFamily): string {
  return f === 'ipv4' ? 'IPv4' : 'IPv6';
}

export function describeIssue(issue: ValidationIssue): string {
  switch (issue.kind) {
    case 'required':
      return vscode.l10n.t('A value is required.');
    case 'badName':
      return vscode.l10n.t(
        '"{0}" is not a valid network name: start with a letter or digit, then use only letters, digits, "_", "." or "-".',
        issue.value,
      );
    case 'nameTaken':
      return vscode.l10n.t('A network named "{0}" already exists: choose another name.', issue.name);
    case 'badCidr':
      return vscode.l10n.t(
        '"{0}" is not an {1} subnet in CIDR notation (for example {2}).',
        issue.value,
        familyName(issue.family),
        issue.family === 'ipv4' ? '10.42.0.0/24' : 'fd00:42::/64',
      );
    case 'hostBits':
      return vscode.l10n.t('"{0}" has host bits set: did you mean {1}?', issue.value, issue.network);
    case 'overlap':
      return vscode.l10n.t(
        '{0} overlaps {1} of network "{2}": choose a subnet that does not overlap.',
        issue.value,
        issue.otherSubnet,
        issue.otherNetwork,
      );
    case 'badAddress':
      return vscode.l10n.t('"{0}" is not an {1} address.', issue.value, familyName(issue.family));
    case 'outsideSubnet':
      return vscode.l10n.t('{0} is not inside the subnet {1}.', issue.value, issue.subnet);
    case 'reservedAddress':
      return issue.reason === 'network'
        ? vscode.l10n.t('{0} is the network address of {1}: choose a host address.', issue.value, issue.subnet)
        : issue.reason === 'broadcast'
          ? vscode.l10n.t('{0} is the broadcast address of {1}: choose a host address.', issue.value, issue.subnet)
          : vscode.l10n.t(
              '{0} is already used as the gateway or an auxiliary address of {1}.',
              issue.value,
              issue.subnet,
            );
    case 'addressInUse':
      return vscode.l10n.t('{0} is already used by container "{1}" on this network.', issue.value, issue.container);
    case 'noSubnet':
      return vscode.l10n.t(
        'This network has no user-configured {0} subnet, so the engine cannot assign a static {0} address on it.',
        familyName(issue.family),
      );
    case 'badPair':
      return vscode.l10n.t('"{0}" is not a key=value pair (for example {1}).', issue.value, issue.example);
    case 'duplicateKey':
      return vscode.l10n.t('"{0}" is given twice.', issue.key);
    case 'badInteger':
      return vscode.l10n.t(
        '"{0}" is not a whole number between {1} and {2}.',
        issue.value,
        String(issue.min),
        String(issue.max),
      );
    case 'badInterface':
      return vscode.l10n.t(
        '"{0}" is not a valid interface name (at most 15 letters, digits, "_", ".", "-" or "@").',
        issue.value,
      );
    case 'badAlias':
      return vscode.l10n.t(
        '"{0}" is not a valid alias: start with a letter or digit, then use only letters, digits, "_", "." or "-".',
        issue.value,
      );
  }
}

/** For InputQuestion.validate: the message, or undefined when the value is fine. */
export function messageOf<T>(checked: Checked<T>): string | undefined {
  return checked.ok ? undefined : describeIssue(checked.issue);
}
