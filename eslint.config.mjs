import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-plugin-prettier/recommended';
import boundaries from 'eslint-plugin-boundaries';

/**
 * Module boundaries (README "Architecture"): a module's public face is its index.ts; nothing
 * outside src/modules/<name>/ imports another file of it, and the shared kernel (src/shared,
 * src/config) imports no module. eslint-plugin-boundaries resolves every import to a file before
 * judging it, so the rule holds however the relative path is spelt.
 */
export const moduleBoundaries = {
  plugins: { boundaries },
  settings: {
    'import/resolver': { node: { extensions: ['.ts', '.js'] } },
    'boundaries/elements': [
      { type: 'module', pattern: 'src/modules/*', capture: ['name'] },
      { type: 'kernel', pattern: 'src/(shared|config)' },
      // Everything else under src: main.ts, app.module.ts, app.setup.ts, demo/, cli/.
      { type: 'app', pattern: 'src' },
    ],
  },
  rules: {
    'boundaries/dependencies': [
      'error',
      {
        default: 'allow',
        policies: [
          // Imports inside one module are not dependencies between elements: never checked here.
          { disallow: { to: { element: { type: 'module' } } } },
          { allow: { to: { element: { type: 'module', fileInternalPath: 'index.ts' } } } },
          {
            from: { element: { type: 'kernel' } },
            disallow: { to: { element: { type: ['module', 'app'] } } },
          },
        ],
        message: 'Import another module only through its index.ts; the kernel imports no module.',
      },
    ],
  },
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'data/**',
      'eslint.config.mjs',
      'jest.config.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        __dirname: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['error'] }],
    },
  },
  {
    files: ['src/**/*.ts', 'test/**/*.ts'],
    rules: { 'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }] },
  },
  { files: ['src/**/*.ts'], ...moduleBoundaries },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/shared/http/post.decorator.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@nestjs/common',
              importNames: ['Post'],
              message: 'Use Post from src/shared/http/post.decorator: it takes Idempotency-Key.',
            },
          ],
        },
      ],
    },
  },
);
