import { useState } from 'react';
import type { AspectRatio, TemplateId } from '@plume/contract/media/media-enums';
import type { Design, TemplateSummary } from '@plume/contract/media/design-schemas';
import { emptyValues, fromApiFields, toApiFields, type FieldValue, type FieldValues } from './design-form.ts';

/** What the editor holds: the template, shape, each template's typed values, and the open design. */
export interface DesignEditorState {
  templateId: TemplateId;
  aspectRatio: AspectRatio;
  /** Values per template, so trying another template and coming back keeps what was typed. */
  values: Partial<Record<TemplateId, FieldValues>>;
  /** The saved design being edited, or null for a new one. */
  designId: string | null;
  name: string;
  /** The carousel slide the preview shows (0-based). */
  slide: number;
}

const firstShape = (template: TemplateSummary | undefined): AspectRatio => template?.shapes[0]?.aspectRatio ?? '1:1';

/**
 * The template editor's state and its changes. `template` is the chosen template's summary (from the
 * API's list); values start empty for a template the first time it is chosen.
 */
export function useDesignEditor(templates: readonly TemplateSummary[]) {
  const [state, setState] = useState<DesignEditorState>(() => ({
    templateId: templates[0]?.id ?? 'quote',
    aspectRatio: firstShape(templates[0]),
    values: {},
    designId: null,
    name: '',
    slide: 0,
  }));
  const template = templates.find((candidate) => candidate.id === state.templateId);
  const values = state.values[state.templateId] ?? (template ? emptyValues(template) : {});

  return {
    state,
    template,
    values,
    fields: template ? toApiFields(template, values) : {},
    pickTemplate: (templateId: TemplateId) =>
      setState((current) => {
        const next = templates.find((candidate) => candidate.id === templateId);
        const shapes = next?.shapes.map((shape) => shape.aspectRatio) ?? [];
        const aspectRatio = shapes.includes(current.aspectRatio) ? current.aspectRatio : firstShape(next);
        return { ...current, templateId, aspectRatio, designId: null, name: '', slide: 0 };
      }),
    setField: (name: string, value: FieldValue) =>
      setState((current) => ({
        ...current,
        values: {
          ...current.values,
          [current.templateId]: { ...(current.values[current.templateId] ?? values), [name]: value },
        },
      })),
    setShape: (aspectRatio: AspectRatio) => setState((current) => ({ ...current, aspectRatio })),
    setName: (name: string) => setState((current) => ({ ...current, name })),
    setSlide: (slide: number) => setState((current) => ({ ...current, slide })),
    /** Marks the editor as editing `design` after it was saved for the first time. */
    saved: (design: Design) => setState((current) => ({ ...current, designId: design.id, name: design.name })),
    open: (design: Design) =>
      setState((current) => {
        const opened = templates.find((candidate) => candidate.id === design.templateId);
        return {
          ...current,
          templateId: design.templateId,
          aspectRatio: design.aspectRatio,
          values: opened
            ? { ...current.values, [design.templateId]: fromApiFields(opened, design.fields) }
            : current.values,
          designId: design.id,
          name: design.name,
          slide: 0,
        };
      }),
    startNew: () => setState((current) => ({ ...current, designId: null, name: '' })),
  };
}

export type DesignEditor = ReturnType<typeof useDesignEditor>;
