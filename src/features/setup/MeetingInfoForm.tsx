import { useState, type FormEvent } from 'react';
import { Button } from '@/components/Button';
import { TextField } from '@/components/TextField';
import { setMeetingInfo } from '@/doc/facilitator/meeting';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { useMeetingInfo } from '@/store/meetingHooks';
import { inputMaxLength, typedText } from '@common/text';
import { TextRules } from '@common/records';

/** Title, purpose and forum name; drafts stay local until saved. */
export function MeetingInfoForm() {
  const t = useT();
  const { docs } = useMeeting();
  const info = useMeetingInfo();
  const [draft, setDraft] = useState(info);
  const [saved, setSaved] = useState(false);
  // take in edits from elsewhere while this form has no unsaved changes of its own
  // (adjusted while rendering, as React advises for state that follows a prop: no effect, no extra paint)
  const [base, setBase] = useState(info);
  if (info !== base) {
    setBase(info);
    setDraft((d) => (d.title === base.title && d.purpose === base.purpose && d.forumName === base.forumName ? info : d));
  }

  function save(event: FormEvent) {
    event.preventDefault();
    setMeetingInfo(docs.control, draft);
    setSaved(true);
  }

  const edit = (field: 'title' | 'purpose' | 'forumName') => (e: { target: { value: string } }) => {
    setSaved(false);
    setDraft({ ...draft, [field]: typedText(e.target.value, TextRules[field]) });
  };

  return (
    <section className="card" aria-labelledby="info-h">
      <h2 id="info-h">{t('setup.info.heading')}</h2>
      <form onSubmit={save}>
        <TextField label={t('setup.info.title')} value={draft.title} maxLength={inputMaxLength(TextRules.title)} onChange={edit('title')} />
        <TextField
          multiline
          rows={2}
          label={t('setup.info.purpose')}
          placeholder={t('setup.info.purposePlaceholder')}
          value={draft.purpose}
          maxLength={inputMaxLength(TextRules.purpose)}
          onChange={edit('purpose')}
        />
        <TextField
          label={t('setup.info.forum')}
          placeholder={t('setup.info.forumPlaceholder')}
          value={draft.forumName}
          maxLength={inputMaxLength(TextRules.forumName)}
          onChange={edit('forumName')}
        />
        <div className="row">
          <Button type="submit" variant="primary">
            {t('setup.info.save')}
          </Button>
          <span role="status">{saved ? t('setup.info.saved') : ''}</span>
        </div>
      </form>
    </section>
  );
}
