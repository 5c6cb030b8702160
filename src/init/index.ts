export { scaffoldConfig, type Scaffold, type ScaffoldBy, type ScaffoldOptions } from './scaffold.js';
