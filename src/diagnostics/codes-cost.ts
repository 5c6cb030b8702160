import type { CatalogEntry } from './entry.js';

/** GP600–GP619: inputs of `cost` and `compare` (traffic profiles, price files). */
export const costCodes = {
  GP600: {
    slug: 'traffic-profile-invalid',
    level: 'error',
    stage: 'input',
    text: 'traffic profile {file}: {at} {reason}',
    fix: 'see `gateplan cost --help` for the profile keys; volumes take K/M/B suffixes (50M = 50 million per month)',
  },
  GP601: {
    slug: 'traffic-route-unknown',
    level: 'warn',
    stage: 'input',
    text: 'traffic profile {file}: route {route} matches no operation of the spec; its share is ignored',
    fix: 'name routes by operationId or as `METHOD /path` exactly as in the spec',
  },
  GP602: {
    slug: 'price-file-invalid',
    level: 'error',
    stage: 'input',
    text: 'price file {file}: {at} {reason}',
    fix: 'start from data/prices/us-east-1.json and change only the numbers',
  },
  GP603: {
    slug: 'cost-needs-alb-plan',
    level: 'warn',
    stage: 'input',
    text: 'the ALB plan has errors, so its rule count ({rules}) may differ from what will deploy',
    fix: 'run `gateplan lint --target alb` and fix the errors for an exact rule-evaluation charge',
  },
} as const satisfies Record<string, CatalogEntry>;
