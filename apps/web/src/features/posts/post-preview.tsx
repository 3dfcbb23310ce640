import { useState } from 'react';
import type { Account } from '@plume/contract/accounts/account-schemas';
import { highlightText } from './highlight-text.ts';
import { previewStyleFor, type PreviewStyle } from './preview-styles.ts';
import type { MediaKind } from '@plume/contract/networks/network-enums';

/** A media item to show as a thumbnail (an object URL of the file the person picked). */
export interface PreviewMedia {
  id: string;
  url: string;
  kind: MediaKind;
  altText: string;
}

interface PostPreviewProps {
  networkId: string;
  networkName: string;
  account: Pick<Account, 'handle' | 'displayName' | 'avatarUrl'>;
  text: string;
  thread: readonly string[];
  media: readonly PreviewMedia[];
}

function RichText({ text, style }: { text: string; style: PreviewStyle }) {
  if (text.length === 0) return <span className="text-muted italic">Nothing written yet.</span>;
  return (
    <>
      {highlightText(text).map((segment, index) =>
        segment.kind === 'text' ? (
          <span key={index}>{segment.value}</span>
        ) : (
          <span key={index} className={style.linkClass} data-kind={segment.kind}>
            {segment.value}
          </span>
        ),
      )}
    </>
  );
}

function Avatar({ account, style }: { account: PostPreviewProps['account']; style: PreviewStyle }) {
  const shape = style.avatar === 'round' ? 'rounded-full' : 'rounded-md';
  // Avatars live on the network; when one does not load, initials stand in.
  const [failed, setFailed] = useState(false);
  if (account.avatarUrl && !failed) {
    return (
      <img
        src={account.avatarUrl}
        alt=""
        onError={() => setFailed(true)}
        className={`size-10 shrink-0 object-cover ${shape}`}
      />
    );
  }
  const initial = (account.displayName || account.handle).replace(/^@/, '').charAt(0).toUpperCase();
  return (
    <span
      aria-hidden="true"
      className={`flex size-10 shrink-0 items-center justify-center bg-accent-soft font-semibold text-accent ${shape}`}
    >
      {initial}
    </span>
  );
}

function MediaGrid({ media }: { media: readonly PreviewMedia[] }) {
  if (media.length === 0) return null;
  return (
    <div
      className={`mt-2 grid gap-1 overflow-hidden rounded-lg border border-line ${media.length > 1 ? 'grid-cols-2' : ''}`}
    >
      {media.map((item) =>
        item.kind === 'audio' ? (
          <audio key={item.id} src={item.url} controls className="w-full" aria-label={item.altText || 'Audio'} />
        ) : item.kind === 'video' ? (
          <video
            key={item.id}
            src={item.url}
            muted
            className="aspect-video w-full bg-black object-cover"
            aria-label={item.altText || 'Video'}
          />
        ) : (
          <img key={item.id} src={item.url} alt={item.altText} className="aspect-video w-full object-cover" />
        ),
      )}
    </div>
  );
}

function Body({
  props,
  style,
  text,
  media,
}: {
  props: PostPreviewProps;
  style: PreviewStyle;
  text: string;
  media: readonly PreviewMedia[];
}) {
  const { account } = props;
  const handle =
    account.handle.startsWith('@') || props.networkId === 'telegram' || props.networkId === 'discord'
      ? account.handle
      : `@${account.handle}`;
  return (
    <div className="flex gap-3">
      <Avatar account={account} style={style} />
      <div className="min-w-0 flex-1">
        <p className="truncate text-sm">
          <span className="font-semibold text-ink">{account.displayName || account.handle}</span>{' '}
          <span className="text-muted">
            {handle} · {style.meta}
          </span>
        </p>
        <p
          className={`mt-1 text-sm [overflow-wrap:anywhere] whitespace-pre-wrap text-ink ${style.layout === 'bubble' ? 'rounded-2xl rounded-tl-sm bg-subtle px-3 py-2' : ''}`}
        >
          <RichText text={text} style={style} />
        </p>
        <MediaGrid media={media} />
      </div>
    </div>
  );
}

/**
 * What a post will look like on one network: the account, the text with links, tags and mentions
 * highlighted, media thumbnails and the thread's later parts.
 */
export function PostPreview(props: PostPreviewProps) {
  const style = previewStyleFor(props.networkId);
  return (
    <article
      aria-label={`${props.networkName} preview`}
      className={`space-y-3 rounded-lg border border-line p-3 ${style.layout === 'chat' ? 'bg-subtle' : 'bg-surface'}`}
    >
      <Body props={props} style={style} text={props.text} media={props.media} />
      {props.thread.map((part, index) => (
        <div key={index} className="border-t border-line pt-3">
          <p className="mb-1 text-xs text-muted">
            {style.threadLabel} {index + 2}
          </p>
          <Body props={props} style={style} text={part} media={[]} />
        </div>
      ))}
    </article>
  );
}
