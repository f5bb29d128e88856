import { join } from 'node:path';
import { crdsDir, findRepoRoot } from '@internal/local-platform';
import { crdStatusSchema } from '../../testing/statusSchema';
import type { OpenApiSchema } from '../../testing/statusSchema';

/** The status schema of the real ACK Table CRD (../shared/crds/ack-dynamodb, v1alpha1). */
export function ackTableStatusSchema(): OpenApiSchema {
  return crdStatusSchema(
    join(
      crdsDir(findRepoRoot(__dirname)),
      'ack-dynamodb',
      'dynamodb.services.k8s.aws_tables.yaml',
    ),
    'v1alpha1',
  );
}
