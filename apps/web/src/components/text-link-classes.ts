/** Classes for inline text links. */
export const textLinkClasses = 'font-medium text-accent underline-offset-4 hover:underline';
