import { common } from "./common";
import { dataSources } from "./data-sources";
import { notifications } from "./notifications";
import { postings } from "./postings";
import { sourceHealth } from "./source-health";
import { syncJobs } from "./sync-jobs";
import { users } from "./users";

/**
 * The English strings: one file per feature, each owning its top-level keys. A new page adds its own file here
 * and in `../vi` (the same keys, or it does not compile).
 */
export const en = { ...common, ...dataSources, ...syncJobs, ...postings, ...notifications, ...users, ...sourceHealth };
