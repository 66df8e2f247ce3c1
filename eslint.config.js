// ESLint: the recommended JavaScript and typescript-eslint rules, over src,
// tests, bench and bin. Formatting is left to editors.
import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {ignores: ['lib/', 'dist/', 'node_modules/', 'tests/fixtures/', 'coverage/']},
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {globals: {...globals.node}},
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_'}],
      'no-control-regex': 'error'
    }
  }
)
