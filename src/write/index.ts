export type { Artifact } from '../targets/artifact.js';
export {
  writeArtifacts,
  checkArtifacts,
  OutputPathError,
  type SetOptions,
  type StaleFile,
  type WriteOptions,
} from './write.js';
export { OutputBusyError } from './lock.js';
