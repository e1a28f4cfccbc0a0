import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import { defineConfig, globalIgnores } from 'eslint/config';

// The rooms of DESIGN.md, held by the linter so nobody has to remember them.
const room = (name) => [`**/${name}`, `**/${name}/*`, `**/${name}/**`];
const uiLibraries = ['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*', 'd3', 'd3-*'];

/**
 * The model's vocabulary: the modules that say what things are, not how they run (pure data and
 * pure checks, no engine). Only these may be imported from src/model by store, ui and frame.
 */
const MODEL_VOCABULARY = [
  'types',
  'modes',
  'categories',
  'params',
  'limits',
  'poster',
  'validate',
  'routes*',
];
const modelOutsideVocabulary = {
  // Any module of src/model (at any depth) whose path is not one of the vocabulary files at its top.
  regex: `(^|/)model/(?!(${MODEL_VOCABULARY.map((f) => f.replace('*', '[\\w.-]*')).join('|')})\\.ts$)`,
  message: `Only the model's vocabulary (src/model/{${MODEL_VOCABULARY.join(', ')}}.ts) may be imported here; runs go through src/worker (sweeps) or src/live (the live run).`,
};

/** Imports a room may not make, as a no-restricted-imports rule. */
function forbid(message, ...groups) {
  return ['error', { patterns: [{ group: groups.flat(), message }] }];
}

// The core runs the same in Node, a Web Worker and the main thread, and a seed fixes every result.
const noClockNoDomNoRandom = {
  'no-restricted-globals': [
    'error',
    { name: 'window', message: 'The simulation core has no DOM.' },
    { name: 'document', message: 'The simulation core has no DOM.' },
    { name: 'performance', message: 'Simulated time only: no wall clock in the core.' },
    { name: 'requestAnimationFrame', message: 'The frame loop lives in src/frame.' },
    { name: 'setTimeout', message: 'The caller drives the engine: no timers inside.' },
    { name: 'setInterval', message: 'The caller drives the engine: no timers inside.' },
  ],
  'no-restricted-properties': [
    'error',
    { object: 'Math', property: 'random', message: 'Use a seeded stream from engine/rng.' },
    { object: 'Date', property: 'now', message: 'Simulated time only: no wall clock in the core.' },
    { object: 'performance', property: 'now', message: 'Simulated time only: no wall clock in the core.' },
  ],
};

export default defineConfig([
  globalIgnores(['dist', 'dist-single', 'test-results', 'playwright-report', 'node_modules', '.bench-tmp']),
  {
    files: ['**/*.{ts,tsx,js}'],
    extends: [js.configs.recommended, tseslint.configs.recommended, reactHooks.configs.flat.recommended],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/lib/**/*.ts'],
    rules: {
      ...noClockNoDomNoRandom,
      'no-restricted-imports': forbid('src/lib imports nothing of src.', uiLibraries, ['../*']),
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts'],
    rules: {
      ...noClockNoDomNoRandom,
      'no-restricted-imports': forbid(
        'src/engine may import only src/lib.',
        uiLibraries,
        ['model', 'live', 'store', 'ui', 'frame', 'charts', 'worker', 'cli'].flatMap(room),
      ),
    },
  },
  {
    files: ['src/model/**/*.ts'],
    ignores: ['src/model/**/*.test.ts'],
    rules: {
      ...noClockNoDomNoRandom,
      'no-restricted-imports': forbid(
        'src/model may import only src/engine and src/lib.',
        uiLibraries,
        ['live', 'store', 'ui', 'frame', 'charts', 'worker', 'cli'].flatMap(room),
      ),
    },
  },
  {
    // The live run is a function of simulated time: the frame loop owns the wall clock and the DOM.
    files: ['src/live/**/*.ts'],
    ignores: ['src/live/**/*.test.ts'],
    rules: {
      ...noClockNoDomNoRandom,
      'no-restricted-imports': forbid(
        'src/live may import only model, engine and lib.',
        uiLibraries,
        ['store', 'ui', 'frame', 'charts', 'worker', 'cli'].flatMap(room),
      ),
    },
  },
  {
    files: ['src/cli/**/*.ts', 'src/worker/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(
        'src/cli and src/worker may import only model, engine and lib.',
        uiLibraries,
        ['live', 'store', 'ui', 'frame', 'charts'].flatMap(room),
      ),
    },
  },
  {
    files: ['src/charts/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': forbid(
        'Charts take data by props: no store, no model, no engine.',
        ['zustand', 'zustand/*', 'd3'],
        ['store', 'ui', 'frame', 'live', 'worker', 'engine', 'model', 'cli'].flatMap(room),
      ),
    },
  },
  {
    files: ['src/store/**/*.ts', 'src/frame/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['ui', 'charts', 'cli', 'engine'].flatMap(room),
              message: 'store and frame may not import ui, charts, the command line or the engine.',
            },
            modelOutsideVocabulary,
          ],
        },
      ],
    },
  },
  {
    // A tour is data the UI plays: the same walls as the UI's.
    files: ['src/ui/**/*.{ts,tsx}', 'src/tour/**/*.ts'],
    ignores: ['src/tour/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['d3'], message: 'Import single d3 modules.' },
            { group: room('engine'), message: 'The UI reaches the engine through the store.' },
            { group: room('cli'), message: 'The UI does not import the command line.' },
            { group: room('live'), message: 'The UI reaches the live run through the frame loop.' },
            modelOutsideVocabulary,
          ],
        },
      ],
    },
  },
]);
