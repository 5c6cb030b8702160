export type Level = 'error' | 'warn' | 'info' | 'off';
export type Stage =
  | 'load'
  | 'model'
  | 'intent'
  | 'apigw-rest'
  | 'apigw-http'
  | 'apigw'
  | 'alb'
  | 'terraform'
  | 'diff'
  | 'input';

/** One catalog entry. The code is the key it is stored under and is never reused. */
export interface CatalogEntry {
  slug: string;
  level: Level;
  stage: Stage;
  /** Message template; `{name}` placeholders are filled from the diagnostic's args. */
  text: string;
  /** What the user can do about it. */
  fix?: string;
}
