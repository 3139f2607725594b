import { AgendaEditor } from './AgendaEditor';
import { MeetingInfoForm } from './MeetingInfoForm';
import { OrgsEditor } from './OrgsEditor';
import { Representation } from './Representation';

export function SetupConsole() {
  return (
    <div className="console-grid">
      <MeetingInfoForm />
      <AgendaEditor />
      <OrgsEditor />
      <section className="card">
        <Representation />
      </section>
    </div>
  );
}
