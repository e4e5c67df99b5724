/**
 * A build's disk conditions (full disk, quota, read-only, no permission) as the catalogue's
 * DISK_FAILED, from a Node error code or from the text of an error raised elsewhere. The reasons
 * themselves are src/errors/file-reasons.ts.
 */
import { diskReason } from '../errors/file-reasons.ts';
import { say, type Said } from '../errors/messages.ts';

/** What staff read when a build could not write its output; undefined when the error is not about the disk. */
export function diskFailure(err: unknown): Said | undefined {
  const reason = diskReason(err);
  return reason === undefined ? undefined : say('DISK_FAILED', { reason });
}
