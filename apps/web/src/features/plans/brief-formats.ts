import { CONTENT_TYPES } from '@plume/contract/content/content-enums';

/** A brief's format choices, as the add and edit forms offer them ("behind the scenes", not `behind_the_scenes`). */
export const FORMAT_OPTIONS = CONTENT_TYPES.map((value) => ({ value, label: value.replaceAll('_', ' ') }));
