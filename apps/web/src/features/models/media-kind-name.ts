/** A media provider kind in words, for lists and the add form. */
export function mediaKindName(kind: string): string {
  const names: Record<string, string> = {
    openai: 'OpenAI (images, speech)',
    google: 'Google (Imagen, Veo)',
    stability: 'Stability AI',
    automatic1111: 'AUTOMATIC1111 (local Stable Diffusion)',
    comfyui: 'ComfyUI (local)',
    openai_compatible: 'OpenAI-compatible (LocalAI, speaches, Kokoro)',
    espeak: 'espeak-ng (local speech)',
  };
  return names[kind] ?? kind;
}

/** What a provider makes, in words: "images, speech". */
export function makesInWords(makes: { image: boolean; video: boolean; speech: boolean }): string {
  const list = [makes.image ? 'images' : null, makes.video ? 'video' : null, makes.speech ? 'speech' : null];
  const words = list.filter((item) => item !== null);
  return words.length === 0 ? 'nothing in this build' : words.join(', ');
}
