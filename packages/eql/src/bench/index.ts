/** What the benchmarks share across packages: the measured rules and the synthetic events. */
export { SEED_RULE, SEQUENCE_RULE, TEN_CONDITION_RULE } from './rules.js';
export { seededRandom, syntheticEvents, syntheticSequenceEvents } from './synthetic.js';
