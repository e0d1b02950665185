import { defineConfig } from 'vitest/config';

// Two projects: unit tests need nothing running; integration tests talk to the
// real Redis and Kafka that infra/stack.sh starts.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            '{apps,packages,services,examples}/*/test/**/*.test.ts',
            'bench/test/**/*.test.ts',
          ],
          exclude: ['**/*.integration.test.ts', '**/node_modules/**', '**/dist/**'],
          // Some unit tests sweep whole corpora: on two busy cores they need more than 5 s.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['{apps,packages,services,test}/**/*.integration.test.ts'],
          exclude: ['**/node_modules/**', '**/dist/**'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // One broker and one Redis on two cores: run files one after another.
          fileParallelism: false,
        },
      },
    ],
  },
});
