/**
 * The compose model: the network-relevant part of one compose file, every value with its source range
 * (character offsets into the file's text), after anchors, merge keys and interpolation.
 */

/** [start, end) character offsets into the file's text. */
export type Range = readonly [number, number];

/** A scalar value as Compose sees it, with where it was written. */
export interface Text {
  value: string;
  range: Range;
  /** A variable stayed unresolved: the value is unknown, rules must not judge it. */
  unresolved: boolean;
}

/** A key/value pair as written. */
export interface Entry {
  key: string;
  keyRange: Range;
  /** The value node (an empty range after the colon when the value is empty). */
  valueRange: Range;
  /** Whole lines holding the pair (and its trailing comment): deleting them removes the pair cleanly. */
  deleteRange: Range;
  /** The pair was written in this file's own block (not pulled in through an alias or merge key). */
  local: boolean;
}

export interface NetworkRef {
  name: string;
  range: Range;
  /** The list item or map pair, for deletion / rename. */
  deleteRange: Range;
  ipv4?: Text;
  ipv6?: Text;
  aliases: string[];
  /** Map form only: the pair and the keys under it (where a fix can add `aliases`). */
  entry?: Entry;
  options?: Entry[];
}

export interface LinkItem {
  target: string;
  alias: string;
  text: Text;
  deleteRange: Range;
}

export interface PortSpec {
  hostIp?: string;
  /** Undefined when the host port is left to the engine (not a fixed publication). */
  hostStart?: number;
  hostEnd?: number;
  containerStart: number;
  containerEnd: number;
  protocol: string;
}

export interface PortItem {
  range: Range;
  /** The short-syntax string, or undefined for the long syntax. */
  short?: Text;
  spec?: PortSpec;
  /** Why the entry is malformed; undefined when fine or unresolved. */
  error?: string;
  unresolved: boolean;
  /** Range of the host_ip value (long syntax), for the bind-to-loopback fix. */
  hostIpRange?: Range;
  /** Insert position for `host_ip:` in the long syntax (start of `target` line). */
  longMapIndentOffset?: number;
}

export interface ExtraHostItem {
  text: Text;
  host: string;
  ip: string;
  /** Why the entry is malformed. */
  error?: string;
}

export interface DependsOnItem {
  /** The service depended on. */
  name: string;
  range: Range;
  /** Long form `condition:` (service_started when absent). */
  condition?: string;
}

/** One `environment` variable: map form `KEY: value`, or list form `KEY=value` (then the item's text and range). */
export interface EnvItem {
  key: string;
  value: Text;
}

export interface ServiceModel {
  name: string;
  entry: Entry;
  /** Offset range of the service's own mapping block. */
  blockRange: Range;
  networks?: { entry: Entry; form: 'list' | 'map'; refs: NetworkRef[] };
  networkMode?: { entry: Entry; value: Text };
  links?: { entry: Entry; items: LinkItem[] };
  externalLinks?: Entry;
  ports?: { entry: Entry; items: PortItem[] };
  expose?: Entry;
  dns?: Entry;
  extraHosts?: { entry: Entry; items: ExtraHostItem[] };
  hostname?: Entry;
  dependsOn?: { entry: Entry; items: DependsOnItem[] };
  environment?: { entry: Entry; items: EnvItem[] };
  replicas?: { value: number; range: Range };
  keys: Entry[];
}

export interface IpamConfigModel {
  range: Range;
  subnet?: Text;
  ipRange?: Text;
  gateway?: Text;
  aux: { name: string; value: Text }[];
}

export interface NetworkDecl {
  name: string;
  entry: Entry;
  /** Every key written under the declaration. */
  keys: Entry[];
  /** The `external` value: true/false, or the deprecated `{name: X}` form. */
  external?: { entry: Entry; value: boolean; legacyName?: Text };
  nameValue?: Text;
  driver?: Text;
  enableIpv6?: { entry: Entry; value: boolean };
  /** `internal: true`: no route out, and the engine publishes no port of a container only on such networks. */
  internal?: { entry: Entry; value: boolean };
  ipam: IpamConfigModel[];
  /** Offset range of the declaration's own mapping block (empty when `net:` or `net: {}`). */
  blockRange: Range;
}

export interface ParseProblem {
  message: string;
  range: Range;
}

export interface ComposeModel {
  text: string;
  /** Top-level `name:` when written and resolved. */
  projectName?: string;
  servicesEntry?: Entry;
  services: ServiceModel[];
  networksEntry?: Entry;
  networks: NetworkDecl[];
  /** Paths from `include:` (as written, resolved against the file's folder by the caller). */
  includes: string[];
  /** YAML syntax errors from the parser (the model is then partial). */
  syntaxErrors: ParseProblem[];
}
