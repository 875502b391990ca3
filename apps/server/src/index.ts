export { type RunningJobsync, type StartOptions, startJobsync } from "./app/start-jobsync";
