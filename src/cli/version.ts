declare const PEAKEND_VERSION: string;

/** The package version, set by the bundler; a development build says so. */
export const VERSION = typeof PEAKEND_VERSION === 'string' ? PEAKEND_VERSION : '0.0.0-dev';
