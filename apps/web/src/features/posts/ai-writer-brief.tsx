import { useState, type FormEvent } from 'react';
import { CONTENT_TYPES, type ContentType } from '@plume/contract/content/content-enums';
import type { GenerateBody } from '@plume/contract/content/content-schemas';
import { Button } from '../../components/button.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { fieldErrorsOf } from '../../lib/field-errors.ts';
import { TextAreaField } from '../brand/text-area-field.tsx';

const typeOptions = CONTENT_TYPES.map((type) => ({
  value: type,
  label: type === 'behind_the_scenes' ? 'Behind the scenes' : type.charAt(0).toUpperCase() + type.slice(1),
}));
const variantOptions = [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: String(n) }));
const isContentType = (value: string): value is ContentType => (CONTENT_TYPES as readonly string[]).includes(value);

interface AiWriterBriefProps {
  onGenerate: (brief: GenerateBody['brief'], variants: number) => void;
  isPending: boolean;
  /** Why generating is not possible now (no account chosen), or undefined. */
  blockedReason: string | undefined;
  error: unknown;
}

/** What to write about: topic, key points, call to action, kind of post and how many variants. */
export function AiWriterBrief({ onGenerate, isPending, blockedReason, error }: AiWriterBriefProps) {
  const [topic, setTopic] = useState('');
  const [keyPoints, setKeyPoints] = useState('');
  const [cta, setCta] = useState('');
  const [contentType, setContentType] = useState<ContentType>('educational');
  const [variants, setVariants] = useState('2');
  const [topicError, setTopicError] = useState<string | undefined>();
  const errors = fieldErrorsOf(error);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (topic.trim() === '') {
      setTopicError('Say what the post is about.');
      return;
    }
    setTopicError(undefined);
    const points = keyPoints
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    onGenerate(
      {
        topic: topic.trim(),
        contentType,
        ...(points.length > 0 ? { keyPoints: points } : {}),
        ...(cta.trim() ? { cta: cta.trim() } : {}),
      },
      Number(variants),
    );
  }

  return (
    <form noValidate onSubmit={handleSubmit} aria-label="Write with AI" className="space-y-3">
      <TextField
        label="Topic"
        name="topic"
        value={topic}
        required
        error={topicError ?? errors.topic}
        onChange={(e) => setTopic(e.target.value)}
        autoComplete="off"
      />
      <TextAreaField
        label="Key points"
        name="keyPoints"
        rows={2}
        value={keyPoints}
        hint="Optional, one per line."
        error={errors.keyPoints}
        onChange={(e) => setKeyPoints(e.target.value)}
      />
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField
          label="Call to action"
          name="cta"
          value={cta}
          hint="Optional."
          error={errors.cta}
          onChange={(e) => setCta(e.target.value)}
          autoComplete="off"
        />
        <SelectField
          label="Content type"
          name="contentType"
          options={typeOptions}
          value={contentType}
          onChange={(e) => {
            if (isContentType(e.target.value)) setContentType(e.target.value);
          }}
        />
        <SelectField
          label="Variants"
          name="variants"
          options={variantOptions}
          value={variants}
          onChange={(e) => setVariants(e.target.value)}
        />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" isPending={isPending} pendingLabel="Writing…" disabled={blockedReason !== undefined}>
          Generate
        </Button>
        {blockedReason ? <span className="text-sm text-muted">{blockedReason}</span> : null}
      </div>
    </form>
  );
}
