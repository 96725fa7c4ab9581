/**
 * The Create Network wizard's steps: name, driver, IPv4 subnet/gateway/range/aux, IPv6 subnet/gateway, flags,
 * driver options, labels. Pure step logic over a Prompter, so tests drive it with scripted answers.
 */
import * as vscode from 'vscode';
import type { CreateNetworkIpam, CreateNetworkRequest } from '../../engine/api';
import type { EngineInfo } from '../../engine/records';
import {
  checkAuxAddresses,
  checkHostAddress,
  checkIpRange,
  checkLabels,
  checkNetworkName,
  checkNewSubnet,
  type IpFamily,
  type ParsedCidr,
} from '../../model/networkValidation';
import type { NetworkModel } from '../../model/topology';
import { BACK, type Answer, type Prompter } from '../prompter';
import { messageOf } from '../validationMessages';
import { driverOptionsFor, type DriverOption } from './driverOptions';
import { DONE, runSteps, type Step } from './stepRunner';

export interface WizardContext {
  prompter: Prompter;
  /** The engine's networks now (names taken, subnets in use). */
  networks: readonly NetworkModel[];
  info: EngineInfo;
}

interface FamilyAnswers {
  subnet: string;
  gateway: string;
  range: string;
  aux: string;
}

interface State {
  name: string;
  driver: string;
  v4: FamilyAnswers;
  v6: FamilyAnswers;
  flags: Array<'internal' | 'attachable'>;
  optionKeys: string[];
  options: Record<string, string>;
  labels: string;
}

const BUILT_IN_DRIVERS = new Set(['bridge', 'overlay', 'macvlan', 'ipvlan', 'host', 'null']);

/** bridge, overlay when Swarm is active, macvlan, ipvlan, then any network plugin the engine has. */
export function availableDrivers(info: EngineInfo): Array<{ driver: string; plugin: boolean }> {
  const drivers = [{ driver: 'bridge', plugin: false }];
  if (info.Swarm?.LocalNodeState === 'active') drivers.push({ driver: 'overlay', plugin: false });
  drivers.push({ driver: 'macvlan', plugin: false }, { driver: 'ipvlan', plugin: false });
  for (const p of info.Plugins?.Network ?? []) if (!BUILT_IN_DRIVERS.has(p)) drivers.push({ driver: p, plugin: true });
  return drivers;
}

const emptyFamily = (): FamilyAnswers => ({ subnet: '', gateway: '', range: '', aux: '' });

