/**
 * What the media gateway offers the rest of Plume (core's generation jobs, the studio's routes). Every
 * image, video and speech call goes through it, with the text gateway's rules: candidates from the
 * task's routing policy (`llm_routing_policies` with task `image`, `video` or `speech`; local first by
 * default), the budget checked before the call (price table estimate), fallback on the failures a next
 * candidate can fix, a circuit breaker per provider, and one `llm_usage` ledger row per call with its
 * cost and the chain it tried. Failures are `LlmGatewayError`s (`budget_exceeded`, `no_provider`,
 * `all_failed`), a vendor's refusal included (`all_failed` whose last step is `content_filter`).
 */
import type { FallbackStep } from '@plume/llm/gateway/gateway-store';
import type { RoutingPolicy } from '@plume/llm/gateway/routing';
import type {
  GeneratedImage,
  ImageCall,
  SpeechAnswer,
  SpeechCall,
  VideoAnswer,
  VideoCall,
} from '../providers/media-provider-contract.ts';

type MediaRequest<Call> = {
  workspaceId: string;
  userId?: string | null;
  call: Omit<Call, 'model'>;
  /** Overrides the stored policy (the studio's "use this model"). */
  policy?: RoutingPolicy;
};

/** What every call reports besides its result: who answered, what it cost, what was tried. */
export type MediaCallFacts = {
  provider: string;
  model: string;
  latencyMs: number;
  costMicros: number;
  /** The price table version the cost was computed with. */
  priceVersion: string;
  chain: FallbackStep[];
  /** The ledger row of the call. */
  usageId: string;
};

export type ImageRequest = MediaRequest<ImageCall>;
export type VideoRequest = MediaRequest<VideoCall>;
export type SpeechRequest = MediaRequest<SpeechCall>;

export interface MediaGateway {
  generateImages(request: ImageRequest): Promise<MediaCallFacts & { images: GeneratedImage[] }>;
  generateVideo(request: VideoRequest): Promise<MediaCallFacts & { video: VideoAnswer['video'] }>;
  synthesizeSpeech(request: SpeechRequest): Promise<MediaCallFacts & { audio: SpeechAnswer['audio'] }>;
}
