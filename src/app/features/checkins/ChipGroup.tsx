// A set of on/off chips under one question, for life areas and feeling words.
import { useId } from 'react';

type Props = { legend: string; options: readonly string[]; labelOf: (key: string) => string; selected: string[]; onToggle: (key: string) => void };

export function ChipGroup({ legend, options, labelOf, selected, onToggle }: Props) {
  const legendId = useId();
  return (
    <div role="group" aria-labelledby={legendId} className="chip-question">
      <h3 id={legendId} className="chip-legend">{legend}</h3>
      <div className="chip-group">
        {options.map((key) => (
          <button key={key} type="button" className="chip" aria-pressed={selected.includes(key)} onClick={() => onToggle(key)}>
            {labelOf(key)}
          </button>
        ))}
      </div>
    </div>
  );
}
