export { comparePlans, matricesEqual } from './comparePlans';
export { findingIdentity } from './findings';
export { rowIdentity } from './rows';
export type * from './types';
