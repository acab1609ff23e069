/** Small text fixes applied to a guide before it is rendered. */

/**
 * Drops a first heading that only repeats the section title (rule `setup` fields start with
 * "## Setup", which would sit right under the "Setup" disclosure).
 */
export function stripLeadingHeading(markdown: string, title: string): string {
  const match = /^\s*#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*(?:\r?\n|$)/.exec(markdown);
  if (!match || match[1]?.trim().toLowerCase() !== title.toLowerCase()) return markdown;
  return markdown.slice(match[0].length).replace(/^\s*\n/, '');
}
