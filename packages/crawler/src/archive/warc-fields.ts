/** The WARC version every record is written in. */
export const WARC_VERSION = "WARC/1.1";
/** A custom WARC field: the URL asked for, when a redirect made another one answer (the Target-URI). */
export const REQUESTED_URI_FIELD = "JobSync-Requested-URI";
