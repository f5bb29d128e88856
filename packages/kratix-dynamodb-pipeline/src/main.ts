/**
 * The container's entry point: `node src/main.ts [render-table|wait-for-table]`. Node 24 runs
 * the TypeScript directly (type stripping), so the image needs no build step. Exits 1 with the
 * reason on stderr when the step fails; Kratix then marks the workflow failed.
 */
import { readPipelineEnvironment } from './environment.ts';
import { inClusterConnection, readTable } from './inClusterReader.ts';
import { pipelineStep, runPipeline } from './runPipeline.ts';

async function main(): Promise<void> {
  const step = pipelineStep(process.argv[2]);
  const environment = readPipelineEnvironment(process.env);
  const result = await runPipeline(step, environment, {
    readTable: location =>
      readTable(inClusterConnection(process.env), location),
  });
  process.stdout.write(
    `${environment.promiseName ?? 'promise'}/${
      environment.pipelineName ?? step
    } (${environment.action}, ${step}): ${result.summary}\n`,
  );
  for (const file of result.written) process.stdout.write(`wrote ${file}\n`);
}

main().catch(error => {
  process.stderr.write(
    `dynamodb-request-pipeline: ${(error as Error).message}\n`,
  );
  process.exitCode = 1;
});
