/**
 * Our chat messages as the AI SDK takes them: text alone, or text with image parts for a vision model
 * (the SDK sends OpenAI `image_url` data URLs, Anthropic image blocks, and ai-sdk-ollama Ollama's
 * base64 `images` on the message).
 */
import type { ModelMessage } from 'ai';
import type { ChatMessage } from '../provider-contract.ts';

export function toModelMessage(message: ChatMessage): ModelMessage {
  const images = message.images ?? [];
  if (images.length === 0 || message.role === 'assistant') return { role: message.role, content: message.content };
  return {
    role: 'user',
    content: [
      { type: 'text', text: message.content },
      ...images.map((image) => ({ type: 'image' as const, image: image.bytes, mediaType: image.mimeType })),
    ],
  };
}
