/** Where the CLI writes, and whether the environment wants colour; tests pass their own. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** What the environment says about colour (a terminal, FORCE_COLOR, NO_COLOR); `--color` / `--no-color` win. */
  color: boolean;
}
