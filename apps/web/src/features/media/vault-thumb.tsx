import type { VaultItem } from '@plume/contract/media/vault-schemas';
import { API_BASE } from '../../lib/api.ts';

/** The file's same-origin address for <img>/<video>/<audio> (the API answers `/api/v1/…`). */
export function fileSrc(item: Pick<VaultItem, 'fileUrl'>): string {
  return item.fileUrl.startsWith(API_BASE) ? item.fileUrl : `${API_BASE}${item.fileUrl}`;
}

/** A small picture of an item: the image itself, a video's first frame, a label for audio. */
export function VaultThumb({ item, className = 'size-full' }: { item: VaultItem; className?: string }) {
  if (item.kind === 'image' || item.kind === 'gif')
    return <img src={fileSrc(item)} alt={item.altText ?? ''} loading="lazy" className={`${className} object-cover`} />;
  if (item.kind === 'video')
    return (
      <video
        src={fileSrc(item)}
        muted
        preload="metadata"
        aria-hidden="true"
        className={`${className} bg-black object-cover`}
      />
    );
  return (
    <div className={`${className} flex items-center justify-center bg-subtle text-xs text-muted`} aria-hidden="true">
      Audio
    </div>
  );
}

const approvalText: Record<VaultItem['approval'], string> = {
  approved: 'Approved',
  pending: 'Needs approval',
  rejected: 'Rejected',
};

/** Approval as a small badge (nothing for approved items, which are the norm). */
export function ApprovalBadge({ item }: { item: Pick<VaultItem, 'approval'> }) {
  if (item.approval === 'approved') return null;
  const tone = item.approval === 'pending' ? 'bg-warning-soft text-warning' : 'bg-danger-soft text-danger';
  return <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${tone}`}>{approvalText[item.approval]}</span>;
}

export const sourceLabel: Record<VaultItem['source'], string> = { upload: 'Upload', template: 'Template', ai: 'AI' };
