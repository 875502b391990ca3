import {
  API_PATHS,
  type SelectorPreview,
  type SelectorPreviewRequest,
  selectorPreviewSchema,
} from "@jobsync/contracts";
import type { ApiClient } from "./api";

/** "Test selectors" of a css source. */
export const selectorPreviewApi = {
  run(api: ApiClient, body: SelectorPreviewRequest): Promise<SelectorPreview> {
    return api.request("POST", API_PATHS.testSelectors, { body, schema: selectorPreviewSchema });
  },
};
