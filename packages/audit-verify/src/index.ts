export { BUNDLE_TYPE, BundleHeader, EntryLine, EnvelopeLine } from './bundle-lines.ts';
export { type Disclosure, type DisclosureRequest, disclose } from './disclose.ts';
export { type Finding, FindingCode } from './finding.ts';
export { formatReport } from './format-report.ts';
export { type ProgressBar, type ProgressBarOptions, progressBar, renderProgress } from './progress-bar.ts';
export { readBundleLines } from './read-bundle-lines.ts';
export { CHECKS, type Rejection, type VerifyReport, type VerifySummary } from './report.ts';
export { decodeTrust, Trust, TrustedWitness, type TrustKeys } from './trust.ts';
export { type VerifyBundleOptions, verifyBundle } from './verify-bundle.ts';
