import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Me, profileSchema } from '@plume/contract/me/me-schemas';
import { Button } from '../../components/button.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { StatusMessage } from '../../components/status-message.tsx';
import { TextField } from '../../components/text-field.tsx';
import { api } from '../../lib/api.ts';
import { fieldErrorsOf } from '../../lib/field-errors.ts';
import { meQueryOptions } from './me-query.ts';

/** Edits the display name; the email is shown read-only. */
export function ProfileForm({ me }: { me: Me }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(me.name);
  const [nameError, setNameError] = useState<string>();
  const save = useMutation({
    mutationFn: (body: { name: string }) => api.patch('/me', body, profileSchema),
    onSuccess: async (updated) => {
      queryClient.setQueryData(meQueryOptions.queryKey, updated);
      await queryClient.invalidateQueries({ queryKey: ['session'] });
    },
  });
  const errors = fieldErrorsOf(save.error);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const missing = name.trim() === '' ? 'Enter your name.' : undefined;
    setNameError(missing);
    if (!missing) save.mutate({ name: name.trim() });
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="space-y-4">
      <FormAlert error={save.error} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Name"
          name="name"
          autoComplete="name"
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={nameError ?? errors.name}
        />
        <TextField
          label="Email"
          name="email"
          type="email"
          readOnly
          value={me.email}
          hint={me.emailVerified ? 'Verified.' : 'Not verified yet.'}
        />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" isPending={save.isPending} pendingLabel="Saving…">
          Save profile
        </Button>
        {save.isSuccess ? <StatusMessage>Saved.</StatusMessage> : null}
      </div>
    </form>
  );
}
