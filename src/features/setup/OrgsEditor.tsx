import { useState, type FormEvent } from 'react';
import { Button } from '@/components/Button';
import { TextField } from '@/components/TextField';
import { addExpectedOrg } from '@/doc/facilitator/meeting';
import type { MessageKey } from '@/i18n/catalogues';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { useExpectedOrgs } from '@/store/facilitatorHooks';
import { OrgRow } from './OrgRow';
import { organisationKey } from '@common/order';
import { inputMaxLength, typedText } from '@common/text';
import { TextRules } from '@common/records';

const SUGGESTIONS: MessageKey[] = ['setup.orgs.s1', 'setup.orgs.s2', 'setup.orgs.s3', 'setup.orgs.s4', 'setup.orgs.s5', 'setup.orgs.s6'];

export function OrgsEditor() {
  const t = useT();
  const { docs } = useMeeting();
  const orgs = useExpectedOrgs();
  const [name, setName] = useState('');
  const taken = new Set(orgs.map((o) => organisationKey(o.name)));
  const suggestions = SUGGESTIONS.map((k) => t(k)).filter((s) => !taken.has(organisationKey(s)));

  function add(event: FormEvent) {
    event.preventDefault();
    if (addExpectedOrg(docs.control, name)) setName('');
  }

  return (
    <section className="card" aria-labelledby="orgs-h">
      <h2 id="orgs-h">{t('setup.orgs.heading')}</h2>
      {orgs.length === 0 ? (
        <p>{t('setup.orgs.empty')}</p>
      ) : (
        <ol className="edit-list">
          {orgs.map((org, i) => (
            <OrgRow key={org.id} org={org} first={i === 0} last={i === orgs.length - 1} />
          ))}
        </ol>
      )}
      <form onSubmit={add} className="row row--end">
        <TextField label={t('setup.orgs.nameLabel')} value={name} maxLength={inputMaxLength(TextRules.organisation)} onChange={(e) => setName(typedText(e.target.value, TextRules.organisation))} />
        <Button type="submit">{t('setup.orgs.add')}</Button>
      </form>
      {suggestions.length > 0 && (
        <div role="group" aria-label={t('setup.orgs.suggestions')} className="chips">
          <span aria-hidden="true">{t('setup.orgs.suggestions')}: </span>
          {suggestions.map((s) => (
            <Button key={s} variant="ghost" onClick={() => addExpectedOrg(docs.control, s)} aria-label={t('setup.orgs.addSuggestion', { name: s })}>
              + {s}
            </Button>
          ))}
        </div>
      )}
    </section>
  );
}
