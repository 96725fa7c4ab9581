/** What a reader sees of our Markdown: the backslash escapes of ASCII punctuation removed. */
export function unescapeMarkdown(markdown: string): string {
  return markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}
