import * as vscode from 'vscode';

/** The "Peakend" output channel. */
export const log = vscode.window.createOutputChannel('Peakend', { log: true });
