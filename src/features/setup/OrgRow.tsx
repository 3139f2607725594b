import { useState, type FormEvent } from 'react';
import type { ExpectedOrg } from '@common/schema';
import { Button } from '@/components/Button';
import { TextField } from '@/components/TextField';
import { moveExpectedOrg, removeExpectedOrg, renameExpectedOrg } from '@/doc/facilitator/meeting';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { inputMaxLength, typedText } from '@common/text';
import { TextRules } from '@common/records';

/** One expected organisation: move up/down, rename inline, remove. */
export function OrgRow({ org, first, last }: { org: ExpectedOrg; first: boolean; last: boolean }) {
  const t = useT();
  const { docs } = useMeeting();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(org.name);

  function save(event: FormEvent) {
    event.preventDefault();
    renameExpectedOrg(docs.control, org.id, name);
    setEditing(false);
  }

  if (editing) {
    return (
      <li>
        <form onSubmit={save} className="row row--end">
          <TextField label={t('setup.orgs.renameLabel', { name: org.name })} value={name} maxLength={inputMaxLength(TextRules.organisation)} onChange={(e) => setName(typedText(e.target.value, TextRules.organisation))} autoFocus />
          <Button type="submit" variant="primary">
            {t('setup.orgs.renameSave')}
          </Button>
          <Button onClick={() => setEditing(false)}>{t('setup.orgs.cancel')}</Button>
        </form>
      </li>
    );
  }
  return (
    <li>
      <span className="edit-list__text">{org.name}</span>
      <Button onClick={() => moveExpectedOrg(docs.control, org.id, -1)} disabled={first} aria-label={t('setup.orgs.moveUp', { name: org.name })}>
        ↑
      </Button>
      <Button onClick={() => moveExpectedOrg(docs.control, org.id, 1)} disabled={last} aria-label={t('setup.orgs.moveDown', { name: org.name })}>
        ↓
      </Button>
      <Button
        onClick={() => {
          setName(org.name);
          setEditing(true);
        }}
        aria-label={t('setup.orgs.rename', { name: org.name })}
      >
        ✎
      </Button>
      <Button variant="danger" onClick={() => removeExpectedOrg(docs.control, org.id)} aria-label={t('setup.orgs.remove', { name: org.name })}>
        ✕
      </Button>
    </li>
  );
}
