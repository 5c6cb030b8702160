/** What the loader may do with an untrusted spec. Defaults are safe; every widening is opt-in. */
export interface LoadOptions {
  /** Largest file read, in bytes (uncompressed). Default 32 MiB. */
  maxFileSize?: number;
  /** Most nodes YAML aliases may add once expanded, per file (alias bombs). Default 100,000. */
  maxAliasCount?: number;
  /** Deepest nesting of objects and arrays. Default 256. */
  maxDepth?: number;
  /** Allow `$ref` to http(s) URLs. Default false. */
  allowRemoteRefs?: boolean;
  /** Folder `$ref`s may reach; default the entry spec's folder. */
  refRoot?: string;
  /** A `gateplan.yaml` to use instead of the one beside the spec; `false` ignores any. */
  config?: string | false;
  /** Base for display paths in diagnostics. Default `process.cwd()`. */
  cwd?: string;
  /** A Postman environment export whose values fill `{{variables}}` of a collection. */
  postmanEnvironment?: string;
  /** OpenAPI Overlay files applied to the entry document, in order, before normalization. */
  overlays?: string[];
}

export type ResolvedLoadOptions = Required<Omit<LoadOptions, 'refRoot' | 'config' | 'postmanEnvironment'>> &
  Pick<LoadOptions, 'refRoot' | 'config' | 'postmanEnvironment'>;

export function resolveLoadOptions(options: LoadOptions = {}): ResolvedLoadOptions {
  return {
    maxFileSize: options.maxFileSize ?? 32 * 1024 * 1024,
    maxAliasCount: options.maxAliasCount ?? 100_000,
    maxDepth: options.maxDepth ?? 256,
    allowRemoteRefs: options.allowRemoteRefs ?? false,
    refRoot: options.refRoot,
    config: options.config,
    cwd: options.cwd ?? process.cwd(),
    postmanEnvironment: options.postmanEnvironment,
    overlays: options.overlays ?? [],
  };
}
