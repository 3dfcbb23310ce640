import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { api } from '../../lib/api.ts';

/** Ends the session, drops every cached answer and goes to the sign-in page. */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => api.post('/auth/sign-out', {}),
    onSuccess: async () => {
      // Leave the signed-in pages first so nothing refetches into the cleared cache.
      await navigate({ to: '/sign-in' });
      queryClient.clear();
    },
  });
}
