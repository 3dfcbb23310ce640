import { useQuery } from '@tanstack/react-query';
import type { TemplateSummary } from '@plume/contract/media/design-schemas';
import { Card } from '../../../components/card.tsx';
import { ErrorState } from '../../../components/error-state.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { LoadingState } from '../../../components/loading-state.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useTimeZone } from '../../workspaces/use-time-zone.ts';
import { useWorkspace } from '../../workspaces/use-workspace.ts';
import { MediaTabs } from '../media-tabs.tsx';
import { BrandKitCard } from './brand-kit-card.tsx';
import { DesignActions } from './design-actions.tsx';
import { formProblems, missingRequired } from './design-form.ts';
import { DesignsList } from './designs-list.tsx';
import { PreviewPanel } from './preview-panel.tsx';
import { ShapeSwitcher } from './shape-switcher.tsx';
import { TemplateFieldsForm } from './template-fields-form.tsx';
import { TemplatePicker } from './template-picker.tsx';
import { previewPath, templatesQueryOptions } from './template-queries.ts';
import { useDesignActions } from './use-design-actions.ts';
import { useDesignEditor } from './use-design-editor.ts';
import { useLivePreview } from './use-live-preview.ts';

/** /w/$workspaceId/media/templates — branded templates with a live preview, saved designs and the brand kit. */
export function MediaTemplatesPage({ workspaceId }: { workspaceId: string }) {
  const workspace = useWorkspace(workspaceId);
  const templates = useQuery(templatesQueryOptions(workspaceId));
  return (
    <>
      <PageHeader
        title="Templates"
        description="Branded images for your posts: pick a template, type, see it drawn, render it into the media vault."
      />
      <MediaTabs workspaceId={workspaceId} />
      {templates.isPending ? (
        <LoadingState label="Loading templates…" />
      ) : templates.isError ? (
        <ErrorState error={templates.error} onRetry={() => void templates.refetch()} />
      ) : (
        <TemplateStudio
          workspaceId={workspaceId}
          templates={templates.data}
          canEdit={workspace.role !== 'viewer'}
          canEditKit={workspace.role !== 'viewer'}
        />
      )}
    </>
  );
}

interface TemplateStudioProps {
  workspaceId: string;
  templates: readonly TemplateSummary[];
  canEdit: boolean;
  canEditKit: boolean;
}

function TemplateStudio({ workspaceId, templates, canEdit, canEditKit }: TemplateStudioProps) {
  const timeZone = useTimeZone();
  const editor = useDesignEditor(templates);
  const actions = useDesignActions(workspaceId, editor);
  const { template, state } = editor;
  const missing = template ? missingRequired(template, editor.values) : [];
  const slideCount = Array.isArray(editor.fields['slides']) ? editor.fields['slides'].length : 0;
  const slide = Math.min(state.slide, Math.max(0, slideCount - 1));
  const preview = useLivePreview(
    canEdit && template && missing.length === 0 ? previewPath(workspaceId, template.id) : undefined,
    {
      aspectRatio: state.aspectRatio,
      fields: editor.fields,
      ...(slideCount > 1 ? { slide } : {}),
    },
  );
  const saveError = actions.render.error ?? actions.save.error;
  const problems = { ...formProblems(preview.error), ...formProblems(saveError) };
  if (template === undefined) return <ErrorState error={new Error('No templates are available.')} />;
  return (
    <div className="space-y-6">
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,26rem)]">
        <div className="space-y-6">
          <Card>
            <TemplatePicker templates={templates} value={state.templateId} onChange={editor.pickTemplate} />
          </Card>
          <Card title={template.name} description={template.description}>
            <div className="space-y-5">
              <FormAlert
                error={saveError}
                labels={(path) => template.fields.find((field) => path.endsWith(`fields/${field.name}`))?.label}
              />
              <TemplateFieldsForm
                workspaceId={workspaceId}
                definition={template}
                values={editor.values}
                problems={problems}
                onChange={editor.setField}
              />
              <ShapeSwitcher
                shapes={template.shapes.map((shape) => shape.aspectRatio)}
                value={state.aspectRatio}
                onChange={editor.setShape}
              />
              <DesignActions
                workspaceId={workspaceId}
                editor={editor}
                actions={actions}
                problems={problems}
                canEdit={canEdit}
                missing={missing}
              />
            </div>
          </Card>
        </div>
        <div className="lg:sticky lg:top-4">
          <Card title="Preview">
            <PreviewPanel
              preview={preview}
              aspectRatio={state.aspectRatio}
              templateName={template.name}
              missing={missing}
              notice={canEdit ? undefined : 'Editors see the live preview here; viewers can look at the saved designs.'}
              slides={template.multiSlide ? { count: slideCount, shown: slide, onShow: editor.setSlide } : undefined}
            />
          </Card>
        </div>
      </div>
      <DesignsList
        workspaceId={workspaceId}
        timeZone={timeZone}
        templates={templates}
        openId={state.designId}
        canEdit={canEdit}
        onOpen={editor.open}
        onDeleted={(designId) => {
          if (designId === state.designId) editor.startNew();
        }}
      />
      <BrandKitCard workspaceId={workspaceId} canEdit={canEditKit} />
    </div>
  );
}
