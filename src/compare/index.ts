export {
  compare,
  DOORS,
  TARGET_DOORS,
  type CompareReport,
  type Row,
  type Cell,
  type Support,
} from './compare.js';
export { renderCompare, COMPARE_FORMATS, type CompareFormat } from './render.js';