/** Runs the wizard; resolves the request to send, or undefined when the user cancelled. */
export async function runCreateNetworkWizard(ctx: WizardContext): Promise<CreateNetworkRequest | undefined> {
  const s: State = { name: '', driver: 'bridge', v4: emptyFamily(), v6: emptyFamily(), flags: [], optionKeys: [], options: {}, labels: '' };
  const { prompter } = ctx;
  const title = vscode.l10n.t('Create Network');
  let depth = 0;

  // Step counter: steps done so far + 1, out of an estimate from the answers given so far.
  const position = (id: string) => {
    const familySteps = (f: FamilyAnswers): number => (f.subnet ? 4 : 1);
    const optionSteps = driverOptionsFor(s.driver).length > 0 ? 1 + s.optionKeys.length : 0;
    const total = 2 + familySteps(s.v4) + familySteps(s.v6) + 1 + optionSteps + 1;
    return { id, title, step: depth + 1, totalSteps: Math.max(total, depth + 1), canGoBack: depth > 0 };
  };
  /** Wraps a step so the counter follows the history depth. */
  const at = (d: number, body: () => Promise<Step | typeof DONE | typeof BACK | undefined>): Step => async () => {
    depth = d;
    return body();
  };
  const follow = <T>(answer: Answer<T>, apply: (v: T) => Step | typeof DONE): Step | typeof DONE | typeof BACK | undefined =>
    answer === undefined ? undefined : answer === BACK ? BACK : apply(answer as T);

  const subnetOf = (family: IpFamily): ParsedCidr | undefined => {
    const f = family === 'ipv4' ? s.v4 : s.v6;
    const r = f.subnet ? checkNewSubnet(f.subnet, family, ctx.networks) : undefined;
    return r?.ok ? r.value : undefined;
  };

  const labelsStep = (d: number): Step =>
    at(d, async () =>
      follow(
        await prompter.input({
          ...position('labels'),
          prompt: vscode.l10n.t('Labels (optional): key=value pairs separated by commas'),
          placeholder: 'com.example.team=net, env=dev',
          value: s.labels,
          validate: (v) => messageOf(checkLabels(v)),
        }),
        (v) => {
          s.labels = v;
          return DONE;
        },
      ),
    );

  // Every step prompts: a step that only forwarded would swallow Back (it would forward again at once).
  const optionValueStep = (d: number, options: DriverOption[], index: number): Step =>
    index >= options.length ? labelsStep(d) : at(d, async () => {
      const opt = options[index];
      if (opt.kind === 'choice') {
        return follow(
          await prompter.pick({
            ...position(`option:${opt.key}`),
            placeholder: vscode.l10n.t('{0} ({1})', opt.label, opt.key),
            items: opt.choices.map((c) => ({ label: c, value: c, picked: s.options[opt.key] === c })),
          }),
          (v) => {
            s.options[opt.key] = v;
            return optionValueStep(d + 1, options, index + 1);
          },
        );
      }
      return follow(
        await prompter.input({
          ...position(`option:${opt.key}`),
          prompt: vscode.l10n.t('{0} ({1})', opt.label, opt.key),
          placeholder: opt.placeholder,
          value: s.options[opt.key] ?? '',
          validate: (v) => opt.validate(v),
        }),
        (v) => {
          s.options[opt.key] = v.trim();
          return optionValueStep(d + 1, options, index + 1);
        },
      );
    });

  const optionsStep = (d: number): Step =>
    driverOptionsFor(s.driver).length === 0 ? labelsStep(d) : at(d, async () => {
      const all = driverOptionsFor(s.driver);
      return follow(
        await prompter.pickMany({
          ...position('driverOptions'),
          placeholder: vscode.l10n.t('Driver options to set (none: the engine defaults)'),
          items: all.map((o) => ({ label: o.label, description: o.key, value: o.key, picked: s.optionKeys.includes(o.key) })),
        }),
        (keys) => {
          s.optionKeys = keys;
          for (const k of Object.keys(s.options)) if (!keys.includes(k)) delete s.options[k];
          return optionValueStep(d + 1, all.filter((o) => keys.includes(o.key)), 0);
        },
      );
    });

  const flagsStep = (d: number): Step =>
    at(d, async () =>
      follow(
        await prompter.pickMany<'internal' | 'attachable'>({
          ...position('flags'),
          placeholder: vscode.l10n.t('Network flags (none selected: a regular network)'),
          items: [
            { label: vscode.l10n.t('Internal'), description: vscode.l10n.t('no access to or from outside networks'), value: 'internal', picked: s.flags.includes('internal') },
            { label: vscode.l10n.t('Attachable'), description: vscode.l10n.t('standalone containers may connect (overlay)'), value: 'attachable', picked: s.flags.includes('attachable') },
          ],
        }),
        (flags) => {
          s.flags = flags;
          return optionsStep(d + 1);
        },
      ),
    );

  /** One optional address input inside the family's subnet (gateway). */
  const familySteps = (d: number, family: IpFamily, after: (d: number) => Step): Step => {
    const f = family === 'ipv4' ? s.v4 : s.v6;
    const label = family === 'ipv4' ? 'IPv4' : 'IPv6';
    const example = family === 'ipv4' ? { subnet: '10.42.0.0/24', gateway: '10.42.0.1', range: '10.42.0.128/25', aux: 'router=10.42.0.2' } : { subnet: 'fd00:42::/64', gateway: 'fd00:42::1', range: 'fd00:42::/80', aux: 'router=fd00:42::2' };

    const auxStep = (dd: number): Step =>
      at(dd, async () =>
        follow(
          await prompter.input({
            ...position(`${family}Aux`),
            prompt: vscode.l10n.t('{0} auxiliary addresses (optional): name=address pairs the engine must not assign', label),
            placeholder: example.aux,
            value: f.aux,
            validate: (v) => {
              const subnet = subnetOf(family);
              return subnet ? messageOf(checkAuxAddresses(v, subnet, f.gateway || undefined)) : undefined;
            },
          }),
          (v) => {
            f.aux = v;
            return after(dd + 1);
          },
        ),
      );
    const rangeStep = (dd: number): Step =>
      at(dd, async () =>
        follow(
          await prompter.input({
            ...position(`${family}Range`),
            prompt: vscode.l10n.t('{0} range to allocate container addresses from (optional, inside the subnet)', label),
            placeholder: example.range,
            value: f.range,
            validate: (v) => {
              const subnet = subnetOf(family);
              return v.trim() && subnet ? messageOf(checkIpRange(v, subnet)) : undefined;
            },
          }),
          (v) => {
            f.range = v.trim();
            return auxStep(dd + 1);
          },
        ),
      );
    const gatewayStep = (dd: number): Step =>
      at(dd, async () =>
        follow(
          await prompter.input({
            ...position(`${family}Gateway`),
            prompt: vscode.l10n.t('{0} gateway (optional, inside the subnet; empty: the engine picks one)', label),
            placeholder: example.gateway,
            value: f.gateway,
            validate: (v) => {
              const subnet = subnetOf(family);
              return v.trim() && subnet ? messageOf(checkHostAddress(v, subnet)) : undefined;
            },
          }),
          (v) => {
            f.gateway = v.trim();
            return rangeStep(dd + 1);
          },
        ),
      );
    return at(d, async () =>
      follow(
        await prompter.input({
          ...position(`${family}Subnet`),
          prompt:
            family === 'ipv4'
              ? vscode.l10n.t('IPv4 subnet in CIDR notation (optional; empty: the engine picks a free one)')
              : vscode.l10n.t('IPv6 subnet in CIDR notation (optional; empty: no IPv6)'),
          placeholder: example.subnet,
          value: f.subnet,
          validate: (v) => (v.trim() ? messageOf(checkNewSubnet(v, family, ctx.networks)) : undefined),
        }),
        (v) => {
          f.subnet = v.trim();
          if (!f.subnet) {
            Object.assign(f, emptyFamily());
            return after(d + 1);
          }
          return gatewayStep(d + 1);
        },
      ),
    );
  };

  const driverStep = (d: number): Step =>
    at(d, async () =>
      follow(
        await prompter.pick({
          ...position('driver'),
          placeholder: vscode.l10n.t('Network driver'),
          items: availableDrivers(ctx.info).map((x) => ({
            label: x.driver,
            description: x.plugin ? vscode.l10n.t('network plugin') : undefined,
            value: x.driver,
            picked: x.driver === s.driver,
          })),
        }),
        (driver) => {
          if (driver !== s.driver) {
            s.optionKeys = [];
            s.options = {};
          }
          s.driver = driver;
          return familySteps(d + 1, 'ipv4', (d4) => familySteps(d4, 'ipv6', flagsStep));
        },
      ),
    );

  const nameStep = at(0, async () =>
    follow(
      await prompter.input({
        ...position('name'),
        prompt: vscode.l10n.t('Name of the new network'),
        placeholder: 'my-network',
        value: s.name,
        validate: (v) => messageOf(checkNetworkName(v, ctx.networks)),
      }),
      (v) => {
        s.name = v.trim();
        return driverStep(1);
      },
    ),
  );

  if (!(await runSteps(nameStep))) return undefined;
  return toRequest(s);
}

