import { useState } from 'react';
import { NETWORK_IDS, type NetworkId } from '@plume/contract/networks/network-enums';
import { Button } from '../../components/button.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { useNetworkName } from '../networks/use-network-name.ts';

/** Picks a network the strategy does not post on yet and adds it (at 3 posts a week, to adjust). */
export function AddNetwork({ present, onAdd }: { present: string[]; onAdd: (network: NetworkId) => void }) {
  const networkName = useNetworkName();
  const missing = NETWORK_IDS.filter((network) => !present.includes(network));
  const [choice, setChoice] = useState<string>('');
  if (missing.length === 0) return null;
  const selected = missing.find((network) => network === choice) ?? missing[0]!;
  return (
    <div className="flex items-end gap-2 sm:col-span-2">
      <SelectField
        label="Add a network"
        options={missing.map((network) => ({ value: network, label: networkName(network) }))}
        value={selected}
        onChange={(event) => setChoice(event.target.value)}
      />
      <Button variant="secondary" onClick={() => onAdd(selected)}>
        Add
      </Button>
    </div>
  );
}
