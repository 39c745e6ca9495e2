import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';

const WRITES = new Set([
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
]);

/**
 * A function's table calls, on the table alone: reads as they are, writes only to the partitions
 * it owns (`dynamodb:LeadingKeys`: the archive's `G#…`, the job's `J#…`, the nonces' `N#…`), so no
 * function can change the registry with the coordinators' addresses (`REGISTRY`).
 */
export function grantTableCalls(
  fn: IFunction,
  table: TableV2,
  actions: readonly string[],
  writablePartitions: readonly string[],
): void {
  const reads = actions.filter((a) => !WRITES.has(a));
  const writes = actions.filter((a) => WRITES.has(a));
  if (reads.length > 0)
    fn.addToRolePolicy(new PolicyStatement({ actions: reads, resources: [table.tableArn] }));
  if (writes.length > 0)
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: writes,
        resources: [table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...writablePartitions] } },
      }),
    );
}
