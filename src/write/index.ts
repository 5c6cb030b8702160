export type { Artifact } from './artifact.js';
export { writeArtifacts, checkArtifacts, type StaleFile } from './write.js';
