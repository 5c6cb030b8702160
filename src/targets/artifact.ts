/** One output file, as produced by a target: a path relative to the output folder and its text. */
export interface Artifact {
  path: string;
  content: string;
}
