/** What a front door made of one operation of the spec, for `inspect` and `explain`. */
export interface RouteForm {
  /** The method and path the front door matches (within its API, when the API is split); absent when left out. */
  route?: string;
  /** The custom-domain base path of the API that serves it, when the API is split ('' is the root mapping). */
  api?: string;
  /** What changed on the way, in words: widened, renamed, merged, left out (with the code that says why). */
  notes: string[];
}
