// ESLint: type-aware-free rules that keep the layers honest.
//
// DESIGN.md 2.1: imports flow one way, ui > worker > scenario > model > (net, i2o) > sim,
// with cli beside worker as a thin adapter over scenario. Each folder below lists the
// folders it must not import from. Below src/ui nothing may read a wall clock, draw
// unseeded randomness or touch the DOM, so that a run is a pure function of
// (scenario, seed).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const LAYERS = ['sim', 'net', 'i2o', 'model', 'scenario', 'worker', 'cli', 'ui'];

/** Folders each layer may NOT import from. */
const FORBIDDEN = {
  sim: ['net', 'i2o', 'model', 'scenario', 'worker', 'cli', 'ui'],
  net: ['i2o', 'model', 'scenario', 'worker', 'cli', 'ui'],
  i2o: ['net', 'model', 'scenario', 'worker', 'cli', 'ui'],
  model: ['scenario', 'worker', 'cli', 'ui'],
  scenario: ['worker', 'cli', 'ui'],
  worker: ['cli', 'ui'],
  cli: ['worker', 'ui'],
  ui: ['cli'],
};

function layerPatterns(layer) {
  const banned = FORBIDDEN[layer];
  const patterns = [];
  for (const other of banned) {
    patterns.push({
      group: [`**/${other}/*`, `**/${other}`, `src/${other}/*`],
      message: `src/${layer} must not import from src/${other} (DESIGN.md 2.1: imports flow ui > worker > scenario > model > net, i2o > sim).`,
    });
  }
  if (layer !== 'ui') {
    patterns.push({
      group: ['react', 'react-dom', 'react-dom/*', 'd3-selection', 'zustand', 'zustand/*'],
      message: `UI libraries belong in src/ui only.`,
    });
  }
  return patterns;
}

const determinismRules = {
  'no-restricted-properties': [
    'error',
    { object: 'Date', property: 'now', message: 'No wall clock below src/ui: take simulated time (Nanos) as an argument.' },
    { object: 'Math', property: 'random', message: 'No unseeded randomness below src/ui: use a stream from src/sim/rng.' },
    { object: 'performance', property: 'now', message: 'No wall clock below src/ui: the driver (ui) measures wall time.' },
  ],
  'no-restricted-globals': [
    'error',
    ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'requestAnimationFrame',
      'cancelAnimationFrame', 'HTMLElement', 'Element', 'location', 'history', 'alert', 'performance']
      .map((name) => ({ name, message: `No DOM or browser globals below src/ui (${name}).` })),
  ],
  'no-restricted-syntax': [
    'error',
    { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'No wall clock below src/ui (new Date()).' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'reports/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  ...LAYERS.map((layer) => ({
    files: [`src/${layer}/**/*.ts`, `src/${layer}/**/*.tsx`],
    rules: {
      'no-restricted-imports': ['error', { patterns: layerPatterns(layer) }],
      ...(layer === 'ui' ? {} : determinismRules),
    },
  })),
  {
    // Tests may measure nothing with the wall clock either, but they may import
    // test-only helpers freely within their own layer.
    files: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
