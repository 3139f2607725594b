// Note colour as radio buttons with text labels, so colour never carries meaning alone.
import { useId } from 'react';
import { NOTE_COLORS, type NoteColor } from '@common/schema';
import { useT } from '@/i18n/useT';

export function ColorPicker({ value, onChange }: { value: NoteColor; onChange(color: NoteColor): void }) {
  const t = useT();
  const name = useId();
  return (
    <fieldset className="gathering-colors">
      <legend>{t('gathering.color.legend')}</legend>
      {NOTE_COLORS.map((color) => (
        <label key={color} className={`gathering-color note-color-${color}`}>
          <input
            type="radio"
            name={name}
            value={color}
            checked={value === color}
            onChange={() => onChange(color)}
          />
          {t(`gathering.color.${color}`)}
        </label>
      ))}
    </fieldset>
  );
}
