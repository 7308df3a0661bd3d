import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.tools/', '.data/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { languageOptions: { globals: globals.node } },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read configuration through loadConfig(env) in src/config.ts only.',
        },
      ],
    },
  },
  {
    // The composition roots and the database bootstrap are where the environment enters.
    files: [
      'src/config.ts',
      'src/main.ts',
      'src/cli/**',
      'scripts/**',
      'test/**',
      'bench/**',
      'bin/**',
      'jest.config.js',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
