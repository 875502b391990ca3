import type { en as english } from "../en";
import type { Messages } from "../messages";
import { common } from "./common";
import { dataSources } from "./data-sources";
import { notifications } from "./notifications";
import { postings } from "./postings";
import { sourceHealth } from "./source-health";
import { syncJobs } from "./sync-jobs";
import { users } from "./users";

/** Tiếng Việt: every key of the English strings. */
export const vi: Messages<typeof english> = {
  ...common,
  ...dataSources,
  ...syncJobs,
  ...postings,
  ...notifications,
  ...users,
  ...sourceHealth,
};
