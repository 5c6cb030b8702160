import { shortHash } from '../../model/ids.js';
import { tfName } from './hcl.js';

/**
 * Terraform block names for a set of identities (backend names, rule names), derived from
 * each identity. Identities that fold to the same name (`a-b`, `a_b`) each get a hash of
 * the identity appended, so no name depends on the order the identities come in.
 */
export function uniqueTfNames(identities: string[], prefix = ''): Map<string, string> {
  const base = (id: string) => tfName(prefix + id);
  const counts = new Map<string, number>();
  for (const id of identities) counts.set(base(id), (counts.get(base(id)) ?? 0) + 1);
  return new Map(
    identities.map((id) => [id, counts.get(base(id))! > 1 ? `${base(id)}_${shortHash(id, 6)}` : base(id)]),
  );
}

/** lower-kebab from any text, for AWS names that take `[a-z0-9-]` (load balancer, web ACL). */
export function kebab(text: string): string {
  return tfName(text).replace(/_/g, '-');
}
