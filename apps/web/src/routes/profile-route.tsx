import { createRoute } from '@tanstack/react-router';
import { ProfilePage } from '../features/account/profile-page.tsx';
import { appRoute } from './app-route.tsx';

/** /profile */
export const profileRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'profile',
  component: ProfilePage,
});
