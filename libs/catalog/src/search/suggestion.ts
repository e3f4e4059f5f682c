export type SuggestionKind = 'DATASET' | 'ORGANIZATION' | 'TAG' | 'THEME';

/** Something to complete a search box with: key is the dataset or organization slug, the tag, the theme code. */
export interface Suggestion {
  kind: SuggestionKind;
  label: string;
  key: string;
}
