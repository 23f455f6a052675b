import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTypescript,
  { ignores: ['.next/**', 'node_modules/**', 'lib/generated/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts', 'bench/.cache/**', 'bench/bare-app/.next/**', 'bench/bare-app/next-env.d.ts', 'tests/.tmp/**', 'build/**'] },
];

export default config;
