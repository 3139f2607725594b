// vitest globalSetup of the "postgres" project: one throw-away cluster for the whole run; each
// test relay gets a schema of its own in it (tests/relay/helpers.ts), emptied and handed on once
// the relay is disposed.
import type { TestProject } from 'vitest/node';
import { prepareTestCluster, startPgCluster } from './cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const given = process.env.TEST_PG_URL;
  const cluster = given ? null : await startPgCluster();
  await prepareTestCluster(given ?? cluster!.url);
  project.provide('pgUrl', given ?? cluster!.url);
  return async () => {
    await cluster?.stop();
  };
}
