import { Link } from '@tanstack/react-router';
import { buttonClasses } from '../../../components/button-classes.ts';
import { EmptyState } from '../../../components/empty-state.tsx';

/** What the studio shows before any image, video or speech provider is set up, and how to set one up. */
export function NoProvidersState({ workspaceId }: { workspaceId: string }) {
  return (
    <EmptyState
      title="No image, video or voice provider is set up yet"
      action={
        <Link to="/w/$workspaceId/models" params={{ workspaceId }} className={buttonClasses('primary')}>
          Set up a provider on the Models page
        </Link>
      }
    >
      <div className="space-y-2 text-left">
        <p>
          <strong>On your own machine, free:</strong> run a local Stable Diffusion server (AUTOMATIC1111 with
          <code> --api</code>, or ComfyUI) or any OpenAI-compatible image server such as LocalAI, and add its address.
          Voice works locally with espeak-ng or an OpenAI-compatible speech server (Kokoro, speaches). Ollama keeps
          writing your texts and can describe images for alt text with a vision model.
        </p>
        <p>
          <strong>In the cloud, paid per image:</strong> add an OpenAI, Google (Imagen, Veo) or Stability key. Every
          call counts against the workspace's monthly budget and is kept in the usage ledger.
        </p>
      </div>
    </EmptyState>
  );
}
