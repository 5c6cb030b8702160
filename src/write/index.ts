export type { Artifact } from '../targets/artifact.js';
export { writeArtifacts, checkArtifacts, OutputPathError, type StaleFile } from './write.js';
