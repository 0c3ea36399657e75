// The benchmark's development extension: it only tells the test module where the extension
// host writes extension logs (Peakend's "Peakend" output channel is a log file next to its own).
exports.activate = (context) => ({ logDir: context.logUri.fsPath });
exports.deactivate = () => {};
