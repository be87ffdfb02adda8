import * as x from '../engine/analyze';
export const y = x;
