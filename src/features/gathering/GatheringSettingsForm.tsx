// Mode, number of groups and anonymity, written to control by the facilitator.
import { Limits } from '@common/schema';
import type { GatheringSettings } from '@common/schema';
import { setGroupCount, setMode, setShowAuthors } from '@/doc/facilitator/gathering';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';

export function GatheringSettingsForm({ settings }: { settings: GatheringSettings }) {
  const t = useT();
  const { docs } = useMeeting();
  return (
    <div className="gathering-settings">
      <fieldset>
        <legend>{t('gathering.console.mode')}</legend>
        {(['individual', 'group'] as const).map((mode) => (
          <label key={mode} className="gathering-check">
            <input type="radio" name="gathering-mode" checked={settings.mode === mode} onChange={() => setMode(docs.control, mode)} />
            {t(`gathering.console.mode.${mode}`)}
          </label>
        ))}
        {settings.mode === 'group' && (
          <label className="gathering-field">
            {t('gathering.console.groupCount')}
            <select value={settings.groupCount} onChange={(e) => setGroupCount(docs.control, Number(e.target.value))}>
              {Array.from({ length: Limits.groupCountMax - 1 }, (_, i) => i + 2).map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
        )}
      </fieldset>
      <fieldset>
        <legend>{t('gathering.console.authors')}</legend>
        <label className="gathering-check">
          <input type="radio" name="gathering-authors" checked={!settings.showAuthors} onChange={() => setShowAuthors(docs.control, false)} />
          {t('gathering.console.anonymous')}
        </label>
        <label className="gathering-check">
          <input type="radio" name="gathering-authors" checked={settings.showAuthors} onChange={() => setShowAuthors(docs.control, true)} />
          {t('gathering.console.showAuthors')}
        </label>
      </fieldset>
    </div>
  );
}
