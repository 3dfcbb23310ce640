/** `GET /me` answer. */
export interface Me {
  id: string;
  name: string;
  email: string;
  emailVerified: boolean;
  image: string | null;
  isInstanceAdmin: boolean;
  createdAt: string;
}

/** Colour scheme choice; `system` follows the operating system. */
export type Theme = 'system' | 'light' | 'dark';

/** `GET /me/preferences` answer; `PUT` takes any subset. */
export interface Preferences {
  theme: Theme;
  emailNotifications: boolean;
  weekStartsOn: 0 | 1;
  locale: string;
}
