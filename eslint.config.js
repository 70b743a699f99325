// Type-aware lint for the harness (Node code) and the k6 scenarios (their own tsconfig).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import comments from '@eslint-community/eslint-plugin-eslint-comments';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'reports/**',
      '.venv/**', // Schemathesis' virtual environment (.ci/run)
      'src/types/generated/**',
      'scenarios/generated/**',
      '**/*.mjs',
      'eslint.config.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@eslint-community/eslint-comments': comments },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      // A suppression must say why, on the same line.
      '@eslint-community/eslint-comments/require-description': ['error', { ignore: [] }],
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
);
