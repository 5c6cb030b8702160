export type { Artifact } from '../targets/artifact.js';
export { writeArtifacts, checkArtifacts, type StaleFile } from './write.js';
