import { InputError } from '@backstage/errors';
import type { KubeVelaGitOpsConfig } from '@vela-tables/plugin-kubevela-node';
import { gitOpsFilePath } from '@vela-tables/plugin-kubevela-node';

/** How a built Application reaches its cluster. */
export const DELIVERY_MODES = ['apply', 'pullRequest'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

/**
 * The workspace folder that holds exactly what the pull request commits, laid out as in the
 * repository: publish:github:pull-request copies its `sourcePath` folder, and the catalog file a
 * template writes at the workspace root must not end up in the GitOps repository.
 */
export const PULL_REQUEST_SOURCE_DIR = 'pull-request';

/** What a template's publish step needs to propose the Application as a pull request. */
export interface PullRequestPlan {
  /** The GitOps repository, `<host>?owner=<owner>&repo=<repo>`. */
  repoUrl: string;
  /** The branch the pull request targets. */
  targetBranch: string;
  /** A new branch per task, so two requests for one table never share a pull request. */
  branchName: string;
  /** The workspace folder to publish (the publish step's `sourcePath`). */
  sourcePath: string;
  /** The Application's file in the repository. */
  filePath: string;
}

/**
 * Where a pull request puts the Application, from the platform's `kubevela.gitops`; refuses
 * clearly when the platform does not configure GitOps delivery.
 */
export function pullRequestPlan(
  gitops: KubeVelaGitOpsConfig | undefined,
  application: { namespace: string; name: string },
  taskId: string,
): PullRequestPlan {
  if (!gitops) {
    throw new InputError(
      "delivery: 'pullRequest' needs GitOps delivery, which this platform does not configure " +
        "(kubevela.gitops.repoUrl); choose 'apply', or ask the platform team to configure it",
    );
  }
  // Task ids are UUIDs (a dry run's with a prefix); their last eight hex digits tell one
  // task's branch from another's.
  const taskSuffix = taskId.replace(/[^A-Za-z0-9]/g, '').slice(-8);
  return {
    repoUrl: gitops.repoUrl,
    targetBranch: gitops.targetBranch,
    branchName: `vela-tables/${application.namespace}/${application.name}-${taskSuffix}`,
    sourcePath: PULL_REQUEST_SOURCE_DIR,
    filePath: gitOpsFilePath(gitops, application),
  };
}
