/** Source health: the health badge, the source page, the modal's Data quality section, alarms and snapshots. */
export const sourceHealth = {
  sourceHealth: {
    status: {
      healthy: "Healthy",
      drifting: "Drifting",
      failing: "Failing",
      never_synced: "Never synced",
    },
    fields: {
      title: "Title",
      company: "Company",
      salary: "Salary (numbers)",
      province: "Province",
      deadline: "Deadline",
      experience: "Experience",
      description: "Description",
      cards_per_page: "Cards per listing page",
    },
    page: {
      description: "Source health: its last sync jobs and each field's fill rate against the learned baseline.",
      back: "Data Sources",
      loading: "Loading the source's health…",
      loadFailed: "Could not load the source's health",
      chartTitle: "Last {{count}} sync jobs",
      chartDescription: "Job postings found, added and duplicates, and errors, per sync job (oldest on the left).",
      found: "Found",
      added: "Added",
      duplicates: "Duplicates",
      errors: "Errors",
      noJobs: "No sync job has finished yet.",
      fillTitle: "Fill rate per field",
      fillDescription:
        "Share of the postings that have each field: the latest completed sync job against the baseline.",
      field: "Field",
      latest: "Latest",
      baseline: "Baseline",
      noBaseline: "No baseline yet: it is learned from {{count}} clean completed sync jobs.",
      tolerance: "An alarm is raised when a field falls more than {{value}} below its baseline.",
    },
    quality: {
      title: "Data quality",
      field: "Field",
      rate: "Filled",
      postings: "{{count}} postings processed",
      cardsPerPage: "Cards per listing page",
      emptyPages: "Listing pages with no cards",
      detailsFailed: "Detail pages that failed to parse",
      none: "No posting was processed.",
    },
    banner: {
      title: "Source health alarms: the site's layout may have changed",
      line: "{{message}}",
    },
    snapshots: {
      title: "Snapshots",
      description:
        "The first page of each error or alarm kind, as fetched. Downloaded as a text file, never opened here.",
      download: "Download snapshot {{n}}: {{kind}}",
    },
  },
};
