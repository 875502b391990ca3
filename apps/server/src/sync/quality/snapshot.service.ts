import { gunzipSync } from "node:zlib";
import type { SyncJobSnapshotList } from "@jobsync/contracts";
import { notFound } from "../../errors/app-error";
import type { SyncJobRepository } from "../sync-job.repository";
import type { SnapshotRepository } from "./snapshot.repository";

export interface SnapshotFile {
  filename: string;
  body: Buffer;
}

/** The snapshots of a sync job: listed, and one downloaded (as an attachment: never rendered in the admin's origin). */
export class SnapshotService {
  constructor(
    private readonly snapshots: SnapshotRepository,
    private readonly syncJobs: SyncJobRepository,
  ) {}

  async list(jobId: string): Promise<SyncJobSnapshotList> {
    if (!(await this.syncJobs.findProgress(jobId))) throw notFound(`sync job ${jobId} not found`);
    return { items: await this.snapshots.list(jobId) };
  }

  async download(jobId: string, n: number): Promise<SnapshotFile> {
    const snapshot = await this.snapshots.body(jobId, n);
    if (!snapshot) {
      if (!(await this.syncJobs.findProgress(jobId))) throw notFound(`sync job ${jobId} not found`);
      throw notFound(`sync job ${jobId} has no snapshot ${n}`);
    }
    const kind = snapshot.kind.replace(/[^a-z0-9_-]/gi, "-");
    return { filename: `snapshot-${jobId.slice(0, 8)}-${n}-${kind}.html.txt`, body: gunzipSync(snapshot.bodyGzip) };
  }
}
