// The simulation view lives in views/simulate/ (one file per part); this module
// keeps the page's import of it where it was.
export { setupSimulate, stateBands } from '../views/simulate/index.mjs';
export { STATES } from '../views/simulate/format.mjs';
