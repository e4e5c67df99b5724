// Lint rules the code already follows: typescript-eslint's recommended set over src/, test/,
// bench/ and bin/, with the few rules the code deliberately departs from turned off or relaxed.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/', '.astro/', 'node_modules/', 'packages/', 'bench/out/', 'scratch/', '.jixiao-cache/', '.jixiao-build-*/', '.jixiao-old-*/', '**/*.astro'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', window: 'readonly', document: 'readonly' } },
    rules: {
      // `_unused` marks a value deliberately ignored (destructuring away a key, an unused callback argument).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Optional chaining after a checked lookup (`map.get(k)!`) is the code's idiom under noUncheckedIndexedAccess.
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-control-regex': 'off',
      // The importer's patterns escape [ inside character classes for readability.
      'no-useless-escape': 'off',
    },
  },
  {
    // Tests, benchmarks and the chart glue reach into untyped browser objects and chart.js options.
    files: ['test/**', 'bench/**', 'src/client/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
