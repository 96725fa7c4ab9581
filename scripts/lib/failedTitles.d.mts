export function failedTitles(text: string): { title: string; error: string }[];