function familyIpam(f: FamilyAnswers, family: IpFamily): CreateNetworkIpam | undefined {
  if (!f.subnet) return undefined;
  const ipam: CreateNetworkIpam = { subnet: f.subnet };
  if (f.gateway) ipam.gateway = f.gateway;
  if (f.range) ipam.ipRange = f.range;
  if (f.aux.trim()) {
    const subnet = checkNewSubnet(f.subnet, family, []);
    const aux = subnet.ok ? checkAuxAddresses(f.aux, subnet.value) : undefined;
    if (aux?.ok && Object.keys(aux.value).length > 0) ipam.auxAddresses = aux.value;
  }
  return ipam;
}

function toRequest(s: State): CreateNetworkRequest {
  const ipam = [familyIpam(s.v4, 'ipv4'), familyIpam(s.v6, 'ipv6')].filter((x): x is CreateNetworkIpam => !!x);
  const labels = checkLabels(s.labels);
  const request: CreateNetworkRequest = {
    name: s.name,
    driver: s.driver,
    internal: s.flags.includes('internal'),
    attachable: s.flags.includes('attachable'),
    enableIPv6: !!s.v6.subnet,
  };
  if (ipam.length > 0) request.ipam = ipam;
  if (Object.keys(s.options).length > 0) request.options = { ...s.options };
  if (labels.ok && Object.keys(labels.value).length > 0) request.labels = labels.value;
  return request;
}
