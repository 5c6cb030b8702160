import type { Where } from '../../diagnostics/diagnostic.js';
import type { LocationMap } from '../../model/input.js';
import { decodePointer, encodePointer } from '../../util/pointer.js';

/**
 * Where parts of an in-memory document really come from. A Postman collection is converted
 * to OpenAPI, and overlays add nodes to a spec; locations in the document gateplan reads
 * (`/paths/~1pets/get`) are mapped back to the file and pointer a user can open
 * (`/item/2/item/0` in the collection, `/actions/1/update` in an overlay).
 *
 * Entries are keyed by a pointer into `file`; a lookup uses the longest entry that is a
 * prefix of the pointer and carries the rest of the pointer over. Pointers with no entry
 * are left as they are, so untouched nodes keep their positions in the original file.
 */
export class Origins implements LocationMap {
  private readonly table = new Map<string, Origin>();

  constructor(readonly file: string) {}

  get size(): number {
    return this.table.size;
  }

  /** `keepRest: false` when deeper pointers have no counterpart at the origin (a request has no `/responses`). */
  set(pointer: string, where: Where, keepRest = true): void {
    this.table.set(pointer, { where: { file: where.file, pointer: where.pointer }, keepRest });
  }

  has(pointer: string): boolean {
    return this.table.has(pointer);
  }

  /** Forgets `pointer` and everything under it (the node was removed). */
  drop(pointer: string): void {
    for (const key of [...this.table.keys()]) {
      if (key === pointer || key.startsWith(pointer + '/')) this.table.delete(key);
    }
  }

  /**
   * An array lost element `index`: later elements moved down by one, so their positions in
   * the original file are remembered under their new pointers.
   */
  shiftDown(arrayPointer: string, index: number, length: number): void {
    const moved: [string, Origin][] = [];
    for (let from = index + 1; from < length; from++) {
      const oldPointer = `${arrayPointer}/${from}`;
      const newPointer = `${arrayPointer}/${from - 1}`;
      moved.push([
        newPointer,
        this.table.get(oldPointer) ?? {
          where: this.resolve({ file: this.file, pointer: oldPointer }),
          keepRest: true,
        },
      ]);
      for (const [key, origin] of this.table) {
        if (key.startsWith(oldPointer + '/')) moved.push([newPointer + key.slice(oldPointer.length), origin]);
      }
    }
    this.drop(`${arrayPointer}/${index}`);
    for (let from = index + 1; from < length; from++) this.drop(`${arrayPointer}/${from}`);
    for (const [key, origin] of moved) this.table.set(key, origin);
  }

  /** The real location of `where`; anything not in this document comes back unchanged. */
  resolve(where: Where): Where {
    if (where.file !== this.file || this.table.size === 0) return where;
    const parts = decodePointer(where.pointer);
    for (let n = parts.length; n >= 0; n--) {
      const origin = this.table.get(encodePointer(parts.slice(0, n)));
      if (!origin) continue;
      const rest = origin.keepRest ? encodePointer(parts.slice(n)) : '';
      return { file: origin.where.file, pointer: origin.where.pointer + rest };
    }
    return where;
  }
}

interface Origin {
  where: Where;
  keepRest: boolean;
}
