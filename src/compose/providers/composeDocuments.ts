/** Which documents are compose files: the usual names, or the user's extra globs; language yaml or dockercompose. */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { COMPOSE_FILE_NAME } from '../fileNames';

export const COMPOSE_LANGUAGES = ['yaml', 'dockercompose'];
export const COMPOSE_SELECTOR: vscode.DocumentSelector = COMPOSE_LANGUAGES.flatMap((language) => [
  { language, scheme: 'file' },
  { language, scheme: 'untitled' },
]);

export function isComposeDocument(doc: vscode.TextDocument): boolean {
  if (!COMPOSE_LANGUAGES.includes(doc.languageId)) return false;
  if (COMPOSE_FILE_NAME.test(path.basename(doc.fileName))) return true;
  const extra = vscode.workspace.getConfiguration('dockerNetworks.compose').get<string[]>('extraFiles', []);
  return extra.some((pattern) => typeof pattern === 'string' && vscode.languages.match({ pattern }, doc) > 0);
}
