export { estimateCosts, type CostReport } from './estimate.js';
export { albPlanFacts } from './alb-plan.js';
export { albFacts, type AlbFacts, type AlbPlanShape } from './alb-facts.js';
export { parsePrices, type Prices } from './prices.js';
export { parseProfile, parseVolume, DEFAULT_PROFILE, type TrafficProfile } from './traffic.js';
export { FRONT_DOORS, FRONT_DOOR_LABELS, type FrontDoor, type OptionCost } from './options.js';
export { costChart } from './chart.js';
export { costFormatters, costJson, COST_FORMATS, type CostFormat, type CostFormatContext } from './render.js';
