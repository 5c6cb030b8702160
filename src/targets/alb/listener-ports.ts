/**
 * Which port each listener of a full stack listens on. The port is the stage's declared
 * intent (`stages.<name>.listenerPort`) or the protocol's standard port, never a position
 * in the stage list: adding or removing a stage leaves every other listener where it is
 * (a changed `Port` would have CloudFormation and Terraform modify a live listener).
 */
import type { AlbListener } from './plan.js';

/** The full stack's plain-HTTP listener that redirects to HTTPS (not behind a VPC link). */
export const REDIRECT_PORT = 80;

const STANDARD_PORTS = { HTTPS: 443, HTTP: 80 } as const;

export function listenerPort(listener: AlbListener, protocol: keyof typeof STANDARD_PORTS): number {
  return listener.port ?? STANDARD_PORTS[protocol];
}

/** Where a stage's port is declared, as a finding names it (in `x-gateplan` or gateplan.yaml). */
export function listenerPortKey(stage: string): string {
  return `stages.${stage}.listenerPort`;
}
