import type { CatalogEntry } from './entry.js';

/** GP300–GP399: the Terraform target. */
export const terraformCodes = {
  GP300: {
    slug: 'terraform-for-unknown',
    level: 'error',
    stage: 'terraform',
    text: 'terraform --for {value} is not a front door gateplan renders',
    fix: 'use one of: {known}',
  },
  GP301: {
    slug: 'terraform-template-failed',
    level: 'error',
    stage: 'terraform',
    text: 'Terraform template {template} failed: {reason}',
    fix: 'fix {template}.hbs in the --templates folder, or remove it to use the bundled template',
  },
  GP302: {
    slug: 'terraform-template-unused',
    level: 'warn',
    stage: 'terraform',
    text: 'template {template} in the --templates folder replaces no bundled template and is used only as a partial',
    fix: 'bundled template names: {known}',
  },
} as const satisfies Record<string, CatalogEntry>;
