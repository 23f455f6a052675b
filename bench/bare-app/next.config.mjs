import { fileURLToPath } from 'node:url';

// Turbopack resolves `next` and `react` from the project's node_modules, two levels up.
const config = { turbopack: { root: fileURLToPath(new URL('../..', import.meta.url)) } };
export default config;
